import Foundation

/// The text of a paragraph as the claim checks of `metric-arithmetic` read it: the words around
/// figures, lists and their items, clause marks. The byte-level work of those checks lives here,
/// in the model of numbers, and the rule asks it questions.
struct ClaimText {
    let bytes: [UInt8]

    func string(_ r: Range<Int>) -> String {
        let lo = max(0, min(r.lowerBound, bytes.count)), hi = max(lo, min(r.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The key words of the claim checks, each of which gates one check.
    struct KeyWords: OptionSet {
        let rawValue: UInt16
        static let from = KeyWords(rawValue: 1)      // 从, 由: a change from one figure to another
        static let zhan = KeyWords(rawValue: 2)      // 占: a share
        static let qizhong = KeyWords(rawValue: 4)   // 其中: parts of a total
        static let star = KeyWords(rawValue: 8)      // 星: grade shares
        static let dun = KeyWords(rawValue: 16)      // 、: a list
        static let compared = KeyWords(rawValue: 32) // 比, 较: a change against a base
        static let zhong = KeyWords(rawValue: 64)    // 中: a whole (2.4万户中)
        static let rate = KeyWords(rawValue: 128)    // 率: a rate
        static let total = KeyWords(rawValue: 256)   // 共, 合, 总: a total
        static let surplus = KeyWords(rawValue: 512) // 超, 多, 少, 差: a difference from a target
    }

    /// Which key words stand in `range`, in one pass that decodes only the scalars that may
    /// open one.
    func keyWords(in range: Range<Int>) -> KeyWords {
        var found: KeyWords = []
        bytes.withUnsafeBufferPointer { whole in
            let p = UnsafeBufferPointer(rebasing: whole[..<range.upperBound])
            var i = range.lowerBound
            while let hit = Self.keyWordStarts.next(in: p, from: i) {
                switch hit.scalar {
                case ch("从"), ch("由"): found.insert(.from)
                case ch("占"): found.insert(.zhan)
                case ch("其"): if hit.end < p.count && UTF8Scan.decode(p, at: hit.end).0 == ch("中") { found.insert(.qizhong) }
                case ch("星"): found.insert(.star)
                case ch("比"), ch("较"): found.insert(.compared)
                case ch("中"): found.insert(.zhong)
                case ch("率"): found.insert(.rate)
                case ch("共"), ch("合"), ch("总"): found.insert(.total)
                case ch("超"), ch("多"), ch("少"), ch("差"): found.insert(.surplus)
                default: found.insert(.dun)
                }
                i = hit.end
            }
        }
        return found
    }

    /// 从 由 占 其 星 、 比 较 中 率 共 合 总 超 多 少 差
    static let keyWordStarts = ScalarSet([ch("从"), ch("由"), ch("占"), ch("其"), ch("星"), ch("、"), ch("比"), ch("较"), ch("中"), ch("率"),
                                          ch("共"), ch("合"), ch("总"), ch("超"), ch("多"), ch("少"), ch("差")])

    /// Whether the scalars of `range` hold a `、` and no digit: a list of named items may stand there.
    func mayHoldNamedList(_ range: Range<Int>) -> Bool {
        var dun = false
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            if v == ch("、") { dun = true } else if NumberScanner.digit(v) != nil { return false }
            i += len
        }
        return dun
    }

    static let deng = UTF8Scan.bytes("等"), dun = UTF8Scan.bytes("、")
    static let openQuote = UTF8Scan.bytes("“"), closeQuote = UTF8Scan.bytes("”")

    /// Items of the `、` list in `range`, and whether it ends in 等; nil when it does not look
    /// like a list of entities (an item of one character is a coordinated modifier,
    /// `省、市级家庭农场`). `镇南、镇北和镇东`: 和/及/与 joins the last two.
    func listItems(_ range: Range<Int>) -> (Int, Bool)? {
        var end = range.upperBound
        var deng = false
        if ByteSearch.hasSuffix(Self.deng, bytes, range) { deng = true; end -= Self.deng.count }
        var parts: [Range<Int>] = []
        var start = range.lowerBound, i = start
        // A 、 inside a pair of quotation marks is part of a quoted item (“群雄并起、华夏一统”“百家争鸣、
        // 重礼尊儒”), and quoted items side by side are items of their own. A mark without its pair
        // (a quotation that began before the list) groups nothing.
        var quoted: [Range<Int>] = [], opens: [Int] = []
        var q = range.lowerBound
        while q < end {
            if ByteSearch.hasPrefix(Self.openQuote, bytes, q..<end) { opens.append(q) }
            if ByteSearch.hasPrefix(Self.closeQuote, bytes, q..<end), let o = opens.popLast() { quoted.append(o..<(q + Self.closeQuote.count)) }
            q += UTF8Scan.sequenceLength(bytes[q])
        }
        // A list wholly in one pair of marks (“组织、制度、资金”) is its items.
        if quoted.count == 1, UTF8Scan.trimmingSpaces(bytes, range.lowerBound..<end) == quoted[0] { quoted = [] }
        func isQuoted(_ at: Int) -> Bool { quoted.contains { $0.contains(at) } }
        while i <= end {
            let atQuoteJunction = i > start && i < end && quoted.contains { $0.lowerBound == i } && quoted.contains { $0.upperBound == i }
            if i == end || (!isQuoted(i) && ByteSearch.hasPrefix(Self.dun, bytes, i..<end)) || atQuoteJunction {
                let item = UTF8Scan.trimmingSpaces(bytes, start..<i)
                guard !item.isEmpty else { return nil }
                parts.append(item)
                if i == end { break }
                if !atQuoteJunction { i += Self.dun.count }
                start = i
                if atQuoteJunction { i += UTF8Scan.sequenceLength(bytes[i]) }
            } else {
                i += UTF8Scan.sequenceLength(bytes[i])
            }
        }
        // 和 inside an earlier item, between words of two characters or more, joins words of its
        // own (总开行数量和去程、回程…): the items cannot be told apart. (呼和巴特尔 is a name.)
        for part in parts.dropLast() {
            guard let k = lastScalar(in: part, where: { $0 == ch("和") || $0 == ch("及") || $0 == ch("与") }) else { continue }
            if UTF8Scan.scalarCount(bytes, part.lowerBound..<k) >= 2 && UTF8Scan.scalarCount(bytes, (k + 3)..<part.upperBound) >= 2 { return nil }
        }
        let last = parts[parts.count - 1]
        var k = last.lowerBound
        while k < last.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: k)
            if v == ch("和") || v == ch("及") || v == ch("与") {  // 和 及 与
                if k != last.lowerBound && k + len != last.upperBound {
                    parts[parts.count - 1] = last.lowerBound..<k
                    parts.append((k + len)..<last.upperBound)
                }
                break
            }
            k += len
        }
        guard parts.allSatisfy(hasTwoCharacters) else { return nil }
        return (parts.count, deng)
    }

