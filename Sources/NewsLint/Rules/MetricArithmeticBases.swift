/// `metric-arithmetic`'s checks of claims made against a stated base, a stated whole or a
/// target, and of totals stated after their parts (issue 22):
/// - `是去年2.4亿元的2倍`: the figure before, over the base after 是/为/相当于 … 的, against N;
/// - `比去年的820吨增加了164吨，增长20%`: the difference over the base; `较上年的12.5亿元增长8.2%，
///   达到13.525亿元`: the result over the base;
/// - `全县2.4万户中，已有2.16万户完成改造，完成率达90%`: a part over the whole named with 中;
/// - `新建学校3所、幼儿园5所，共8所`: parts joined by 、, the total right after them;
/// - `完成税收3150万元，超额完成任务数2800万元，超收350万元`: the difference from a target.
extension ClaimSentence {
    typealias Words = MetricArithmeticRule.Words

    // MARK: X是A的N倍

    mutating func basesOfMultiples() {
        for (n, N) in figs.enumerated() where N.unit == .multiple && !used.contains(n) && n >= 2 {
            // `…的N倍`: 的 right before the multiple, the base figure right before 的.
            guard text.ending(at: N.prefixStart, with: Words.de, from: range.lowerBound) != nil else { continue }
            let A = figs[n - 1]
            let deStart = text.ending(at: N.prefixStart, with: Words.de, from: range.lowerBound)!.start
            guard A.range.upperBound == deStart || text.string(A.range.upperBound..<deStart).allSatisfy({ $0 == " " }) else { continue }
            // 是/为/相当于 a few characters before the base (是去年, 为上年同期).
            let lead = text.back(from: A.prefixStart, scalars: 8)..<A.prefixStart
            guard let be = text.lastWord(in: lead, Words.ratioWords), be >= range.lowerBound,
                  !text.hasClauseBreak(be..<A.prefixStart) else { continue }
            // The figure compared: the nearest of the base's unit before 是, in this clause or the one before.
            guard let x = figs[max(0, n - 9)..<(n - 1)].lastIndex(where: { $0.unit == A.unit && $0.range.upperBound <= be }),
                  text.clauseBreaks(figs[x].range.upperBound..<be) <= 1, !used.contains(x),
                  let ratio = figs[x].interval / A.interval else { continue }
            let X = figs[x]
            used.insert(n); used.insert(n - 1); used.insert(x)
            let span = be..<N.range.upperBound
            let centre = X.value / A.value
            let ok = ratio.overlaps(N.interval)
            let shown = "\(text.string(X.range))÷\(text.string(A.range))"
            add(.multiple, span, figures: [X, A], computed: "\(MetricArithmeticRule.format(centre, decimals: 2))倍", verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.share(text.string(span), figures: shown, value: MetricArithmeticRule.format(centre, decimals: 2) + "倍"),
                suggestion: ok ? nil : text.string(span).replacingFigure(text.string(N.range), with: MetricArithmeticRule.format(centre, decimals: max(0, N.decimals)) + "倍"),
                related: ok ? [] : related(X, LocalizedText(zh: "比较的数字", en: "the figure compared"), A, LocalizedText(zh: "基数", en: "the base")))
        }
    }

    // MARK: 比A增加D，增长P% / 较A增长P%，达到B

    mutating func changesAgainstABase() {
        // A base is an amount, never a date (比2010年的水平减少约45%，到2050年).
        for (b, A) in figs.enumerated() where !used.contains(b) && A.unit != .percent && A.unit != .multiple && A.unit != .none
            && A.unit != "年" && A.unit != "月" && A.unit != "日" {
            // 比/较 (上年, 去年同期 …) (的) A: the base.
            let lead = text.back(from: A.prefixStart, scalars: 8)..<A.prefixStart
            guard let bi = text.lastWord(in: lead, Words.comparedWith), bi >= range.lowerBound,
                  !text.hasClauseBreak(bi..<A.prefixStart) else { continue }
            // The claims after the base, to the end of the sentence or a `；`.
            var difference: (Int, Figure, Int)?  // index, figure, verb start
            // The difference, the claim and a result stand within a few figures of the base.
            for k in (b + 1)..<min(figs.count, b + 6) where !used.contains(k) {
                let f = figs[k]
                guard let (verb, start) = MetricArithmeticRule.verb(before: f, in: text, from: range.lowerBound) else { continue }
                if text.hasSemicolon(A.range.upperBound..<start) { break }
                if f.unit == A.unit, verb == .growth || verb == .decline, difference == nil, k == b + 1 {
                    difference = (k, f, start)
                    used.insert(k)
                    continue
                }
                guard f.isPercent, verb == .growth || verb == .decline else { continue }
                let sign: Double = verb == .growth ? 1 : -1
                // The change against the base: from the difference, else from a result after the claim.
                var computed: Interval?, centre = 0.0, figures: [Figure] = [A], shown = ""
                if let (_, D, _) = difference, let q = D.interval / A.interval {
                    computed = q * 100
                    centre = D.value / A.value * 100
                    figures.append(D)
                    shown = "\(text.string(D.range))÷\(text.string(A.range))"
                } else if let r = figs[(k + 1)..<min(figs.count, k + 4)].firstIndex(where: { $0.unit == A.unit }), !used.contains(r),
                          text.ending(at: figs[r].prefixStart, with: Words.reached, from: f.range.upperBound) != nil,
                          !text.hasSemicolon(f.range.upperBound..<figs[r].prefixStart), let q = figs[r].interval / A.interval {
                    let B = figs[r]
                    computed = sign > 0 ? (q + -1) * 100 : Interval(100 - q.high * 100, 100 - q.low * 100)
                    centre = abs(B.value / A.value - 1) * 100
                    figures.append(B)
                    used.insert(r)
                    shown = "\(text.string(A.range))→\(text.string(B.range))"
                }
                guard let computed, !text.holdsAny(Words.qualifiers, in: A.range.upperBound..<start) else { continue }
                used.insert(k); used.insert(b)
                let span = start..<f.range.upperBound
                let value = MetricArithmeticRule.format(centre, decimals: max(1, f.decimals)) + "%"
                let ok = computed.overlaps(f.interval)
                add(.percentChange, span, figures: figures, computed: value, verdict: ok ? .consistent : .contradicted,
                    message: ok ? nil : MetricArithmeticMessages.percent(text.string(span), figures: shown, value: value),
                    suggestion: ok ? nil : text.string(span).replacingFigure(text.string(f.range), with: value),
                    related: ok ? [] : [(p.sourceOffset(A.range.lowerBound), LocalizedText(zh: "基数", en: "the base"))])
                break
            }
        }
    }

    // MARK: 全县2.4万户中，已有2.16万户…，完成率达90%

    mutating func ratesOfAWhole() {
        for (k, P) in figs.enumerated() where P.isPercent && !used.contains(k) {
            // A rate word right before the percentage: 完成率达, 占比, 覆盖率为 ….
            guard let rateStart = text.word(Words.rates, linkedBy: Words.rateLinks, before: P.prefixStart, from: range.lowerBound) else { continue }
            // The whole: a figure followed by 中 earlier in the sentence; the part: the last figure
            // of its unit between the whole and the rate.
            // (Within a few figures: a whole stated long before is another matter.)
            guard let w = figs[max(0, k - 8)..<k].lastIndex(where: { text.isFollowed($0, by: Words.among) }), !used.contains(w) else { continue }
            let W = figs[w]
            guard let a = figs[(w + 1)..<k].lastIndex(where: { $0.unit == W.unit }), !used.contains(a),
                  !figs[(a + 1)..<k].contains(where: { $0.unit == W.unit || $0.isPercent }),
                  !text.hasSemicolon(W.range.upperBound..<P.prefixStart),
                  let share = figs[a].interval / W.interval else { continue }
            let A = figs[a]
            used.insert(k); used.insert(a); used.insert(w)
            let value = MetricArithmeticRule.format(A.value / W.value * 100, decimals: max(1, P.decimals)) + "%"
            let span = rateStart..<P.range.upperBound
            let ok = (share * 100).overlaps(P.interval)
            add(.share, span, figures: [A, W], computed: value, verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.share(text.string(span), figures: "\(text.string(A.range))÷\(text.string(W.range))", value: value),
                suggestion: ok ? nil : text.string(span).replacingFigure(text.string(P.range), with: value),
                related: ok ? [] : related(A, LocalizedText(zh: "部分", en: "the part"), W, LocalizedText(zh: "总数", en: "the whole")))
        }
    }

