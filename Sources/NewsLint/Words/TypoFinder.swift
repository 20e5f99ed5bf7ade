import Foundation

/// Finds characters that turn a word into a non-word where a sound-alike or look-alike character
/// makes a common word that the text around it supports: the model of the `typo` rule.
///
/// Two places are judged, the ones where a slip can be told from a rare word safely:
/// - **Set phrases.** Four characters that are no word, one character away from a set phrase
///   (`Rules/set-phrases.tsv`: 再接再励 → 再接再厉, 一愁莫展 → 一筹莫展), where the segmenter does
///   not read them as words of their own (two words side by side, a longer word across them) and
///   clean published text does not print them (`Rules/published-phrases.tsv`: 气势恢弘).
/// - **Orphan pairs.** Two characters that the segmenter could only cut into single characters,
///   and that never stand together in clean text (`Rules/character-bigrams.b64`) although
///   neither combines with almost anything (出, 过, 中 do), where
///   changing one of them makes a common word (衣法 → 依法) and the changed character fits its
///   neighbours far better than the written one (by the same counts). A pair that starts with a
///   surname, or follows one standing alone, is taken for a name, a pair before a place ending
///   (大驾村) for a place, and a pair with a numeral for a number and its classifier.
public struct TypoFinder: Sendable {
    /// A character that looks wrong, and the word it likely belongs to.
    public struct Suspect: Sendable, Equatable {
        /// Bytes of the written word in the text.
        public let range: Range<Int>
        public let written: String
        public let likely: String
        /// The written character and the likely one.
        public let from: String
        public let to: String
        /// Whether the two sound alike (else they look alike).
        public let soundAlike: Bool
    }

    let bigrams: CharacterBigrams
    /// Set phrases by their scalars with one of them masked (0): the masked one's position,
    /// scalar and the phrase's frequency.
    /// Sorted by key.
    let phrases: [(key: UInt64, scalar: UInt32)]
    /// The same keys as bits of a small set, tested before the dictionary: nearly every window misses.
    let maskedBits: HashBits
    /// The phrases' own hashes (the sum of all four parts), and as bits.
    let wholePhrases: Set<UInt64>
    let wholeBits: HashBits
    /// Four-character strings that clean text prints (hashes of their scalars).
    let published: Set<UInt64>
    let surnames: ScalarSet
    /// Characters common enough to be the likely one, by reading and by radical.
    let byReading: [String: [UInt32]]
    let byRadical: [Int: [UInt32]]
    /// The pairs of `Rules/confusable-characters.tsv`, each way: partner and whether they sound alike.
    let extraPairs: [UInt32: [(UInt32, sound: Bool)]]
    let alternativesCache = AlternativesCache()

    /// A likely character stands at least this often in the counted text.
    static let commonCharacter = 20
    /// The word an orphan pair is corrected to is listed at least this often.
    static let commonWord = 300
    /// Two words of a phrase's window listed at least this often each make a phrase, not a slip.
    static let twoWords = 50
    /// A pair whose first character is followed, or whose second is preceded, by this many
    /// different characters in clean text is left alone: 踢出, 爱过 and 眸中 are words of their own.
    static let productive = 700
    /// How much more probable the changed character must make its neighbours (natural log).
    static let requiredGain = 12.0

    public enum DataError: Error { case malformed(String) }

