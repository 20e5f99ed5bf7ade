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

    /// Marks that end a clause or a sentence: ，、；： and their ASCII forms, and the sentence ends.
    @inline(__always)
    public static func isClauseBreak(_ v: UInt32) -> Bool {
        isSentenceEnd(v) || v == 0xFF0C || v == 0x3001 || v == 0xFF1B || v == 0xFF1A || v == 0x2C || v == 0x3B || v == 0x3A
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

    /// The text of `scalars` (values that are no scalar are left out).
    public static func string(_ scalars: some Sequence<UInt32>) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }
}

/// A character named by itself, not by its code point: `ch("、")`, `ch("占")`. Rules compare
/// scalars with these; the value is a constant once inlined.
@inline(__always)
public func ch(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }
