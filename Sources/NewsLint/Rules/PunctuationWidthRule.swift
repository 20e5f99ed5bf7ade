/// `punctuation-width`: Chinese text takes full-width punctuation (GB/T 15834).
///
/// Checks: ASCII `, : ; ( ) ? !` between Han characters, each with its full-width form as a safe
/// fix; a page (else an article) where nearly all such punctuation is ASCII (exported that way)
/// is reported once with a count rather than once per comma; full-width digits mixed with half-width
/// ones in one article (a full-width `％` after half-width digits is common typesetting, not a mixture).
public struct PunctuationWidthRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "punctuation-width",
        name: LocalizedText(zh: "标点与数字的全角半角", en: "Width of punctuation and digits"),
        rationale: LocalizedText(
            zh: "中文行文用全角标点（，：；（）？！）。汉字之间出现半角标点是错误，常是排版导出时转换造成的：整版（或整篇稿件）都是半角时只报告一次并给出数量。同一篇稿件中全角数字与半角数字不混用（半角数字后的全角“％”是常见排法，不算混用）。",
            en: "Chinese text takes full-width punctuation (，：；（）？！). ASCII marks between Han characters are errors, often made by page export: when a whole page (or article) is so, it is reported once with a count. One article does not mix full-width digits with half-width ones (a full-width ％ after half-width digits is common typesetting, not a mixture)."),
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
            // A dateline's ASCII brackets are byline-format's finding, not this rule's too.
            RuleExample("本报北京3月5日电  (记者张伟、刘洋)记者从有关部门获悉，今年春耕进展顺利。"),
            RuleExample("全国95％左右的贫困人口已经脱贫，贫困发生率由8.2％下降到2％。"),
        ]
    )

    let pageShare: Double
    /// The house style, to know a dateline's brackets, which byline-format reports (once).
    let style: HouseStyle

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        style = try HouseStyle.load(rulesDirectory: options.rulesDirectory)
        var share = 0.8
        if let v = options.values.first(where: { $0.key == "pageShare" })?.value {
            guard case let .number(n) = v, n > 0, n <= 1 else {
                throw options.error("pageShare", LocalizedText(zh: "应为 0～1 之间的数", en: "expected a number from 0 to 1"))
            }
            share = n
        }
        pageShare = share
    }

    static let ascii: [UInt32: String] = [ch(","): "，", ch(":"): "：", ch(";"): "；", ch("("): "（", ch(")"): "）", ch("?"): "？", ch("!"): "！"]
    static let fullWidth = ScalarSet([ch("，"), ch("："), ch("；"), ch("（"), ch("）"), ch("？"), ch("！")])

    public func check(_ document: Document) -> [Finding] {
        // Judged per article: a page can hold an article exported with ASCII marks beside others.
        // Group 0 holds what stands outside every article, group n + 1 article n.
        let paragraphs = document.paragraphs
        var articleOf = [Int](repeating: -1, count: document.blocks.count)
        for (n, a) in document.articles.enumerated() { for b in a.blocks { articleOf[b] = n } }
        var groups = [(strays: [Stray], fullWidth: Int)](repeating: ([], 0), count: document.articles.count + 1)
        // For mixed digits: per article, the first full-width digit and whether a half-width one stands.
        var firstWide = [(paragraph: Int, range: Range<Int>)?](repeating: nil, count: document.articles.count)
        var narrow = [Bool](repeating: false, count: document.articles.count)
        for (pi, p) in paragraphs.enumerated() {
            let marks = p.kind != .advertisement && p.kind != .masthead
            let group = (p.blocks.first.map { articleOf[$0] } ?? -1) + 1
            var articles: [Int] = []
            for b in p.blocks where articleOf[b] >= 0 && !articles.contains(articleOf[b]) { articles.append(articleOf[b]) }
            let scan = Self.scan(p.text, marks: marks)
            // ASCII brackets of a dateline are byline-format's to report, with the dateline rewritten.
            var datelineEnd = 0
            if p.kind == .datelineLead, let d = Dateline(p.text, style: style), d.asciiBrackets { datelineEnd = d.end }
            if marks {
                groups[group].strays += scan.strays.filter { $0.range.upperBound > datelineEnd || ($0.mark != ch("(") && $0.mark != ch(")")) }
                    .map { Stray(paragraph: pi, range: $0.range, mark: $0.mark) }
                groups[group].fullWidth += scan.fullWidth
            }
            for a in articles {
                if firstWide[a] == nil, let r = scan.firstWide { firstWide[a] = (pi, r) }
                if scan.narrow { narrow[a] = true }
            }
        }
        var findings: [Finding] = []
        // A page exported with ASCII marks throughout is one finding; else each article is judged.
        let all = groups.flatMap(\.strays)
        let pageTotal = all.count + groups.reduce(0) { $0 + $1.fullWidth }
        let units: [(strays: [Stray], fullWidth: Int, page: Bool)]
        if all.count >= 10, Double(all.count) >= pageShare * Double(pageTotal) {
            units = [(all, pageTotal - all.count, true)]
        } else {
            units = groups.filter { !$0.strays.isEmpty || $0.fullWidth > 0 }.map { ($0.strays, $0.fullWidth, false) }
        }
        for (strays, fullWidthCount, page) in units {
            let total = strays.count + fullWidthCount
            if strays.count >= 10, Double(strays.count) >= pageShare * Double(total) {
                // The article was exported with ASCII marks: once, with the count, at the first of them.
                let first = strays[0]
                findings.append(Finding(range: paragraphs[first.paragraph].sourceRange(first.range), message: Messages.many(strays.count, total: total, page: page)))
            } else {
                for s in strays {
                    let fixed = Self.ascii[s.mark]!
                    findings.append(Finding(range: paragraphs[s.paragraph].sourceRange(s.range),
                                            message: Messages.stray(String(Character(Unicode.Scalar(s.mark)!)), fixed),
                                            suggestion: fixed, fixIsSafe: true))
                }
            }
        }
        // Full-width digits in an article that also writes half-width digits.
        for (a, wide) in firstWide.enumerated() where narrow[a] {
            if let wide { findings.append(Finding(range: paragraphs[wide.paragraph].sourceRange(wide.range), message: Messages.mixedDigits)) }
        }
        return findings
    }

    /// An ASCII mark in Chinese text: which paragraph, where in its text, which mark.
    struct Stray {
        let paragraph: Int
        let range: Range<Int>
        let mark: UInt32
    }

    /// One pass over a paragraph's bytes: ASCII marks between Han text and the full-width marks
    /// (when `marks`), the first full-width digit, and whether a half-width digit stands.
    /// ASCII is one byte and every full-width mark and digit here is `EF BC xx` (U+FF00 + xx − 0x80),
    /// so only the neighbours of an ASCII mark are decoded.
    static func scan(_ text: [UInt8], marks: Bool) -> (strays: [(range: Range<Int>, mark: UInt32)], fullWidth: Int, firstWide: Range<Int>?, narrow: Bool) {
        var strays: [(range: Range<Int>, mark: UInt32)] = []
        var fullWidth = 0
        var firstWide: Range<Int>?
        var narrow = false
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i < n {
                let b = t[i]
                if b < ch("@") {
                    if b >= ch("0") && b <= ch("9") {
                        narrow = true
                    } else if marks && asciiMarks.contains(UInt32(b)), i + 1 < n {
                        let v = UInt32(b)
                        if isBetweenHan(v, UTF8Scan.scalar(before: i, in: text), UTF8Scan.decode(t, at: i + 1).0) { strays.append((i..<(i + 1), v)) }
                    }
                    i += 1
                } else if b == 0xEF && i + 2 < n && t[i + 1] == 0xBC {
                    let v = 0xFF00 + UInt32(t[i + 2]) - 0x80
                    if marks && v >= ch("！") && v <= ch("？") && Self.fullWidth.contains(v) { fullWidth += 1 }
                    // Digits only: a full-width ％ after half-width digits (`95％`) is common Chinese
                    // typesetting, not a mixture of digit widths.
                    if firstWide == nil && v >= ch("０") && v <= ch("９") { firstWide = i..<(i + 3) }
                    i += 3
                } else {
                    i += UTF8Scan.sequenceLength(b)  // a whole scalar: none of the others is a digit or a mark
                }
            }
        }
        return (strays, fullWidth, firstWide, narrow)
    }

    static let asciiMarks = ScalarSet(ascii.keys)

    /// Whether an ASCII mark stands in Chinese text: Han (or a quotation mark) on both sides, so
    /// that `1:2`, `3.5`, `S104`, `http://` and English stay alone.
    private static func isBetweenHan(_ v: UInt32, _ before: UInt32, _ after: UInt32) -> Bool {
        let hanBefore = Scalar.isHan(before) || before == ch("”") || before == ch("）") || (v == ch(")") && before == ch("”"))
        let hanAfter = Scalar.isHan(after) || after == ch("“") || after == ch("（")
        if v == ch(")") { return Scalar.isHan(before) && (hanAfter || Self.fullWidth.contains(after) || after == ch("。") || after == ch("、")) }
        return hanBefore && hanAfter
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
