import Foundation

/// What `metric-arithmetic` says, and the claim text it rewrites in its suggestions.

/// The messages of `metric-arithmetic`.
enum MetricArithmeticMessages {
    typealias Rule = MetricArithmeticRule

    static func multiple(_ claim: String, figures: String, ratio: Double, slip: Bool) -> LocalizedText {
        let g = Rule.format(ratio - 1), r = Rule.format(ratio)
        if slip {
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

    static func percent(_ claim: String, figures: String, value: String) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(figures)的变化为\(value)", en: "\(claim) does not match the figures: \(figures) is a change of \(value)")
    }

    static func percentForPoints(figures: String, diff: Double) -> LocalizedText {
        let d = Rule.format(diff)
        return LocalizedText(zh: "两个百分数之差要用百分点：\(figures)应为“\(d)个百分点”，不是“\(d)%”",
                             en: "the difference of two percentages is in percentage points: \(figures) is \(d)个百分点, not \(d)%")
    }

    static func fraction(_ claim: String, figures: String, ratio: Double) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(figures)为原来的\(Rule.format(ratio, decimals: 2))倍",
                      en: "\(claim) does not match the figures: \(figures) is \(Rule.format(ratio, decimals: 2)) times the start")
    }

    static func points(_ claim: String, figures: String, diff: Double) -> LocalizedText {
        let d = Rule.format(diff)
        return LocalizedText(zh: "\(claim)与所列数字不符：\(figures)相差\(d)个百分点", en: "\(claim) does not match the figures: \(figures) differ by \(d) percentage points")
    }

    static func doubling(_ claim: String, figures: String, ratio: Double) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(figures)为原来的\(Rule.format(ratio))倍（翻一番为2倍，翻两番为4倍）",
                      en: "\(claim) does not match the figures: \(figures) is \(Rule.format(ratio)) times the start (翻一番 is 2 times, 翻两番 4 times)")
    }

    static func share(_ claim: String, figures: String, value: String) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(figures)为\(value)", en: "\(claim) does not match the figures: \(figures) is \(value)")
    }

    static func difference(_ claim: String, a: String, b: String, value: String) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(a)−\(b)=\(value)", en: "\(claim) does not match the figures: \(a) − \(b) = \(value)")
    }

    static func partsExceed(total: String, parts: String, sum: String) -> LocalizedText {
        LocalizedText(zh: "分项之和超过总数：\(parts)=\(sum)，多于总数\(total)", en: "the parts add up to more than the total: \(parts) = \(sum), more than \(total)")
    }

    static func yearlyAverage(_ claim: String, figures: String, years: Int, value: String) -> LocalizedText {
        LocalizedText(zh: "\(claim)与所列数字不符：\(figures)历时\(years)年，按复合增长计算年均为\(value)",
                      en: "\(claim) does not match the figures: \(figures) over \(years) years is a compound yearly rate of \(value)")
    }

    static func partsShort(total: String, parts: String, sum: String) -> LocalizedText {
        LocalizedText(zh: "两个分项合起来应是总数：\(parts)=\(sum)，少于总数\(total)", en: "two parts that make up the whole should add up to it: \(parts) = \(sum), less than \(total)")
    }

    static func totalAfterParts(total: String, parts: String, sum: String) -> LocalizedText {
        LocalizedText(zh: "分项之和与总数不符：\(parts)=\(sum)，不是\(total)", en: "the parts do not add up to the total: \(parts) = \(sum), not \(total)")
    }

    static func listCount(stated: String, items: Int, deng: Bool) -> LocalizedText {
        if deng {
            return LocalizedText(zh: "列举了\(items)项，多于所说的\(stated)", en: "the list names \(items) items, more than the \(stated) it counts")
        }
        return LocalizedText(zh: "列举了\(items)项，与所说的\(stated)不符", en: "the list names \(items) items, not the \(stated) it counts")
    }
}