    /// `setPhrases` and `publishedPhrases` are the bytes of the two lists.
    public init(bigrams: CharacterBigrams, setPhrases: [UInt8], publishedPhrases: [UInt8], surnames: ScalarSet) {
        self.bigrams = bigrams
        self.surnames = surnames
        var phrases: [(key: UInt64, scalar: UInt32)] = []
        var whole = Set<UInt64>()
        Self.eachFirstField(setPhrases) { w in
            guard w.count == 4 else { return }
            let t = (w[w.startIndex], w[w.startIndex + 1], w[w.startIndex + 2], w[w.startIndex + 3])
            for k in 0..<4 { phrases.append((Self.hash(t, masking: k), w[w.startIndex + k])) }
            whole.insert(Self.part(t.0, at: 0) &+ Self.part(t.1, at: 1) &+ Self.part(t.2, at: 2) &+ Self.part(t.3, at: 3))
        }
        wholePhrases = whole
        wholeBits = HashBits(whole, bits: 20)
        phrases.sort { $0.key < $1.key }
        self.phrases = phrases
        maskedBits = HashBits(phrases.map(\.key), bits: 22)
        var published = Set<UInt64>()
        Self.eachFirstField(publishedPhrases) { w in if w.count == 4 { published.insert(Self.hash(w)) } }
        self.published = published
        var byReading: [String: [UInt32]] = [:], byRadical: [Int: [UInt32]] = [:]
        for (v, info) in HanCharacters.table where bigrams.count(v) >= Self.commonCharacter {
            byReading[info.pinyin, default: []].append(v)
            byRadical[info.radical, default: []].append(v)
        }
        self.byReading = byReading.mapValues { $0.sorted() }
        self.byRadical = byRadical.mapValues { $0.sorted() }
        var extra: [UInt32: [(UInt32, sound: Bool)]] = [:]
        for (set, sound) in [(HanCharacters.confusable.look, false), (HanCharacters.confusable.sound, true)] {
            for key in set {
                let a = UInt32(truncatingIfNeeded: key >> 32), b = UInt32(truncatingIfNeeded: key)
                extra[a, default: []].append((b, sound))
                extra[b, default: []].append((a, sound))
            }
        }
        extraPairs = extra.mapValues { $0.sorted { $0.0 < $1.0 } }
    }

