/// `doubled-character`: a function character written twice by a slip (`逐渐成为为焦作地区`).
///
/// Only the characters listed in `Rules/doubled-character.json` are judged — 的, 了, 是, 为 and the
/// like, which rarely double across a word boundary — and the reduplicated words and idioms listed
/// there (`不了了之`, `的的确确`, `常常` …) stay silent. Content characters double across word
/// boundaries all the time (`新河|河道`, `中国|国情`), so they are not judged. Editors extend both
/// lists in the rules directory.
public struct DoubledCharacterRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "doubled-character",
        name: LocalizedText(zh: "多打的重复字", en: "Doubled characters"),
        rationale: LocalizedText(
            zh: "“成为为”一类重复的虚字多半是录入时多打了一个字。叠词和成语（常常、不了了之、的的确确）不算；字表和例外表在 Rules/doubled-character.json，可以扩充。",
            en: "A function character written twice (成为为) is most likely a typing slip. Reduplicated words and idioms (常常, 不了了之, 的的确确) are not; the character list and the exceptions are in Rules/doubled-character.json, for editors to extend."),
        severity: .error,
        triggering: [
            // Seed 000 line 101.
            RuleExample("该小院的视频点击率已达90余万次，逐渐成⟦为为⟧焦作地区小有名气的网红打卡地。"),
            RuleExample("这是我们⟦的的⟧工作。"),
            RuleExample("他已经完成⟦了了⟧任务。"),
        ],
        nonTriggering: [
            RuleExample("此事不能不了了之，要的的确确落到实处。"),
            RuleExample("周庄镇常常开展活动，人人参与，渐渐形成风气，天天都有新变化。谢谢大家。"),
            RuleExample("高度重视新河河道环境整治，结合中国国情，解决农民工工资问题。"),
        ]
    )

    let characters: Set<UInt32>
    let allowed: [[UInt8]]
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
                    guard case let v = UTF8Scan.decode(t, at: i).0, characters.contains(v), !isAllowed(text, doubleAt: i, end: end) else { return false }
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