    // MARK: 学校3所、幼儿园5所，共8所

    mutating func totalsAfterParts() {
        for (t, T) in figs.enumerated() where !used.contains(t) && (T.countsThings || T.unit == "元") && !T.approximate {
            // `，共8所`: the total word right after a clause mark, nothing else before it.
            guard let word = text.ending(at: T.prefixStart, with: Words.total, from: range.lowerBound),
                  text.isClauseMark(before: word.start) else { continue }
            let clauseStart = text.previousScalarStart(word.start)
            // The parts: figures of the unit in the clause before, joined by 、 (分别为12个、9个、7个).
            var parts: [Int] = []
            var k = t - 1
            while k >= 0, figs[k].unit == T.unit, !used.contains(k), figs[k].range.upperBound <= clauseStart {
                if let later = parts.last {
                    guard text.isJoinedByDun(figs[k].range.upperBound..<figs[later].prefixStart) else { break }
                } else {
                    guard !text.hasClauseBreak(figs[k].range.upperBound..<clauseStart) else { break }
                }
                parts.append(k)
                k -= 1
            }
            guard parts.count >= 2, !parts.contains(where: { figs[$0].approximate }) else { continue }
            parts.reverse()
            var sum = Interval(exactly: 0)
            for i in parts { sum = Interval(sum.low + figs[i].interval.low, sum.high + figs[i].interval.high) }
            used.insert(t); used.formUnion(parts)
            let value = MetricArithmeticRule.format(parts.reduce(0) { $0 + figs[$1].value }, decimals: 0)
            let shown = parts.map { text.string(figs[$0].range) }.joined(separator: "+")
            let span = figs[parts[0]].prefixStart..<T.range.upperBound
            let ok = sum.overlaps(T.interval)
            add(.partsAndTotal, span, figures: [T] + parts.map { figs[$0] }, computed: "\(shown)=\(value)\(T.unit.text)", verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.totalAfterParts(total: text.string(T.range), parts: shown, sum: value + T.unit.text),
                suggestion: ok ? nil : text.string(word.start..<T.range.upperBound).replacingFigure(text.string(T.range), with: value + T.unit.text),
                related: ok ? [] : [(p.sourceOffset(figs[parts[0]].range.lowerBound), LocalizedText(zh: "第一项", en: "the first part"))])
        }
    }

    // MARK: 完成A，超额完成任务数B，超收D

    mutating func differencesFromATarget() {
        for (d, D) in figs.enumerated() where !used.contains(d) && d >= 2 {
            guard let s = text.ending(at: D.prefixStart, with: Words.surplusOrShort, from: range.lowerBound) else { continue }
            // The target: the figure of D's unit before, named 任务/目标/计划 just before it; the
            // achieved figure: the one of the unit before the target.
            guard let b = figs[max(0, d - 4)..<d].lastIndex(where: { $0.unit == D.unit }), !used.contains(b),
                  text.lastWord(in: text.back(from: figs[b].prefixStart, scalars: 8)..<figs[b].prefixStart, Words.target) != nil,
                  let a = figs[max(0, b - 4)..<b].lastIndex(where: { $0.unit == D.unit }), !used.contains(a),
                  !text.hasSemicolon(figs[a].range.upperBound..<D.prefixStart) else { continue }
            let A = figs[a], B = figs[b]
            used.insert(d); used.insert(b); used.insert(a)
            let short = Words.shortWords.contains(s.word)
            let diff = short ? B.interval - A.interval : A.interval - B.interval
            let amount = MetricArithmeticRule.formatAmount(short ? B.value - A.value : A.value - B.value, like: D, text: text)
            let span = s.start..<D.range.upperBound
            let ok = diff.overlaps(D.interval)
            let (x, y) = short ? (B, A) : (A, B)
            add(.difference, span, figures: [A, B], computed: amount, verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.difference(text.string(span), a: text.string(x.range), b: text.string(y.range), value: amount),
                suggestion: ok ? nil : text.string(span).replacingFigure(text.string(D.range), with: amount),
                related: ok ? [] : related(A, LocalizedText(zh: "完成数", en: "the figure achieved"), B, LocalizedText(zh: "目标数", en: "the target")))
        }
    }
}