    /// Calls `body` with the scalars of each line's first field (before a tab), comment lines
    /// skipped: read as bytes, since the two lists are read at every start.
    private static func eachFirstField(_ text: [UInt8], _ body: (ArraySlice<UInt32>) -> Void) {
        var field: [UInt32] = []
        text.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let comment = p[i] == UInt8(ascii: "#")
                field.removeAll(keepingCapacity: true)
                while i < p.count && p[i] != 0x0A && p[i] != 0x09 {
                    let (v, len) = UTF8Scan.decode(p, at: i)
                    field.append(v)
                    i += len
                }
                while i < p.count && p[i] != 0x0A { i += 1 }
                i += 1
                if !comment && !field.isEmpty { body(field[...]) }
            }
        }
    }

    static func hash(_ scalars: some Sequence<UInt32>) -> UInt64 {
        scalars.reduce(0) { Lexicon.extend($0, $1) }
    }

    /// A phrase's part for scalar `v` at position `k`: the hash of a window with position `k`
    /// masked is the sum of the other three parts, so that a text's windows share the work.
    @inline(__always) static func part(_ v: UInt32, at k: Int) -> UInt64 {
        let x = (UInt64(v) << 2 | UInt64(k)) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 31)
    }

    /// The hash of four scalars with the one at `k` left out.
    @inline(__always) static func hash(_ w: (UInt32, UInt32, UInt32, UInt32), masking k: Int) -> UInt64 {
        (k == 0 ? 0 : part(w.0, at: 0)) &+ (k == 1 ? 0 : part(w.1, at: 1)) &+ (k == 2 ? 0 : part(w.2, at: 2)) &+ (k == 3 ? 0 : part(w.3, at: 3))
    }

    /// The characters that `c` may have been typed for, each with whether it sounds alike:
    /// common characters of its reading, of its radical that look alike, and the listed pairs.
    /// Worked out once a character and run (a radical's characters are hundreds), then kept.
    func alternatives(to c: UInt32) -> [(UInt32, sound: Bool)] {
        if let known = alternativesCache.get(c) { return known }
        var out: [(UInt32, sound: Bool)] = []
        if let info = HanCharacters.table[c] {
            for d in byReading[info.pinyin] ?? [] where d != c { out.append((d, true)) }
            for d in byRadical[info.radical] ?? [] where d != c && !out.contains(where: { $0.0 == d }) && HanCharacters.likeness(c, d).look {
                out.append((d, false))
            }
        }
        for (d, sound) in extraPairs[c] ?? [] where !out.contains(where: { $0.0 == d }) { out.append((d, sound)) }
        alternativesCache.set(c, out)
        return out
    }

    /// Whether `written` is no word, or is listed only as a rare misspelling of `likely`
    /// (the word list has 再接再励 three times beside 再接再厉 115 times).
    func isNonWord(_ written: [UInt32], beside likely: Int, in lexicon: Lexicon) -> Bool {
        let f = lexicon.frequency(ofScalars: written)
        return f == 0 || (f <= 5 && likely >= 20 * f)
    }

    /// The suspects of UTF-8 `text`, in order.
    public func suspects(in text: [UInt8], lexicon: Lexicon) -> [Suspect] {
        var out: [Suspect] = []
        var scalars: [UInt32] = [], starts: [Int] = []
        var i = 0
        while i < text.count {
            let (v, len) = UTF8Scan.decode(text, at: i)
            guard Scalar.isHan(v) else { i += len; continue }
            scalars.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            var k = i
            while k < text.count, case let (u, l) = UTF8Scan.decode(text, at: k), Scalar.isHan(u) {
                scalars.append(u)
                starts.append(k)
                k += l
            }
            starts.append(k)
            if scalars.count >= 2 { judgeRun(scalars, starts, text, lexicon, into: &out) }
            i = k
        }
        return out
    }

    /// One run of Han characters: `starts[k]` is the byte offset of `s[k]`, `starts[s.count]` the end.
    private func judgeRun(_ s: [UInt32], _ starts: [Int], _ text: [UInt8], _ lexicon: Lexicon, into out: inout [Suspect]) {
        // The run's words as scalar ranges, found only when a candidate needs them.
        var words: [Range<Int>]?
        func segmented() -> [Range<Int>] {
            if let words { return words }
            let base = starts[0]
            let found = Segmenter(lexicon: lexicon).words(in: Array(text[base..<starts[s.count]]))
            let ranges = found.map { w in
                starts.partitionPoint { $0 < w.range.lowerBound + base }..<starts.partitionPoint { $0 < w.range.upperBound + base }
            }
            words = ranges
            return ranges
        }
        var flagged = -1  // the last scalar a suspect covers: one suspect a place
        func report(_ at: Int, length: Int, position k: Int, to d: UInt32, sound: Bool) {
            var likely = Array(s[at..<(at + length)])
            let from = likely[k]
            likely[k] = d
            out.append(Suspect(range: starts[at]..<starts[at + length], written: Self.string(s[at..<(at + length)]),
                               likely: Self.string(likely), from: Self.string([from]), to: Self.string([d]), soundAlike: sound))
            flagged = at + length - 1
        }
        // Set phrases: each window's four masked hashes, looked up in a bit set first.
        if s.count >= 4 {
            for j in 0...(s.count - 4) where j > flagged {
                let p0 = Self.part(s[j], at: 0), p1 = Self.part(s[j + 1], at: 1), p2 = Self.part(s[j + 2], at: 2), p3 = Self.part(s[j + 3], at: 3)
                let all = p0 &+ p1 &+ p2 &+ p3
                // A set phrase itself (the commonest hit by far: 社会主义, 人民群众) is no slip.
                if wholeBits.contains(all) && wholePhrases.contains(all) { continue }
                search: for k in 0..<4 {
                    let key = all &- (k == 0 ? p0 : k == 1 ? p1 : k == 2 ? p2 : p3)
                    guard maskedBits.contains(key) else { continue }
                    var h = phrases.partitionPoint { $0.key < key }
                    while h < phrases.count && phrases[h].key == key {
                        let d = phrases[h].scalar
                        h += 1
                        guard d != s[j + k] else { continue }
                        let likeness = HanCharacters.likeness(s[j + k], d)
                        guard likeness.look || likeness.sound else { continue }
                        let window = Array(s[j..<(j + 4)])
                        var phrase = window
                        phrase[k] = d
                        guard !published.contains(Self.hash(window)),
                              isNonWord(window, beside: lexicon.frequency(ofScalars: phrase), in: lexicon),
                              readsAsOnePhrase(j..<(j + 4), segmented(), s, lexicon) else { continue }
                        report(j, length: 4, position: k, to: d, sound: likeness.sound)
                        break search
                    }
                }
            }
        }
        // Orphan pairs: the cheap tests first, then the likely word and its gain, and the
        // words of the run only for what is left.
        for j in 0..<(s.count - 1) where j > flagged {
            let a = s[j], b = s[j + 1]
            guard !bigrams.mayHaveSeen(a, b), !Self.numerals.contains(a), !Self.numerals.contains(b),
                  bigrams.neighbours(of: a).after < Self.productive, bigrams.neighbours(of: b).before < Self.productive,
                  !surnames.contains(a),
                  !(j + 2 < s.count && Self.placeEnds.contains(s[j + 2])) else { continue }
            var best: (gain: Double, k: Int, d: UInt32, sound: Bool)?
            for k in 0..<2 {
                let i = j + k, c = s[i]
                // What the written character scores with its neighbours; the likely one can gain at
                // most all of it back (a log-probability is at most 0).
                let written = score(s, at: i, c)
                guard -written >= Self.requiredGain else { continue }
                // A common word stands in the counted text: its pair is in the table.
                for (d, sound) in alternatives(to: c) where k == 0 ? bigrams.mayHaveSeen(d, b) : bigrams.mayHaveSeen(a, d) {
                    let g = score(s, at: i, d) - written
                    guard g >= Self.requiredGain, g > best?.gain ?? -.infinity else { continue }
                    let f = lexicon.frequency(ofScalars: k == 0 ? [d, b] : [a, d])
                    guard f >= Self.commonWord, isNonWord([a, b], beside: f, in: lexicon) else { continue }
                    best = (g, k, d, sound)
                }
            }
            guard let best else { continue }
            // Both characters stand alone among the run's words (no word holds either), and no
            // single surname stands just before (a name of three).
            let ws = segmented()
            guard let t = ws.firstIndex(where: { $0.lowerBound == j }), ws[t].count == 1, t + 1 < ws.count, ws[t + 1].count == 1,
                  !(t > 0 && ws[t - 1].count == 1 && surnames.contains(s[j - 1])) else { continue }
            report(j, length: 2, position: best.k, to: best.d, sound: best.sound)
        }
    }

    /// Characters that end the names of places and of what they hold (大驾村, 杵山镇, 东渚街道):
    /// a pair before one is a name.
    static let placeEnds: Set<UInt32> = Set("村镇乡县市区省州路街巷山河湖江岛港湾庄屯寨桥港寺营堡铺沟坡岭峪塘校".unicodeScalars.map(\.value))

    /// Whether the window reads as one phrase: its ends are word boundaries, and inside it no
    /// word of three characters or more and not two common words of two (视频|会诊 is two words).
    /// A window the segmenter reads as one word (a listed misspelling) is one phrase.
    private func readsAsOnePhrase(_ window: Range<Int>, _ words: [Range<Int>], _ s: [UInt32], _ lexicon: Lexicon) -> Bool {
        if words.contains(window) { return true }
        guard words.contains(where: { $0.lowerBound == window.lowerBound }),
              words.contains(where: { $0.upperBound == window.upperBound }) else { return false }
        let inside = words.filter { $0.lowerBound >= window.lowerBound && $0.upperBound <= window.upperBound }
        if inside.contains(where: { $0.count >= 3 }) { return false }
        if inside.count == 2, inside.allSatisfy({ $0.count == 2 && lexicon.frequency(ofScalars: s[$0]) >= Self.twoWords }) { return false }
        return true
    }

    /// The log-probabilities of the two pairs that `x` at position `i` stands in.
    func score(_ s: [UInt32], at i: Int, _ x: UInt32) -> Double {
        var g = 0.0
        if i > 0 { g += bigrams.logProbability(x, after: s[i - 1]) }
        if i + 1 < s.count { g += bigrams.logProbability(s[i + 1], after: x) }
        return g
    }

    static let numerals: Set<UInt32> = Set("〇零一二三四五六七八九十百千万亿两几".unicodeScalars.map(\.value))

    private static func string(_ scalars: some Sequence<UInt32>) -> String {
        var s = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }
}