    /// Whether `range` holds at least two characters as a reader counts them (grapheme clusters:
    /// a letter and its combining accent are one).
    func hasTwoCharacters(_ range: Range<Int>) -> Bool {
        var n = 0, i = range.lowerBound, simple = true
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            if !(Scalar.isHan(v) || (v < 0x300 && v != ch("\r"))) { simple = false }
            n += 1; i += len
        }
        if n < 2 { return false }
        return simple || string(range).count >= 2
    }

    /// Where the last of the scalars `marks` stands in `range`.
    func lastScalar(in range: Range<Int>, where marks: (UInt32) -> Bool) -> Int? {
        var i = range.upperBound
        while i > range.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: i)
            if marks(UTF8Scan.decode(bytes, at: s).0) { return s }
            i = s
        }
        return nil
    }

    /// The offset `scalars` characters after `offset`.
    func forward(from offset: Int, scalars: Int) -> Int {
        UTF8Scan.offset(bytes, scalars: scalars, after: offset)
    }

    /// The offset `scalars` characters before `offset`.
    func back(from offset: Int, scalars: Int) -> Int {
        UTF8Scan.offset(bytes, scalars: scalars, before: offset)
    }

    /// The first of `words` that ends at `end` (spaces before `end` skipped), not before `limit`.
    func ending(at end: Int, with words: WordList, from limit: Int) -> (word: String, start: Int)? {
        var e = end
        while e > limit, bytes[e - 1] == ch(" ") { e -= 1 }
        return words.match(bytes, endingAt: e, notBefore: limit)
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

extension ClaimText {
    /// Words that may open a claim's clause without naming another subject (同比, 累计, 分别).
    static let leadWords = ["比上年同期", "比上年", "比去年", "较上年", "较去年", "同比", "环比", "累计", "分别", "已经", "已", "共", "合计",
                            "总计", "实现", "整体", "总体", "大幅", "稳步", "快速", "持续", "逐年", "连续", "再", "又", "净", "约", "了",
                            "上年", "去年", "同期", "比", "较", "其中"].sorted { $0.count > $1.count }

    /// Whether the words before a claim's verb name a subject of their own: two characters or more
    /// that are none of `leadWords` (`城镇居民收入增长8%`, not `同比增长8%`).
    static func hasOwnSubject(_ lead: String) -> Bool {
        var rest = Substring(lead.trimmingCharacters(in: .whitespaces))
        while let w = leadWords.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(w.count) }
        return rest.unicodeScalars.filter { Scalar.isHan($0.value) }.count >= 2
    }
}

