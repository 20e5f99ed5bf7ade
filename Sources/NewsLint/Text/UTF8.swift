#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level UTF-8 helpers. The hot paths of newslint walk UTF-8 bytes and decode
/// scalars by hand: iterating `Character`s is an order of magnitude slower.
public enum UTF8Scan {
    /// True for a byte that starts a scalar (not a continuation byte 10xxxxxx).
    @inline(__always)
    public static func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// Length of the scalar whose lead byte is `byte` (1 for invalid lead bytes).
    @inline(__always)
    public static func sequenceLength(_ byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte >= 0xF0 { return 4 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC0 { return 2 }
        return 1
    }

    /// Whether two strings hold the same UTF-8 bytes, compared in their own storage. `==` on two
    /// different Han strings checks canonical equivalence (hundreds of instructions), and
    /// `elementsEqual` over their UTF-8 views is generic code of about as many.
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    /// Whether `byte` leads a scalar of U+4000–U+9FFF: CJK ideographs only, never a mark, digit or
    /// space. Scanners looking for those step over such a scalar's three bytes without decoding it.
    @inline(__always)
    public static func leadsIdeograph(_ byte: UInt8) -> Bool { byte >= 0xE4 && byte <= 0xE9 }

    /// Decodes the scalar starting at `offset` of well-formed UTF-8 `bytes`.
    /// Returns the scalar value and its length in bytes.
    @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let count = bytes.count
        if b0 >= 0xF0, offset + 3 < count {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[offset + 1] & 0x3F) << 12)
                | (UInt32(bytes[offset + 2] & 0x3F) << 6) | UInt32(bytes[offset + 3] & 0x3F)
            return (v, 4)
        }
        if b0 >= 0xE0, offset + 2 < count {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[offset + 1] & 0x3F) << 6)
                | UInt32(bytes[offset + 2] & 0x3F)
            return (v, 3)
        }
        if b0 >= 0xC0, offset + 1 < count {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[offset + 1] & 0x3F), 2)
        }
        return (0xFFFD, 1)
    }

    /// Decodes the scalar at `offset` of an array of well-formed UTF-8.
    @inline(__always)
    public static func decode(_ bytes: [UInt8], at offset: Int) -> (UInt32, Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: offset) }
    }

    /// Offset of the start of the scalar that ends just before `offset`.
    @inline(__always)
    public static func previousScalarStart(_ bytes: [UInt8], before offset: Int) -> Int {
        var i = offset - 1
        while i > 0 && !isScalarStart(bytes[i]) { i -= 1 }
        return i
    }

    /// Offset of the start of the scalar that ends just before `offset`, in a buffer.
    @inline(__always)
    public static func previousScalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        var i = offset - 1
        while i > 0 && !isScalarStart(bytes[i]) { i -= 1 }
        return i
    }

    /// The scalar that ends just before `offset`; 0 at the start of the text.
    @inline(__always)
    public static func scalar(before offset: Int, in bytes: [UInt8]) -> UInt32 {
        offset > 0 ? decode(bytes, at: previousScalarStart(bytes, before: offset)).0 : 0
    }

    /// The offset `count` scalars before `offset`, stopping at `limit`.
    public static func offset(_ bytes: [UInt8], scalars count: Int, before offset: Int, limit: Int = 0) -> Int {
        var i = offset
        for _ in 0..<count where i > limit { i = previousScalarStart(bytes, before: i) }
        return i
    }

    /// The offset `count` scalars after `offset`, stopping at `limit` (the end by default).
    public static func offset(_ bytes: [UInt8], scalars count: Int, after offset: Int, limit: Int? = nil) -> Int {
        let end = limit ?? bytes.count
        var i = offset
        for _ in 0..<count where i < end { i += sequenceLength(bytes[i]) }
        return i
    }

    /// Whether a byte is an ASCII digit 0–9.
    @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Number of scalars in `bytes[range]`.
    public static func scalarCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var n = 0
        bytes.withUnsafeBufferPointer { p in
            for i in range where isScalarStart(p[i]) { n += 1 }
        }
        return n
    }

    /// The scalar values of UTF-8 text.
    public static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count / 2)
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (v, len) = decode(p, at: i)
                out.append(v)
                i += len
            }
        }
        return out
    }

    /// The parts of `bytes[range]` between scalars that `isSeparator` accepts, empty parts left out.
    public static func tokens(_ bytes: [UInt8], _ range: Range<Int>, separatedBy isSeparator: (UInt32) -> Bool) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var start = range.lowerBound, i = start
        while i < range.upperBound {
            let (v, len) = decode(bytes, at: i)
            if isSeparator(v) {
                if i > start { tokens.append(start..<i) }
                start = i + len
            }
            i += len
        }
        if range.upperBound > start { tokens.append(start..<range.upperBound) }
        return tokens
    }

    /// `range` without the white space (`Scalar.isSpace`) at its ends; empty, at its end, when
    /// it holds only white space.
    public static func trimmingSpaces(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let (v, len) = decode(bytes, at: lo)
            guard Scalar.isSpace(v) else { break }
            lo += len
        }
        while hi > lo {
            let s = previousScalarStart(bytes, before: hi)
            guard Scalar.isSpace(decode(bytes, at: s).0) else { break }
            hi = s
        }
        return lo..<hi
    }

    /// Offset of the first NUL byte (the mark of a binary file), or nil.
    public static func firstZero(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { ByteSearch.index(of: 0, in: $0, 0..<$0.count) }
    }

    /// Returns nil when `bytes` is well-formed UTF-8, or the offset of the first bad byte.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        validate(bytes).invalidAt
    }

    /// The characters an editor counts in well-formed UTF-8: scalars that are not white space
    /// (ASCII white space, line ends included, and the wide spaces of `Scalar.isSpace`).
    public static func characterCount(_ bytes: [UInt8]) -> Int {
        validate(bytes).characters
    }

    /// Checks that `bytes` is well-formed UTF-8 and, in the same pass, counts its characters as
    /// `characterCount` does: reading a file takes one pass over it, not two. `invalidAt` is the
    /// offset of the first bad byte (the count is then of the part before it).
    public static func validate(_ bytes: [UInt8]) -> (invalidAt: Int?, characters: Int) {
        bytes.withUnsafeBufferPointer { p -> (Int?, Int) in
            let n = p.count
            var i = 0
            var characters = 0
            guard let base = p.baseAddress else { return (nil, 0) }
            let raw = UnsafeRawPointer(base)
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    // ASCII: eight bytes at a time while none has its high bit set.
                    characters += isASCIISpace(b) ? 0 : 1
                    i += 1
                    while i + 8 <= n {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 { break }
                        characters += 8 - asciiSpaces(word)
                        i += 8
                    }
                    continue
                }
                // Ideographs, most of the copy, first: a lead byte E4–E9 rules out overlong forms and
                // surrogates, and an ideograph is never white space, so only the two continuation
                // bytes are checked, in one load.
                if leadsIdeograph(b) {
                    guard i + 2 < n, raw.loadUnaligned(fromByteOffset: i + 1, as: UInt16.self) & 0xC0C0 == 0x8080 else { return (i, characters) }
                    characters += 1
                    i += 3
                    continue
                }
                // Other three-byte scalars whose lead byte rules out overlong forms and surrogates (CJK
                // punctuation, the ideographic space): the continuation bytes, then the white-space test.
                if (b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF {
                    guard i + 2 < n, raw.loadUnaligned(fromByteOffset: i + 1, as: UInt16.self) & 0xC0C0 == 0x8080 else { return (i, characters) }
                    let v = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    characters += Scalar.isSpace(v) ? 0 : 1
                    i += 3
                    continue
                }
                let len: Int
                let minValue: UInt32
                var v: UInt32
                if b >= 0xC2 && b <= 0xDF { len = 2; v = UInt32(b & 0x1F); minValue = 0x80 }
                else if b >= 0xE0 && b <= 0xEF { len = 3; v = UInt32(b & 0x0F); minValue = 0x800 }
                else if b >= 0xF0 && b <= 0xF4 { len = 4; v = UInt32(b & 0x07); minValue = 0x10000 }
                else { return (i, characters) }
                if i + len > n { return (i, characters) }
                for k in 1..<len {
                    let c = p[i + k]
                    if c & 0xC0 != 0x80 { return (i, characters) }
                    v = (v << 6) | UInt32(c & 0x3F)
                }
                if v < minValue || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return (i, characters) }
                characters += Scalar.isSpace(v) ? 0 : 1
                i += len
            }
            return (nil, characters)
        }
    }

    /// ASCII white space as characters are counted: space, tab, line feed, carriage return.
    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// How many of the eight ASCII bytes in `word` are `isASCIISpace`: each byte compared at once
    /// (a byte equal to the target becomes zero; the zero test sets its high bit, without carries
    /// between bytes).
    @inline(__always)
    static func asciiSpaces(_ word: UInt64) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeros(_ y: UInt64) -> UInt64 { ~(((y & low7) &+ low7) | y | low7) }
        let hits = zeros(word ^ 0x2020_2020_2020_2020) | zeros(word ^ 0x0909_0909_0909_0909)
            | zeros(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        return hits.nonzeroBitCount
    }

    /// Appends the UTF-8 encoding of `scalar` to `out`.
    @inline(__always)
    public static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The UTF-8 bytes of a string, for building byte patterns once.
    public static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
}

