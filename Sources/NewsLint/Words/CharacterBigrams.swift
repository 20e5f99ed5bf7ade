import Foundation

/// How often each Han character, and each pair side by side, stands in clean published text:
/// `Rules/character-bigrams.b64`, counted by `scripts/generate-typo-data.py` over 106 days of
/// 人民日报 (counts only). Pairs seen fewer than twice are left out.
///
/// The file is the finished table: rows of pairs sorted by their first character, each row's
/// second characters sorted, so that loading is decoding and a look-up is a binary search within
/// one row (about 60 entries).
public struct CharacterBigrams: Sendable {
    /// The characters counted, ascending, and how often each stands.
    private let scalars: [UInt32]
    private let counts: [UInt32]
    /// Row `k` (pairs whose first character is `scalars[k]`) is `seconds[offsets[k]..<offsets[k + 1]]`.
    private let offsets: [UInt32]
    private let seconds: [UInt16]
    /// Each pair's count as `round(8 ln count)`.
    private let quantized: [UInt8]
    /// For each character, how many different characters stand before it (pairs seen twice).
    private let leaders: [UInt32]
    /// For each character, ln(count + 0.1 × characters): the denominator of `logProbability`.
    private let logNormalizers: [Double]
    /// The same for a character not counted: ln(0.1 × characters).
    private let logNormalizerOfNone: Double
    /// The pairs' keys (first index << 16 | second) as bits.
    private let pairBits: PairBits

    public enum TableError: Error { case malformed }

    /// The table from the base64 letters of the file.
    public init(table letters: [UInt8]) throws(TableError) {
        guard let bytes = letters.withUnsafeBufferPointer({ Base64.decode($0) }), bytes.count >= 21, bytes.starts(with: Array("NLBG1".utf8)) else { throw .malformed }
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        let n = Int(u32(5)), pairs = Int(u32(9))
        // Bytes 13–20 hold the Han characters counted in all, which no look-up needs.
        var at = 21
        guard n < 0xFFFF, bytes.count == at + n * 4 * 2 + (n + 1) * 4 + pairs * 3 else { throw .malformed }
        func u32s(_ count: Int) -> [UInt32] {
            defer { at += count * 4 }
            return [UInt32](unsafeUninitializedCapacity: count) { o, written in
                for k in 0..<count { o[k] = u32(at + k * 4) }
                written = count
            }
        }
        scalars = u32s(n)
        counts = u32s(n)
        offsets = u32s(n + 1)
        let from = at
        seconds = [UInt16](unsafeUninitializedCapacity: pairs) { o, written in
            for k in 0..<pairs { o[k] = UInt16(bytes[from + k * 2]) | UInt16(bytes[from + k * 2 + 1]) << 8 }
            written = pairs
        }
        at += pairs * 2
        quantized = Array(bytes[at..<(at + pairs)])
        guard offsets.last == UInt32(pairs), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              seconds.allSatisfy({ Int($0) < n }) else { throw .malformed }
        var leaders = [UInt32](repeating: 0, count: n)
        for j in seconds { leaders[Int(j)] += 1 }
        self.leaders = leaders
        var mainBlock = [UInt16](repeating: 0, count: Int(Self.mainBlockEnd - Self.mainBlockStart) + 1)
        for (k, v) in scalars.enumerated() where v >= Self.mainBlockStart && v <= Self.mainBlockEnd {
            mainBlock[Int(v - Self.mainBlockStart)] = UInt16(k + 1)
        }
        self.mainBlock = mainBlock
        logNormalizers = counts.map { log(Double($0) + 0.1 * Double(n)) }
        logNormalizerOfNone = log(0.1 * Double(n))
        var keys: [UInt64] = []
        keys.reserveCapacity(pairs)
        for i in 0..<n {
            for k in Int(offsets[i])..<Int(offsets[i + 1]) { keys.append(UInt64(i) << 16 | UInt64(seconds[k])) }
        }
        pairBits = PairBits(keys)
    }

    /// How many different characters follow `v` in the text, and how many stand before it: a
    /// character that combines with almost anything (出, 过, 中) makes an unseen pair no surprise.
    public func neighbours(of v: UInt32) -> (before: Int, after: Int) {
        guard let i = index(of: v) else { return (0, 0) }
        return (Int(leaders[i]), Int(offsets[i + 1] - offsets[i]))
    }

    /// The number of characters counted.
    public var characterCount: Int { scalars.count }

