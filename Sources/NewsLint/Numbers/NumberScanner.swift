import Foundation

/// Finds the figures in a text (a paragraph's joined text, UTF-8): Arabic numbers in half or
/// full width, with decimals, thousands separators, 万/亿 multipliers (`10亿零817万`), `%` or
/// `％`, `百分之三十`, Chinese numerals before 倍 and in 百分之…, a unit, and the approximation
/// words around them. Stray spaces inside a figure (`120 万元`, from page export) are allowed.
public enum NumberScanner {
    /// Units recognised after a number, longest first where one is a prefix of another.
    static let units: [String] = [
        "个百分点", "百分点", "平方公里", "平方米", "立方米", "人次", "家次", "公里", "千米",
        "元", "个", "户", "人", "名", "位", "亩", "米", "吨", "家", "所", "项", "次", "场", "期", "件", "处", "座", "支",
        "台", "辆", "栋", "间", "条", "根", "眼", "只", "头", "份", "册", "批", "类", "套", "部", "篇", "起", "天", "年", "月",
        "日", "小时", "分钟", "岁", "倍", "棵", "株", "所", "村", "镇", "乡", "床",
    ]
    /// The units by their first character, longest first, each with whether it counts whole
    /// things: one look-up per figure instead of a walk through the table.
    static let unitsByFirstScalar: [UInt32: [(name: String, bytes: [UInt8], counts: Bool)]] = {
        var out: [UInt32: [(name: String, bytes: [UInt8], counts: Bool)]] = [:]
        for u in units {
            out[u.unicodeScalars.first!.value, default: []].append((u, Array(u.utf8), countUnits.contains(u)))
        }
        return out.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
    }()

    /// Units that count whole things: a whole number of them, with no 万/亿, is exact.
    public static let countUnits: Set<String> = ["个", "人", "名", "位", "家", "所", "项", "户", "村", "镇", "乡", "座", "支",
                                                 "条", "类", "批", "部", "篇", "件", "处", "场", "次", "人次", "家次", "台", "辆",
                                                 "栋", "间", "根", "眼", "只", "头", "份", "册", "套", "棵", "株", "床", "起"]

    static let approxBefore: WordList = ["大约", "将近", "接近", "超过", "不足", "不到", "约", "近", "超", "逾"]

