import Foundation

/// `metric-arithmetic`: numeric claims checked against the figures stated beside them.
///
/// Within a sentence: growth multiples after `从A…至B` (`增长N倍`: B = A×(N+1); `增长到N倍`,
/// `是原来的N倍`: B = A×N; `翻N番`: B = A×2^N), percentage change after `从A…至B` (`增长P%`,
/// `下降P%`, `降低到P%`), a change between two percentages given in `%` where it is in 百分点,
/// shares (`A占B的P%`) with their difference (`超收X`), parts that exceed their total (`共N个，
/// 其中…`), the share of the upper grades of a listed distribution (`四星2个、三星5个、二星5个，
/// 三星以上占58%`), counts of listed items (`甲、乙、丙3人`, `项目5个（甲、乙、丙、丁、戊）`), and the
/// always-wrong `减少/降低/下降N倍`. Every figure carries its precision: a claim is reported only when
/// no value the figures allow makes it true.
public struct MetricArithmeticRule: Rule, LedgerRule {
    public static let description = RuleDescription(
        id: "metric-arithmetic",
        name: LocalizedText(zh: "数字计算", en: "Arithmetic of numeric claims"),
        rationale: LocalizedText(
            zh: "倍数、百分比、占比、差额、分项之和与列举的个数必须与文中列出的数字相符。“增长N倍”指新值是原值的N+1倍，“增长到N倍”“是原来的N倍”指N倍；数量不能“减少N倍”；两个百分数之差用“百分点”。数字按其精度以区间计算，只有无论如何取整都不成立时才报告。`newslint claims` 列出检查过的每一处数字说法。",
            en: "Multiples, percentages, shares, differences, sums of parts and counts of listed items must agree with the figures the copy gives. 增长N倍 means the new value is N+1 times the old, 增长到N倍 and 是原来的N倍 mean N times; a quantity cannot fall by a multiple (减少N倍); the difference of two percentages is in 百分点. Figures are taken with their precision, as intervals: a claim is reported only when no rounding of the figures makes it true. `newslint claims` lists every claim checked."),
        severity: .error,
        triggering: [
            // Seed 000 line 33.
            RuleExample("2012年至2021年，该街道财政收入从425万元跃升至1.46亿元，⟦增长35倍⟧，实现了成量级增长。"),
            RuleExample("销售额从200万元增加到600万元，⟦增长了3倍⟧。"),
            RuleExample("产量由120吨提高到360吨，⟦是原来的4倍⟧。"),
            RuleExample("收入从5万元增长到20万元，⟦翻了一番⟧。"),
            RuleExample("事故起数⟦下降了3倍⟧。"),
            RuleExample("工业增加值由3152万元增长到3420万元，⟦增长18.5%⟧。"),
            RuleExample("价格由50元降到40元，⟦下降了25%⟧。"),
            RuleExample("覆盖率由62%提高到78%，⟦提高了16%⟧。"),
            RuleExample("覆盖率由62%提高到78%，⟦提高了18个百分点⟧。"),
            RuleExample("累计完成税收1334万元，⟦占任务数885万元的160.7%⟧，超收449万元。"),
            RuleExample("累计完成税收1334万元，占任务数885万元的150.7%，⟦超收459万元⟧。"),
            RuleExample("我市推进高速公路项目⟦共9个，其中在建项目5个，计划新开工项目3个，新筹建项目2个⟧。"),
            RuleExample("创成农村四星支部2个、三星5个、二星5个，⟦三星以上支部占68%⟧。"),
            RuleExample("在建项目⟦5个（沿太行、沿黄、焦平、沁伊）⟧。"),
            RuleExample("⟦李胜利、赵成国、贾顺心4人⟧荣登“乡村光荣榜”。"),
            RuleExample("事故起数由20起下降到10起，⟦降低到原来的四分之一⟧。"),
            // Against a stated base, a stated whole or a target; totals after their parts.
            RuleExample("今年产量比去年的820吨增加了164吨，⟦增长25%⟧。"),
            RuleExample("营收较上年同期的12.5亿元⟦增长9.2%⟧，达到13.525亿元。"),
            RuleExample("今年产值4.8亿元，⟦是去年2.4亿元的3倍⟧。"),
            RuleExample("全县2.4万户中，已有2.16万户完成改造，⟦完成率达80%⟧。"),
            RuleExample("在1200个项目中，产业类\n项目540个，⟦占比55%⟧。"),
            RuleExample("新建学校⟦3所、幼儿园5所，共9所⟧。"),
            RuleExample("完成税收3150万元，超额完成任务数2800万元，⟦超收450万元⟧。"),
            RuleExample("全镇网格⟦60个（其中农村38个，社区20个⟧）。"),
            RuleExample("收入从4万元增加到20万元，⟦增长了5倍⟧。"),
            RuleExample("经费从2015年的439万元增长到2020年的5578万元，年均⟦增长80%⟧。"),
            RuleExample("⟦展览分为“群雄并起、华夏一统”“百家争鸣、重礼尊儒”3个⟧单元。"),
            RuleExample("收入由三十万元增加到九十万元，⟦增长了三倍⟧；全村一千二百户中，已有九百户完成改造，⟦完成率达85%⟧。"),
            RuleExample("⟦北京、天津、河北4省市⟧联合发布。⟦张三、李四三位⟧同志参加，⟦英国、法国和德国两国⟧签署协议。"),
        ],
        nonTriggering: [
            RuleExample("2012年至2021年，该街道财政收入从425万元跃升至1.46亿元，增长33.4倍。"),
            RuleExample("财政收入从425万元跃升至1.46亿元，是原来的34.4倍。"),
            RuleExample("销售额从200万元增加到600万元，增长了2倍，是原来的3倍。"),
            RuleExample("收入从5万元增长到10万元，翻了一番。"),
            RuleExample("该区学前教育经费从 2015 年的 439 万元增长到 2017\n年的 5578 万元，增长约11.7倍。"),
            RuleExample("工业增加值由3152万元增长到3420万元，增长8.5%。"),
            RuleExample("价格由50元降到40元，下降了20%，降低到原来的80%。"),
            RuleExample("覆盖率由62%提高到78%，提高了16个百分点。"),
            RuleExample("覆盖率由50%提高到60%，提高了20%。"),
            // Seed 002 line 43.
            RuleExample("累计完成税收1334万元，占任务数885万元的150.7%，超收449万元，维持全县排名第一。"),
            RuleExample("投资约100亿元，比上年增长近3倍。"),
            RuleExample("建成水冲式无害化厕所5416户，占常住户数的94.6%。"),
            RuleExample("事故起数由20起下降到5起，下降了75%，降低到原来的四分之一。"),
            // Seed 002 line 90: parts and totals, and counted lists.
            RuleExample("我市推进高速公路项目共9个，其中在建项目5个（沿太行、沿黄、焦平、沁伊、长修），计划新开工项目2个（沿太行高速焦作段、郑州至辉县高速公路），新筹建项目2个（郑焦、焦唐）。"),
            // Seed 003 lines 27 and 55.
            RuleExample("创成农村四星支部2个、三星5个、二星5个，三星以上支部占58%；创成城市社区四星支部1个、二星1个，三星以上支部占50%。"),
            RuleExample("拟创“五星”支部1个，“四星”支部3个，“三星”以上村党支部占比67%。"),
            RuleExample("该街道目前共划分67个全科网格（其中村31个，社区36个）。"),
            RuleExample("共有党员120名，其中女党员35名、少数民族党员5名。"),
            RuleExample("后南谢村李胜利、金炉村赵成国、南霍村贾顺心、北魏村乔继忠4人荣登榜单。"),
            RuleExample("辖区张庄中学、大驾小学、杨梧楼小学等5所中小学新建了教学楼。"),
            RuleExample("结合实际将镇域划分为镇南、镇北和镇东3个片区。"),
            RuleExample("培育国家级农业合作社3个，省、市级家庭农场3个。"),
            // A change at constant prices, a yearly average, a second 从A…至B of its own.
            RuleExample("从1952年至2018年，我国工业增加值从120亿元增至305160亿元，按不变价计算增长970倍，年均增长11%。"),
            RuleExample("农村贫困人口从2012年底的9899万减少至2018年底的1660万，累计减少8239万，贫困发生率从10.2%下降到1.7%。"),
            // The count counts another noun than the listed items.
            RuleExample("2019年的目标是建造390所村卫生室，涉及江西、四川、贵州和甘肃的6个县。"),
            RuleExample("这些“小巷总理”很管用，就是因为抓住了“共建、共治、共享”这6个字。"),
            RuleExample("今年产量比去年的820吨增加了164吨，增长20%。营收较上年同期的12.5亿元增长8.2%，达到13.525亿元。"),
            RuleExample("今年产值4.8亿元，是去年2.4亿元的2倍。全县2.4万户中，已有2.16万户完成改造，完成率达90%。"),
            RuleExample("在1200个项目中，产业类\n项目540个，占比45%。新建学校3所、幼儿园5所，共8所。"),
            RuleExample("完成税收3150万元，超额完成任务数2800万元，超收350万元。"),
            // Parts that may leave some out; counts of different wholes; a base that is a year.
            RuleExample("全镇网格60个（其中重点网格12个，一般网格20个）。A县有学校12所、幼儿园8所，全市共有学校56所。"),
            RuleExample("到2030年，排放量必须比2010年的水平减少约45％，到2050年左右实现净零排放。"),
            RuleExample("收入从4万元增加到20万元，增长了4倍，是原来的5倍。"),
            RuleExample("大会选举产生副主席、秘书长和委员15名。"),
            RuleExample("连同孙辈、重孙辈共22人，跆拳道将设男、女各4个级别，政务院设政治法律委员会、财政经济委员会和30个部。"),
            RuleExample("展览分为“群雄并起、华夏一统”“百家争鸣、重礼尊儒”“百工巧技、器以载道”“民族融合、丝路通途”4个单元。"),
            RuleExample("经费从2015年的439万元增长到2020年的5578万元，年均增长66%。示范村从12个增至45个，城镇居民收入增长超过8%。"),
            RuleExample("北京、天津、河北3省市联合发布。张三、李四两位同志参加，英国、法国和德国三国签署协议。"),
            RuleExample("覆盖枫坪镇、古塘镇近20个乡镇，包括甲公司、乙公司30多家企业。"),
            RuleExample("收入由三十万元增加到九十万元，增长了两倍；全村一千二百户中，已有九百户完成改造，完成率达75%。一村一品，三四个人，第三十五届。"),
            RuleExample("上海、江苏、浙江、安徽三省一市协同推进，上百份、视频数十个，做到了第一、第二两项。"),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
    }

    public func check(_ document: Document) -> [Finding] {
        claims(in: document, ledger: false).compactMap(Self.finding)
    }

    /// The findings and, in `ledger`, every claim checked: one pass for both.
    public func check(_ document: Document, ledger: inout [Claim]) -> [Finding] {
        let all = claims(in: document, ledger: true)
        ledger += all
        return all.compactMap(Self.finding)
    }

    /// The finding a claim gives: contradictions are errors, likely slips warnings.
    static func finding(_ claim: Claim) -> Finding? {
        guard claim.verdict.isReported, let message = claim.message else { return nil }
        return Finding(range: claim.range, message: message, suggestion: claim.suggestion, related: claim.related,
                       severity: claim.verdict.isWarning ? .warning : nil)
    }

    /// Every numeric claim in the document with its verdict: the claims ledger. Without
    /// `ledger`, only the claims the rule reports (contradicted, likely slips): the others are
    /// not built, and the claims no check can judge are not looked for.
    public func claims(in document: Document, ledger: Bool = true) -> [Claim] {
        var claims: [Claim] = []
        for p in document.paragraphs where p.kind.isProse {
            // Amounts in Chinese numerals matter where a claim stands (a percentage, a multiple): read
            // them there only, in the one scan of the paragraph.
            let claimWords = Words.claimMarks.occurs(in: p.text) && NumberScanner.mayHoldAmountInWords(p.text)
            let figures = NumberScanner.figures(in: p.text, amountsInWords: claimWords)
            // A paragraph without figures may still count a list in words (张三、李四两位).
            let countsInWords = figures.isEmpty && Self.mayCountInWords(p.text)
            guard !figures.isEmpty || countsInWords else { continue }
            let text = ClaimText(bytes: p.text)
            var next = 0  // figures are in text order: walk them along the sentences
            for sentence in p.sentences() {
                while next < figures.count && figures[next].range.lowerBound < sentence.lowerBound { next += 1 }
                var last = next
                while last < figures.count && figures[last].range.lowerBound < sentence.upperBound { last += 1 }
                let figs = Array(figures[next..<last])
                next = last
                var s = ClaimSentence(p: p, text: text, range: sentence, figs: figs, ledger: ledger)
                guard !figs.isEmpty else {
                    s.wordCounts()
                    claims += s.claims
                    continue
                }
                // Each check runs only where its key word stands (found in one pass over the sentence).
                let keys = text.keyWords(in: sentence)
                if figs.contains(where: { $0.unit == .multiple }) { s.fallingMultiples() }
                if keys.contains(.from) { s.changes() }
                if keys.contains(.zhan) { s.shares() }
                if keys.contains(.qizhong) { s.partsAndTotals() }
                if keys.contains(.star) { s.gradeShares() }
                if keys.contains(.dun) { s.listCounts(); s.wordCounts() }
                if figs.contains(where: { $0.unit == .multiple }) { s.basesOfMultiples() }
                if keys.contains(.compared) { s.changesAgainstABase() }
                if keys.contains(.zhong) || keys.contains(.rate) { s.ratesOfAWhole() }
                if keys.contains(.total) && keys.contains(.dun) { s.totalsAfterParts() }
                if keys.contains(.surplus) { s.differencesFromATarget() }
                if ledger { s.uncheckable() }
                claims += s.claims
            }
        }
        return claims.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a text holds a 、 and a Chinese numeral right before a count word (两位, 三国): the
    /// cheap test before a paragraph without figures is read for counted lists.
    static func mayCountInWords(_ text: [UInt8]) -> Bool {
        guard let dun = ByteSearch.find(ClaimText.dun, in: text, 0..<text.count) else { return false }
        return text.withUnsafeBufferPointer { p in
            var i = dun
            while let hit = countNumerals.next(in: p, from: i) {
                if Words.listClassifiers.match(p, at: hit.end) != nil { return true }
                i = hit.end
            }
            return false
        }
    }

    static let countNumerals = ScalarSet("二两三四五六七八九十")

    // MARK: - Words around figures

    static let growthVerbs = ["增长", "增加", "提高", "上升", "跃升", "扩大", "提升", "攀升", "增至", "升至"]
    static let declineVerbs = ["下降", "减少", "降低", "缩小", "缩减", "回落", "减至", "降至", "降到"]

    /// The words looked for before a figure, encoded and ordered once.
    enum Words {
        static let le = WordList(["了"])
        static let ofBase = WordList(["原来的", "上年的", "去年的", "的"])
        static let ratio = WordList(["是", "为", "相当于", "达到"])
        static let declineTo = WordList(declineVerbs.map { $0 + "到" })
        static let growthToOrAt = WordList(growthVerbs.map { $0 + "到" } + growthVerbs.map { $0 + "至" })
        static let declineToOrAt = WordList(declineVerbs.map { $0 + "到" } + declineVerbs.map { $0 + "至" })
        static let growth = WordList(growthVerbs)
        static let decline = WordList(declineVerbs)
        static let surplus = WordList(["超收", "超额完成", "超额", "超出", "超过"])
        static let total = WordList(["共有", "共计", "总计", "合计", "共"])
        static let share = WordList(["占", "占比", "占比为", "占比达", "比例达到", "比例为", "达到"])
        static let shareLead = WordList(["占", "占比", "占比为", "占到"])
        /// Words that make a change another quantity than the one the figures give.
        /// What a claim's figure holds: a percentage, a multiple, a fraction.
        static let claimMarks = WordList(["%", "％", "倍", "分之"])
        static let constantPrices = ["不变价", "可比价", "价格因素"].map(UTF8Scan.bytes)
        static let yearlyAverage = ["年均", "年平均", "平均每年", "每年平均"].map(UTF8Scan.bytes)
        static let qualifiers = constantPrices + yearlyAverage
    }

    /// A claim word standing right before a figure.
    enum Verb: Equatable {
        case growth, ratio, decline, declineTo
    }

    /// The verb before `figure` (skipping `了`, `约`…), with the byte offset where it starts.
    static func verb(before figure: Figure, in text: ClaimText, from sentenceStart: Int) -> (Verb, Int)? {
        var end = figure.prefixStart
        if let s = text.ending(at: end, with: Words.le, from: sentenceStart) { end = s.start }
        if let s = text.ending(at: end, with: Words.ofBase, from: sentenceStart) {
            let ratioStart = text.ending(at: s.start, with: Words.ratio, from: sentenceStart)?.start ?? s.start
            let verbStart = text.ending(at: ratioStart, with: Words.declineTo, from: sentenceStart)
            return verbStart.map { (.declineTo, $0.start) } ?? (.ratio, ratioStart)
        }
        if let s = text.ending(at: end, with: Words.growthToOrAt, from: sentenceStart) {
            return (.ratio, s.start)
        }
        if let s = text.ending(at: end, with: Words.declineToOrAt, from: sentenceStart) {
            return (.declineTo, s.start)
        }
        if let s = text.ending(at: end, with: Words.growth, from: sentenceStart) {
            return (s.word.hasSuffix("至") ? .ratio : .growth, s.start)
        }
        if let s = text.ending(at: end, with: Words.decline, from: sentenceStart) {
            return (s.word.hasSuffix("至") || s.word.hasSuffix("到") ? .declineTo : .decline, s.start)
        }
        return nil
    }

    // MARK: - Formatting

    /// One decimal, or none when the value is whole at that precision (`33.4`, `2`).
    static func format(_ v: Double, decimals: Int = 1) -> String {
        let rounded = (v * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        guard rounded.isFinite, abs(rounded) < 1e15 else { return String(format: "%.0f", v) }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.\(decimals)f", rounded)
    }

    /// An amount in the multiplier and unit of `like` (`449万元`).
    static func formatAmount(_ v: Double, like: Figure, text: ClaimText) -> String {
        let written = text.string(like.range)
        let scale: Double = written.contains("亿") ? 1e8 : written.contains("万") ? 1e4 : 1
        let suffix = (scale == 1e8 ? "亿" : scale == 1e4 ? "万" : "") + like.unit.text
        return format(v / scale, decimals: like.decimals) + suffix
    }
}

/// The claims of one sentence: each check appends what it found.
struct ClaimSentence {
    typealias Rule = MetricArithmeticRule
    let p: Paragraph
    let text: ClaimText
    let range: Range<Int>
    let figs: [Figure]
    /// Whether every claim is kept, or only those reported.
    let ledger: Bool
    var claims: [Claim] = []
    /// Figures (indices in `figs`) already taken as the claim of some check.
    var used = Set<Int>()

    mutating func add(_ kind: Claim.Kind, _ span: Range<Int>, figures: [Figure], computed: String?, verdict: Claim.Verdict,
                      message: LocalizedText? = nil, suggestion: String? = nil,
                      related: [(offset: Int, message: LocalizedText)] = []) {
        guard ledger || verdict.isReported else { return }
        claims.append(Claim(kind: kind, range: p.sourceRange(span), text: text.string(span), figures: figures.map { text.string($0.range) },
                            computed: computed, verdict: verdict, message: message, suggestion: suggestion, related: related))
    }

    func related(_ a: Figure, _ am: LocalizedText, _ b: Figure, _ bm: LocalizedText) -> [(offset: Int, message: LocalizedText)] {
        [(p.sourceOffset(a.range.lowerBound), am), (p.sourceOffset(b.range.lowerBound), bm)]
    }

    // MARK: 减少N倍

    mutating func fallingMultiples() {
        for (k, f) in figs.enumerated() where f.unit == .multiple {
            guard let (verb, start) = Rule.verb(before: f, in: text, from: range.lowerBound), verb == .decline || verb == .declineTo else { continue }
            used.insert(k)
            let span = start..<f.range.upperBound
            add(.fallingMultiple, span, figures: [], computed: nil, verdict: .contradicted,
                message: MetricArithmeticMessages.fallingMultiple(text.string(span)))
        }
    }

    // MARK: 从A至B, then 增长N倍 / 增长P% / 提高X个百分点 / 翻N番

    mutating func changes() {
        guard let (a, b) = fromTo() else { return }
        let A = figs[a], B = figs[b]
        used.insert(a); used.insert(b)
        let related = related(A, LocalizedText(zh: "起点数字", en: "the figure it starts from"), B, LocalizedText(zh: "终点数字", en: "the figure it ends at"))
        guard let ratio = B.interval / A.interval else { return }
        let centre = B.value / A.value
        let shown = "\(text.string(A.range))→\(text.string(B.range))"

        // Claims about the pair stand in the clauses after it, up to a `；` that starts another matter.
        let scopeEnd = ByteSearch.find(Self.semicolon, in: text.bytes, B.range.upperBound..<range.upperBound)
            ?? ByteSearch.find([UInt8(ascii: ";")], in: text.bytes, B.range.upperBound..<range.upperBound) ?? range.upperBound
        // … and not past another `从A…至B` of their own (`从9899万减少至1660万，…，贫困发生率从10.2%下降到1.7%`).
        var scope = scopeEnd
        for (c, C) in figs.enumerated() where c > b && C.range.upperBound <= scopeEnd {
            let lead = text.string(max(B.range.upperBound, text.back(from: C.prefixStart, scalars: 8))..<C.prefixStart).unicodeScalars
            let clause = lead.split(whereSeparator: { $0 == "，" || $0 == "," || $0 == "；" }).last ?? lead[...]
            if clause.contains(where: { $0 == "从" || $0 == "由" }) {
                scope = C.prefixStart
                break
            }
        }
        for k in (b + 1)..<figs.count where !used.contains(k) && figs[k].range.upperBound <= scope {
            let claim = figs[k]
            guard let (verb, start) = Rule.verb(before: claim, in: text, from: range.lowerBound) else { continue }
            let span = start..<claim.range.upperBound
            let claimText = text.string(span)
            used.insert(k)
            // A change at constant prices or a yearly average cannot be checked against the
            // nominal figures: `按不变价计算增长970倍`, `年均增长11%`.
            let comma = text.lastScalar(in: B.range.upperBound..<start, where: { $0 == ch("，") || $0 == ch(",") })
            let clauseStart = comma ?? B.range.upperBound
            // A yearly average over stated years is compound growth: (B/A)^(1/n) − 1.
            if claim.isPercent, verb == .growth || verb == .decline,
               Rule.Words.yearlyAverage.contains(where: { ByteSearch.contains($0, in: text.bytes, clauseStart..<start) }),
               !Rule.Words.constantPrices.contains(where: { ByteSearch.contains($0, in: text.bytes, range.lowerBound..<start) }),
               let years = statedYears(before: start), let r = B.interval / A.interval {
                let n = Double(years)
                let rate = verb == .growth
                    ? Interval((pow(r.low, 1 / n) - 1) * 100, (pow(r.high, 1 / n) - 1) * 100)
                    : Interval((1 - pow(r.high, 1 / n)) * 100, (1 - pow(r.low, 1 / n)) * 100)
                let value = (verb == .growth ? pow(centre, 1 / n) - 1 : 1 - pow(centre, 1 / n)) * 100
                let shownValue = Rule.format(value, decimals: max(1, claim.decimals)) + "%"
                let ok = rate.overlaps(claim.interval)
                add(.percentChange, span, figures: [A, B], computed: "\(years)年年均" + shownValue, verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.yearlyAverage(claimText, figures: shown, years: years, value: shownValue),
                    suggestion: ok ? nil : claimText.replacingFigure(text.string(claim.range), with: shownValue), related: ok ? [] : related)
                continue
            }
            if Rule.Words.qualifiers.contains(where: { ByteSearch.contains($0, in: text.bytes, clauseStart..<start) }) {
                add(claim.unit == .multiple ? .multiple : .percentChange, span, figures: [A, B], computed: nil, verdict: .notCheckable)
                continue
            }
            // A clause with a subject of its own speaks of another quantity: `示范村从12个增至45个，
            // 城镇居民收入增长超过8%`.
            if let comma, ClaimText.hasOwnSubject(text.string((comma + UTF8Scan.sequenceLength(text.bytes[comma]))..<start)) {
                add(claim.unit == .multiple ? .multiple : .percentChange, span, figures: [A, B], computed: nil, verdict: .notCheckable)
                continue
            }
            switch claim.unit {
            case "倍":
                guard verb == .growth || verb == .ratio else { continue }
                let consistent = verb == .growth ? (ratio + -1).overlaps(claim.interval) : ratio.overlaps(claim.interval)
                // 增长N倍 where the figures give exactly ×N (4万元 → 20万元, 增长了5倍) is the slip for
                // 增长到N倍, even when their rounding would allow the other reading (and the reverse).
                let slipValue = verb == .growth ? centre : centre - 1
                let exactSlip = !claim.approximate && abs(claim.value - slipValue) < 1e-9 * max(1, slipValue)
                    && abs(claim.value - (verb == .growth ? centre - 1 : centre)) > 1e-9 * max(1, centre)
                if consistent && !exactSlip {
                    add(.multiple, span, figures: [A, B], computed: "原来的" + Rule.format(centre, decimals: 2) + "倍", verdict: .consistent)
                    continue
                }
                // The common slip, 增长N倍 for 增长到N倍 (or the reverse), judged on the central value.
                let slip = verb == .growth ? claim.interval.contains(centre) : claim.interval.contains(centre - 1)
                add(.multiple, span, figures: [A, B], computed: "原来的" + Rule.format(centre, decimals: 2) + "倍",
                    verdict: slip ? .likelySlip : .contradicted,
                    message: MetricArithmeticMessages.multiple(claimText, figures: shown, ratio: centre, slip: slip),
                    suggestion: verb == .growth ? "增长" + Rule.format(centre - 1) + "倍" : "增长到" + Rule.format(centre) + "倍",
                    related: related)
            case "%" where A.isPercent && B.isPercent:
                guard verb == .growth || verb == .decline else { continue }
                let points = Interval(abs(B.interval.low - A.interval.high), abs(B.interval.high - A.interval.low))
                let relative = verb == .growth ? (ratio + -1) * 100 : Interval(100 - ratio.high * 100, 100 - ratio.low * 100)
                let diff = abs(B.value - A.value)
                let fix = claimText.replacingFigure(text.string(claim.range), with: Rule.format(diff) + "个百分点")
                if relative.overlaps(claim.interval) {
                    add(.percentChange, span, figures: [A, B], computed: Rule.format(relative.middle) + "%", verdict: .consistent)
                } else if points.overlaps(claim.interval) {
                    add(.percentagePoints, span, figures: [A, B], computed: Rule.format(diff) + "个百分点", verdict: .contradicted,
                        message: MetricArithmeticMessages.percentForPoints(figures: shown, diff: diff), suggestion: fix, related: related)
                } else {
                    add(.percentagePoints, span, figures: [A, B], computed: Rule.format(diff) + "个百分点", verdict: .contradicted,
                        message: MetricArithmeticMessages.points(claimText, figures: shown, diff: diff), suggestion: fix, related: related)
                }
            case "%":
                let computed: Interval, value: Double
                switch verb {
                case .growth: computed = (ratio + -1) * 100; value = (centre - 1) * 100
                case .decline: computed = Interval(100 - ratio.high * 100, 100 - ratio.low * 100); value = (1 - centre) * 100
                case .ratio, .declineTo: computed = ratio * 100; value = centre * 100
                }
                let decimals = max(1, claim.decimals)
                let shownValue = Rule.format(value, decimals: decimals) + "%"
                if computed.overlaps(claim.interval) {
                    add(.percentChange, span, figures: [A, B], computed: shownValue, verdict: .consistent)
                } else {
                    add(.percentChange, span, figures: [A, B], computed: shownValue, verdict: .contradicted,
                        message: MetricArithmeticMessages.percent(claimText, figures: shown, value: shownValue),
                        suggestion: claimText.replacingFigure(text.string(claim.range), with: shownValue), related: related)
                }
            case "分数":
                // 降低到原来的四分之一, 是原来的三分之二: the ratio as a fraction.
                guard verb == .ratio || verb == .declineTo else { used.remove(k); continue }
                let ok = ratio.overlaps(claim.interval)
                add(.multiple, span, figures: [A, B], computed: "原来的" + Rule.format(centre, decimals: 2) + "倍", verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.fraction(claimText, figures: shown, ratio: centre), related: ok ? [] : related)
            case "百分点" where A.isPercent && B.isPercent:
                let diff = abs(B.value - A.value)
                let allowed = Interval(abs(B.interval.low - A.interval.high), abs(B.interval.high - A.interval.low))
                let ok = allowed.overlaps(claim.interval)
                add(.percentagePoints, span, figures: [A, B], computed: Rule.format(diff) + "个百分点", verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.points(claimText, figures: shown, diff: diff),
                    suggestion: ok ? nil : claimText.replacingFigure(text.string(claim.range), with: Rule.format(diff) + "个百分点"),
                    related: ok ? [] : related)
            default:
                used.remove(k)
            }
        }
        // 翻N番 after the pair.
        if let (start, end, n) = text.doubling(after: B.range.upperBound, before: scopeEnd) {
            let claimed = pow(2, Double(n))
            let ok = ratio.contains(claimed) || abs(centre - claimed) / claimed <= 0.05
            let span = start..<end
            add(.doubling, span, figures: [A, B], computed: "原来的" + Rule.format(centre, decimals: 2) + "倍", verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.doubling(text.string(span), figures: shown, ratio: centre), related: ok ? [] : related)
        }
    }

    static let semicolon = UTF8Scan.bytes("；")
    static let closingBracket = UTF8Scan.bytes("）"), openingBracket = UTF8Scan.bytes("（")

    /// Characters of the verbs that carry a change from A to B (增长, 跃升, 提高, 下降…).
    static let changeMarks: Set<Unicode.Scalar> = Set("增加长提高升跃扩攀涨降减低缩回落".unicodeScalars)

    /// The number of years between the two years the sentence states before `end` (2015年的439万元 …
    /// 2020年的5578万元; 2012年至2021年), when it states exactly two.
    func statedYears(before end: Int) -> Int? {
        var years: [Int] = []
        for f in figs where f.unit == "年" && f.range.upperBound <= end && f.decimals == 0 && !f.approximate && f.value >= 1900 && f.value <= 2100 {
            if !years.contains(Int(f.value)) { years.append(Int(f.value)) }
        }
        guard years.count == 2, years[1] > years[0] else { return nil }
        return years[1] - years[0]
    }

    /// The pair `从A…至B` in the sentence: A after 从/由 (a year may stand between: `从2015年的439万元`),
    /// B after a verb ending in 至/到, same unit, A before B, no clause break between them.
    func fromTo() -> (Int, Int)? {
        for (b, B) in figs.enumerated() where B.unit != .multiple && B.unit != "年" {
            for a in stride(from: b - 1, through: 0, by: -1) where figs[a].unit == B.unit {
                let A = figs[a]
                let between = text.string(A.range.upperBound..<B.prefixStart).unicodeScalars
                guard !between.contains(where: { $0 == "，" || $0 == "；" || $0 == "," }),
                      between.contains(where: { $0 == "至" || $0 == "到" }),
                      between.contains(where: { Self.changeMarks.contains($0) }) else { break }
                let lead = text.string(max(range.lowerBound, text.back(from: A.prefixStart, scalars: 10))..<A.prefixStart).unicodeScalars
                let clause = lead.split(whereSeparator: { $0 == "，" || $0 == "," || $0 == "；" }).last ?? lead[...]
                if clause.contains(where: { $0 == "从" || $0 == "由" }) { return (a, b) }
                break
            }
        }
        return nil
    }

    // MARK: A占B的P%, 超收X

    static let de = UTF8Scan.bytes("的")

    mutating func shares() {
        for (k, P) in figs.enumerated() where P.isPercent && k >= 2 && !used.contains(k) {
            let B = figs[k - 1]
            guard B.unit != .percent, B.unit != .none else { continue }
            let link = UTF8Scan.trimmingSpaces(text.bytes, B.range.upperBound..<P.prefixStart)
            guard link.count == Self.de.count, ByteSearch.hasPrefix(Self.de, text.bytes, link),
                  let shareStart = text.lastScalar(in: text.back(from: B.prefixStart, scalars: 12)..<B.prefixStart, where: { $0 == ch("占") }),
                  shareStart >= range.lowerBound,
                  let a = figs[..<(k - 1)].lastIndex(where: { $0.unit == B.unit && $0.range.upperBound <= shareStart }),
                  let share = figs[a].interval / B.interval else { continue }
            let A = figs[a]
            used.insert(k)
            let related = related(A, LocalizedText(zh: "部分", en: "the part"), B, LocalizedText(zh: "总数", en: "the whole"))
            let shown = "\(text.string(A.range))÷\(text.string(B.range))"
            let decimals = max(1, P.decimals)
            let value = Rule.format(A.value / B.value * 100, decimals: decimals) + "%"
            let span = shareStart..<P.range.upperBound
            let ok = (share * 100).overlaps(P.interval)
            add(.share, span, figures: [A, B], computed: value, verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.share(text.string(span), figures: shown, value: value),
                suggestion: ok ? nil : text.string(span).replacingFigure(text.string(P.range), with: value), related: ok ? [] : related)
            // 超收/超额/超出 X after the share, same unit: X = A − B.
            for (x, X) in figs.enumerated() where x > k && X.unit == A.unit {
                guard let s = text.ending(at: X.prefixStart, with: Rule.Words.surplus, from: P.range.upperBound) else { continue }
                used.insert(x)
                let diff = A.interval - B.interval
                let amount = Rule.formatAmount(A.value - B.value, like: X, text: text)
                let span = s.start..<X.range.upperBound
                let ok = diff.overlaps(X.interval)
                add(.difference, span, figures: [A, B], computed: amount, verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.difference(text.string(span), a: text.string(A.range), b: text.string(B.range), value: amount),
                    suggestion: ok ? nil : text.string(span).replacingFigure(text.string(X.range), with: amount), related: ok ? [] : related)
                break
            }
        }
    }

    // MARK: 共N个，其中A个、B个

    /// Parts listed after `其中` that add up to more than their total. Parts that add up to less
    /// are not reported: `其中` often names only some of the whole (`其中女党员35名`).
    mutating func partsAndTotals() {
        let bytes = text.bytes
        for (t, T) in figs.enumerated() where T.countsThings || T.unit == "元" {
            // `共N个，其中`, `N个全科网格（其中`: 其中 after a clause mark or bracket, a few characters on.
            let after = T.range.upperBound..<min(range.upperBound, text.forward(from: T.range.upperBound, scalars: 10))
            guard let qi = ByteSearch.find(Self.qizhong, in: bytes, after), qi > after.lowerBound,
                  [ch("，"), ch(","), ch("（"), ch("(")].contains(UTF8Scan.scalar(before: qi, in: bytes)),  // ，,（(
                  UTF8Scan.scalarCount(bytes, after.lowerBound..<qi) <= 8 else { continue }
            let partsStart = qi + Self.qizhong.count
            // Parts: same-unit figures after 其中, to the end of the sentence or the closing bracket.
            var end = range.upperBound
            if ByteSearch.contains(Self.openingBracket, in: bytes, after.lowerBound..<qi) || ByteSearch.contains([UInt8(ascii: "(")], in: bytes, after.lowerBound..<qi) {
                if let close = ByteSearch.find(Self.closingBracket, in: bytes, partsStart..<range.upperBound)
                    ?? ByteSearch.find([UInt8(ascii: ")")], in: bytes, partsStart..<range.upperBound) { end = close }
            }
            let parts = figs.enumerated().filter { $0.element.unit == T.unit && $0.element.range.lowerBound >= partsStart && $0.element.range.upperBound <= end }
            guard parts.count >= 2, !T.approximate, !parts.contains(where: { $0.element.approximate }) else { continue }
            var sum = Interval(exactly: 0)
            for part in parts { sum = Interval(sum.low + part.element.interval.low, sum.high + part.element.interval.high) }
            let total = parts.map { text.string($0.element.range) }.joined(separator: "+")
            let value = Rule.format(parts.reduce(0) { $0 + $1.element.value }, decimals: 0)
            let spanStart = text.ending(at: T.prefixStart, with: Rule.Words.total, from: range.lowerBound)?.start ?? T.prefixStart
            let span = spanStart..<parts.last!.element.range.upperBound
            let ok = sum.low <= T.interval.high
            // Parts that may leave some of the whole out add up to less without a fault; two that
            // name the whole between them (农村/社区, 男/女) must add up to it.
            let short = ok && !sum.overlaps(T.interval)
            let complementary = short && parts.count == 2 && Self.complementary(text, parts[0].element, parts[1].element, from: partsStart)
            let verdict: Claim.Verdict = !ok ? .contradicted : complementary ? .doubtful : short ? .notCheckable : .consistent
            add(.partsAndTotal, span, figures: [T] + parts.map(\.element), computed: "\(total)=\(value)\(T.unit.text)", verdict: verdict,
                message: !ok ? MetricArithmeticMessages.partsExceed(total: text.string(T.range), parts: total, sum: value + T.unit.text)
                    : complementary ? MetricArithmeticMessages.partsShort(total: text.string(T.range), parts: total, sum: value + T.unit.text) : nil,
                related: verdict.isReported ? [(p.sourceOffset(T.range.lowerBound), LocalizedText(zh: "总数", en: "the total"))] : [])
            used.insert(t)
        }
    }

    /// Pairs of words that divide a whole between them.
    static let complements: [(String, String)] = [("农村", "社区"), ("城镇", "农村"), ("城市", "农村"), ("城区", "农村"), ("男", "女"),
                                                  ("国有", "民营"), ("公办", "民办"), ("村", "社区"), ("境内", "境外"), ("国内", "国外")]

    /// Whether the words right before two parts (`农村38个，社区20个`) are such a pair.
    static func complementary(_ text: ClaimText, _ a: Figure, _ b: Figure, from start: Int) -> Bool {
        let la = text.string(max(start, text.back(from: a.prefixStart, scalars: 4))..<a.prefixStart)
        let lb = text.string(max(a.range.upperBound, text.back(from: b.prefixStart, scalars: 4))..<b.prefixStart)
        return complements.contains { x, y in (la.hasSuffix(x) && lb.hasSuffix(y)) || (la.hasSuffix(y) && lb.hasSuffix(x)) }
    }

    // MARK: 四星2个、三星5个、二星5个，三星以上占58%

    mutating func gradeShares() {
        let bytes = text.bytes
        for (k, P) in figs.enumerated() where P.isPercent && !used.contains(k) {
            // `X星以上…占P%` just before the share.
            guard text.ending(at: P.prefixStart, with: Rule.Words.shareLead, from: range.lowerBound) != nil else { continue }
            let lead = text.back(from: P.prefixStart, scalars: 14)..<P.prefixStart
            guard let above = ByteSearch.find(Self.starQuoteAbove, in: bytes, lead) ?? ByteSearch.find(Self.starAbove, in: bytes, lead),
                  above > lead.lowerBound else { continue }
            // The grade before 星, perhaps in quotation marks (`“三星”以上`).
            let claimStart = UTF8Scan.previousScalarStart(bytes, before: above)
            var gradeEnd = above
            if UTF8Scan.decode(bytes, at: claimStart).0 == ch("“") { gradeEnd = claimStart }
            guard gradeEnd > lead.lowerBound, let threshold = Self.grade(UTF8Scan.scalar(before: gradeEnd, in: bytes)) else { continue }
            // The listed grades: `Y星…N个` items between the clause run's start and the claim.
            let runStart = clauseRunStart(before: claimStart)
            var counts: [(grade: Int, figure: Figure)] = []
            for f in figs where f.range.lowerBound >= runStart && f.range.upperBound <= claimStart && f.unit == "个" {
                // `四星支部2个`, `三星5个`, `“五星”支部1个`: the grade is the numeral before 星.
                let from = text.back(from: f.prefixStart, scalars: 6)
                guard let star = text.lastScalar(in: from..<f.prefixStart, where: { $0 == ch("星") }), star > from,
                      let grade = Self.grade(UTF8Scan.scalar(before: star, in: bytes)) else { continue }
                counts.append((grade, f))
            }
            // Checkable only when the list reaches below the threshold: then it is the whole distribution.
            guard counts.contains(where: { $0.grade < threshold }), counts.contains(where: { $0.grade >= threshold }),
                  !counts.contains(where: { $0.figure.approximate }) else { continue }
            used.insert(k)
            let upper = counts.filter { $0.grade >= threshold }.reduce(0) { $0 + $1.figure.value }
            let all = counts.reduce(0) { $0 + $1.figure.value }
            let value = Rule.format(upper / all * 100, decimals: max(1, P.decimals)) + "%"
            let span = claimStart..<P.range.upperBound
            let ok = Interval(exactly: upper / all * 100).overlaps(P.interval)
            let shown = "(\(counts.filter { $0.grade >= threshold }.map { Rule.format($0.figure.value, decimals: 0) }.joined(separator: "+")))÷\(Rule.format(all, decimals: 0))"
            add(.share, span, figures: counts.map(\.figure), computed: value, verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.share(text.string(span), figures: shown, value: value),
                suggestion: ok ? nil : text.string(span).replacingFigure(text.string(P.range), with: value))
        }
    }

    static let starAbove = UTF8Scan.bytes("星以上"), starQuoteAbove = UTF8Scan.bytes("星”以上")

    /// The grade a numeral names: 一 to 五 (两 for 二).
    static func grade(_ v: UInt32) -> Int? {
        switch v {
        case ch("一"): return 1
        case ch("二"), ch("两"): return 2
        case ch("三"): return 3
        case ch("四"): return 4
        case ch("五"): return 5
        default: return nil
        }
    }

    /// Start of the clauses that lead up to `offset`: after the last `；`/`。` before it, or the sentence start.
    func clauseRunStart(before offset: Int) -> Int {
        let bytes = text.bytes
        var i = offset
        while i > range.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: i)
            let v = UTF8Scan.decode(bytes, at: s).0
            if v == ch("；") || v == ch(";") || v == ch("。") { return i }
            i = s
        }
        return range.lowerBound
    }

    // MARK: 甲、乙、丙3人 / 项目5个（甲、乙、丙、丁、戊）

    mutating func listCounts() {
        for (k, N) in figs.enumerated() where N.countsThings && !used.contains(k) && N.value >= 1 && N.value <= 30 {
            if let (items, listDeng, span) = listInBrackets(after: N) ?? listBefore(N) {
                let count = Int(N.value)
                // A list with 等, or before a rough count (近20个, 30多家), only illustrates.
                let hasDeng = listDeng || N.approximate
                let ok = hasDeng ? items <= count : items == count
                add(.listCount, span, figures: [N], computed: "\(items)项" + (hasDeng ? "（含“等”）" : ""), verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.listCount(stated: text.string(N.range), items: items, deng: hasDeng))
            }
        }
    }

    /// `5个（沿太行、沿黄、焦平、沁伊、长修）`: the items in the brackets right after the count.
    func listInBrackets(after N: Figure) -> (Int, Bool, Range<Int>)? {
        let bytes = text.bytes
        let open = N.range.upperBound
        guard open < range.upperBound else { return nil }
        let (v, len) = UTF8Scan.decode(bytes, at: open)
        guard v == ch("（") || v == ch("(") else { return nil }
        let closeMark: [UInt8] = v == ch("（") ? Self.closingBracket : [UInt8(ascii: ")")]
        guard let close = ByteSearch.find(closeMark, in: bytes, (open + len)..<range.upperBound) else { return nil }
        let inner = (open + len)..<close
        guard !ByteSearch.hasPrefix(Self.qizhong, bytes, inner),
              text.lastScalar(in: inner, where: { NumberScanner.digit($0) != nil }) == nil else { return nil }
        guard let (items, deng) = text.listItems(inner), items >= 2 || N.value == 1 else { return nil }
        return (items, deng, N.prefixStart..<(close + closeMark.count))
    }

    static let qizhong = UTF8Scan.bytes("其中")
    static let notTheListsCount = ScalarSet("、共各和及与达计")
    static let titleWords = ["主席", "秘书长", "委员", "书记", "主任", "部长", "局长", "院长", "校长", "会长", "理事", "常委", "市长", "县长",
                             "镇长", "村长", "组长", "队长", "经理", "董事长", "董事", "监事", "顾问", "代表"]

    /// `李胜利、赵成国、贾顺心3人`: the items of a list that ends right before the count.
    func listBefore(_ N: Figure) -> (Int, Bool, Range<Int>)? {
        let bytes = text.bytes
        // The clause before the count: a list of up to 30 items fits in 600 characters; a longer
        // clause is no list this reads (and each count's search stays short).
        var start = N.prefixStart, scanned = 0
        while start > range.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: start)
            let v = UTF8Scan.decode(bytes, at: s).0
            if v == ch("，") || v == ch(",") || v == ch("。") || v == ch("；") || v == ch(";") || v == ch("：") || v == ch(":") { break }
            start = s
            scanned += 1
            if scanned > 600 { return nil }
        }
        // A list of names, not of counted items (`四星支部2个、三星5个` is a distribution); and the
        // count the list's own, not a total or one each (`孙辈、重孙辈共22人`, `男、女各4个`) or another
        // item (`…人民监察委员会和30个部`).
        guard text.mayHoldNamedList(start..<N.prefixStart), !Self.notTheListsCount.contains(UTF8Scan.scalar(before: N.prefixStart, in: bytes)) else { return nil }
        var end = N.prefixStart
        var hasDeng = false
        if ByteSearch.hasSuffix(ClaimText.deng, bytes, start..<end) { hasDeng = true; end -= ClaimText.deng.count }
        // The last item stands right before the count: short, Han (quotes allowed), no digits.
        guard let lastSep = text.lastScalar(in: start..<end, where: { $0 == ch("、") }) else { return nil }
        let last = (lastSep + ClaimText.dun.count)..<end
        guard !last.isEmpty, UTF8Scan.scalarCount(bytes, last) <= 10,
              text.lastScalar(in: last, where: { !(Scalar.isHan($0) || $0 == ch("“") || $0 == ch("”")) }) == nil else { return nil }
        // The count counts another noun when the list modifies it or is pointed back to:
        // `江西、四川、贵州和甘肃的6个县`, `“共建、共治、共享”这6个字`.
        if case let before = UTF8Scan.scalar(before: end, in: bytes), before == ch("的") || before == ch("这") || before == ch("那") { return nil }
        guard let (items, deng) = text.listItems(start..<end) else { return nil }
        // Titles listed before a number of people (`选举产生副主席、秘书长和委员15名`) are offices, not
        // the people counted.
        if N.unit == "人" || N.unit == "名" || N.unit == "位" {
            let parts = text.string(start..<end).split(whereSeparator: { $0 == "、" || $0 == "和" || $0 == "及" })
            if parts.count >= 2, parts.allSatisfy({ part in Self.titleWords.contains { part.hasSuffix($0) } }) { return nil }
        }
        return (items, hasDeng || deng, start..<N.range.upperBound)
    }

    // MARK: Claims found without the figures to check them

    /// `增长近3倍`, `同比增长8.2%` with no base figures, `占全区比例达到56%`: listed in the ledger as
    /// not checkable, so an editor sees what was and was not verified.
    mutating func uncheckable() {
        for (k, f) in figs.enumerated() where !used.contains(k) && (f.unit == .multiple || f.isPercent) {
            var clauseStart = max(range.lowerBound, text.back(from: f.prefixStart, scalars: 12))
            if let mark = text.lastScalar(in: clauseStart..<f.prefixStart, where: { $0 == ch("，") || $0 == ch(",") || $0 == ch("；") || $0 == ch(";") }) {
                clauseStart = mark + UTF8Scan.sequenceLength(text.bytes[mark])
            }
            if f.isPercent, let start = text.lastScalar(in: clauseStart..<f.prefixStart, where: { $0 == ch("占") }) {
                // `占常住户数的94.6%` with no stated whole: a share that cannot be checked.
                add(.share, start..<f.range.upperBound, figures: [], computed: nil, verdict: .notCheckable)
            } else if let (verb, start) = Rule.verb(before: f, in: text, from: range.lowerBound), verb != .decline || f.isPercent {
                add(f.unit == .multiple ? .multiple : .percentChange, start..<f.range.upperBound, figures: [], computed: nil, verdict: .notCheckable)
            } else if f.isPercent, let s = text.ending(at: f.prefixStart, with: Rule.Words.share, from: range.lowerBound) {
                add(.share, s.start..<f.range.upperBound, figures: [], computed: nil, verdict: .notCheckable)
            }
        }
    }
}
