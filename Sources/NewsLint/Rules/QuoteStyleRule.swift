/// `quote-style`: quotation marks and brackets in the mainland style of GB/T 15834.
///
/// Checks now: pairs that do not balance within a paragraph (“” ‘’ （） 《》 〈〉 【】 〔〕),
/// judged on the joined paragraph so that a pair broken by a hard wrap or a column
/// break still balances; and corner brackets 「」『』, which mainland horizontal copy
/// does not use; a quotation inside a quotation in double marks (it takes ‘’); 、 between items
/// that each stand in quotation or title marks. A missing half is often the trace of text lost
/// in page export.
public struct QuoteStyleRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "quote-style",
        name: LocalizedText(zh: "引号与括号", en: "Quotation marks and brackets"),
        rationale: LocalizedText(
            zh: "引号、括号、书名号必须成对（GB/T 15834—2011）；大陆横排不用直角引号「」『』。缺了一半的引号常常说明排版导出时丢了文字。",
            en: "Quotation marks, brackets and title marks come in pairs (GB/T 15834-2011); mainland horizontal copy does not use corner brackets 「」『』. A missing half often means text was lost when the page was exported."),
        severity: .error,
        triggering: [
            RuleExample("他说：⟦“⟧今天的任务一定要完成。\n\n会议要求各单位抓好落实。"),
            RuleExample("他说：⟦“⟧今天的任务，一定要完成"),
            RuleExample("会议强调，要抓好落实⟦”⟧。"),
            RuleExample("出台《文苑街道党员教育管理制度》⟦》⟧，明确管理要求。"),
            RuleExample("该镇以⟦（⟧党群联动、问题驱动为抓手。"),
            RuleExample("深刻领悟“两个确立⟦（⟧决定性意义”的认识。"),
            RuleExample("从源远流长的文化中遇见⟦「可爱的中国」⟧"),
            RuleExample("订阅《人民日报》⟦《⟧光明日报。"),
            RuleExample("他说：“要建好⟦“长者食堂”⟧。”"),
            RuleExample("推出“长者食堂”⟦、⟧“幸福助餐小院”等项目，订阅《人民日报》⟦、⟧《光明日报》。"),
        ],
        nonTriggering: [
            RuleExample("充分发挥“担当作为、务实重干”的文昌精神。"),
            RuleExample("全面准确贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。"),
            RuleExample("开展“排查整治进行时”、“安全生产大家谈”、安全宣传“五进”等活动。"),
            RuleExample("把香港变成反中“桥头堡”、暴乱“大本营”、“颜色革命”输出地。"),
            RuleExample("在高新区(示范区)党工委的领导下。"),
            RuleExample("他说：“‘五星’支部创建要走深走实。”"),
            RuleExample("推出“长者食堂”“幸福助餐小院”等项目。"),
            RuleExample("出台《文苑街道“五星”支部创建考核细则汇编》。"),
            RuleExample("焦作同仁医院开展“新家\n庭计划”试点。"),
            RuleExample("周庄镇党委书记崔全星说，全市吹响了“锚定‘两个确保’、再造发展优势”的号角，一系列“生态立县、智\n\n造强县”的发展战略正在谋划中。"),
            RuleExample("It’s a Xi’an story."),
            RuleExample("1）完善机制；2）落实责任。"),
            RuleExample("“第一段引文没有右引号。\n\n“第二段引文在这里结束。”"),
            RuleExample("吕先生当年指出：“编写辞书最忌雷同。\n〔https://example.com/a.html〕"),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let paragraphs = document.paragraphs
        for (index, paragraph) in paragraphs.enumerated() {
            let next = index + 1 < paragraphs.count ? paragraphs[index + 1] : nil
            check(paragraph, runOnAllowed: runOnAllowed(next), into: &findings)
        }
        return findings
    }

    /// A quotation over several paragraphs opens each one with “ and closes only in the last,
    /// so a “ left open at the end of a paragraph is fine when the next paragraph opens with “,
    /// and cannot be judged when no prose paragraph follows (the end of the copy or of an
    /// excerpt): precision first.
    private func runOnAllowed(_ next: Paragraph?) -> Bool {
        guard let next, next.kind.isProse else { return true }
        return next.text.starts(with: Self.leftDoubleQuote)
    }

    static let leftDoubleQuote: [UInt8] = Array("“".utf8)
    static let listedPairs = ["”、“", "》、《"].map(UTF8Scan.bytes)

    private func check(_ p: Paragraph, runOnAllowed: Bool, into findings: inout [Finding]) {
        var stack: [(scalar: UInt32, offset: Int, length: Int)] = []
        let text = p.text
        var corners: [(open: Int, close: Int?)] = []
        var nested: [Range<Int>] = []
        text.withUnsafeBufferPointer { buf in
            var i = 0
            var previous: UInt32 = 0
            while i < buf.count {
                if UTF8Scan.leadsIdeograph(buf[i]) { previous = ch("一"); i += 3; continue }  // never a mark
                let (v, len) = UTF8Scan.decode(buf, at: i)
                defer { previous = v; i += len }
                guard v >= ch("("), let (family, opens) = Scalar.pairing(v) else { continue }
                if v == ch("「") || v == ch("『") { corners.append((i, nil)) }
                if opens {
                    stack.append((v, i, len))
                    continue
                }
                if v == ch("’") && Scalar.isASCIILetter(previous) && i + len < buf.count
                    && Scalar.isASCIILetter(UTF8Scan.decode(buf, at: i + len).0) {
                    continue  // an apostrophe in Latin text: It’s, Xi’an
                }
                if let depth = stack.lastIndex(where: { Scalar.pairing($0.scalar)?.family == family }) {
                    for open in stack[(depth + 1)...] {
                        findings.append(unbalanced(p, open.offset, open.length, scalar: open.scalar, opener: true))
                    }
                    if v == ch("」") || v == ch("』"), let k = corners.lastIndex(where: { $0.open == stack[depth].offset }) {
                        corners[k].close = i + len
                    }
                    // “…“…”…”: a quotation inside a quotation takes ‘’.
                    if family == 1, stack[..<depth].contains(where: { $0.scalar == ch("“") }) {
                        nested.append(stack[depth].offset..<(i + len))
                    }
                    stack.removeSubrange(depth...)
                } else if !isListMarker(buf, closerAt: i, scalar: v) {
                    findings.append(unbalanced(p, i, len, scalar: v, opener: false))
                }
            }
        }
        for open in stack {
            if runOnAllowed && open.scalar == ch("“") && stack.count == 1 && runsToEnd(p.text, from: open.offset) { continue }
            findings.append(unbalanced(p, open.offset, open.length, scalar: open.scalar, opener: true))
        }
        for r in nested {
            let original = String(decoding: text[r], as: UTF8.self)
            let inner = original.unicodeScalars.dropFirst().dropLast()
            let fixed = "‘" + String(String.UnicodeScalarView(inner)) + "’"
            findings.append(Finding(range: p.sourceRange(r), message: Messages.nested(original, fixed), suggestion: fixed, fixIsSafe: true))
        }
        // 、 between items each in quotation marks or title marks: “长者食堂”“幸福助餐小院”. A list
        // that also holds an item without marks keeps its 顿号 throughout: “一国两制”、“港人治港”、高度自治.
        for (k, pair) in Self.listedPairs.enumerated() {
            let (open, close) = k == 0 ? (ch("“"), ch("”")) : (ch("《"), ch("》"))
            for at in ByteSearch.offsets(of: pair, in: text) where !Self.listHasBareItem(text, pairAt: at, open: open, close: close) {
                let comma = (at + 3)..<(at + 6)
                findings.append(Finding(range: p.sourceRange(comma), message: Messages.enumerationComma, suggestion: "", fixIsSafe: true))
            }
        }
        for corner in corners {
            let end = corner.close ?? (corner.open + 3)
            let original = String(decoding: text[corner.open..<end], as: UTF8.self)
            let suggestion = original.replacingCorners
            findings.append(Finding(range: p.sourceRange(corner.open..<end), message: Messages.corner(original), suggestion: suggestion,
                                    fixIsSafe: corner.close != nil))
        }
    }

    /// Whether the list around the `”、“` (or `》、《`) at `at` has an item without marks, before or
    /// after the marked ones, or an item with words beside its marks (`暴乱“大本营”`): then its
    /// 顿号 are right (GB/T 15834: 若有其他成分插在并列的引号之间…宜用顿号).
    static func listHasBareItem(_ text: [UInt8], pairAt at: Int, open: UInt32, close: UInt32) -> Bool {
        let comma = ch("、"), limit = 60
        // Forward: past each marked item to what follows its 、.
        var k = at + 6  // the opening mark of the next item
        while true {
            var j = k + 3, n = 0
            while j < text.count, n < limit, UTF8Scan.decode(text, at: j).0 != close { j += UTF8Scan.decode(text, at: j).1; n += 1 }
            guard j < text.count, n < limit else { break }
            j += 3
            guard j < text.count, UTF8Scan.decode(text, at: j).0 == comma else { break }
            let next = j + 3
            guard next < text.count else { break }
            if UTF8Scan.decode(text, at: next).0 != open { return true }
            k = next
        }
        // Backward: before each marked item's opening mark.
        var e = at  // the closing mark of the item before
        while true {
            var j = e, n = 0
            while j > 0, n < limit {
                j = UTF8Scan.previousScalarStart(text, before: j)
                n += 1
                if UTF8Scan.decode(text, at: j).0 == open { break }
            }
            guard UTF8Scan.decode(text, at: j).0 == open, j > 0 else { break }
            var before = UTF8Scan.previousScalarStart(text, before: j)
            // A word inside the item before its mark (`、暴乱“大本营”`): then the list has more than marks.
            var words = 0
            while before > 0, words < 4, Scalar.isHan(UTF8Scan.decode(text, at: before).0) {
                before = UTF8Scan.previousScalarStart(text, before: before)
                words += 1
            }
            if words > 0 && words < 4 && UTF8Scan.decode(text, at: before).0 == comma && before > 0
                && UTF8Scan.decode(text, at: UTF8Scan.previousScalarStart(text, before: before)).0 == close { return true }
            guard words == 0, UTF8Scan.decode(text, at: before).0 == comma, before > 0 else { break }
            let previous = UTF8Scan.previousScalarStart(text, before: before)
            if UTF8Scan.decode(text, at: previous).0 != close { return true }
            e = previous
        }
        return false
    }

    /// Whether a quotation opened at `offset` runs to the end of the paragraph: no quotation
    /// mark after it, and the paragraph ends a sentence.
    private func runsToEnd(_ text: [UInt8], from offset: Int) -> Bool {
        guard Paragraph.endsFinished(text) else { return false }
        var i = offset + 3
        while i < text.count {
            let (v, len) = UTF8Scan.decode(text, at: i)
            if v == ch("“") || v == ch("”") { return false }
            i += len
        }
        return true
    }

    /// `1）`, `2)`, `一）` at the start of the paragraph or after a clause mark: list numbering, not a bracket.
    private func isListMarker(_ buf: UnsafeBufferPointer<UInt8>, closerAt i: Int, scalar: UInt32) -> Bool {
        guard scalar == ch(")") || scalar == ch("）") else { return false }
        var k = i
        var numerals = 0
        while k > 0 {
            var s = k - 1
            while s > 0 && !UTF8Scan.isScalarStart(buf[s]) { s -= 1 }
            let v = UTF8Scan.decode(buf, at: s).0
            if Scalar.isASCIIDigit(v) || Scalar.isASCIILetter(v) || Self.chineseNumerals.contains(v) {
                numerals += 1
                if numerals > 2 { return false }
                k = s
                continue
            }
            return numerals > 0 && (Scalar.isSpace(v) || Self.clauseMarks.contains(v))
        }
        return numerals > 0
    }

    private static let chineseNumerals: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))
    private static let clauseMarks: Set<UInt32> = Set("，。；：、".unicodeScalars.map(\.value))

    private func unbalanced(_ p: Paragraph, _ offset: Int, _ length: Int, scalar: UInt32, opener: Bool) -> Finding {
        let range = p.sourceRange(offset..<offset + length)
        return Finding(range: range, message: Messages.unbalanced(scalar, opener: opener))
    }

    // MARK: - Messages

    enum Messages {
        static func kind(_ v: UInt32) -> (zh: String, en: String, open: String, close: String) {
            switch v {
            case ch("“"), ch("”"): return ("引号", "quotation marks", "“", "”")
            case ch("‘"), ch("’"): return ("单引号", "single quotation marks", "‘", "’")
            case ch("《"), ch("》"): return ("书名号", "title marks", "《", "》")
            case ch("〈"), ch("〉"): return ("书名号", "title marks", "〈", "〉")
            case ch("【"), ch("】"): return ("方头括号", "lenticular brackets", "【", "】")
            case ch("〔"), ch("〕"): return ("六角括号", "tortoise-shell brackets", "〔", "〕")
            case ch("「"), ch("」"): return ("直角引号", "corner brackets", "「", "」")
            case ch("『"), ch("』"): return ("直角引号", "corner brackets", "『", "』")
            case ch("("), ch(")"): return ("括号", "parentheses", "(", ")")
            default: return ("括号", "parentheses", "（", "）")
            }
        }

        static func unbalanced(_ v: UInt32, opener: Bool) -> LocalizedText {
            let k = kind(v)
            if opener {
                return LocalizedText(zh: "\(k.zh)不成对：这个\(k.open)在本段中没有对应的\(k.close)",
                                     en: "unbalanced \(k.en): this \(k.open) has no matching \(k.close) in its paragraph")
            }
            return LocalizedText(zh: "\(k.zh)不成对：这个\(k.close)之前没有对应的\(k.open)",
                                 en: "unbalanced \(k.en): this \(k.close) has no matching \(k.open) before it")
        }

        static func nested(_ original: String, _ fixed: String) -> LocalizedText {
            LocalizedText(zh: "引号里面再用引号，要用单引号：\(original)应为\(fixed)",
                          en: "a quotation inside a quotation takes single marks: \(fixed), not \(original)")
        }

        static let enumerationComma = LocalizedText(
            zh: "各自带引号或书名号的并列成分之间不用顿号", en: "no 顿号 between parallel items that each stand in quotation or title marks")

        static func corner(_ original: String) -> LocalizedText {
            let fixed = original.replacingCorners
            return LocalizedText(zh: "大陆横排不用直角引号：\(original)应为\(fixed)",
                                 en: "mainland horizontal copy does not use corner brackets: write \(fixed) for \(original)")
        }
    }
}

extension String {
    /// 「」→“”, 『』→‘’.
    var replacingCorners: String {
        String(String.UnicodeScalarView(unicodeScalars.map { u -> Unicode.Scalar in
            switch u {
            case "「": return "“"
            case "」": return "”"
            case "『": return "‘"
            case "』": return "’"
            default: return u
            }
        }))
    }
}