/// A set of 64-bit hashes as 2^`bits` bits: `contains` may say yes for a hash not inserted (for
/// the 32,000 masked keys of the set phrases in 2^22 bits, 512 KB, about one in 130), never no
/// for one inserted.
struct HashBits: Sendable {
    private let mask: Int
    private var words: [UInt64]

    init(_ keys: some Sequence<UInt64>, bits: Int) {
        mask = (1 << (bits - 6)) - 1
        words = [UInt64](repeating: 0, count: mask + 1)
        for h in keys { words[Int(truncatingIfNeeded: h >> 40) & mask] |= 1 << (h >> 58) }
    }

    @inline(__always) func contains(_ h: UInt64) -> Bool {
        words[Int(truncatingIfNeeded: h >> 40) & mask] & (1 << (h >> 58)) != 0
    }
}

/// The alternatives of the characters a run has met (`TypoFinder.alternatives`), shared by the
/// threads that lint its documents.
final class AlternativesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt32: [(UInt32, sound: Bool)]] = [:]

    func get(_ c: UInt32) -> [(UInt32, sound: Bool)]? {
        lock.lock()
        defer { lock.unlock() }
        return table[c]
    }

    func set(_ c: UInt32, _ list: [(UInt32, sound: Bool)]) {
        lock.lock()
        defer { lock.unlock() }
        table[c] = list
    }
}
