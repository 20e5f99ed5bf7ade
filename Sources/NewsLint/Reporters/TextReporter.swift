/// The report for people at a terminal: `path:line:column: severity: message [rule]`, the
/// source line (a window of it, for the long lines of unwrapped copy) and a caret line under
/// the span, aligned with Han characters counted two cells wide; then a summary line.
public enum TextReporter {
    public struct Style: Sendable {
        public var color: Bool
        public var lang: Language
        public init(color: Bool, lang: Language) {
            self.color = color
            self.lang = lang
        }
    }

    /// Widest excerpt shown, in terminal cells; longer lines are cut around the span.
    static let window = 76

    public static func report(_ report: LintReport, style: Style) -> String {
        var out = ""
        for file in report.files {
            for d in file.diagnostics {
                out += diagnostic(d, path: file.path, source: file.source, style: style)
            }
        }
        out += summary(report, style: style) + "\n"
        return out
    }

    static func paint(_ s: String, _ code: String, _ on: Bool) -> String {
        on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    static func color(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }

    public static func diagnostic(_ d: Diagnostic, path: String, source: SourceText, style: Style) -> String {
        let c = style.color
        var out = paint("\(path):\(d.start.line):\(d.start.column):", "1", c) + " "
        // The severity keyword stays `error`/`warning`/`note` in every language: editors' tools and
        // CI problem matchers read this line.
        out += paint("\(d.severity.rawValue):", color(d.severity), c) + " "
        out += d.message.text(style.lang) + " " + paint("[\(d.rule)]", "2", c) + "\n"

        let lineIndex = d.start.line - 1
        let lineRange = source.lineRange(lineIndex)
        let spanStart = d.byteRange.lowerBound
        let spanEnd = min(max(d.byteRange.upperBound, spanStart), lineRange.upperBound)
        let (shown, caretOffset, caretWidth) = excerpt(source.bytes, line: lineRange, span: spanStart..<max(spanEnd, spanStart))
        let number = String(d.start.line)
        let gutter = String(repeating: " ", count: number.count)
        out += " \(paint(number, "2", c)) | \(shown)\n"
        let caret = "^" + String(repeating: "~", count: max(0, caretWidth - 1))
        out += " \(gutter) | " + String(repeating: " ", count: caretOffset) + paint(caret, color(d.severity), c) + "\n"
        if let s = d.suggestion {
            out += " \(gutter) = " + (style.lang == .zh ? "建议：" : "suggestion: ") + s + "\n"
        }
        for r in d.related {
            out += " \(gutter) = " + "\(r.path):\(r.position.line):\(r.position.column): " + r.message.text(style.lang) + "\n"
        }
        return out
    }

    /// The part of a line to show, and the caret's offset and width in cells.
    static func excerpt(_ bytes: [UInt8], line: Range<Int>, span: Range<Int>) -> (String, Int, Int) {
        // Widths of the parts before, inside and after the span.
        let start = max(line.lowerBound, min(span.lowerBound, line.upperBound))
        var end = max(start, min(span.upperBound, line.upperBound))
        // A span wider than the window is shown from its start; the caret runs to the window's edge.
        if DisplayWidth.of(bytes, start..<end) > window - 16 {
            var w = 0, k = start
            while k < end {
                let (v, len) = UTF8Scan.decode(bytes, at: k)
                if w + DisplayWidth.of(v) > window - 16 { break }
                w += DisplayWidth.of(v)
                k += len
            }
            end = k
        }
        let spanWidth = max(1, DisplayWidth.of(bytes, start..<end))
        var from = line.lowerBound
        var to = line.upperBound
        let total = DisplayWidth.of(bytes, line)
        var prefix = "", suffix = ""
        if total > window {
            let context = max(8, (window - spanWidth) / 2)
            // Move `from` forward until at most `context` cells stand before the span.
            var before = DisplayWidth.of(bytes, from..<start)
            while before > context && from < start {
                let (v, len) = UTF8Scan.decode(bytes, at: from)
                before -= DisplayWidth.of(v)
                from += len
            }
            var after = DisplayWidth.of(bytes, end..<to)
            let allowedAfter = max(context, window - spanWidth - before)
            while after > allowedAfter && to > end {
                let s = UTF8Scan.previousScalarStart(bytes, before: to)
                after -= DisplayWidth.of(UTF8Scan.decode(bytes, at: s).0)
                to = s
            }
            if from > line.lowerBound { prefix = "…" }
            if to < line.upperBound { suffix = "…" }
        }
        let text = prefix + String(decoding: bytes[from..<to], as: UTF8.self).replacingTabs + suffix
        let offset = DisplayWidth.of(prefix) + DisplayWidth.of(bytes, from..<start)
        return (text, offset, spanWidth)
    }

    public static func summary(_ report: LintReport, style: Style) -> String {
        let e = report.count(.error), w = report.count(.warning), n = report.count(.note)
        var line: String
        switch style.lang {
        case .zh:
            line = "检查 \(report.files.count) 个文件，共 \(report.characters) 字：错误 \(e) 处，警告 \(w) 处，提示 \(n) 处"
            if !report.inputErrors.isEmpty { line += "；\(report.inputErrors.count) 个路径无法读取" }
        case .en:
            line = "\(report.files.count) \(report.files.count == 1 ? "file" : "files"), \(report.characters) characters: "
                + "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings"), \(n) \(n == 1 ? "note" : "notes")"
            if !report.inputErrors.isEmpty { line += "; \(report.inputErrors.count) \(report.inputErrors.count == 1 ? "path" : "paths") could not be read" }
        }
        return paint(line, "1", style.color)
    }
}

extension String {
    /// Tabs become one space so that caret columns stay aligned.
    var replacingTabs: String {
        contains("\t") ? String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 })) : self
    }
}