extension String {
    /// The claim with its figure replaced (`增长35倍` → `增长33.4倍`).
    func replacingFigure(_ figure: String, with replacement: String) -> String {
        guard !figure.isEmpty, let r = range(of: figure, options: .backwards) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}

extension ClaimText {
    /// Where the last of `words` in `range` starts.
    func lastWord(in range: Range<Int>, _ words: WordList) -> Int? {
        var end = range.upperBound
        while end > range.lowerBound {
            if let m = words.match(bytes, endingAt: end, notBefore: range.lowerBound) { return m.start }
            end = UTF8Scan.previousScalarStart(bytes, before: end)
        }
        return nil
    }

    static func isClauseBreak(_ v: UInt32) -> Bool {
        v == ch("，") || v == ch(",") || v == ch("；") || v == ch(";") || v == ch("：") || v == ch("。")
    }

    func hasClauseBreak(_ range: Range<Int>) -> Bool { lastScalar(in: range, where: Self.isClauseBreak) != nil }

    func hasSemicolon(_ range: Range<Int>) -> Bool { lastScalar(in: range, where: { $0 == ch("；") || $0 == ch(";") }) != nil }

    /// How many clause marks stand in `range`.
    func clauseBreaks(_ range: Range<Int>) -> Int {
        var n = 0, i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            if Self.isClauseBreak(v) { n += 1 }
            i += len
        }
        return n
    }

    func previousScalarStart(_ offset: Int) -> Int { UTF8Scan.previousScalarStart(bytes, before: offset) }

    /// Whether a clause mark (，,；) stands right before `offset`.
    func isClauseMark(before offset: Int) -> Bool {
        guard offset > 0 else { return false }
        let v = UTF8Scan.scalar(before: offset, in: bytes)
        return v == ch("，") || v == ch(",") || v == ch("；") || v == ch(";")
    }

    /// Whether what stands between two parts is a 、 and words of the next part (`、幼儿园`).
    func isJoinedByDun(_ range: Range<Int>) -> Bool {
        guard let dun = lastScalar(in: range, where: { $0 == ch("、") }) else { return false }
        return !hasClauseBreak(range) && UTF8Scan.scalarCount(bytes, (dun + 3)..<range.upperBound) <= 8
            && lastScalar(in: (dun + 3)..<range.upperBound, where: { NumberScanner.digit($0) != nil }) == nil
    }

    /// Whether `figure` names a whole: 中 and a clause mark after it, or after a few characters of
    /// its noun (`2.4万户中，`, `1200个项目中，`).
    func isFollowed(_ figure: Figure, by words: WordList) -> Bool {
        var i = figure.range.upperBound, n = 0
        while i < bytes.count, n <= 4 {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            if bytes.withUnsafeBufferPointer({ words.match($0, at: i) }) != nil {
                return i + len < bytes.count && Self.isClauseBreak(UTF8Scan.decode(bytes, at: i + len).0)
            }
            guard Scalar.isHan(v) else { return false }
            i += len; n += 1
        }
        return false
    }

    /// The start of one of `words` (and one of `links` after it: 完成率达, 占比为) right before `end`.
    func word(_ words: WordList, linkedBy links: WordList, before end: Int, from limit: Int) -> Int? {
        var e = end
        if let link = ending(at: e, with: links, from: limit) { e = link.start }
        return ending(at: e, with: words, from: limit)?.start
    }
}

// MARK: - Counts in words

extension ClaimText {
    /// Where the first `needle` stands in `range`.
    func first(_ needle: [UInt8], in range: Range<Int>) -> Int? { ByteSearch.find(needle, in: bytes, range) }

    /// Whether any of `needles` stands in `range`.
    func holdsAny(_ needles: [[UInt8]], in range: Range<Int>) -> Bool {
        needles.contains { ByteSearch.contains($0, in: bytes, range) }
    }

