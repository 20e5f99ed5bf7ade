/// Terminal cell width of text: East Asian wide and full-width characters take two cells.
/// Ambiguous-width marks (“”‘’…—) count one cell, as wcwidth does.
/// Used for caret lines under source excerpts and for judging hard-wrapped line lengths.
public enum DisplayWidth {
    @inline(__always)
    public static func of(_ v: UInt32) -> Int {
        if v < 0x1100 { return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1 }
        if (v >= 0x0300 && v <= 0x036F) || v == 0x200B || v == 0x200D || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD) {
            return 2
        }
        return 1
    }

    /// Cell width of `bytes[range]` (well-formed UTF-8). With `typeset`, quotes, dashes and
    /// ellipses that take a full slot in Chinese typesetting count two: the measure used to judge
    /// hard-wrapped line lengths.
    public static func of(_ bytes: [UInt8], _ range: Range<Int>, typeset: Bool = false) -> Int {
        var w = 0
        bytes.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            while i < range.upperBound {
                let lead = p[i]
                if lead < 0x80 {  // ASCII
                    w += lead < 0x20 || lead == 0x7F ? 0 : 1
                    i += 1
                    continue
                }
                if lead &- 0xE5 < 5 {
                    // U+5000–U+9FFF: Han, two cells
                    w += 2
                    i += 3
                    continue
                }
                if i + 2 < range.upperBound {
                    let b1 = p[i + 1]
                    if (lead == 0xE4 && b1 != 0xB7)  // U+4000–U+4FFF but the hexagrams U+4DC0–U+4DFF
                        || (lead == 0xE3 && (b1 > 0x81 || (b1 == 0x80 ? p[i + 2] != 0xBF : p[i + 2] != 0x80)))  // U+3000–U+3FFF but U+303F, U+3040
                        || (lead == 0xEF && (b1 == 0xBC || (b1 == 0xBD && p[i + 2] <= 0xA0))) {  // U+FF00–U+FF60: ，：（）！？
                        w += 2
                        i += 3
                        continue
                    }
                }
                let (v, len) = UTF8Scan.decode(p, at: i)
                w += typeset && v >= 0x2014 && v <= 0x2026 ? 2 : of(v)
                i += len
            }
        }
        return w
    }

    public static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + of($1.value) }
    }
}
