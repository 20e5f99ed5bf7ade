/// `number-form`: numbers written in the form GB/T 15835-2011 sets.
///
/// Checks: an event date in Arabic numerals takes the 间隔号 (`“7·20”`, not `“7.20”`); the 间隔号
/// is no decimal point (`13.4亿`, not `13·4亿`); a range repeats 万/亿/% on both ends (`9亿～16亿`,
/// not `9～16亿`); a date does not mix Chinese and Arabic numerals (`二〇〇八年8月8日`); years are not
/// cut to two digits (`’98年`).
public struct NumberFormRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "number-form",
        name: LocalizedText(zh: "数字用法", en: "Number form"),
        rationale: LocalizedText(
            zh: "按 GB/T 15835—2011：用阿拉伯数字表示的事件日期月日之间用间隔号（“7·20”）；间隔号不作小数点（13.4亿）；数值范围两端的“万”“亿”“%”都不省略（9亿～16亿，15%～30%）；同一日期不混用汉字数字和阿拉伯数字。",
            en: "Per GB/T 15835-2011: event dates in Arabic numerals put the middle dot between month and day (“7·20”); the middle dot is no decimal point (13.4亿); both ends of a range keep 万, 亿 or % (9亿～16亿, 15%～30%); one date does not mix Chinese and Arabic numerals."),
        severity: .warning,
        triggering: [
            // Seed 002 line 61.
            RuleExample("2021年“⟦7.20⟧”水灾，造成周庄镇12750名群众受灾。"),
            RuleExample("全年税收⟦13·4⟧亿元。"),
            RuleExample("投资⟦9～16亿⟧元。"),
            RuleExample("增幅在⟦15～30%⟧之间。"),
            RuleExample("⟦二〇〇八年8月8日⟧，奥运会开幕。"),
            RuleExample("这是⟦’98年⟧的抗洪精神。"),
        ],
        nonTriggering: [
            RuleExample("去年，“7·20”特大暴雨灾害发生后，宁郭镇把灾后重建作为一号民生工程。"),
            RuleExample("全年税收13.4亿元，投资9亿～16亿元，增幅在15%～30%之间。"),
            RuleExample("二〇〇八年八月八日，奥运会开幕。2008年8月8日，奥运会开幕。"),
            RuleExample("修建镇村道路25.592公里。"),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for p in document.paragraphs {
            let t = p.text
            guard t.contains(where: UTF8Scan.isDigit) || ByteSearch.contains(Self.yearMark, in: t, 0..<t.count) else { continue }
            findings += eventDates(p) + dotDecimals(p) + ranges(p) + mixedDates(p) + shortYears(p)
        }
        return findings
    }

    static let yearMark = UTF8Scan.bytes("〇")

    /// A run of ASCII digits from `i`; its end.
    private func digits(_ t: [UInt8], _ i: Int) -> Int {
        var k = i
        while k < t.count, UTF8Scan.isDigit(t[k]) { k += 1 }
        return k
    }

    /// `“7.20”` → `“7·20”`.
    private func eventDates(_ p: Paragraph) -> [Finding] {
        let t = p.text
        var out: [Finding] = []
        for at in ByteSearch.offsets(of: Self.leftQuote, in: t) {
            let i = at + 3
            let m = digits(t, i)
            guard m > i, m - i <= 2, m < t.count, t[m] == ch(".") else { continue }
            let d = digits(t, m + 1)
            guard d > m + 1, d - m - 1 <= 2, t[d...].starts(with: Self.rightQuote) else { continue }
            let month = Int(String(decoding: t[i..<m], as: UTF8.self)) ?? 0, day = Int(String(decoding: t[(m + 1)..<d], as: UTF8.self)) ?? 0
            guard (1...12).contains(month), (1...31).contains(day) else { continue }
            let fixed = "\(month)·\(day)"
            out.append(Finding(range: p.sourceRange(i..<d), message: Messages.eventDate(String(decoding: t[i..<d], as: UTF8.self), fixed),
                               suggestion: fixed, fixIsSafe: true))
        }
        return out
    }

    static let leftQuote = UTF8Scan.bytes("“")
    static let rightQuote = UTF8Scan.bytes("”")
    static let middleDot = UTF8Scan.bytes("·")
    static let magnitudes = ["万", "亿", "%", "％", "元", "倍"].map(UTF8Scan.bytes)

    /// `13·4亿` → `13.4亿`: a middle dot between digits, followed by a magnitude or unit.
    private func dotDecimals(_ p: Paragraph) -> [Finding] {
        let t = p.text
        var out: [Finding] = []
        for at in ByteSearch.offsets(of: Self.middleDot, in: t) {
            let i = at + Self.middleDot.count
            guard at > 0, UTF8Scan.isDigit(t[at - 1]) else { continue }
            var s = at
            while s > 0, UTF8Scan.isDigit(t[s - 1]) { s -= 1 }
            let e = digits(t, i)
            guard e > i, Self.magnitudes.contains(where: { t[e...].starts(with: $0) }) else { continue }
            let written = String(decoding: t[s..<e], as: UTF8.self)
            let fixed = written.replacingOccurrences(of: "·", with: ".")
            out.append(Finding(range: p.sourceRange(s..<e), message: Messages.dotDecimal(written, fixed), suggestion: fixed, fixIsSafe: true))
        }
        return out
    }

    static let tildes = ["～", "~", "〜"].map(UTF8Scan.bytes)
    static let rangeUnits = ["万亿", "万", "亿", "%", "％"].map(UTF8Scan.bytes)

    /// `9～16亿` → `9亿～16亿`; `15～30%` → `15%～30%`.
    private func ranges(_ p: Paragraph) -> [Finding] {
        let t = p.text
        var out: [Finding] = []
        for tilde in Self.tildes {
            for at in ByteSearch.offsets(of: tilde, in: t) {
                let i = at + tilde.count
                // A number right before the tilde, with no unit of its own.
                var s = at
                while s > 0, UTF8Scan.isDigit(t[s - 1]) || t[s - 1] == ch(".") { s -= 1 }
                guard s < at else { continue }
                let e = digits(t, i)
                var k = e
                if k < t.count, t[k] == ch(".") { k = digits(t, k + 1) }
                guard k > i, let unit = Self.rangeUnits.first(where: { t[k...].starts(with: $0) }) else { continue }
                let end = k + unit.count
                let first = String(decoding: t[s..<at], as: UTF8.self), u = String(decoding: unit, as: UTF8.self)
                let written = String(decoding: t[s..<end], as: UTF8.self)
                let fixed = first + u + String(decoding: tilde, as: UTF8.self) + String(decoding: t[i..<end], as: UTF8.self)
                out.append(Finding(range: p.sourceRange(s..<end), message: Messages.range(written, fixed), suggestion: fixed, fixIsSafe: true))
            }
        }
        return out
    }

    /// `二〇〇八年8月8日`: a year in Chinese numerals with a month in Arabic ones (or the reverse).
    private func mixedDates(_ p: Paragraph) -> [Finding] {
        let t = p.text
        var out: [Finding] = []
        for at in ByteSearch.offsets(of: Self.year, in: t) {
            let i = at + Self.year.count
            // The year before 年: four Chinese digits or four Arabic ones.
            var s = at, chinese = 0, arabic = 0
            while s > 0, chinese + arabic < 4 {
                let ps = UTF8Scan.previousScalarStart(t, before: s)
                let v = UTF8Scan.decode(t, at: ps).0
                if v == ch("〇") || (NumberScanner.chineseDigitValue(v) != nil && v != ch("两")) { chinese += 1 } else if Scalar.isASCIIDigit(v) { arabic += 1 } else { break }
                s = ps
            }
            guard chinese + arabic == 4, chinese == 0 || arabic == 0, i < t.count else { continue }
            // The month after 年 in the other form.
            let (v, _) = UTF8Scan.decode(t, at: i)
            let monthArabic = Scalar.isASCIIDigit(v)
            let monthChinese = NumberScanner.chineseDigitValue(v) != nil || v == ch("十")
            guard (chinese == 4 && monthArabic) || (arabic == 4 && monthChinese) else { continue }
            guard let day = ByteSearch.find(Self.dayMark, in: t, i..<min(t.count, i + 24)) else { continue }
            let end = day + Self.dayMark.count
            out.append(Finding(range: p.sourceRange(s..<end), message: Messages.mixedDate(String(decoding: t[s..<end], as: UTF8.self))))
        }
        return out
    }

    /// `’98年`: a year cut to two digits.
    private func shortYears(_ p: Paragraph) -> [Finding] {
        let t = p.text
        var out: [Finding] = []
        for mark in Self.apostrophes {
            for at in ByteSearch.offsets(of: mark, in: t) {
                let from = at + mark.count
                let e = digits(t, from)
                guard e - from == 2, t[e...].starts(with: Self.year) else { continue }
                out.append(Finding(range: p.sourceRange(at..<(e + Self.year.count)),
                                   message: Messages.shortYear(String(decoding: t[at..<(e + Self.year.count)], as: UTF8.self))))
            }
        }
        return out
    }

    static let apostrophes = ["’", "'", "‘"].map(UTF8Scan.bytes)
    static let year = UTF8Scan.bytes("年")
    static let dayMark = UTF8Scan.bytes("日")

    enum Messages {
        static func eventDate(_ w: String, _ f: String) -> LocalizedText {
            LocalizedText(zh: "事件日期“\(w)”月日之间用间隔号：应为“\(f)”", en: "an event date takes the middle dot: “\(f)”, not “\(w)”")
        }
        static func dotDecimal(_ w: String, _ f: String) -> LocalizedText {
            LocalizedText(zh: "间隔号不作小数点：\(w)应为\(f)", en: "the middle dot is no decimal point: \(f), not \(w)")
        }
        static func range(_ w: String, _ f: String) -> LocalizedText {
            LocalizedText(zh: "数值范围两端的单位都不省略：\(w)应为\(f)", en: "both ends of a range keep the unit: \(f), not \(w)")
        }
        static func shortYear(_ w: String) -> LocalizedText {
            LocalizedText(zh: "年份不能简写：“\(w)”应写出四位数字", en: "years are written in full: not “\(w)”")
        }
        static func mixedDate(_ w: String) -> LocalizedText {
            LocalizedText(zh: "同一日期混用了汉字数字和阿拉伯数字：\(w)", en: "the date mixes Chinese and Arabic numerals: \(w)")
        }
    }
}
