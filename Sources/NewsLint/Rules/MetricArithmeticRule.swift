import Foundation

/// `metric-arithmetic`: numeric claims checked against the figures stated beside them.
///
/// Checks now, within a sentence: growth multiples after `从A…至B` (`增长N倍`: B = A×(N+1);
/// `增长到N倍`, `是原来的N倍`: B = A×N; `翻N番`: B = A×2^N), percentage change after `从A…至B`
/// (`增长P%`, `下降P%`, `降低到P%`), a change between two percentages given in `%` where it is
/// in 百分点, shares (`A占B的P%`) with their difference (`超收X`), and the always-wrong
/// `减少/降低/下降N倍`. Every figure carries its precision; a claim is reported only when no
/// value the figures allow makes it true.
public struct MetricArithmeticRule: DocumentRule {
    public static let description = RuleDescription(
        id: "metric-arithmetic",
        name: LocalizedText(zh: "数字计算", en: "Arithmetic of numeric claims"),
        rationale: LocalizedText(
            zh: "倍数、百分比、占比和差额必须与文中列出的数字相符。“增长N倍”指新值是原值的N+1倍，“增长到N倍”“是原来的N倍”指N倍；数量不能“减少N倍”；两个百分数之差用“百分点”。数字按其精度以区间计算，只有无论如何取整都不成立时才报告。",
            en: "Multiples, percentages, shares and differences must agree with the figures the copy gives. 增长N倍 means the new value is N+1 times the old, 增长到N倍 and 是原来的N倍 mean N times; a quantity cannot fall by a multiple (减少N倍); the difference of two percentages is in 百分点. Figures are taken with their precision, as intervals: a claim is reported only when no rounding of the figures makes it true."),
        severity: .error,
        triggering: [
            // Seed 000 line 33.
            RuleExample("2012年至2021年，该街道财政收入从425万元跃升至1.46亿元，⟦增长35倍⟧，实现了成量级增长。"),
            RuleExample("销售额从200万元增加到600万元，⟦增长了3倍⟧。"),
            RuleExample("产量由120吨提高到360吨，⟦是原来的4倍⟧。"),
            RuleExample("收入从5万元增长到20万元，⟦翻了一番⟧。"),
            RuleExample("事故起数⟦下降了3倍⟧。"),
            RuleExample("工业增加值由3152万元增长到3420万元，⟦增长18.5%⟧。"),
            RuleExample("覆盖率由62%提高到78%，⟦提高了16%⟧。"),
            RuleExample("累计完成税收1334万元，⟦占任务数885万元的160.7%⟧，超收449万元。"),
            RuleExample("累计完成税收1334万元，占任务数885万元的150.7%，⟦超收459万元⟧。"),
        ],
        nonTriggering: [
            RuleExample("2012年至2021年，该街道财政收入从425万元跃升至1.46亿元，增长33.4倍。"),
            RuleExample("财政收入从425万元跃升至1.46亿元，是原来的34.4倍。"),
            RuleExample("销售额从200万元增加到600万元，增长了2倍，是原来的3倍。"),
            RuleExample("收入从5万元增长到10万元，翻了一番。"),
            RuleExample("该区学前教育经费从 2015 年的 439 万元增长到 2017\n年的 5578 万元，增长约11.7倍。"),
            RuleExample("工业增加值由3152万元增长到3420万元，增长8.5%。"),
            RuleExample("覆盖率由62%提高到78%，提高了16个百分点。"),
            RuleExample("覆盖率由50%提高到60%，提高了20%。"),
            // Seed 002 line 43.
            RuleExample("累计完成税收1334万元，占任务数885万元的150.7%，超收449万元，维持全县排名第一。"),
            RuleExample("投资约100亿元，比上年增长近3倍。"),
            RuleExample("建成水冲式无害化厕所5416户，占常住户数的94.6%。"),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for p in document.paragraphs where p.kind.isProse {
            let figures = NumberScanner.figures(in: p.text)
            guard !figures.isEmpty else { continue }
            let text = ClaimText(bytes: p.text)
            for sentence in p.sentences() {
                let figs = figures.filter { sentence.contains($0.range.lowerBound) }
                guard !figs.isEmpty else { continue }
                var claimsUsed = Set<Int>()  // figure index (in figs) already judged as a claim
                checkFallingMultiples(figs, text, p, sentence, &claimsUsed, into: &findings)
                checkChanges(figs, text, p, sentence, &claimsUsed, into: &findings)
                checkShares(figs, text, p, sentence, into: &findings)
            }
        }
        return findings
    }

    // MARK: - Words around figures

    static let growthVerbs = ["增长", "增加", "提高", "上升", "跃升", "扩大", "提升", "攀升", "增至", "升至"]
    static let declineVerbs = ["下降", "减少", "降低", "缩小", "缩减", "回落", "减至", "降至"]
    static let toMarks = ["至", "到"]
    static let fromMarks = ["从", "由"]

    /// A claim word standing right before a figure (`增长了`, `是原来的`), and where it starts.
    enum Verb: Equatable {
        case growth, ratio, decline, declineTo
    }

    /// The verb before `figure` (skipping `了`, `约`…), with the byte offset where it starts.
    static func verb(before figure: Figure, in text: ClaimText, from sentenceStart: Int) -> (Verb, Int)? {
        var end = figure.prefixStart
        if let s = text.ending(at: end, with: ["了"], from: sentenceStart) { end = s.start }
        if let s = text.ending(at: end, with: ["原来的", "上年的", "去年的", "的"], from: sentenceStart) {
            return (.ratio, text.ending(at: s.start, with: ["是", "为", "相当于", "达到"], from: sentenceStart)?.start ?? s.start)
        }
        if let s = text.ending(at: end, with: growthVerbs.map { $0 + "到" } + growthVerbs.map { $0 + "至" }, from: sentenceStart) {
            return (.ratio, s.start)
        }
        if let s = text.ending(at: end, with: declineVerbs.map { $0 + "到" } + declineVerbs.map { $0 + "至" }, from: sentenceStart) {
            return (.declineTo, s.start)
        }
        if let s = text.ending(at: end, with: growthVerbs, from: sentenceStart) {
            return (s.word.hasSuffix("至") ? .ratio : .growth, s.start)
        }
        if let s = text.ending(at: end, with: declineVerbs, from: sentenceStart) {
            return (s.word.hasSuffix("至") ? .declineTo : .decline, s.start)
        }
        return nil
    }

    // MARK: - 减少N倍

    private func checkFallingMultiples(_ figs: [Figure], _ text: ClaimText, _ p: Paragraph, _ sentence: Range<Int>,
                                       _ used: inout Set<Int>, into findings: inout [Finding]) {
        for (k, f) in figs.enumerated() where f.unit == "倍" {
            guard let (verb, start) = Self.verb(before: f, in: text, from: sentence.lowerBound), verb == .decline || verb == .declineTo else { continue }
            used.insert(k)
            let claim = text.string(start..<f.range.upperBound)
            findings.append(Finding(range: p.sourceRange(start..<f.range.upperBound), message: Messages.fallingMultiple(claim)))
        }
    }

    // MARK: - 从A至B, 增长N倍 / 增长P% / 提高X个百分点 / 翻N番

    private func checkChanges(_ figs: [Figure], _ text: ClaimText, _ p: Paragraph, _ sentence: Range<Int>,
                              _ used: inout Set<Int>, into findings: inout [Finding]) {
        guard let (a, b) = fromTo(figs, text, sentence) else { return }
        let A = figs[a], B = figs[b]
        let related: [(offset: Int, message: LocalizedText)] = [
            (p.sourceOffset(A.range.lowerBound), LocalizedText(zh: "起点数字", en: "the figure it starts from")),
            (p.sourceOffset(B.range.lowerBound), LocalizedText(zh: "终点数字", en: "the figure it ends at")),
        ]
        guard let ratio = B.interval / A.interval else { return }
        let centre = B.value / A.value
        let figuresText = "\(text.string(A.range))→\(text.string(B.range))"

        for k in (b + 1)..<figs.count where !used.contains(k) {
            let claim = figs[k]
            guard let (verb, start) = Self.verb(before: claim, in: text, from: sentence.lowerBound) else { continue }
            let span = start..<claim.range.upperBound
            let claimText = text.string(span)
            var verdict: Verdict?
            switch claim.unit {
            case "倍":
                guard verb == .growth || verb == .ratio else { continue }
                verdict = judgeMultiple(claim, verb: verb, ratio: ratio, centre: centre, claimText: claimText, figures: figuresText)
            case "%" where A.isPercent && B.isPercent:
                verdict = judgePointsGivenAsPercent(claim, verb: verb, a: A, b: B, claimText: claimText, figures: figuresText)
            case "%":
                verdict = judgePercent(claim, verb: verb, ratio: ratio, centre: centre, claimText: claimText, figures: figuresText)
            case "百分点" where A.isPercent && B.isPercent:
                let diff = abs(B.value - A.value)
                let allowed = Interval(abs(B.interval.low - A.interval.high), abs(B.interval.high - A.interval.low))
                if !allowed.overlaps(claim.interval) {
                    verdict = Verdict(message: Messages.points(claimText, figures: figuresText, diff: diff),
                                      suggestion: claimText.replacingFigure(text.string(claim.range), with: Self.format(diff) + "个百分点"))
                }
            default:
                continue
            }
            used.insert(k)
            if let v = verdict {
                findings.append(Finding(range: p.sourceRange(span), message: v.message, suggestion: v.suggestion,
                                        related: related, severity: v.severity))
            }
        }
        // 翻N番 after the pair.
        if let (start, end, n) = text.doubling(after: B.range.upperBound, before: sentence.upperBound) {
            let claimed = pow(2, Double(n))
            if !ratio.contains(claimed) && abs(centre - claimed) / claimed > 0.05 {
                let claimText = text.string(start..<end)
                findings.append(Finding(range: p.sourceRange(start..<end),
                                        message: Messages.doubling(claimText, figures: figuresText, ratio: centre), related: related))
            }
        }
    }

    /// The pair `从A…至B` in a sentence: A after 从/由 (a year may stand between: `从2015年的439万元`),
    /// B after a verb ending in 至/到, same unit, A before B.
    private func fromTo(_ figs: [Figure], _ text: ClaimText, _ sentence: Range<Int>) -> (Int, Int)? {
        for (b, B) in figs.enumerated() where B.unit != "倍" && B.unit != "年" {
            for a in stride(from: b - 1, through: 0, by: -1) where figs[a].unit == B.unit {
                let A = figs[a]
                // Between A and B: a verb ending in 至/到, and no clause break.
                let between = text.string(A.range.upperBound..<B.prefixStart)
                guard !between.contains("，"), !between.contains("；"), !between.contains(","),
                      Self.toMarks.contains(where: { between.contains($0) }),
                      (Self.growthVerbs + Self.declineVerbs + ["跃", "涨", "升", "降"]).contains(where: { between.contains($0) }) else { break }
                // Before A, within a few characters of the same clause: 从/由.
                let lead = text.string(max(sentence.lowerBound, text.back(from: A.prefixStart, scalars: 10))..<A.prefixStart)
                let clause = lead.split(whereSeparator: { $0 == "，" || $0 == "," || $0 == "；" }).last.map(String.init) ?? lead
                if Self.fromMarks.contains(where: { clause.contains($0) }) { return (a, b) }
                break
            }
        }
        return nil
    }

    /// What a claim checker concludes about a claim it found wrong.
    struct Verdict {
        var message: LocalizedText
        var suggestion: String?
        var severity: Severity?
    }

    private func judgeMultiple(_ claim: Figure, verb: Verb, ratio: Interval, centre: Double, claimText: String, figures: String) -> Verdict? {
        let growth = ratio + -1
        let consistent = verb == .growth ? growth.overlaps(claim.interval) : ratio.overlaps(claim.interval)
        if consistent { return nil }
        let fixGrowth = "增长" + Self.format(centre - 1) + "倍"
        let fixRatio = "增长到" + Self.format(centre) + "倍"
        // The common slip: 增长N倍 written for 增长到N倍 (or the reverse), judged on the central value.
        let misuse = verb == .growth ? claim.interval.contains(centre) : claim.interval.contains(centre - 1)
        return Verdict(message: Messages.multiple(claimText, figures: figures, ratio: centre, misuse: misuse),
                       suggestion: verb == .growth ? fixGrowth : fixRatio, severity: misuse ? .warning : nil)
    }

    private func judgePercent(_ claim: Figure, verb: Verb, ratio: Interval, centre: Double, claimText: String, figures: String) -> Verdict? {
        let computed: Interval
        let value: Double
        switch verb {
        case .growth: computed = (ratio + -1) * 100; value = (centre - 1) * 100
        case .decline: computed = Interval(100 - ratio.high * 100, 100 - ratio.low * 100); value = (1 - centre) * 100
        case .ratio, .declineTo: computed = ratio * 100; value = centre * 100
        }
        if computed.overlaps(claim.interval) { return nil }
        let fixed = claimText.replacingFigure(claimText.suffixFigure, with: Self.format(value, decimals: max(1, claim.decimals)) + "%")
        return Verdict(message: Messages.percent(claimText, figures: figures, value: value, decimals: max(1, claim.decimals)),
                       suggestion: fixed)
    }

    /// `由62%提高到78%，提高了16%`: the change between two percentages is 16个百分点.
    private func judgePointsGivenAsPercent(_ claim: Figure, verb: Verb, a: Figure, b: Figure, claimText: String, figures: String) -> Verdict? {
        guard verb == .growth || verb == .decline else { return nil }
        let points = Interval(abs(b.interval.low - a.interval.high), abs(b.interval.high - a.interval.low))
        guard let ratio = b.interval / a.interval else { return nil }
        let relative = verb == .growth ? (ratio + -1) * 100 : Interval(100 - ratio.high * 100, 100 - ratio.low * 100)
        if relative.overlaps(claim.interval) { return nil }  // a relative change, rightly in %
        let diff = abs(b.value - a.value)
        if points.overlaps(claim.interval) {
            return Verdict(message: Messages.percentForPoints(claimText, figures: figures, diff: diff),
                           suggestion: claimText.replacingFigure(claimText.suffixFigure, with: Self.format(diff) + "个百分点"))
        }
        return Verdict(message: Messages.points(claimText, figures: figures, diff: diff),
                       suggestion: claimText.replacingFigure(claimText.suffixFigure, with: Self.format(diff) + "个百分点"))
    }

    // MARK: - A占B的P%, 超收X

    private func checkShares(_ figs: [Figure], _ text: ClaimText, _ p: Paragraph, _ sentence: Range<Int>, into findings: inout [Finding]) {
        for (k, P) in figs.enumerated() where P.isPercent && k >= 2 {
            // …占<words>B的P%
            let B = figs[k - 1]
            guard B.unit != "%", !B.unit.isEmpty else { continue }
            let link = text.string(B.range.upperBound..<P.prefixStart).trimmingCharacters(in: .whitespaces)
            guard link == "的" else { continue }
            let lead = text.string(text.back(from: B.prefixStart, scalars: 12)..<B.prefixStart)
            guard let zhan = lead.range(of: "占", options: .backwards) else { continue }
            let leadBytes = lead[zhan.lowerBound...].utf8.count
            let shareStart = B.prefixStart - leadBytes
            guard shareStart >= sentence.lowerBound,
                  let a = figs[..<(k - 1)].lastIndex(where: { $0.unit == B.unit && $0.range.upperBound <= shareStart }) else { continue }
            let A = figs[a]
            guard let share = A.interval / B.interval else { continue }
            let related: [(offset: Int, message: LocalizedText)] = [
                (p.sourceOffset(A.range.lowerBound), LocalizedText(zh: "部分", en: "the part")),
                (p.sourceOffset(B.range.lowerBound), LocalizedText(zh: "总数", en: "the whole")),
            ]
            let figuresText = "\(text.string(A.range))÷\(text.string(B.range))"
            if !(share * 100).overlaps(P.interval) {
                let value = A.value / B.value * 100
                let claimText = text.string(shareStart..<P.range.upperBound)
                findings.append(Finding(range: p.sourceRange(shareStart..<P.range.upperBound),
                                        message: Messages.share(claimText, figures: figuresText, value: value, decimals: max(1, P.decimals)),
                                        suggestion: claimText.replacingFigure(text.string(P.range), with: Self.format(value, decimals: max(1, P.decimals)) + "%"),
                                        related: related))
            }
            // 超收/超额/超出/多 X after the share, same unit: X = A − B.
            for X in figs[(k + 1)...] where X.unit == A.unit {
                guard let s = text.ending(at: X.prefixStart, with: ["超收", "超额完成", "超额", "超出", "超过"], from: P.range.upperBound) else { continue }
                let diff = A.interval - B.interval
                if !diff.overlaps(X.interval) {
                    let value = A.value - B.value
                    let claimText = text.string(s.start..<X.range.upperBound)
                    findings.append(Finding(range: p.sourceRange(s.start..<X.range.upperBound),
                                            message: Messages.difference(claimText, a: text.string(A.range), b: text.string(B.range), value: Self.formatAmount(value, like: X, text: text)),
                                            suggestion: claimText.replacingFigure(text.string(X.range), with: Self.formatAmount(value, like: X, text: text)),
                                            related: related))
                }
                break
            }
        }
    }

    // MARK: - Formatting

    /// One decimal, or none when the value is whole at that precision (`33.4`, `2`).
    static func format(_ v: Double, decimals: Int = 1) -> String {
        let rounded = (v * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.\(decimals)f", rounded)
    }

    /// An amount in the multiplier and unit of `like` (`449万元`).
    static func formatAmount(_ v: Double, like: Figure, text: ClaimText) -> String {
        let written = text.string(like.range)
        let scale: Double = written.contains("亿") ? 1e8 : written.contains("万") ? 1e4 : 1
        let suffix = (scale == 1e8 ? "亿" : scale == 1e4 ? "万" : "") + like.unit
        return format(v / scale, decimals: like.decimals) + suffix
    }

    // MARK: - Messages

    enum Messages {
        static func multiple(_ claim: String, figures: String, ratio: Double, misuse: Bool) -> LocalizedText {
            let g = format(ratio - 1), r = format(ratio)
            if misuse {
                return LocalizedText(
                    zh: "\(claim)与所列数字的关系容易误读：\(figures)为原来的\(r)倍，即“增长\(g)倍”或“增长到\(r)倍”",
                    en: "\(claim) is likely the common slip between 增长N倍 and 增长到N倍: \(figures) is \(r) times the start, so 增长\(g)倍 or 增长到\(r)倍")
            }
            return LocalizedText(
                zh: "\(claim)与所列数字不符：\(figures)为原来的\(r)倍，应为“增长\(g)倍”或“增长到\(r)倍”",
                en: "\(claim) does not match the figures: \(figures) is \(r) times the start; write 增长\(g)倍 (grew by \(g) times) or 增长到\(r)倍 (grew to \(r) times)")
        }

        static func fallingMultiple(_ claim: String) -> LocalizedText {
            LocalizedText(zh: "“\(claim)”不成立：数量不能减少若干倍，应改用百分数或分数（如“下降75%”“减少到四分之一”）",
                          en: "“\(claim)” cannot be right: a quantity cannot fall by a multiple; use a percentage or a fraction (下降75%, 减少到四分之一)")
        }

        static func percent(_ claim: String, figures: String, value: Double, decimals: Int) -> LocalizedText {
            let v = format(value, decimals: decimals)
            return LocalizedText(zh: "\(claim)与所列数字不符：\(figures)的变化为\(v)%", en: "\(claim) does not match the figures: \(figures) is a change of \(v)%")
        }

        static func percentForPoints(_ claim: String, figures: String, diff: Double) -> LocalizedText {
            let d = format(diff)
            return LocalizedText(zh: "两个百分数之差要用百分点：\(figures)应为“\(d)个百分点”，不是“\(d)%”",
                                 en: "the difference of two percentages is in percentage points: \(figures) is \(d)个百分点, not \(d)%")
        }

        static func points(_ claim: String, figures: String, diff: Double) -> LocalizedText {
            let d = format(diff)
            return LocalizedText(zh: "\(claim)与所列数字不符：\(figures)相差\(d)个百分点", en: "\(claim) does not match the figures: \(figures) differ by \(d) percentage points")
        }

        static func doubling(_ claim: String, figures: String, ratio: Double) -> LocalizedText {
            LocalizedText(zh: "\(claim)与所列数字不符：\(figures)为原来的\(format(ratio))倍（翻一番为2倍，翻两番为4倍）",
                          en: "\(claim) does not match the figures: \(figures) is \(format(ratio)) times the start (翻一番 is 2 times, 翻两番 4 times)")
        }

        static func share(_ claim: String, figures: String, value: Double, decimals: Int) -> LocalizedText {
            let v = format(value, decimals: decimals)
            return LocalizedText(zh: "\(claim)与所列数字不符：\(figures)为\(v)%", en: "\(claim) does not match the figures: \(figures) is \(v)%")
        }

        static func difference(_ claim: String, a: String, b: String, value: String) -> LocalizedText {
            LocalizedText(zh: "\(claim)与所列数字不符：\(a)−\(b)=\(value)", en: "\(claim) does not match the figures: \(a) − \(b) = \(value)")
        }
    }
}

/// Byte-level helpers on a paragraph's joined text for finding the words around figures.
struct ClaimText {
    let bytes: [UInt8]

    func string(_ r: Range<Int>) -> String {
        let lo = max(0, min(r.lowerBound, bytes.count)), hi = max(lo, min(r.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The offset `scalars` characters before `offset`.
    func back(from offset: Int, scalars: Int) -> Int {
        var i = offset
        for _ in 0..<scalars where i > 0 { i = UTF8Scan.previousScalarStart(bytes, before: i) }
        return i
    }

    /// The first of `words` that ends at `end` (spaces before `end` skipped), not before `limit`.
    func ending(at end: Int, with words: [String], from limit: Int) -> (word: String, start: Int)? {
        var e = end
        while e > limit, bytes[e - 1] == 0x20 { e -= 1 }
        for word in words.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let w = Array(word.utf8)
            let s = e - w.count
            guard s >= limit, s >= 0 else { continue }
            if bytes[s..<e].elementsEqual(w) { return (word, s) }
        }
        return nil
    }

    /// `翻一番`, `翻了两番`, `翻2番` after `from`: its span and N.
    func doubling(after from: Int, before limit: Int) -> (Int, Int, Int)? {
        let text = string(from..<limit)
        guard let fan = text.range(of: "翻") else { return nil }
        var rest = text[fan.upperBound...]
        if rest.hasPrefix("了") { rest = rest.dropFirst() }
        guard let n = rest.first, rest.dropFirst().hasPrefix("番") else { return nil }
        let value: Int
        switch n {
        case "一": value = 1
        case "两", "二": value = 2
        case "三": value = 3
        case "四": value = 4
        default:
            guard let d = n.wholeNumberValue else { return nil }
            value = d
        }
        let start = from + text[..<fan.lowerBound].utf8.count
        let end = from + text[..<rest.index(rest.startIndex, offsetBy: 2)].utf8.count
        return (start, end, value)
    }
}

extension String {
    /// The figure at the end of a claim (`增长18.5%` → `18.5%`).
    var suffixFigure: String {
        var scalars = Array(unicodeScalars)
        var out: [Unicode.Scalar] = []
        while let last = scalars.last, last.properties.numericType != nil && !Scalar.isHan(last.value) || last == "." || last == "%" || last == "％" || last == " " {
            out.insert(last, at: 0)
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(out))
    }

    /// The claim with its figure replaced (`增长35倍` → `增长33.4倍`).
    func replacingFigure(_ figure: String, with replacement: String) -> String {
        guard !figure.isEmpty, let r = range(of: figure, options: .backwards) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
