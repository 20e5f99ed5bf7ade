import Foundation

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
        // File names and text from files are shown with their control characters escaped: an ESC
        // from a file must not reach the terminal, and a newline in a name must not split the line.
        let path = Quoted.escapingControls(path)
        var out = paint("\(path):\(place(d.start, source.unit, style.lang)):", "1", c) + " "
        // The severity keyword stays `error`/`warning`/`note` in every language: editors' tools and
        // CI problem matchers read this line.
        out += paint("\(d.severity.rawValue):", color(d.severity), c) + " "
        out += Quoted.escapingControls(d.message.text(style.lang)) + " " + paint("[\(d.rule)]", "2", c) + "\n"

        let lineIndex = source.lineIndex(containing: d.byteRange.lowerBound)
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
            out += " \(gutter) = " + (style.lang == .zh ? "建议：" : "suggestion: ") + Quoted.escapingControls(s) + "\n"
        }
        for r in d.related {
            out += " \(gutter) = " + "\(Quoted.escapingControls(r.path)):\(place(r.position, r.unit, style.lang)): " + Quoted.escapingControls(r.message.text(style.lang)) + "\n"
        }
        return out
    }

    /// `line:column`, or for a Word document `段paragraph:column` (`¶` in English): the
    /// paragraph is not a line of any file an editor could open in a text editor.
    public static func place(_ p: SourcePosition, _ unit: PositionUnit, _ lang: Language) -> String {
        unit == .line ? "\(p.line):\(p.column)" : (lang == .zh ? "段" : "¶") + "\(p.line):\(p.column)"
    }

    /// The part of a line to show, and the caret's offset and width in cells.
    static func excerpt(_ bytes: [UInt8], line: Range<Int>, span: Range<Int>) -> (String, Int, Int) {
        // Widths of the parts before, inside and after the span.
        let start = max(line.lowerBound, min(span.lowerBound, line.upperBound))
        var end = max(start, min(span.upperBound, line.upperBound))
        // A span wider than the window is shown from its start; the caret runs to the window's edge.
        end = walkForward(bytes, from: start, ceiling: end, cells: window - 16).0
        let spanWidth = max(1, DisplayWidth.of(bytes, start..<end))
        // Only the cells near the span are measured: a line of unwrapped copy can be megabytes
        // long and hold thousands of findings.
        var (from, before) = walkBack(bytes, from: start, floor: line.lowerBound, cells: window + 1)
        let (lineEnd, after) = walkForward(bytes, from: end, ceiling: line.upperBound, cells: window + 1)
        var to = lineEnd
        var prefix = "", suffix = ""
        if from > line.lowerBound || to < line.upperBound || before + spanWidth + after > window {
            let context = max(8, (window - spanWidth) / 2)
            (from, before) = walkBack(bytes, from: start, floor: line.lowerBound, cells: context)
            to = walkForward(bytes, from: end, ceiling: line.upperBound, cells: max(context, window - spanWidth - before)).0
            if from > line.lowerBound { prefix = "…" }
            if to < line.upperBound { suffix = "…" }
        }
        func shown(_ range: Range<Int>) -> String { Quoted.escapingControls(String(decoding: bytes[range], as: UTF8.self).replacingTabs) }
        let lead = prefix + shown(from..<start), inside = shown(start..<end)
        return (lead + inside + shown(end..<to) + suffix, DisplayWidth.of(lead), max(1, DisplayWidth.of(inside)))
    }

    /// Steps back from `offset` over whole scalars while at most `cells` cells lie between; the
    /// start reached and the cells passed.
    static func walkBack(_ bytes: [UInt8], from offset: Int, floor: Int, cells: Int) -> (Int, Int) {
        var k = offset, w = 0
        while k > floor {
            let s = UTF8Scan.previousScalarStart(bytes, before: k)
            let cw = DisplayWidth.of(UTF8Scan.decode(bytes, at: s).0)
            if w + cw > cells { break }
            w += cw
            k = s
        }
        return (k, w)
    }

    /// Steps forward from `offset` over whole scalars while at most `cells` cells lie between.
    static func walkForward(_ bytes: [UInt8], from offset: Int, ceiling: Int, cells: Int) -> (Int, Int) {
        var k = offset, w = 0
        while k < ceiling {
            let (v, len) = UTF8Scan.decode(bytes, at: k)
            let cw = DisplayWidth.of(v)
            if w + cw > cells { break }
            w += cw
            k += len
        }
        return (k, w)
    }

    public static func summary(_ report: LintReport, style: Style) -> String {
        let e = report.count(.error), w = report.count(.warning), n = report.count(.note)
        // 计错: the inspectors' count (Rules/error-rate.json), to two decimals.
        let rate = String(format: "%.2f", ErrorRateMethod.rate(report.weightedErrors, report.characters))
        var line: String
        switch style.lang {
        case .zh:
            line = "检查 \(report.files.count) 个文件，共 \(report.characters) 字：错误 \(e) 处，警告 \(w) 处，提示 \(n) 处"
            if report.characters > 0 { line += "；计错差错率 万分之\(rate)" }
            if !report.inputErrors.isEmpty { line += "；\(report.inputErrors.count) 个路径无法读取" }
        case .en:
            line = "\(report.files.count) \(report.files.count == 1 ? "file" : "files"), \(report.characters) characters: "
                + "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings"), \(n) \(n == 1 ? "note" : "notes")"
            if report.characters > 0 { line += "; weighted error rate \(rate) per 10,000" }
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
