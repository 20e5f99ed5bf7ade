/// `punctuation-width`: Chinese text takes full-width punctuation (GB/T 15834).
///
/// Checks: ASCII `, : ; ( ) ? !` between Han characters, each with its full-width form as a safe
/// fix; a page (else an article) where nearly all such punctuation is ASCII (exported that way)
/// is reported once with a count rather than once per comma; full-width digits or `％` mixed with half-width
/// ones in one article.
public struct PunctuationWidthRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "punctuation-width",
        name: LocalizedText(zh: "标点与数字的全角半角", en: "Width of punctuation and digits"),
        rationale: LocalizedText(
            zh: "中文行文用全角标点（，：；（）？！）。汉字之间出现半角标点是错误，常是排版导出时转换造成的：整版（或整篇稿件）都是半角时只报告一次并给出数量。同一篇稿件中全角数字、％与半角数字不混用。",
            en: "Chinese text takes full-width punctuation (，：；（）？！). ASCII marks between Han characters are errors, often made by page export: when a whole page (or article) is so, it is reported once with a count. One article does not mix full-width digits or ％ with half-width ones."),
        severity: .warning,
        options: [
            RuleOptionDescription("pageShare", default: "0.8", LocalizedText(
                zh: "半角标点占比达到此值（且至少 10 处）时按整版报告一次", en: "share of ASCII marks (and at least 10) at which the page is reported once")),
        ],
        triggering: [
            RuleExample("该镇建立“三学模式”⟦,⟧即书记讲学、头雁领学。"),
            RuleExample("在高新区⟦(⟧示范区⟦)⟧党工委的领导下。"),
            RuleExample("今年以来⟦,⟧宁郭镇在高新区(示范区)党工委、管委会的领导下,全面贯彻新思想,深入学习,坚持抓基层,以“五星”支部创建为抓手,引领乡村治理,取得新成效,全镇呈现良好态势,先后获得荣誉称号,成绩突出。"),
            RuleExample("全年增长⟦８⟧%，比上年提高2个百分点。"),
        ],
        nonTriggering: [
            RuleExample("该镇建立“三学模式”，即书记讲学、头雁领学。"),
            RuleExample("S104道路两侧，G20峰会期间，3.5亿元，1:2的比例，http://www.example.cn 。"),
            RuleExample("全年增长８％，比上年提高２个百分点。"),
        ]
    )

    let pageShare: Double

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        var share = 0.8
        if let v = options.values.first(where: { $0.key == "pageShare" })?.value {
            guard case let .number(n) = v, n > 0, n <= 1 else {
                throw options.error("pageShare", LocalizedText(zh: "应为 0～1 之间的数", en: "expected a number from 0 to 1"))
            }
            share = n
        }
        pageShare = share
    }

    static let ascii: [UInt32: String] = [0x2C: "，", 0x3A: "：", 0x3B: "；", 0x28: "（", 0x29: "）", 0x3F: "？", 0x21: "！"]
    static let fullWidth: Set<UInt32> = [0xFF0C, 0xFF1A, 0xFF1B, 0xFF08, 0xFF09, 0xFF1F, 0xFF01]

    public func check(_ document: Document) -> [Finding] {
        // Judged per article: a page can hold an article exported with ASCII marks beside others.
        var articleOf: [Int: Int] = [:]
        for (n, a) in document.articles.enumerated() { for b in a.blocks { articleOf[b] = n } }
        var groups: [Int: (strays: [(Paragraph, Range<Int>, UInt32)], fullWidth: Int)] = [:]
        for p in document.paragraphs where p.kind != .advertisement && p.kind != .masthead {
            let key = p.blocks.first.flatMap { articleOf[$0] } ?? -1
            let t = p.text
            var i = 0
            var previous: UInt32 = 0
            var strays: [(Paragraph, Range<Int>, UInt32)] = []
            var fullWidthCount = 0
            while i < t.count {
                let (v, len) = UTF8Scan.decode(t, at: i)
                if v >= 0xFF01 && v <= 0xFF1F && Self.fullWidth.contains(v) { fullWidthCount += 1 }
                if v < 0x40 && Self.ascii[v] != nil, i + len < t.count, isBetweenHan(v, previous, UTF8Scan.decode(t, at: i + len).0) {
                    strays.append((p, i..<(i + len), v))
                }
                previous = v
                i += len
            }
            groups[key, default: ([], 0)].strays += strays
            groups[key, default: ([], 0)].fullWidth += fullWidthCount
        }
        var findings: [Finding] = []
        // A page exported with ASCII marks throughout is one finding; else each article is judged.
        let all = groups.keys.sorted().flatMap { groups[$0]!.strays }
        let pageTotal = all.count + groups.values.reduce(0) { $0 + $1.fullWidth }
        let units: [(strays: [(Paragraph, Range<Int>, UInt32)], fullWidth: Int, page: Bool)]
        if all.count >= 10, Double(all.count) >= pageShare * Double(pageTotal) {
            units = [(all, pageTotal - all.count, true)]
        } else {
            units = groups.keys.sorted().map { (groups[$0]!.strays, groups[$0]!.fullWidth, false) }
        }
        for (strays, fullWidthCount, page) in units {
            let total = strays.count + fullWidthCount
            if strays.count >= 10, Double(strays.count) >= pageShare * Double(total) {
                // The article was exported with ASCII marks: once, with the count, at the first of them.
                let first = strays[0]
                findings.append(Finding(range: first.0.sourceRange(first.1), message: Messages.many(strays.count, total: total, page: page)))
            } else {
                for (p, r, v) in strays {
                    let fixed = Self.ascii[v]!
                    findings.append(Finding(range: p.sourceRange(r), message: Messages.stray(String(Character(Unicode.Scalar(v)!)), fixed),
                                            suggestion: fixed, fixIsSafe: true))
                }
            }
        }
        findings += mixedDigits(document)
        return findings
    }

    /// Whether an ASCII mark stands in Chinese text: Han (or a quotation mark) on both sides, so
    /// that `1:2`, `3.5`, `S104`, `http://` and English stay alone.
    private func isBetweenHan(_ v: UInt32, _ before: UInt32, _ after: UInt32) -> Bool {
        let hanBefore = Scalar.isHan(before) || before == 0x201D || before == 0xFF09 || (v == 0x29 && before == 0x201D)
        let hanAfter = Scalar.isHan(after) || after == 0x201C || after == 0xFF08
        if v == 0x29 { return Scalar.isHan(before) && (hanAfter || Self.fullWidth.contains(after) || after == 0x3002 || after == 0x3001) }
        return hanBefore && hanAfter
    }

    /// Full-width digits or ％ in an article that also writes half-width digits.
    private func mixedDigits(_ document: Document) -> [Finding] {
        var out: [Finding] = []
        for article in document.articles {
            var firstWide: (Paragraph, Range<Int>)?
            var narrow = false
            for p in document.paragraphs where p.blocks.contains(where: { article.blocks.contains($0) }) {
                let t = p.text
                var i = 0
                while i < t.count {
                    let (v, len) = UTF8Scan.decode(t, at: i)
                    if (v >= 0xFF10 && v <= 0xFF19) || v == 0xFF05 { if firstWide == nil { firstWide = (p, i..<(i + len)) } }
                    if v >= 0x30 && v <= 0x39 { narrow = true }
                    i += len
                }
            }
            if let (p, r) = firstWide, narrow {
                out.append(Finding(range: p.sourceRange(r), message: Messages.mixedDigits))
            }
        }
        return out
    }

    enum Messages {
        static func stray(_ c: String, _ f: String) -> LocalizedText {
            LocalizedText(zh: "中文里用了半角标点“\(c)”，应为全角“\(f)”", en: "ASCII “\(c)” in Chinese text; write the full-width “\(f)”")
        }
        static func many(_ n: Int, total: Int, page: Bool) -> LocalizedText {
            let zh = page ? "本页" : "这篇稿件", en = page ? "on this page" : "in this article"
            return LocalizedText(zh: "\(zh) \(n) 处标点是半角（共 \(total) 处），多半是导出时整体转换造成的，应统一改为全角",
                                 en: "\(n) of \(total) punctuation marks \(en) are ASCII, most likely converted by page export; they should be full-width")
        }
        static let mixedDigits = LocalizedText(zh: "同一篇稿件混用了全角和半角数字", en: "the article mixes full-width and half-width digits")
    }
}
