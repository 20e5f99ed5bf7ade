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
    /// Each set phrase four times, by the hash of its scalars with one left out (sorted), and
    /// the scalar left out. Two arrays, not one of pairs: 4 bytes less each of 31,692 entries.
    let phraseKeys: [UInt64]
    let phraseScalars: [UInt32]
    /// Which position of a window a set phrase may differ in, from two bit tests: nearly every
    /// window is passed on them.
    let phraseBits: PhraseBits
    /// The phrases' own `hash`es, sorted: a sorted array holds a set of
    /// hashes in half a `Set`'s memory, and the year's run has none to spare.
    let wholePhrases: [UInt64]
    /// Four-character strings that clean text prints (their `hash`), sorted.
    let published: [UInt64]
    /// Where a name stands (`Rules/names.json`): its surnames, and the endings of places.
    let surnames: ScalarSet
    let placeEnds: ScalarSet
    /// Characters common enough to be the likely one, by reading and by radical.
    let byReading: [String: [UInt32]]
    let byRadical: [Int: [UInt32]]
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

    /// `setPhrases` and `publishedPhrases` are the bytes of the two lists.
    public init(bigrams: CharacterBigrams, setPhrases: [UInt8], publishedPhrases: [UInt8], names: NameContexts) {
        self.bigrams = bigrams
        surnames = names.surnames
        placeEnds = names.placeEnds
        var phrases: [(key: UInt64, scalar: UInt32)] = []
        var whole: [UInt64] = []
        var bits = PhraseBits()
        Self.eachFirstField(setPhrases) { w in
            guard w.count == 4 else { return }
            let t = (w[w.startIndex], w[w.startIndex + 1], w[w.startIndex + 2], w[w.startIndex + 3])
            for k in 0..<4 { phrases.append((Self.hash(t, masking: k), w[w.startIndex + k])) }
            whole.append(Self.hash(t))
            bits.insert(t)
        }
        phrases.sort { $0.key < $1.key }
        phraseKeys = phrases.map(\.key)
        phraseScalars = phrases.map(\.scalar)
        wholePhrases = whole.sorted()
        phraseBits = bits
        var published: [UInt64] = []
        Self.eachFirstField(publishedPhrases) { w in
            if w.count == 4 { published.append(Self.hash((w[w.startIndex], w[w.startIndex + 1], w[w.startIndex + 2], w[w.startIndex + 3]))) }
        }
        self.published = published.sorted()
        var byReading: [String: [UInt32]] = [:], byRadical: [Int: [UInt32]] = [:]
        for (v, info) in HanCharacters.table where bigrams.count(v) >= Self.commonCharacter {
            byReading[info.pinyin, default: []].append(v)
            byRadical[info.radical, default: []].append(v)
        }
        self.byReading = byReading.mapValues { $0.sorted() }
        self.byRadical = byRadical.mapValues { $0.sorted() }
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

    /// Whether sorted `list` holds `x`.
    @inline(__always) static func contains(_ list: [UInt64], _ x: UInt64) -> Bool {
        let k = list.partitionPoint { $0 < x }
        return k < list.count && list[k] == x
    }

    /// The hash of four scalars: the sum of their parts.
    @inline(__always) static func hash(_ w: (UInt32, UInt32, UInt32, UInt32)) -> UInt64 {
        part(w.0, at: 0) &+ part(w.1, at: 1) &+ part(w.2, at: 2) &+ part(w.3, at: 3)
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

    /// The characters that `c` may have been typed for, each with its index in the counts (-1:
    /// not counted) and whether it sounds alike: common characters of its reading, of its radical
    /// that look alike, and the listed pairs. Worked out once a character and run (a radical's
    /// characters are hundreds), then kept.
    func alternatives(to c: UInt32) -> [Alternative] {
        if let known = alternativesCache.get(c) { return known }
        var out: [Alternative] = []
        if let info = HanCharacters.table[c] {
            for d in byReading[info.pinyin] ?? [] where d != c { out.append((d, bigrams.indexOrNone(d), true)) }
            for d in byRadical[info.radical] ?? [] where d != c && !out.contains(where: { $0.scalar == d }) && HanCharacters.likeness(c, d).look {
                out.append((d, bigrams.indexOrNone(d), false))
            }
        }
        for (d, sound) in HanCharacters.listedPartners[c] ?? [] where !out.contains(where: { $0.scalar == d }) { out.append((d, bigrams.indexOrNone(d), sound)) }
        alternativesCache.set(c, out)
        return out
    }

    typealias Alternative = (scalar: UInt32, index: Int, sound: Bool)

    /// Whether `written` is no word, or is listed only as a rare misspelling of `likely`
    /// (the word list has 再接再励 three times beside 再接再厉 115 times).
    func isNonWord(_ written: [UInt32], beside likely: Int, in lexicon: Lexicon) -> Bool {
        let f = lexicon.frequency(ofScalars: written)
        return f == 0 || (f <= 5 && likely >= 20 * f)
    }

    /// The suspects of a paragraph, in order: its UTF-8 `text` (for the segmenter) and the same
    /// text decoded (`Paragraph.scalarText`, made once for every rule that compares characters).
    public func suspects(in text: [UInt8], decoded: ScalarText, lexicon: Lexicon) -> [Suspect] {
        var out: [Suspect] = []
        decoded.scalars.withUnsafeBufferPointer { all in
            var k = 0
            while k < all.count {
                guard Scalar.isHan(all[k]) else { k += 1; continue }
                var e = k + 1
                while e < all.count && Scalar.isHan(all[e]) { e += 1 }
                if e - k >= 2 {
                    judgeRun(Scalars(rebasing: all[k..<e]), Offsets(decoded: decoded, base: k), text, lexicon, into: &out)
                }
                k = e
            }
        }
        return out
    }

    /// A run of Han characters of a paragraph.
    typealias Scalars = UnsafeBufferPointer<UInt32>

    /// Where each scalar of a run starts in the paragraph's bytes (`[count]`: the run's end).
    struct Offsets {
        let decoded: ScalarText
        let base: Int
        subscript(_ i: Int) -> Int { decoded.start(base + i) }
    }

    /// The words of a run as scalar ranges: the run is all Han, so its words follow one another.
    private func words(_ s: Scalars, _ starts: Offsets, _ text: [UInt8], _ lexicon: Lexicon) -> [Range<Int>] {
        let from = starts[0]
        var k = 0
        return Segmenter(lexicon: lexicon).words(in: Array(text[from..<starts[s.count]])).map { w in
            let first = k
            while k < s.count && starts[k] < from + w.range.upperBound { k += 1 }
            return first..<k
        }
    }

    /// The suspect at scalars `at..<(at + length)` of a run, the one at `k` to be `d`.
    private func suspect(_ s: Scalars, _ starts: Offsets, _ at: Int, length: Int, position k: Int, to d: UInt32, sound: Bool) -> Suspect {
        var likely = Array(s[at..<(at + length)])
        let from = likely[k]
        likely[k] = d
        return Suspect(range: starts[at]..<starts[at + length], written: Scalar.string(s[at..<(at + length)]),
                       likely: Scalar.string(likely), from: Scalar.string([from]), to: Scalar.string([d]), soundAlike: sound)
    }

    /// The set phrase that the four characters at `j` are one sound-alike or look-alike
    /// character off, if any (not yet asked whether the words allow it): the position, the
    /// phrase's character there, and whether the two sound alike. Which positions may differ comes
    /// from two bit tests, which nearly every window fails; then the masked keys of those.
    private func phraseSlip(_ s: Scalars, at j: Int, _ lexicon: Lexicon) -> (Int, UInt32, Bool)? {
        let w = (s[j], s[j + 1], s[j + 2], s[j + 3])
        let maskable = phraseBits.maskable(w)
        guard maskable != 0 else { return nil }
        let parts = [Self.part(w.0, at: 0), Self.part(w.1, at: 1), Self.part(w.2, at: 2), Self.part(w.3, at: 3)]
        let whole = parts[0] &+ parts[1] &+ parts[2] &+ parts[3]
        // A set phrase itself (the commonest hit by far: 社会主义, 人民群众), or a form clean text
        // prints, is no slip.
        if Self.contains(wholePhrases, whole) || Self.contains(published, whole) { return nil }
        for k in 0..<4 where maskable & (1 << k) != 0 {
            let key = whole &- parts[k]
            var h = phraseKeys.partitionPoint { $0 < key }
            while h < phraseKeys.count && phraseKeys[h] == key {
                let d = phraseScalars[h]
                h += 1
                let likeness = HanCharacters.likeness(s[j + k], d)
                guard d != s[j + k], likeness.look || likeness.sound else { continue }
                let window = Array(s[j..<(j + 4)])
                var phrase = window
                phrase[k] = d
                if isNonWord(window, beside: lexicon.frequency(ofScalars: phrase), in: lexicon) { return (k, d, likeness.sound) }
            }
        }
        return nil
    }

    /// One run of Han characters: `starts[k]` is the byte offset of `s[k]`, `starts[s.count]` the end.
    /// Nothing is captured by a closure here: this runs for every few characters of a text.
    private func judgeRun(_ s: Scalars, _ starts: Offsets, _ text: [UInt8], _ lexicon: Lexicon, into out: inout [Suspect]) {
        var runWords: [Range<Int>]?  // found only when a candidate needs them
        var flagged = -1  // the last scalar a suspect covers: one suspect a place
        // Set phrases.
        if s.count >= 4 {
            for j in 0...(s.count - 4) where j > flagged {
                guard let (k, d, sound) = phraseSlip(s, at: j, lexicon) else { continue }
                if runWords == nil { runWords = words(s, starts, text, lexicon) }
                guard readsAsOnePhrase(j..<(j + 4), runWords!, s, lexicon) else { continue }
                out.append(suspect(s, starts, j, length: 4, position: k, to: d, sound: sound))
                flagged = j + 3
            }
        }
        // Orphan pairs: the cheap tests first, then the likely word and its gain, and the
        // words of the run only for what is left.
        for j in 0..<(s.count - 1) where j > flagged {
            let a = s[j], b = s[j + 1]
            guard !bigrams.mayHaveSeen(a, b), !Self.numerals.contains(a), !Self.numerals.contains(b),
                  bigrams.neighbours(of: a).after < Self.productive, bigrams.neighbours(of: b).before < Self.productive,
                  !surnames.contains(a),
                  !(j + 2 < s.count && placeEnds.contains(s[j + 2])) else { continue }
            var best: (gain: Double, k: Int, d: UInt32, sound: Bool)?
            let ia = bigrams.indexOrNone(a), ib = bigrams.indexOrNone(b)
            for k in 0..<2 {
                // The changed character `c` between `l` and `r` (either may be missing at the
                // run's ends), all by their indices in the counts.
                let c = k == 0 ? ia : ib
                let l: Int? = k == 0 ? (j > 0 ? bigrams.indexOrNone(s[j - 1]) : nil) : ia
                let r: Int? = k == 0 ? ib : (j + 2 < s.count ? bigrams.indexOrNone(s[j + 2]) : nil)
                func score(_ x: Int) -> Double {
                    (l.map { bigrams.logProbability(index: x, after: $0) } ?? 0) + (r.map { bigrams.logProbability(index: $0, after: x) } ?? 0)
                }
                // What the written character scores with its neighbours; the likely one can gain at
                // most all of it back (a log-probability is at most 0).
                let written = score(c)
                guard -written >= Self.requiredGain else { continue }
                // A common word stands in the counted text: its pair is in the table.
                for (d, di, sound) in alternatives(to: s[j + k]) where k == 0 ? bigrams.mayHaveSeen(index: di, ib) : bigrams.mayHaveSeen(index: ia, di) {
                    let g = score(di) - written
                    guard g >= Self.requiredGain, g > best?.gain ?? -.infinity else { continue }
                    let f = lexicon.frequency(ofScalars: k == 0 ? [d, b] : [a, d])
                    guard f >= Self.commonWord, isNonWord([a, b], beside: f, in: lexicon) else { continue }
                    best = (g, k, d, sound)
                }
            }
            guard let best else { continue }
            // Both characters stand alone among the run's words (no word holds either), and no
            // single surname stands just before (a name of three).
            if runWords == nil { runWords = words(s, starts, text, lexicon) }
            let ws = runWords!
            guard let t = ws.firstIndex(where: { $0.lowerBound == j }), ws[t].count == 1, t + 1 < ws.count, ws[t + 1].count == 1,
                  !(t > 0 && ws[t - 1].count == 1 && surnames.contains(s[j - 1])) else { continue }
            out.append(suspect(s, starts, j, length: 2, position: best.k, to: best.d, sound: best.sound))
            flagged = j + 1
        }
    }

    /// Whether the window reads as one phrase: its ends are word boundaries, and inside it no
    /// word of three characters or more and not two common words of two (视频|会诊 is two words).
    /// A window the segmenter reads as one word (a listed misspelling) is one phrase.
    private func readsAsOnePhrase(_ window: Range<Int>, _ words: [Range<Int>], _ s: Scalars, _ lexicon: Lexicon) -> Bool {
        if words.contains(window) { return true }
        guard words.contains(where: { $0.lowerBound == window.lowerBound }),
              words.contains(where: { $0.upperBound == window.upperBound }) else { return false }
        let inside = words.filter { $0.lowerBound >= window.lowerBound && $0.upperBound <= window.upperBound }
        if inside.contains(where: { $0.count >= 3 }) { return false }
        if inside.count == 2, inside.allSatisfy({ $0.count == 2 && lexicon.frequency(ofScalars: s[$0]) >= Self.twoWords }) { return false }
        return true
    }

    static let numerals = ScalarSet("〇零一二三四五六七八九十百千万亿两几")
}

/// Which position of a window of four a set phrase may differ in, as two bit tests: a phrase
/// one character off shares either its first two characters or its last two with the window.
/// Word `h(c0 c1)` of `front` holds a bit for the phrase's third character (it may differ in the
/// fourth) and one for its fourth (it may differ in the third); `back`, word `h(c2 c3)`, the same
/// for the first two. 2^14 words each (256 KB in all); a bit set by another phrase only costs a
/// look-up in the sorted keys.
struct PhraseBits: Sendable {
    private static let wordBits = 14
    private var front = [UInt64](repeating: 0, count: 1 << wordBits)
    private var back = [UInt64](repeating: 0, count: 1 << wordBits)

    @inline(__always) private static func word(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - wordBits))
    }

    @inline(__always) private static func bit(_ v: UInt32, at k: Int) -> UInt64 {
        1 << (((UInt64(v) << 2 | UInt64(k)) &* 0xC2B2_AE3D_27D4_EB4F) >> 58)
    }

    mutating func insert(_ w: (UInt32, UInt32, UInt32, UInt32)) {
        front[Self.word(w.0, w.1)] |= Self.bit(w.2, at: 2) | Self.bit(w.3, at: 3)
        back[Self.word(w.2, w.3)] |= Self.bit(w.0, at: 0) | Self.bit(w.1, at: 1)
    }

    /// Bit `k` set: some phrase may differ from the window in position `k` only.
    @inline(__always) func maskable(_ w: (UInt32, UInt32, UInt32, UInt32)) -> Int {
        let f = front[Self.word(w.0, w.1)], b = back[Self.word(w.2, w.3)]
        var out = 0
        if b & Self.bit(w.1, at: 1) != 0 { out |= 1 }  // differs in the first
        if b & Self.bit(w.0, at: 0) != 0 { out |= 2 }  // in the second
        if f & Self.bit(w.3, at: 3) != 0 { out |= 4 }  // in the third
        if f & Self.bit(w.2, at: 2) != 0 { out |= 8 }  // in the fourth
        return out
    }
}

/// The alternatives of the characters a run has met (`TypoFinder.alternatives`), shared by the
/// threads that lint its documents.
final class AlternativesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt32: [TypoFinder.Alternative]] = [:]

    func get(_ c: UInt32) -> [TypoFinder.Alternative]? {
        lock.lock()
        defer { lock.unlock() }
        return table[c]
    }

    func set(_ c: UInt32, _ list: [TypoFinder.Alternative]) {
        lock.lock()
        defer { lock.unlock() }
        table[c] = list
    }
}