    /// `amountsInWords`: read amounts in Chinese numerals with their unit too (三十万元, 一千二百户),
    /// for the claims that compare amounts (the caller asks `mayHoldAmountInWords` first).
    public static func figures(in text: [UInt8], amountsInWords: Bool = false) -> [Figure] {
        var result: [Figure] = []
        // Chinese numerals are figures only before 倍, in 分之, or (when asked) as an amount with a
        // unit: without any, skip them at once.
        let wordsCount = amountsInWords || Words.bei.occurs(in: text) || Words.fenzhi.occurs(in: text)
        text.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                // Without 倍 or 分之, the only ideograph that can open a figure is 百 (百分之…, E7 99 BE):
                // the others are stepped over undecoded.
                if !wordsCount, UTF8Scan.leadsIdeograph(p[i]), !(p[i] == 0xE7 && p[i + 1] == 0x99 && p[i + 2] == 0xBE) {
                    i += 3
                    continue
                }
                let (v, len) = UTF8Scan.decode(p, at: i)
                if digit(v) != nil {
                    if let (figure, end) = arabic(p, at: i) {
                        result.append(figure)
                        i = end
                    } else {
                        // Not a figure (a code such as S104): skip the whole run of digits and letters.
                        while i < n, case let w = UTF8Scan.decode(p, at: i).0, digit(w) != nil || Scalar.isASCIILetter(w) || w == 0x2E {
                            i += UTF8Scan.decode(p, at: i).1
                        }
                    }
                    continue
                } else if v == 0x767E, let (figure, end) = percentInWords(p, at: i) {  // 百分之…
                    result.append(figure)
                    i = end
                    continue
                } else if wordsCount, chineseDigitValue(v) != nil || chineseUnitValue(v) != nil,
                          let (figure, end) = chineseMultiple(p, at: i) ?? (amountsInWords ? chineseAmount(p, at: i) : nil) {
                    result.append(figure)
                    i = end
                    continue
                } else if wordsCount, isChineseNumeral(v) {
                    // The rest of a numeral run that is no figure (一村一品, 第三十五届) is not read again.
                    i = numeralEnd(p, at: i)
                    continue
                }
                i += len
            }
        }
        return result
    }

    // MARK: - Arabic numbers

    @inline(__always)
    static func digit(_ v: UInt32) -> Int? {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    private static func arabic(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (Figure, Int)? {
        // A digit glued to Latin letters is part of a code (S104, G20), not a figure.
        if start > 0 {
            let prev = UTF8Scan.decode(p, at: UTF8Scan.previousScalarStart(p, before: start)).0
            if Scalar.isASCIILetter(prev) || prev == 0x2E || prev == 0xFF0E || prev == 0x2D { return nil }
        }
        var i = start
        var mantissa: UInt64 = 0  // the digits as one integer, while they fit
        var digitCount = 0
        var decimals = 0
        var sawPoint = false
        while i < p.count {
            let (v, len) = UTF8Scan.decode(p, at: i)
            if let d = digit(v) {
                if digitCount < 19 { mantissa = mantissa * 10 + UInt64(d) }
                digitCount += 1
                if sawPoint { decimals += 1 }
                i += len
            } else if (v == 0x2E || v == 0xFF0E) && !sawPoint, i + len < p.count, digit(UTF8Scan.decode(p, at: i + len).0) != nil {
                sawPoint = true
                i += len
            } else if v == 0x2C && !sawPoint, isThousandsGroup(p, at: i + 1) {
                i += 1  // 1,334 → 1334
            } else {
                break
            }
        }
        if i < p.count, Scalar.isASCIILetter(UTF8Scan.decode(p, at: i).0) { return nil }
        // m ÷ 10^d with both exact is the correctly rounded value, as strtod gives; past that, strtod.
        var value: Double
        if digitCount <= 19 && mantissa < 1 << 53 && decimals < powersOfTen.count {
            value = Double(mantissa) / powersOfTen[decimals]
        } else {
            guard let parsed = Double(String(decoding: asciiNumber(p, start..<i), as: UTF8.self)) else { return nil }
            value = parsed
        }
        var ulp = pow(10, -Double(decimals))
        var end = i
        var approx = false

        // 余/多 straight after the number (`50余万元`), then 万/亿 (`10亿零817万`).
        var j = skipSpaces(p, end)
        if let (_, wend) = Words.yuDuo.match(p, at: j) { approx = true; end = wend; j = skipSpaces(p, end) }
        if let (mult, mend) = multiplier(p, j) {
            value *= mult
            ulp *= mult
            end = mend
            // 10亿零817万: a smaller part after 亿.
            var k = end
            if let (_, zend) = Words.ling.match(p, at: k) { k = zend }
            if mult == 1e8, k < p.count, digit(UTF8Scan.decode(p, at: k).0) != nil, let (rest, rend) = smallPart(p, k) {
                value += rest.value
                ulp = rest.ulp
                end = rend
            }
            j = skipSpaces(p, end)
            if let (_, wend) = Words.yuDuo.match(p, at: j) { approx = true; end = wend; j = skipSpaces(p, end) }
        }
        var interval = Interval(value - ulp / 2, value + ulp / 2)
        if approx { interval = Interval(value, value + max(ulp, value * 0.5)) }

        // Unit: %, ％, or a word from the table.
        var unit = Figure.Unit.none
        if j < p.count {
            let (v, len) = UTF8Scan.decode(p, at: j)
            if v == 0x25 || v == 0xFF05 {
                unit = .percent
                end = j + len
            } else if let (u, uend, counts) = unitAt(p, j, first: v) {
                unit = UTF8Scan.sameBytes(u, "个百分点") ? .percentagePoints : Figure.Unit(u, countsThings: counts)
                end = uend
            }
        }
        let countsThings = unit.countsThings
        // Whole counts of things are exact: `5个` is five, not 4.5 to 5.5.
        if decimals == 0 && ulp == 1 && !approx && countsThings { interval = Interval(exactly: value) }
        // 余/多 after the unit (`20余公里` is caught above; `1.9万余人` too).
        let prefix = approxPrefix(p, start)
        if let word = prefix.word { approx = true; interval = widen(interval, value: value, word: word) }
        if let (word, _) = Words.after.match(p, at: skipSpaces(p, end)) {
            approx = true
            interval = widen(interval, value: value, word: word)
        }
        return (Figure(range: start..<end, prefixStart: prefix.start, value: value, interval: interval,
                       unit: unit, approximate: approx, decimals: decimals), end)
    }

    static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// The number in `range` as ASCII digits and a point (full width narrowed, separators dropped).
    private static func asciiNumber(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(p, at: i)
            if let d = digit(v) { out.append(UInt8(0x30 + d)) } else if v == 0x2E || v == 0xFF0E { out.append(0x2E) }
            i += len
        }
        return out
    }

    private static func isThousandsGroup(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 3 <= p.count else { return false }
        for k in 0..<3 where !UTF8Scan.isDigit(p[i + k]) { return false }
        return i + 3 == p.count || !UTF8Scan.isDigit(p[i + 3])
    }

    private static func multiplier(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Double, Int)? {
        guard i < p.count else { return nil }
        let (v, len) = UTF8Scan.decode(p, at: i)
        let e = i + len
        func next() -> (UInt32, Int) { e < p.count ? UTF8Scan.decode(p, at: e) : (0, 0) }
        switch v {
        case 0x4E07:  // 万, or 万亿; 万 is always a multiplier after a number
            let after = next()
            return after.0 == 0x4EBF ? (1e12, e + after.1) : (1e4, e)
        case 0x4EBF:  // 亿
            return (1e8, e)
        case 0x5343:  // 千, but 千米, 千克 and 千瓦 are units
            let after = next().0
            return after == 0x7C73 || after == 0x514B || after == 0x74E6 ? nil : (1e3, e)
        default:
            return nil
        }
    }

    /// The part after `亿零` in `10亿零817万`.
    private static func smallPart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> ((value: Double, ulp: Double), Int)? {
        var k = i
        var digits: [UInt8] = []
        while k < p.count, case let (v, len) = UTF8Scan.decode(p, at: k), let d = digit(v) { digits.append(UInt8(0x30 + d)); k += len }
        guard let v = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        if let (_, e) = Words.wan.match(p, at: k) { return ((v * 1e4, 1e4), e) }
        return ((v, 1), k)
    }

    private static func unitAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, first: UInt32) -> (String, Int, Bool)? {
        guard let candidates = unitsByFirstScalar[first] else { return nil }
        for (name, bytes, counts) in candidates where i + bytes.count <= p.count {
            var same = true
            for k in 0..<bytes.count where p[i + k] != bytes[k] { same = false; break }
            if same { return (name, i + bytes.count, counts) }
        }
        return nil
    }

    // MARK: - Approximation

    private static func approxPrefix(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> (word: String?, start: Int) {
        approxBefore.match(p, endingAt: start).map { ($0.word, $0.start) } ?? (nil, start)
    }

    private static func widen(_ i: Interval, value: Double, word: String) -> Interval {
        switch word {
        case "约", "大约", "左右", "上下": return Interval(min(i.low, value * 0.9), max(i.high, value * 1.1))
        case "近", "将近", "接近", "不足", "不到", "以下": return Interval(value * 0.8, i.high)
        default: return Interval(i.low, max(i.high, value * 1.5))  // 超, 超过, 逾, 以上
        }
    }

    // MARK: - Chinese numerals

    static func chineseDigitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6, 0x3007: return 0  // 零 〇
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2  // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    static func chineseUnitValue(_ v: UInt32) -> Double? {
        switch v {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        case 0x4E07: return 1e4  // 万
        case 0x4EBF: return 1e8  // 亿
        default: return nil
        }
    }

    /// The value of a Chinese numeral: `三十五`, `两百`, `一点五`, `二〇二一` (digit by digit).
    public static func chineseValue(_ s: String) -> Double? {
        let scalars = Array(s.unicodeScalars.map(\.value))
        guard !scalars.isEmpty else { return nil }
        if let point = scalars.firstIndex(of: 0x70B9) {  // 点
            guard let whole = chineseValue(String(String.UnicodeScalarView(s.unicodeScalars.prefix(point)))) else { return nil }
            var frac = 0.0, scale = 0.1
            for v in scalars[(point + 1)...] {
                guard let d = chineseDigitValue(v) else { return nil }
                frac += Double(d) * scale
                scale /= 10
            }
            return whole + frac
        }
        if scalars.allSatisfy({ chineseDigitValue($0) != nil }) && scalars.count > 1 {
            // 二〇二一: digits in a row.
            return scalars.reduce(0.0) { $0 * 10 + Double(chineseDigitValue($1)!) }
        }
        var total = 0.0, section = 0.0, number = 0.0
        for v in scalars {
            if let d = chineseDigitValue(v) {
                number = Double(d)
            } else if let u = chineseUnitValue(v) {
                if u >= 1e4 {
                    total = (total + section + number) * u
                    section = 0
                } else {
                    section += (number == 0 ? 1 : number) * u
                }
                number = 0
            } else {
                return nil
            }
        }
        return total + section + number
    }

    private static func isChineseNumeral(_ v: UInt32) -> Bool {
        chineseDigitValue(v) != nil || chineseUnitValue(v) != nil || v == 0x70B9
    }

    /// `百分之三十`, `百分之1.5`.
    private static func percentInWords(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (Figure, Int)? {
        guard let (_, afterWord) = Words.baifenzhi.match(p, at: start) else { return nil }
        if afterWord < p.count, digit(UTF8Scan.decode(p, at: afterWord).0) != nil, let (f, end) = arabic(p, at: afterWord) {
            let figure = Figure(range: start..<end, prefixStart: approxPrefix(p, start).start, value: f.value,
                                interval: f.interval, unit: .percent, approximate: f.approximate, decimals: f.decimals)
            return (figure, end)
        }
        let (text, k) = numeralRun(p, at: afterWord)
        guard let value = chineseValue(text) else { return nil }
        let prefix = approxPrefix(p, start)
        var interval = Interval(value - 0.5, value + 0.5)
        if let word = prefix.word { interval = widen(interval, value: value, word: word) }
        return (Figure(range: start..<k, prefixStart: prefix.start, value: value, interval: interval, unit: .percent,
                       approximate: prefix.word != nil, decimals: 0), k)
    }

    /// A Chinese numeral run starting at `start`, and where it ends.
    private static func numeralRun(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int) {
        let k = numeralEnd(p, at: start)
        return (String(decoding: UnsafeBufferPointer(rebasing: p[start..<k]), as: UTF8.self), k)
    }

    /// Where the Chinese numeral run starting at `start` ends.
    private static func numeralEnd(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var k = start
        while k < p.count {
            let (v, len) = UTF8Scan.decode(p, at: k)
            guard isChineseNumeral(v) else { break }
            k += len
        }
        return k
    }

    /// A Chinese numeral directly before 倍 (`增长三十多倍`) or in a fraction (`四分之一`), the only
    /// places words are read as figures: elsewhere they are too often part of words (`一村一品`).
    private static func chineseMultiple(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (Figure, Int)? {
        let numeralEnd = numeralEnd(p, at: start)
        // The numeral's text is made only once what follows it makes it a figure.
        func numeral() -> String { String(decoding: UnsafeBufferPointer(rebasing: p[start..<numeralEnd]), as: UTF8.self) }
        // 四分之一: a fraction, exact.
        if let (_, afterFen) = Words.fenzhi.match(p, at: numeralEnd) {
            let (numerator, end) = numeralRun(p, at: afterFen)
            guard let d = chineseValue(numeral()), d > 0, let n = chineseValue(numerator) else { return nil }
            let prefix = approxPrefix(p, start)
            var interval = Interval(exactly: n / d)
            if let word = prefix.word { interval = widen(interval, value: n / d, word: word) }
            return (Figure(range: start..<end, prefixStart: prefix.start, value: n / d, interval: interval, unit: .fraction,
                           approximate: prefix.word != nil, decimals: 0), end)
        }
        var approx = false
        var k = numeralEnd
        if let (_, e) = Words.yuDuo.match(p, at: k) { approx = true; k = e }
        guard let (_, end) = Words.bei.match(p, at: k), let value = chineseValue(numeral()) else { return nil }
        let prefix = approxPrefix(p, start)
        var interval = Interval(value - 0.5, value + 0.5)
        if approx { interval = Interval(value, value + max(1, value * 0.5)) }
        if let word = prefix.word { interval = widen(interval, value: value, word: word) }
        return (Figure(range: start..<end, prefixStart: prefix.start, value: value, interval: interval, unit: .multiple,
                       approximate: approx || prefix.word != nil, decimals: 0), end)
    }

    /// Whether a text holds 十, 百, 千, 万 or 亿 right before a unit: the cheap test before Chinese
    /// numerals are read as amounts. The five are found by their last bytes, without decoding the
    /// rest of the text.
    static func mayHoldAmountInWords(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { p in
            var i = 0
            while let hit = placeCharacters.next(in: p, from: i) {
                i = hit.end
                guard hit.start > 0, hit.end < p.count,
                      isChineseNumeral(UTF8Scan.decode(p, at: UTF8Scan.previousScalarStart(p, before: hit.start)).0) else { continue }
                var k = hit.end
                if let (_, e) = Words.yuDuo.match(p, at: k) { k = e }
                if k < p.count, unitsByFirstScalar[UTF8Scan.decode(p, at: k).0] != nil { return true }
                if k < p.count, case let w = UTF8Scan.decode(p, at: k).0, w == 0x4E07 || w == 0x4EBF { return true }  // 多万元
            }
            return false
        }
    }

    static let placeCharacters = ScalarSet([0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF])

    /// An amount in Chinese numerals with its unit: `三十万元`, `一千二百户`, `一百多万元`. The run
    /// must hold a place (十, 百, 千, 万, 亿) and two characters at least, so that `一村一品` and `三四个`
    /// are not read; it is not an ordinal (`第三十个`) and not a date or a multiple.
    private static func chineseAmount(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (Figure, Int)? {
        let runEnd = numeralEnd(p, at: start)
        var scalars: [UInt32] = []
        var k = start
        while k < runEnd { let (v, len) = UTF8Scan.decode(p, at: k); scalars.append(v); k += len }
        guard scalars.count >= 2, scalars.contains(where: { chineseUnitValue($0) != nil }), !scalars.contains(0x70B9) else { return nil }
        if start > 0, case let before = UTF8Scan.decode(p, at: UTF8Scan.previousScalarStart(p, before: start)).0,
           before == 0x7B2C || before == 0x6BCF || isChineseNumeral(before) { return nil }  // 第, 每
        let text = Scalar.string(scalars)
        guard var value = chineseValue(text), value > 0 else { return nil }
        // The place of the last digit: the units after it (九十万 → 十万).
        var ulp = 1.0
        if let lastDigit = scalars.lastIndex(where: { chineseDigitValue($0) != nil }) {
            for v in scalars[(lastDigit + 1)...] { ulp *= chineseUnitValue(v) ?? 1 }
        } else {
            ulp = scalars.compactMap(chineseUnitValue).reduce(1, *)
        }
        var approx = false
        k = runEnd
        if let (_, e) = Words.yuDuo.match(p, at: k) { approx = true; k = e }
        // 一百多万元: a multiplier after the rough count.
        if approx, k < p.count, case let (w, len) = UTF8Scan.decode(p, at: k), let m = w == 0x4E07 ? 1e4 : w == 0x4EBF ? 1e8 : nil {
            value *= m; ulp *= m; k += len
        }
        guard k < p.count, let (unit, end, counts) = unitAt(p, k, first: UTF8Scan.decode(p, at: k).0),
              unit != "年", unit != "月", unit != "日", unit != "倍", unit != "天", unit != "小时", unit != "分钟" else { return nil }
        let prefix = approxPrefix(p, start)
        // A count of whole things below 万 is exact, as in figures (二十户); an amount has the
        // precision of its last place.
        var interval = counts && !scalars.contains(where: { $0 == 0x4E07 || $0 == 0x4EBF }) ? Interval(exactly: value) : Interval(value - ulp / 2, value + ulp / 2)
        if approx { interval = Interval(value, value + ulp) }
        if let word = prefix.word { interval = widen(interval, value: value, word: word) }
        return (Figure(range: start..<end, prefixStart: prefix.start, value: value, interval: interval, unit: Figure.Unit(unit, countsThings: counts),
                       approximate: approx || prefix.word != nil, decimals: 0), end)
    }

    // MARK: - Helpers

    private static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var k = i
        while k < p.count {
            let (v, len) = UTF8Scan.decode(p, at: k)
            guard Scalar.isSpace(v) else { break }
            k += len
        }
        return k
    }

    /// The words read around a figure.
    enum Words {
        static let yuDuo: WordList = ["余", "多"]
        static let ling: WordList = ["零"]
        static let wan: WordList = ["万"]
        static let after: WordList = ["左右", "上下", "以上", "以下"]
        static let baifenzhi: WordList = ["百分之"]
        static let fenzhi: WordList = ["分之"]
        static let bei: WordList = ["倍"]
    }
}
