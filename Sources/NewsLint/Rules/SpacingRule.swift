/// `spacing`: spaces that page export leaves inside words.
///
/// Checks now: a run of Han characters each followed by a space (`富 力 地 产 建 立`), the trace of
/// justified lines in a laid-out column. One finding per run, with the run unspaced as a safe fix.
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
            RuleExample("普惠性民办幼儿园 34 ⟦所 ， 所 占 比 例 为⟧ 78% 。"),
        ],
        nonTriggering: [
            RuleExample("投入 120 万元，规划新建了10个村级党建阵地。"),
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
            guard t.contains(0x20) || ByteSearch.contains(Self.ideographicSpace, in: t, 0..<t.count) else { continue }
            var i = 0
            while i < t.count {
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
                    guard s == 0x20 || s == 0x3000, k + len + sl < t.count else { break }
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
        return findings
    }

    static let ideographicSpace = UTF8Scan.bytes("\u{3000}")

    static func isFullWidthMark(_ v: UInt32) -> Bool {
        v == 0xFF0C || v == 0x3002 || v == 0x3001 || v == 0xFF1B || v == 0xFF1A
    }

    enum Messages {
        static func spaced(_ w: String) -> LocalizedText {
            LocalizedText(zh: "汉字之间有多余的空格（排版两端对齐留下的）：“\(w)”", en: "stray spaces between Han characters (left by justified lines): “\(w)”")
        }
    }
}