/// Classification of Unicode scalars that the layout and rules need.
public enum Scalar {
    @inline(__always)
    public static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FA1F)
            || (v >= 0xF900 && v <= 0xFAFF) || v == 0x3007
    }

    /// Horizontal white space, including the ideographic space and no-break space.
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x2002 || v == 0x2003 || v == 0x2009
            || v == 0xFEFF
    }

    /// Marks that end a sentence: 。！？ and their ASCII forms, and the ellipsis.
    @inline(__always)
    public static func isSentenceEnd(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x2026 || v == 0x21 || v == 0x3F || v == 0xFF61
    }

    /// Closing quotes and brackets that may follow a sentence end: ”’）》」』】〕 and ASCII ) " '.
    @inline(__always)
    public static func isClosingMark(_ v: UInt32) -> Bool {
        v == 0x201D || v == 0x2019 || v == 0xFF09 || v == 0x300B || v == 0x300D || v == 0x300F
            || v == 0x3011 || v == 0x3015 || v == 0x29 || v == 0x22 || v == 0x27
    }

    /// The family of a paired mark (opener and closer share it) and whether it opens;
    /// `(` and `（` close with either width (width is punctuation-width's concern).
    @inline(__always)
    public static func pairing(_ v: UInt32) -> (family: UInt8, opens: Bool)? {
        switch v {
        case 0x201C: return (1, true)
        case 0x201D: return (1, false)
        case 0x2018: return (2, true)
        case 0x2019: return (2, false)
        case 0xFF08, 0x28: return (3, true)
        case 0xFF09, 0x29: return (3, false)
        case 0x300A: return (4, true)
        case 0x300B: return (4, false)
        case 0x3008: return (5, true)
        case 0x3009: return (5, false)
        case 0x3010: return (6, true)
        case 0x3011: return (6, false)
        case 0x3014: return (7, true)
        case 0x3015: return (7, false)
        case 0x300C: return (8, true)
        case 0x300D: return (8, false)
        case 0x300E: return (9, true)
        case 0x300F: return (9, false)
        default: return nil
        }
    }

    /// Whether every quotation mark and bracket in `text` closes, in order: a self-contained text.
    public static func isBalanced(_ text: String) -> Bool {
        isBalanced(text.unicodeScalars.map(\.value))
    }

    public static func isBalanced(_ scalars: [UInt32]) -> Bool {
        var stack: [UInt8] = []
        for v in scalars {
            guard let (family, opens) = pairing(v) else { continue }
            if opens { stack.append(family) } else if stack.last == family { stack.removeLast() } else { return false }
        }
        return stack.isEmpty
    }

    @inline(__always)
    public static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    public static func isASCIILetter(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
}

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

