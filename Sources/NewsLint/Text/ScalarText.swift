/// A text decoded once into its scalars, with the byte offset where each starts: rules that
/// compare characters one by one (names, set phrases) work on scalar indices and turn a range
/// back into bytes only to report it.
public struct ScalarText: Sendable {
    public let scalars: [UInt32]
    /// `starts[i]`: the byte offset of scalar `i`; `starts[count]` is the end of the text. 32 bits
    /// hold any offset: a source text is under 4 GiB (`SourceText.maximumBytes`).
    private let starts: [UInt32]

    public init(_ bytes: [UInt8]) {
        // Written in place into room for one scalar a byte: the arrays of a page are made once
        // and read by several rules.
        var count = 0
        var starts: [UInt32] = []
        scalars = bytes.withUnsafeBufferPointer { p in
            [UInt32](unsafeUninitializedCapacity: p.count) { out, made in
                starts = [UInt32](unsafeUninitializedCapacity: p.count + 1) { offsets, written in
                    var i = 0
                    while i < p.count {
                        let (v, len) = UTF8Scan.decode(p, at: i)
                        out[count] = v
                        offsets[count] = UInt32(truncatingIfNeeded: i)
                        count += 1
                        i += len
                    }
                    offsets[count] = UInt32(truncatingIfNeeded: p.count)
                    written = count + 1
                }
                made = count
            }
        }
        self.starts = starts
    }

    /// The byte offset where scalar `i` starts (`count`: the end of the text).
    public func start(_ i: Int) -> Int { Int(starts[i]) }

    public var count: Int { scalars.count }

    /// The byte range of scalars `range`.
    public func bytes(_ range: Range<Int>) -> Range<Int> { Int(starts[range.lowerBound])..<Int(starts[range.upperBound]) }

    public func string(_ range: Range<Int>) -> String {
        Scalar.string(scalars[range])
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

    /// The longest phrase that ends at `end`, if any.
    public func match(in text: ScalarText, endingAt end: Int) -> Int? {
        var best: Int?
        for (k, p) in phrases.enumerated() where text.has(p, endingAt: end) && p.count > (best.map { phrases[$0].count } ?? 0) { best = k }
        return best
    }
}

/// A cheap test before a text is searched: whether it holds one of a set of character pairs,
/// side by side or one character apart. A rule that looks for phrases gives
/// the pair of each that is least common (主席 of 国家主席, not 国家), and skips every paragraph
/// that holds none.
public struct PairFilter: Sendable {
    private let firsts: ScalarSet
    /// The pairs hashed into bitmaps (a rare false match only costs the full look).
    private let adjacent: ScalarSet
    private let apart: ScalarSet
    private let anyApart: Bool

    /// `pairs`: two characters and whether one other stands between them.
    public init(_ pairs: [(UInt32, UInt32, apart: Bool)]) {
        firsts = ScalarSet(pairs.map(\.0))
        adjacent = ScalarSet(pairs.filter { !$0.apart }.map { PhraseIndex.pairKey($0.0, $0.1) })
        apart = ScalarSet(pairs.filter(\.apart).map { PhraseIndex.pairKey($0.0, $0.1) })
        anyApart = pairs.contains { $0.apart }
    }

    public func mayMatch(_ text: ScalarText) -> Bool {
        text.scalars.withUnsafeBufferPointer { s in
            guard s.count >= 2 else { return false }
            for i in 0..<(s.count - 1) where firsts.contains(s[i]) {
                if adjacent.contains(PhraseIndex.pairKey(s[i], s[i + 1])) { return true }
                if anyApart, i + 2 < s.count, apart.contains(PhraseIndex.pairKey(s[i], s[i + 2])) { return true }
            }
            return false
        }
    }
}
