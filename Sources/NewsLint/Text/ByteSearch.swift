#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lanes of a sixteen-byte comparison that matched, in order. A matched lane is all ones, so
/// the mask is read as two words and each lane found by counting trailing zeros. (Constants
/// compared with the lanes must be vectors, `SIMD16(repeating:)`: against a scalar, the
/// comparison compiles to a loop over the lanes.)
struct MatchedLanes: Sequence, IteratorProtocol {
    private var low: UInt64, high: UInt64

    @inline(__always)
    init(_ mask: SIMDMask<SIMD16<Int8>>) {
        (low, high) = unsafeBitCast(mask, to: (UInt64, UInt64).self)
    }

    /// Whether no lane matched: one test, for the common case.
    var isEmpty: Bool { low | high == 0 }

    @inline(__always)
    mutating func next() -> Int? {
        if low != 0 {
            let lane = low.trailingZeroBitCount >> 3
            low &= ~(0xFF << UInt64(lane << 3))
            return lane
        }
        if high != 0 {
            let lane = high.trailingZeroBitCount >> 3
            high &= ~(0xFF << UInt64(lane << 3))
            return 8 + lane
        }
        return nil
    }
}

/// Byte-string search without Foundation (whose `String.contains` folds characters and is slow).
public enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `haystack[range]`, or nil.
    public static func find(_ needle: [UInt8], in haystack: [UInt8], _ range: Range<Int>) -> Int? {
        find(needle, anchor: needle.count - 1, in: haystack, range)
    }

    /// Offset of the first occurrence of `needle` in `haystack[range]`, searched for by the byte
    /// at `anchor` and the one before it (see `rareByte`).
    public static func find(_ needle: [UInt8], anchor a: Int, in haystack: [UInt8], _ range: Range<Int>) -> Int? {
        guard !needle.isEmpty, needle.count <= range.count else { return nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                let base = h.baseAddress!, m = n.count
                if m > 16 {
                    guard let found = cMemmem(base + range.lowerBound, range.count, n.baseAddress!, m) else { return nil }
                    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
                }
                if m == 1 { return index(of: n[0], in: h, range) }
                return pairSearch(n, pair: a > 0 ? a - 1 : 0, in: h, range)
            }
        }
    }

    /// `find` for needles of two to sixteen bytes: by a pair of bytes (the anchor and the byte
    /// before it), compared sixteen positions at a time, then the needle compared whole. In UTF-8
    /// Chinese text one continuation byte stands about every hundred bytes, so a search by one
    /// byte (memchr) stopped a few times in every paragraph, each stop a call; a pair of bytes is
    /// one in thousands. (memmem's per-call set-up costs more than the search on paragraph-sized
    /// texts.)
    @inline(never)
    static func pairSearch(_ n: UnsafeBufferPointer<UInt8>, pair k: Int, in h: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let base = h.baseAddress!, m = n.count
        let c0 = n[k], c1 = n[k + 1]
        let lastCandidate = range.upperBound - m + k  // where the pair stands when the needle ends the range
        @inline(__always) func matches(_ start: Int) -> Bool {
            var j = 0
            while j < m && base[start + j] == n[j] { j += 1 }
            return j == m
        }
        var i = range.lowerBound + k
        let raw = UnsafeRawPointer(base)
        let s0 = SIMD16<UInt8>(repeating: c0), s1 = SIMD16<UInt8>(repeating: c1)
        while i <= lastCandidate && i + 17 <= range.upperBound {
            let pairs = (raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) .== s0)
                .& (raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self) .== s1)
            let lanes = MatchedLanes(pairs)
            if !lanes.isEmpty {
                for lane in lanes {
                    if i + lane > lastCandidate { return nil }
                    if matches(i + lane - k) { return i + lane - k }
                }
            }
            i += 16
        }
        while i <= lastCandidate {
            if base[i] == c0 && base[i + 1] == c1 && matches(i - k) { return i - k }
            i += 1
        }
        return nil
    }

    /// The byte of a needle best searched for (with the byte before it), for a needle searched
    /// often: its last continuation byte that is not one of the sixteen commonest in Chinese copy,
    /// or else its last byte. The last bytes are often a poor choice: `唯一` searched by 一's
    /// bytes stops at every 一. (`find` without an anchor takes the last byte: choosing on every
    /// call costs more than it saves.)
    public static func rareByte(_ needle: [UInt8]) -> Int {
        var k = needle.count - 1
        while k >= 0 {
            let b = needle[k]
            if b & 0xC0 == 0x80 && commonContinuationBytes >> UInt64(b & 0x3F) & 1 == 0 { return k }
            k -= 1
        }
        return max(needle.count - 1, 0)
    }

    /// The sixteen commonest continuation bytes (0x80–0xBF) in Chinese news copy, one bit each
    /// by their low six bits, counted over the seed pages and `../shared/corpus` (131 KB):
    /// 0x80 (一、。“”) first, then 0xBA, 0xB8, 0xBC (the full-width ，：（）), 0x8C, 0xBB, 0x9A,
    /// 0x9C, 0x81, 0xAE, 0x85, 0x9B, 0xB9, 0xBD, 0x91 and 0x88. The rest are each under 1.2 %
    /// of the bytes.
    static let commonContinuationBytes: UInt64 = 0x3F00_4000_1C02_1123

    /// Offset of the first `byte` in `p[range]`, or nil: the C library's vectorised memchr.
    @inline(__always)
    public static func index(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = p.baseAddress, let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Offsets of every occurrence of `needle` in `haystack`, not overlapping, in order: each
    /// found as the loop asks for it, with no array made (rules call this per paragraph).
    /// `anchor` is the byte searched for, with the one before it (see `rareByte`); the last by default.
    public static func offsets(of needle: [UInt8], in haystack: [UInt8], anchor: Int? = nil) -> Offsets {
        Offsets(needle: needle, haystack: haystack, anchor: anchor ?? needle.count - 1)
    }

    public struct Offsets: Sequence, IteratorProtocol {
        let needle: [UInt8]
        let haystack: [UInt8]
        let anchor: Int
        var from = 0

        public mutating func next() -> Int? {
            guard let at = ByteSearch.find(needle, anchor: anchor, in: haystack, from..<haystack.count) else { return nil }
            from = at + needle.count
            return at
        }
    }

    public static func contains(_ needle: [UInt8], in haystack: [UInt8], _ range: Range<Int>) -> Bool {
        find(needle, in: haystack, range) != nil
    }

    /// Whether `haystack[range]` begins with `prefix` (bytes compared, no grapheme rules: a
    /// role word such as `记者` is a prefix of `记者张三` whatever follows it).
    @inline(__always)
    public static func hasPrefix<P: Sequence<UInt8>>(_ prefix: P, _ haystack: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        for b in prefix {
            guard i < range.upperBound, haystack[i] == b else { return false }
            i += 1
        }
        return true
    }

    public static func hasSuffix(_ suffix: [UInt8], _ haystack: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= suffix.count else { return false }
        guard !suffix.isEmpty else { return true }
        return haystack.withUnsafeBufferPointer { h in
            suffix.withUnsafeBufferPointer { s in memcmp(h.baseAddress! + (range.upperBound - s.count), s.baseAddress!, s.count) == 0 }
        }
    }
}

/// The C library's `memmem` (GNU and BSD libc both have it; Swift's Glibc module does not
/// export it without `_GNU_SOURCE`).
@_silgen_name("memmem")
private func cMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
