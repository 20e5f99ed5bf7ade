/// `doubled-character`: a function character written twice by a slip (`逐渐成为为焦作地区`).
///
/// Only the characters listed in `Rules/doubled-character.json` are judged — 的, 了, 是, 为 and the
/// like — and the words listed there (`不了了之`, `常常` …) stay silent. Content characters double
/// across word boundaries all the time (`新河|河道`, `中国|国情`), so they are not judged.
///
/// A double is then read as words, by the segmenter over the clause around it. It is no slip
/// when one word holds both characters (`实实在在`, `的的确确`), when the second begins a word
/// after a word that ends in the first (`研究所|所长`, `为了|了解`), or after the first alone
/// where clean text shows that (`对|对冲`, `了|了不起`), after an idiom that ends in the character
/// (`实事求是|是`), in the reduplicated forms `一AA` (`一把把`) and `ABB的` (`暖和和的`), and where
/// clean published text follows the word with its own last character alone often enough
/// (`目的|的`, `现在|在`, `不了|了`: `Rules/doubled-contexts.tsv`), or is too rare there to
/// judge (`标的|的`). Only what is left is reported: `成为|为|焦作`, `我们|的|的|工作`, and the
/// commonest slip, the first character of a common word written twice (`在|在内`, `所|所有`).
public struct DoubledCharacterRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "doubled-character",
        name: LocalizedText(zh: "多打的重复字", en: "Doubled characters"),
        rationale: LocalizedText(
            zh: "“成为为”一类重复的虚字多半是录入时多打了一个字。叠词和成语（常常、不了了之、的的确确）不算；其余的按分词判断：一个词里的叠字（实实在在）、后一个字开头的新词（研究所所长、为了了解）、规范文本中常见的搭配（目的的）都不报。字表和例外表在 Rules/doubled-character.json，可以扩充；人名等生词加到 .lint.json 的 words。",
            en: "A function character written twice (成为为) is most likely a typing slip. Reduplicated words and idioms (常常, 不了了之, 的的确确) are not; the rest is judged by the words: a double inside one word (实实在在), a second character that begins the next word (研究所所长, 为了了解), or a pairing that clean published text shows (目的的) is not reported. The character list and the exceptions are in Rules/doubled-character.json, for editors to extend; names the lexicon lacks go in .lint.json's words."),
        severity: .error,
        triggering: [
            // Seed 000 line 101.
            RuleExample("该小院的视频点击率已达90余万次，逐渐成⟦为为⟧焦作地区小有名气的网红打卡地。"),
            RuleExample("这是我们⟦的的⟧工作。"),
            RuleExample("他已经完成⟦了了⟧任务。"),
            RuleExample("大家⟦在在⟧这里集合。"),
            RuleExample("常委会报国务院⟦和和⟧全国人大常委会备案，激发你⟦的的⟧梦想。"),
            RuleExample("包括香港同胞⟦在在⟧内的14亿中国人民，惠及⟦所所⟧有家庭。"),
            // Across a hard wrap: the paragraph is judged, not the line.
            RuleExample("该小院的视频点击率已达90余万次，逐渐成⟦为\n为⟧焦作地区小有名气的网红打卡地，吸引了众多游客。"),
        ],
        nonTriggering: [
            RuleExample("此事不能不了了之，要的的确确落到实处。"),
            RuleExample("中国社会科学院农村发展研究所所长魏后凯说，要让群众得到实实在在的好处。"),
            RuleExample("将所有以营利为目的的经营性放贷行为纳入监管，为了了解情况，走访了和和平村。"),
            RuleExample("实事求是是我们的传家宝，他把把脉，手像一把把大蒲扇，心里暖和和的。"),
            RuleExample("欧盟可以以法律文件的形式向各方作出承诺，对对冲经济下行压力有利，取得了了不起的成就。"),
            RuleExample("保险人取得保险标的的所有权后，这个愿望实现不了了。"),
            RuleExample("周庄镇常常开展活动，人人参与，渐渐形成风气，天天都有新变化。谢谢大家。"),
            RuleExample("高度重视新河河道环境整治，结合中国国情，解决农民工工资问题。"),
            RuleExample("现在在家也能办。"),
        ]
    )

    let characters: Set<UInt32>
    let allowed: [[UInt8]]
    /// How often clean text follows a word with its own last character alone, by word.
    let contexts: [String: (seen: Int, followed: Int, preceded: Int)]
    /// The UTF-8 length every listed character has (three: Han), if they share one: then a text
    /// is searched for doubles sixteen bytes at a time.
    let sharedLength: Int?

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        // The rules folder's copy of the data, else the built-in one (checked by a test; it parses).
        let (json, file) = try RuleData.json("doubled-character.json", in: options.rulesDirectory)!
        let data = RuleOptions(json, file: file)
        try data.allowOnly(["description", "characters", "allowed"])
        guard case let .string(chars)? = json["characters"], !chars.isEmpty else {
            throw data.error("characters", LocalizedText(zh: "应为非空字符串", en: "expected a non-empty string"))
        }
        characters = Set(chars.unicodeScalars.map(\.value))
        let lengths = Set(chars.unicodeScalars.map { String($0).utf8.count })
        sharedLength = lengths.count == 1 ? lengths.first : nil
        allowed = try data.strings("allowed", default: []).map { Array($0.utf8) }
        var contexts: [String: (seen: Int, followed: Int, preceded: Int)] = [:]
        if let (bytes, _) = try RuleData.file("doubled-contexts.tsv", in: options.rulesDirectory) {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t")
                guard f.count == 4, let seen = Int(f[1]), let followed = Int(f[2]), let preceded = Int(f[3]) else { continue }
                contexts[String(f[0])] = (seen, followed, preceded)
            }
        }
        self.contexts = contexts
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for p in document.paragraphs {
            let text = p.text
            // A scalar written twice is the same bytes twice: compared as bytes, decoded only then.
            text.withUnsafeBufferPointer { t in
                /// Whether the scalar at `i` (`len` bytes, its double compared) is a doubled slip.
                func reportsDouble(at i: Int, length len: Int) -> Bool {
                    let end = i + 2 * len
                    guard case let v = UTF8Scan.decode(t, at: i).0, characters.contains(v), !isAllowed(text, doubleAt: i, end: end),
                          !wordsExplain(text, doubleAt: i, length: len, in: document) else { return false }
                    let c = String(Character(Unicode.Scalar(v)!))
                    findings.append(Finding(range: p.sourceRange(i..<end), message: Messages.doubled(c), suggestion: c, fixIsSafe: false))
                    return true
                }
                var i = 0
                if let len = sharedLength {
                    while let at = Self.nextDouble(t, length: len, from: i) {
                        // A candidate inside a scalar, or a scalar of another length, is passed by.
                        if UTF8Scan.isScalarStart(t[at]) && UTF8Scan.sequenceLength(t[at]) == len && reportsDouble(at: at, length: len) {
                            i = at + 2 * len  // a third one starts a new pair after this one
                        } else {
                            i = at + 1
                        }
                    }
                    return
                }
                while i < t.count {
                    let len = UTF8Scan.sequenceLength(t[i])
                    if i + 2 * len <= t.count, (0..<len).allSatisfy({ t[i + $0] == t[i + len + $0] }), reportsDouble(at: i, length: len) {
                        i += 2 * len
                    } else {
                        i += len
                    }
                }
            }
        }
        return findings
    }

    /// The first offset at or after `from` where the `length` bytes there are the next `length`
    /// bytes again (not necessarily a scalar's start): sixteen offsets compared at a time.
    static func nextDouble(_ t: UnsafeBufferPointer<UInt8>, length: Int, from: Int) -> Int? {
        var i = from
        if let base = t.baseAddress {
            let raw = UnsafeRawPointer(base)
            typealias Lanes = SIMD16<UInt8>
            while i + 2 * length + 15 <= t.count {
                // Lane j: the bytes at i + j + k and i + j + length + k agree for every k < length.
                var run = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self) .== raw.loadUnaligned(fromByteOffset: i + length, as: Lanes.self)
                for k in 1..<length {
                    run .&= raw.loadUnaligned(fromByteOffset: i + k, as: Lanes.self) .== raw.loadUnaligned(fromByteOffset: i + length + k, as: Lanes.self)
                }
                var lanes = MatchedLanes(run)
                if !lanes.isEmpty, let lane = lanes.next() { return i + lane }
                i += 16
            }
        }
        while i + 2 * length <= t.count {
            var k = 0
            while k < length && t[i + k] == t[i + length + k] { k += 1 }
            if k == length { return i }
            i += 1
        }
        return nil
    }

    /// The clause around the double is at most this many bytes each way.
    static let window = 60

    /// Whether the words of the clause around the double at `start` (two scalars of `length`
    /// bytes) explain it: see the rule's description.
    func wordsExplain(_ text: [UInt8], doubleAt start: Int, length: Int, in document: Document) -> Bool {
        let span = UTF8Scan.clause(around: start..<(start + 2 * length), in: text, reach: Self.window)
        let from = span.lowerBound, clause = Array(text[span])
        let words = document.segmenter.words(in: clause)
        let a = start - from, b = a + length
        guard let first = words.firstIndex(where: { $0.range.contains(a) }),
              let second = words.firstIndex(where: { $0.range.contains(b) }) else { return false }
        let w1 = words[first], w2 = words[second]
        if first == second { return true }  // one word holds both
        if w2.range.lowerBound == b && w2.range.count > length && w2.isKnown {
            // The second begins a word. After a word that ends in the first (研究所|所长), that is
            // two words; after the first alone (在|在内, 对|对冲), clean text decides.
            if w1.range.count > length { return true }
            let word = String(decoding: clause[w2.range], as: UTF8.self)
            guard let counts = contexts[word] else { return true }
            return counts.preceded >= 1 && counts.preceded * 1000 >= counts.seen
        }
        guard w1.range.upperBound == b, w1.range.count > length, w2.range.count == length else { return false }
        // The first ends a word of two characters or more, and the second stands alone.
        let word = String(decoding: clause[w1.range], as: UTF8.self)
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= 4 { return true }  // an idiom or set phrase, then its last character again
        if scalars.count == 2 && scalars[0] == "一" { return true }  // 一把把, 一个个
        if scalars.count == 2, second + 1 < words.count,
           case let next = String(decoding: clause[words[second + 1].range], as: UTF8.self), next == "的" || next == "地" {
            return true  // 暖和和的: AB, then B again before 的 or 地
        }
        // A word too rare in clean text to judge gives no evidence of a slip; a common one is
        // judged by how often its last character follows it alone there.
        guard let counts = contexts[word] else { return true }
        return counts.followed >= 1 && counts.followed * 1000 >= counts.seen
    }

    /// Whether an allowed word covers the double at `start..<end`.
    private func isAllowed(_ text: [UInt8], doubleAt start: Int, end: Int) -> Bool {
        allowed.contains { word in
            // The word may begin up to its own length before the double.
            let from = max(0, end - word.count)
            let to = min(text.count, start + word.count)
            guard from < to else { return false }
            return ByteSearch.find(word, in: text, from..<to).map { $0 <= start && $0 + word.count >= end } ?? false
        }
    }

    enum Messages {
        static func doubled(_ c: String) -> LocalizedText {
            LocalizedText(zh: "“\(c)\(c)”多打了一个“\(c)”", en: "“\(c)” is written twice")
        }
    }
}
