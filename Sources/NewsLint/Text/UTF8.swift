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

    static let fullWidthBrackets = (bytes("（"), bytes("）"))

    /// Where the inside of a text written wholly in brackets, `（…）` or `(…)`, lies in its bytes.
    public static func insideBrackets(_ text: [UInt8]) -> Range<Int>? {
        let (open, close) = fullWidthBrackets
        if text.count >= open.count + close.count && text.starts(with: open) && ByteSearch.hasSuffix(close, text, 0..<text.count) {
            return open.count..<(text.count - close.count)
        }
        if text.count >= 2 && text.first == UInt8(ascii: "(") && text.last == UInt8(ascii: ")") {
            return 1..<(text.count - 1)
        }
        return nil
    }

    /// The clause around `range` in `text`: out to the nearest clause or sentence mark on each
    /// side (`Scalar.isClauseBreak`), at most `reach` bytes from the start of `range`.
    public static func clause(around range: Range<Int>, in text: [UInt8], reach: Int) -> Range<Int> {
        var from = range.lowerBound
        while from > 0, range.lowerBound - from < reach {
            let s = previousScalarStart(text, before: from)
            if Scalar.isClauseBreak(decode(text, at: s).0) { break }
            from = s
        }
        var to = range.upperBound
        while to < text.count, to - range.lowerBound < reach {
            let (v, len) = decode(text, at: to)
            if Scalar.isClauseBreak(v) { break }
            to += len
        }
        return from..<to
    }
}
