import Foundation

/// Applies the suggestions rules mark as safe (`Finding.fixIsSafe`): bracket width and spacing
/// in a byline, 「」 → “”, a caption's missing full stop. Only single-line spans are replaced, so
/// line ends and line numbers stay as they were; overlapping fixes keep the first.
public enum Fixer {
    /// The file's text with its safe fixes applied, and the findings that were fixed.
    public static func apply(_ file: FileReport) -> (text: [UInt8], applied: [Diagnostic]) {
        // Within one line of the text (a Word paragraph's soft break is a line too).
        let source = file.source
        var candidates = file.diagnostics.filter {
            $0.fixIsSafe && $0.suggestion != nil
                && source.lineIndex(containing: $0.byteRange.lowerBound) == source.lineIndex(containing: $0.byteRange.upperBound)
        }
        candidates.sort { $0.byteRange.lowerBound < $1.byteRange.lowerBound }
        var chosen: [Diagnostic] = []
        var end = 0
        for d in candidates where d.byteRange.lowerBound >= end {
            chosen.append(d)
            end = d.byteRange.upperBound
        }
        return (text(file.source.bytes, applying: chosen), chosen)
    }

    /// `bytes` with the suggestions of `fixes` (in order, not overlapping) in place of their spans.
    public static func text(_ bytes: [UInt8], applying fixes: [Diagnostic]) -> [UInt8] {
        var text = bytes
        for d in fixes.reversed() { text.replaceSubrange(d.byteRange, with: Array(d.suggestion!.utf8)) }
        return text
    }

    /// The text in the file's own encoding, BOM included where it had one.
    public static func encode(_ utf8: [UInt8], as encoding: SourceEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8: return utf8
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .utf16LE, .utf16BE:
            var out: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in String(decoding: utf8, as: UTF8.self).utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                out += encoding == .utf16LE ? pair : pair.reversed()
            }
            return out
        case .gb18030:
            return String(decoding: utf8, as: UTF8.self).data(using: TextDecoder.gb18030).map(Array.init)
        case .docx:
            return nil  // fixed as tracked changes (`WordReview`), never as text
        }
    }

    /// A unified diff of two versions of a file that have the same lines, one hunk per changed line.
    /// For a Word document a hunk names the paragraph, as its findings do (`@@ 段12 @@`).
    public static func unifiedDiff(path: String, old: SourceText, new: SourceText, lang: Language = .zh) -> String {
        guard old.lineCount == new.lineCount else { return "" }
        var out = ""
        for i in 0..<old.lineCount {
            let a = old.lineString(i), b = new.lineString(i)
            guard a != b else { continue }
            if out.isEmpty { out = "--- a/\(path)\n+++ b/\(path)\n" }
            if old.unit == .paragraph {
                let p = old.position(of: old.lineRange(i).lowerBound).line
                out += "@@ \(lang == .zh ? "段" : "¶")\(p) @@\n-\(a)\n+\(b)\n"
            } else {
                out += "@@ -\(i + 1),1 +\(i + 1),1 @@\n-\(a)\n+\(b)\n"
            }
        }
        return out
    }
}
