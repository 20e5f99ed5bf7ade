/// A text decoded once into its scalars, with the byte offset where each starts: rules that
/// compare characters one by one (names, set phrases) work on scalar indices and turn a range
/// back into bytes only to report it.
public struct ScalarText: Sendable {
    public let scalars: [UInt32]
    /// `starts[i]`: the byte offset of scalar `i`; `starts[count]` is the end of the text.
    public let starts: [Int]

    public init(_ bytes: [UInt8]) {
        var scalars: [UInt32] = [], starts: [Int] = []
        scalars.reserveCapacity(bytes.count / 3 + 1)
        starts.reserveCapacity(bytes.count / 3 + 2)
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (v, len) = UTF8Scan.decode(p, at: i)
                scalars.append(v)
                starts.append(i)
                i += len
            }
        }
        starts.append(bytes.count)
        self.scalars = scalars
        self.starts = starts
    }

    public var count: Int { scalars.count }

    /// The byte range of scalars `range`.
    public func bytes(_ range: Range<Int>) -> Range<Int> { starts[range.lowerBound]..<starts[range.upperBound] }

    public func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range].compactMap(Unicode.Scalar.init)))
    }

    /// Whether the scalars from `at` spell `word`.
    public func has(_ word: [UInt32], at: Int) -> Bool {
        at >= 0 && at + word.count <= scalars.count && scalars[at..<(at + word.count)].elementsEqual(word)
    }

    /// Whether the scalars just before `end` spell `word`.
    public func has(_ word: [UInt32], endingAt end: Int) -> Bool { has(word, at: end - word.count) }
}

/// A list of phrases found in one pass over a `ScalarText`: at each position the longest phrase
/// that starts there, phrases not overlapping, left to right. Most positions are passed on two
/// bitmap tests (the first scalar, then the first two hashed together), without a look-up.
public struct PhraseIndex: Sendable {
    public let phrases: [[UInt32]]
    /// The phrases' scalars end to end, and where each phrase lies in them.
    private let flat: [UInt32]
    private let bounds: [Range<Int>]
    /// Phrase numbers grouped by first scalar, longest first in each group.
    private let order: [Int]
    private let groups: [UInt32: Range<Int>]
    private let firsts: ScalarSet
    private let pairs: ScalarSet
    private let hasSingles: Bool

    public init(_ phrases: [String]) {
        let scalars = phrases.map { $0.unicodeScalars.map(\.value) }.filter { !$0.isEmpty }
        self.phrases = scalars
        var flat: [UInt32] = [], bounds: [Range<Int>] = []
        for p in scalars { bounds.append(flat.count..<(flat.count + p.count)); flat += p }
        self.flat = flat
        self.bounds = bounds
        let sorted = scalars.indices.sorted { (scalars[$0][0], scalars[$1].count, $0) < (scalars[$1][0], scalars[$0].count, $1) }
        var groups: [UInt32: Range<Int>] = [:]
        var k = 0
        while k < sorted.count {
            var e = k
            while e < sorted.count && scalars[sorted[e]][0] == scalars[sorted[k]][0] { e += 1 }
            groups[scalars[sorted[k]][0]] = k..<e
            k = e
        }
        order = sorted
        self.groups = groups
        firsts = ScalarSet(scalars.map { $0[0] })
        pairs = ScalarSet(scalars.filter { $0.count > 1 }.map { Self.pairKey($0[0], $0[1]) })
        hasSingles = scalars.contains { $0.count == 1 }
    }

    @inline(__always)
    static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt32 { (a &* 0x9E37_79B1 ^ b &* 0x85EB_CA77) >> 16 }

    /// The longest phrase that starts at `at`, if any.
    @inline(__always)
    public func match(in text: ScalarText, at: Int) -> Int? {
        text.scalars.withUnsafeBufferPointer { match($0, at: at) }
    }

    @inline(__always)
    private func match(_ s: UnsafeBufferPointer<UInt32>, at: Int) -> Int? {
        guard at < s.count, firsts.contains(s[at]) else { return nil }
        guard hasSingles || (at + 1 < s.count && pairs.contains(Self.pairKey(s[at], s[at + 1]))) else { return nil }
        guard let group = groups[s[at]] else { return nil }
        return flat.withUnsafeBufferPointer { f in
            for k in group {
                let phrase = order[k], b = bounds[phrase]
                guard at + b.count <= s.count else { continue }
                var i = 0
                while i < b.count && s[at + i] == f[b.lowerBound + i] { i += 1 }
                if i == b.count { return phrase }
            }
            return nil
        }
    }

    /// Every phrase in `text`: its scalar range and index.
    public func matches(in text: ScalarText) -> [(range: Range<Int>, phrase: Int)] {
        var out: [(range: Range<Int>, phrase: Int)] = []
        text.scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                if let k = match(s, at: i) {
                    out.append((i..<(i + bounds[k].count), k))
                    i += bounds[k].count
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// For each phrase, the character of it most strokes have (the rarest, roughly): a text that
    /// holds none of them holds no phrase, which `ScalarSet.next` tells without decoding most of it.
    public static func anchorScalars(_ phrases: [[UInt32]], each count: Int = 1) -> [UInt32] {
        var out: [UInt32] = []
        for p in phrases {
            let ranked = p.sorted { (HanCharacters.table[$0]?.strokes ?? 0, $0) > (HanCharacters.table[$1]?.strokes ?? 0, $1) }
            out += ranked.prefix(count)
        }
        return out
    }

    /// The longest phrase that ends at `end`, if any.
    public func match(in text: ScalarText, endingAt end: Int) -> Int? {
        var best: Int?
        for (k, p) in phrases.enumerated() where text.has(p, endingAt: end) && p.count > (best.map { phrases[$0].count } ?? 0) { best = k }
        return best
    }
}