    /// The index of each character of the main Han block (U+4E00–U+9FFF) plus one, 0 for none:
    /// the look-up of every character of a text.
    private let mainBlock: [UInt16]
    private static let mainBlockStart: UInt32 = 0x4E00, mainBlockEnd: UInt32 = 0x9FFF

    @inline(__always) func index(of v: UInt32) -> Int? {
        if v >= Self.mainBlockStart && v <= Self.mainBlockEnd {
            let k = Int(mainBlock[Int(v - Self.mainBlockStart)])
            return k == 0 ? nil : k - 1
        }
        let k = scalars.partitionPoint { $0 < v }
        return k < scalars.count && scalars[k] == v ? k : nil
    }

    /// How often `v` stands in the text.
    public func count(_ v: UInt32) -> Int {
        index(of: v).map { Int(counts[$0]) } ?? 0
    }

    /// Where the pair `a b` is in `seconds`, if the table has it: a binary search of `a`'s row.
    @inline(__always) private func slot(_ a: UInt32, _ b: UInt32) -> Int? {
        guard let i = index(of: a), let j = index(of: b) else { return nil }
        return slot(index: i, j)
    }

    /// The same, for the characters at indices `i` and `j` (-1: a character not counted).
    @inline(__always) private func slot(index i: Int, _ j: Int) -> Int? {
        guard i >= 0, j >= 0 else { return nil }
        let target = UInt16(j)
        return seconds.withUnsafeBufferPointer { p -> Int? in
            let end = Int(offsets[i + 1])
            var lo = Int(offsets[i]), hi = end
            while lo < hi {
                let mid = (lo + hi) >> 1
                if p[mid] < target { lo = mid + 1 } else { hi = mid }
            }
            return lo < end && p[lo] == target ? lo : nil
        }
    }

    /// The index of `v` among the characters counted, -1 for one not counted.
    @inline(__always) public func indexOrNone(_ v: UInt32) -> Int { index(of: v) ?? -1 }

    /// `logProbability` for characters given by their indices (-1: not counted).
    @inline(__always) public func logProbability(index j: Int, after i: Int) -> Double {
        let norm = i >= 0 ? logNormalizers[i] : logNormalizerOfNone
        return (slot(index: i, j).map { Double(quantized[$0]) / 8 } ?? Self.logUnseen) - norm
    }

    /// `mayHaveSeen` for characters given by their indices (-1: not counted).
    @inline(__always) public func mayHaveSeen(index i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && pairBits.contains(UInt64(i) << 16 | UInt64(j))
    }

    /// How often `a` stands just before `b` (0 for a pair seen fewer than twice), to within 6 %.
    public func count(_ a: UInt32, _ b: UInt32) -> Double {
        slot(a, b).map { exp(Double(quantized[$0]) / 8) } ?? 0
    }

    /// The log-probability of `b` after `a`, smoothed so that an unseen pair has a small one:
    /// ln((count(a b) + 0.1) / (count(a) + 0.1 × characters)), from the stored logarithms (a
    /// seen pair's 0.1 is left out: it counts twice or more).
    public func logProbability(_ b: UInt32, after a: UInt32) -> Double {
        logProbability(index: indexOrNone(b), after: indexOrNone(a))
    }

    private static let logUnseen = log(0.1)

    /// Whether `a b` may stand in the text: false means it never does (seen fewer than twice);
    /// true is wrong for about one unseen pair in thirty. One bit test, for the pairs of every text.
    @inline(__always) public func mayHaveSeen(_ a: UInt32, _ b: UInt32) -> Bool {
        mayHaveSeen(index: indexOrNone(a), indexOrNone(b))
    }
}

/// Keys as 2^23 bits (1 MB), one bit each: `contains` is never false for a key inserted, and true
/// for about one key in thirty that was not (300,000 pairs).
struct PairBits: Sendable {
    private var words = [UInt64](repeating: 0, count: 1 << 17)

    init(_ keys: [UInt64]) {
        for k in keys { let h = Self.mix(k); words[Int(truncatingIfNeeded: h >> 47)] |= 1 << (h & 63) }
    }

    @inline(__always) static func mix(_ k: UInt64) -> UInt64 {
        let x = k &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    @inline(__always) func contains(_ k: UInt64) -> Bool {
        let h = Self.mix(k)
        return words[Int(truncatingIfNeeded: h >> 47)] & (1 << (h & 63)) != 0
    }
}