extension ClaimSentence {
    // MARK: 北京、天津、河北3省市 / 张三、李四两位 / 英国、法国和德国三国

    /// Counts of a list that the figures do not read: a Chinese numeral (两位, 三国) or a count
    /// word that is no unit of amounts (3省市); `ClaimText.countInWords` reads them. A list of
    /// counts (打造一个窗口、建设四个…) is not a list of named items.
    mutating func wordCounts() {
        // A list needs a 、 before its count: the search starts there.
        guard let firstDun = text.first(ClaimText.dun, in: range) else { return }
        let figureStarts = figs.filter { $0.unit == .none && $0.decimals == 0 && !$0.approximate && $0.range.lowerBound > firstDun }.map(\.range.lowerBound)
        let starts = figureStarts + text.numeralsBefore(Words.listClassifiers, in: firstDun..<range.upperBound, numerals: MetricArithmeticRule.countNumerals)
        for at in starts.sorted() {
            guard let count = text.countInWords(at: at, in: range, classifiers: Words.listClassifiers),
                  !figs.contains(where: { $0.range.lowerBound == count.range.lowerBound && $0.countsThings }) else { continue }
            let N = Figure(range: count.range, prefixStart: count.range.lowerBound, value: count.value, interval: Interval(exactly: count.value),
                           unit: Figure.Unit(count.word, countsThings: true), approximate: false, decimals: 0)
            guard let (items, hasDeng, span) = listBefore(N),
                  !text.holdsCount(span.lowerBound..<N.prefixStart, classifiers: Words.listClassifiers) else { continue }
            let ok = hasDeng ? items <= Int(count.value) : items == Int(count.value)
            add(.listCount, span, figures: [N], computed: "\(items)项" + (hasDeng ? "（含“等”）" : ""), verdict: ok ? .consistent : .contradicted,
                message: ok ? nil : MetricArithmeticMessages.listCount(stated: text.string(N.range), items: items, deng: hasDeng))
        }
    }
}

extension MetricArithmeticRule.Words {
    /// Count words after a list of names: places, countries, people, bodies.
    static let listClassifiers = WordList(["省区市", "省市区", "省市", "省份", "省", "市", "县", "区", "国", "地", "位", "名", "人", "家",
                                           "个", "所", "项", "部门", "单位", "城市", "村", "镇", "乡", "方", "届"])
    static let de = WordList(["的"])
    static let ratioWords = WordList(["是", "为", "相当于"])
    static let comparedWith = WordList(["比", "较"])
    static let reached = WordList(["达到", "达", "为", "至", "到"])
    static let among = WordList(["中"])
    static let surplusOrShort = WordList(["超收", "超额", "超出", "超过", "多出", "多", "少", "差"])
    static let shortWords: Set<String> = ["少", "差"]
    static let target = WordList(["任务数", "任务", "目标", "计划"])
    static let rates = WordList(["完成率", "覆盖率", "达标率", "合格率", "参保率", "普及率", "入学率", "占比", "比例", "比重"])
    static let rateLinks = WordList(["达到", "达", "为", "是", "超过"])
}

