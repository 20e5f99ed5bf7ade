/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,
/// title=RULE::message` line per finding, so that findings show on the pull request.
public enum GitHubReporter {
    public static func report(_ report: LintReport, lang: Language) -> String {
        String(decoding: reportPieces(report, lang: lang).joined(), as: UTF8.self)
    }

    /// The commands as pieces of UTF-8 to write one after another: the input errors, then one
    /// piece a file. A year of editions makes 16 MB of commands, which are then neither joined
    /// into one string nor copied.
    public static func reportPieces(_ report: LintReport, lang: Language) -> [[UInt8]] {
        var errors = ""
        for e in report.inputErrors {
            errors += "::error file=\(property(e.path)),title=newslint::\(data(e.message.text(lang)))\n"
        }
        return [Array(errors.utf8)] + report.files.map { file in
            var out = ""
            let path = property(file.path)
            for d in file.diagnostics {
                let command = d.severity == .note ? "notice" : d.severity.rawValue
                var message = d.message.text(lang)
                if let s = d.suggestion { message += (lang == .zh ? "（建议：" : " (suggestion: ") + s + (lang == .zh ? "）" : ")") }
                out += "::\(command) file=\(path),line=\(d.start.line),col=\(d.start.column),"
                    + "endLine=\(d.end.line),endColumn=\(d.end.column),title=\(property(d.rule))::\(data(message))\n"
            }
            return Array(out.utf8)
        }
    }

    /// Escaping of a command's message: %, CR and LF; other control characters (an ESC from a
    /// file) are written visibly, so that they cannot act on the log viewer.
    static func data(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if Quoted.isControl(u.value) { out += Quoted.escapingControls(String(u)) } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Escaping of a property value: as `data`, and `:` and `,`.
    static func property(_ s: String) -> String {
        data(s).replacingColonsAndCommas
    }
}

extension String {
    var replacingColonsAndCommas: String {
        var out = ""
        for u in unicodeScalars {
            switch u {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