    /// Where a numeral of `numerals` stands right before one of `words` in `range`, found without
    /// decoding most of it.
    func numeralsBefore(_ words: WordList, in range: Range<Int>, numerals: ScalarSet) -> [Int] {
        var out: [Int] = []
        bytes.withUnsafeBufferPointer { whole in
            let p = UnsafeBufferPointer(rebasing: whole[..<range.upperBound])
            var i = range.lowerBound
            while let hit = numerals.next(in: p, from: i) {
                if hit.end < p.count, words.match(p, at: hit.end) != nil { out.append(hit.start) }
                i = hit.end
            }
        }
        return out
    }

    /// Characters before a numeral that make it no count of a list: an ordinal, a round or rough
    /// number (第三位, 数十个, 约五家).
    static let notACount = ScalarSet("第每数几上近约余多超逾前后")
    /// Words of a count of groups before another (一主三副六市, 两核一带): not 四川, 三亚.
    static let groupWords = ScalarSet("主副核带区省市县国地城片轴心圈极翼廊")

    static func isCountNumeral(_ v: UInt32) -> Bool { NumberScanner.chineseDigitValue(v) != nil || v == ch("十") }

    /// A count of a list at `at` in `range`: digits or up to three Chinese numerals from 2 to 30,
    /// then one of `classifiers` (河北3省市, 李四两位, 二十三人). Not after a mark, not an ordinal or a
    /// rough number, and not one count of several (三省一市, 一主三副六市).
    func countInWords(at: Int, in range: Range<Int>, classifiers: WordList) -> (range: Range<Int>, value: Double, word: String)? {
        guard at > range.lowerBound else { return nil }
        let isArabic = NumberScanner.digit(UTF8Scan.decode(bytes, at: at).0) != nil
        var end = at
        while end < range.upperBound, case let (w, l) = UTF8Scan.decode(bytes, at: end),
              isArabic ? NumberScanner.digit(w) != nil : Self.isCountNumeral(w) {
            end += l
        }
        guard let classifier = bytes.withUnsafeBufferPointer({ classifiers.match($0, at: end) }) else { return nil }
        // The numeral began up to two characters before the one found (二十三人).
        var first = at
        if !isArabic {
            var n = 0
            while first > range.lowerBound, n < 2, Self.isCountNumeral(UTF8Scan.scalar(before: first, in: bytes)) {
                first = UTF8Scan.previousScalarStart(bytes, before: first); n += 1
            }
        }
        // The numeral is the run, or its end where a name ends in a numeral (李四两位).
        var start = first, value: Double?
        while start < end {
            let numeral = string(start..<end)
            value = isArabic ? Double(numeral.unicodeScalars.map { String(NumberScanner.digit($0.value)!) }.joined()) : NumberScanner.chineseValue(numeral)
            if let v = value, v >= 2, v <= 30 { break }
            value = nil
            start += UTF8Scan.sequenceLength(bytes[start])
        }
        // A count stands after the list's last word (河北3省市), not after a mark (领悟“两个确立”).
        guard let value, start > range.lowerBound, Scalar.isHan(UTF8Scan.scalar(before: start, in: bytes)) else { return nil }
        let before = Array(string(back(from: start, scalars: 2)..<start).unicodeScalars)
        func isNumeral(_ u: Unicode.Scalar) -> Bool { Self.isCountNumeral(u.value) || NumberScanner.digit(u.value) != nil }
        if let last = before.last, Self.notACount.contains(last.value) { return nil }
        if before.count == 2, isNumeral(before[0]), Self.groupWords.contains(before[1].value) { return nil }
        if classifier.end < range.upperBound {
            let next = UTF8Scan.decode(bytes, at: classifier.end).0
            if NumberScanner.digit(next) != nil || NumberScanner.chineseDigitValue(next) != nil { return nil }
        }
        return (start..<classifier.end, value, classifier.word)
    }

    /// Whether a numeral with one of `classifiers` after it stands in `range` (打造一个窗口、建设四个…,
    /// 空军五项、海军五项): a list of counts, not of named items.
    func holdsCount(_ range: Range<Int>, classifiers: WordList) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            if Self.isCountNumeral(v), bytes.withUnsafeBufferPointer({ classifiers.match($0, at: i + len) }) != nil { return true }
            i += len
        }
        return false
    }
}
