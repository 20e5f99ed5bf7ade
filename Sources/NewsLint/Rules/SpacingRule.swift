/// `spacing`: spaces that page export leaves inside words.
///
/// Checks: a run of Han characters each followed by a space (`富 力 地 产 建 立`), the trace of
/// justified lines in a laid-out column, one finding per run with the run unspaced as a safe fix;
/// and a space next to full-width punctuation (`（记者郭树勋） 基层`), each with a safe fix, or once
/// for the page with a count when there are many (text whose white space was rewritten).
/// Newspaper style puts no space between Han characters and digits, and that absence is never
/// an error; titles and bylines, which separate their parts with spaces, are not judged.
public struct SpacingRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "spacing",
        name: LocalizedText(zh: "多余的空格", en: "Stray spaces"),
        rationale: LocalizedText(
            zh: "汉字之间不加空格。排版导出时两端对齐的行常在每个字后留下空格（“富 力 地 产”），见报前应删去。标题、署名中分隔各部分的空格不算。",
            en: "Han characters take no spaces between them. Justified lines of a laid-out column often come out with a space after every character (富 力 地 产); they go before print. The spaces that separate the parts of a title or a byline are not judged."),
        severity: .warning,
        triggering: [
            // Seed 004 line 305.
            RuleExample("示范区和\n⟦富 力 地 产 建 立 战 略 合 作 关⟧\n系，有助于示范区进一步加快城市建设。"),
            RuleExample("普惠性民办幼儿园 34 ⟦所 ， 所 占 比 例 为⟧ 78%⟦ ⟧。"),
            RuleExample("本报讯（记者郭树勋）⟦ ⟧基层服务型党组织建设，重点在建设。"),
        ],
        nonTriggering: [
            RuleExample("投入 120 万元，规划新建了10个村级党建阵地。"),
            RuleExample("会议强调，要抓好落实。(来源: Xinhua News)"),
            RuleExample("# 创新引领促发展 五彩文昌再启航\n\n本报记者 郭树勋 本报通讯员 张放\n\n正文一句。"),
            RuleExample("周庄镇 党建引领激活乡村振兴 一池春水"),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
    }

    /// Fewest spaced characters that make a run (two words side by side are `X Y`, one space).
    static let minimumRun = 3

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for p in document.paragraphs where p.kind.isProse || p.kind == .caption {
            let t = p.text
            guard t.contains(UInt8(ascii: " ")) || ByteSearch.contains(Self.ideographicSpace, in: t, 0..<t.count) else { continue }
            // A run starts at a mark right before a space: the scan goes from space to space.
            var nextASCII = -1, nextWide = -1  // the next space of each kind at or after `i` (Int.max: none)
            var i = 0
            while i < t.count {
                if nextASCII < i { nextASCII = ByteSearch.find(Self.space, in: t, i..<t.count) ?? Int.max }
                if nextWide < i { nextWide = ByteSearch.find(Self.ideographicSpace, in: t, i..<t.count) ?? Int.max }
                let space = min(nextASCII, nextWide)
                if space == Int.max { break }
                if space == i { i += UTF8Scan.sequenceLength(t[i]); continue }
                i = UTF8Scan.previousScalarStart(t, before: space)
                // A run: mark, space, mark, space, …, mark — each mark a Han character or full-width punctuation.
                var k = i
                var marks = 0
                var han = 0
                var end = i
                while k < t.count {
                    let (v, len) = UTF8Scan.decode(t, at: k)
                    guard Scalar.isHan(v) || Self.isFullWidthMark(v) else { break }
                    if Scalar.isHan(v) { han += 1 }
                    marks += 1
                    end = k + len
                    let (s, sl) = k + len < t.count ? UTF8Scan.decode(t, at: k + len) : (0, 0)
                    guard s == ch(" ") || s == ch("　"), k + len + sl < t.count else { break }
                    let (n, _) = UTF8Scan.decode(t, at: k + len + sl)
                    guard Scalar.isHan(n) || Self.isFullWidthMark(n) else { break }
                    k += len + sl
                }
                if marks >= Self.minimumRun, han >= 2 {
                    let written = String(decoding: t[i..<end], as: UTF8.self)
                    let fixed = String(String.UnicodeScalarView(written.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }))
                    findings.append(Finding(range: p.sourceRange(i..<end), message: Messages.spaced(written), suggestion: fixed, fixIsSafe: true))
                    i = end
                    continue
                }
                i += UTF8Scan.sequenceLength(t[i])
            }
        }
        let runs = findings.map(\.range)
        findings += spacesAroundMarks(document, outside: runs)
        return findings
    }

    /// Pages with more of these are reported once, with the count.
    static let pageThreshold = 6

    /// A space right before or after full-width punctuation, between two non-space characters.
    private func spacesAroundMarks(_ document: Document, outside runs: [Range<Int>]) -> [Finding] {
        var hits: [(Paragraph, Range<Int>)] = []
        for p in document.paragraphs where p.kind.isProse || p.kind == .caption {
            let t = p.text
            for i in ByteSearch.offsets(of: Self.space, in: t) {
                guard i > 0, i + 1 < t.count else { continue }
                let previous = UTF8Scan.scalar(before: i, in: t), next = UTF8Scan.decode(t, at: i + 1).0
                guard next != ch(" "), previous != ch(" "), previous != 0 else { continue }
                let markBefore = Self.fullWidthPunctuation.contains(previous), markAfter = Self.fullWidthPunctuation.contains(next)
                // Between two Han-text characters: a mark on one side, Han, a digit or a mark on the other.
                let otherAfter = Scalar.isHan(next) || Scalar.isASCIIDigit(next) || markAfter
                let otherBefore = Scalar.isHan(previous) || Scalar.isASCIIDigit(previous) || markBefore || previous == ch("%")
                guard (markBefore && otherAfter) || (markAfter && otherBefore) else { continue }
                let at = p.sourceOffset(i)
                guard !runs.contains(where: { $0.contains(at) }) else { continue }  // inside a spaced run, reported already
                hits.append((p, i..<(i + 1)))
            }
        }
        if hits.count >= Self.pageThreshold {
            return [Finding(range: hits[0].0.sourceRange(hits[0].1), message: Messages.pageMarks(hits.count))]
        }
        return hits.map { Finding(range: $0.0.sourceRange($0.1), message: Messages.aroundMark, suggestion: "", fixIsSafe: true) }
    }

    static let fullWidthPunctuation: Set<UInt32> = Set("，。、；：？！“”‘’（）《》【】".unicodeScalars.map(\.value))

    static let ideographicSpace = UTF8Scan.bytes("\u{3000}"), space: [UInt8] = [UInt8(ascii: " ")]

    static func isFullWidthMark(_ v: UInt32) -> Bool {
        v == ch("，") || v == ch("。") || v == ch("、") || v == ch("；") || v == ch("：")
    }

    enum Messages {
        static let aroundMark = LocalizedText(zh: "全角标点前后不加空格", en: "no space next to full-width punctuation")

        static func pageMarks(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "本页有 \(n) 处全角标点前后多了空格（多半是导出或转换时加入的），应删去",
                          en: "\(n) spaces next to full-width punctuation on this page (most likely added in export or conversion); they go")
        }

        static func spaced(_ w: String) -> LocalizedText {
            LocalizedText(zh: "汉字之间有多余的空格（排版两端对齐留下的）：“\(w)”", en: "stray spaces between Han characters (left by justified lines): “\(w)”")
        }
    }
}
