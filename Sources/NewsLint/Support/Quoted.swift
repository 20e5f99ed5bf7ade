/// Input as it is shown back to people: in messages (cut, so that a 200 MB key is not
/// echoed whole) and at a terminal (control characters escaped, so that a file's bytes or a
/// file name cannot move the cursor, change colours or split a `path:line:column` line).
public enum Quoted {
    /// The longest piece of input a message quotes, in scalars.
    public static let limit = 80

    /// `text`, or its first `limit` scalars and an ellipsis.
    public static func cut(_ text: String, limit: Int = limit) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
    }

    /// Whether a scalar would act on a terminal rather than show: C0 controls but tab, DEL,
    /// C1 controls, and the line and paragraph separators.
    public static func isControl(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09) || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029
    }

    /// `text` with every control scalar written as `\n`, `\r`, `\e` or `\u{…}`: text from
    /// files and file names, before it reaches a terminal or a line-based format.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            guard isControl(s.value) else { out.unicodeScalars.append(s); continue }
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            default: out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }
}