/// A set of scalars tested per character in hot loops: a bitmap for the Basic Multilingual
/// Plane (no hashing), a Set for the rest.
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []
    /// The last bytes of the members' encodings beyond ASCII: continuation bytes, 64 values, one
    /// bit each.
    private var lastBytes: UInt64 = 0

    public init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        for v in scalars { insert(v) }
    }

    public init(_ string: String) {
        self.init(string.unicodeScalars.map(\.value))
    }

    public mutating func insert(_ v: UInt32) {
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
        if v >= 0x80 { lastBytes |= 1 << UInt64(v & 0x3F) }
    }

    /// The first member in `text[from...]` (`from` a scalar start): where it starts, where it ends,
    /// and its value. Scalars are stepped over by their lead bytes, and one is decoded only when its
    /// last byte is the last byte of some member: in Chinese text that is a continuation byte,
    /// one of 64, so for a set of a few characters most scalars are passed without decoding.
    @inline(__always)
    public func next(in text: UnsafeBufferPointer<UInt8>, from: Int) -> (start: Int, end: Int, scalar: UInt32)? {
        let n = text.count
        var i = from
        while i < n {
            let b = text[i]
            let end: Int
            if b &- 0xE0 < 0x10 {  // three bytes: Han characters and CJK punctuation, tested first
                end = i &+ 3
            } else if b < 0x80 {
                i &+= 1
                if contains(UInt32(b)) { return (i &- 1, i, UInt32(b)) }
                continue
            } else {
                end = i &+ (b < 0xE0 ? 2 : 4)
            }
            guard end <= n else { return nil }
            if lastBytes >> UInt64(text[end - 1] & 0x3F) & 1 != 0 {
                let v = UTF8Scan.decode(text, at: i).0
                if contains(v) { return (i, end, v) }
            }
            i = end
        }
        return nil
    }

    @inline(__always)
    public func contains(_ v: UInt32) -> Bool {
        v < 0x10000 ? bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : astral.contains(v)
    }

    @inline(__always)
    public func contains(_ u: Unicode.Scalar) -> Bool { contains(u.value) }
}

/// The C library's `memmem` (GNU and BSD libc both have it; Swift's Glibc module does not
/// export it without `_GNU_SOURCE`).
@_silgen_name("memmem")
private func cMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
