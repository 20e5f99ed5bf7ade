/// The JSON report, schema version 1 (see docs/json-format.md). Editors' tools and CI parse
/// it: fields keep their meaning; new fields may be added.
public enum JSONReporter {
    public static let schemaVersion = 1

    public static func report(_ report: LintReport, lang: Language) -> String {
        String(decoding: reportPieces(report, lang: lang).joined(), as: UTF8.self)
    }

    /// The report as pieces of UTF-8 to write out one after another: one for each file and the
    /// parts between. A year of editions makes a report of a hundred megabytes, which is then
    /// neither joined nor copied.
    public static func reportPieces(_ report: LintReport, lang: Language) -> [[UInt8]] {
        var summary: [(key: String, value: JSONValue)] = [
            ("files", .number(Double(report.files.count))),
            ("characters", .number(Double(report.characters))),
            ("errors", .number(Double(report.count(.error)))),
            ("warnings", .number(Double(report.count(.warning)))),
            ("notes", .number(Double(report.count(.note)))),
        ]
        summary.append(("inputErrors", .number(Double(report.inputErrors.count))))
        // 编校差错率: error-severity findings per 10,000 characters (the standard allows 3).
        summary.append(("errorRate", .number(report.errorRate)))
        // Each file's object is written apart, on all cores, at the depth it has in the report; the
        // pieces follow in order (the bytes are those of writing the whole tree at once).
        let files = Parallel.map(Array(report.files.indices)) { k -> [UInt8] in
            let file = report.files[k]
            return JSONWriter.item(k, .object([
                ("path", .string(file.path)),
                ("characters", .number(Double(file.characters))),
                ("encoding", .string(file.encoding.rawValue)),
                ("errorRate", .number(file.errorRate)),
                ("diagnostics", .array(file.diagnostics.map { diagnostic($0, lang: lang) })),
            ]), reserving: 256 + 640 * file.diagnostics.count)
        }
        return JSONWriter.document([
            ("schemaVersion", .value(.number(Double(schemaVersion)))),
            ("tool", .value(.object([("name", .string(Version.name)), ("version", .string(Version.current))]))),
            ("summary", .value(.object(summary))),
            ("files", .items(files)),
            ("inputErrors", .value(.array(report.inputErrors.map {
                .object([("path", .string($0.path)), ("message", .string($0.message.text(lang)))])
            }))),
        ])
    }

    static func diagnostic(_ d: Diagnostic, lang: Language) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("rule", .string(d.rule)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message.text(lang))),
            ("line", .number(Double(d.start.line))),
            ("column", .number(Double(d.start.column))),
            ("endLine", .number(Double(d.end.line))),
            ("endColumn", .number(Double(d.end.column))),
            ("excerpt", .string(d.excerpt)),
        ]
        if let s = d.suggestion { members.append(("suggestion", .string(s))) }
        if !d.related.isEmpty {
            members.append(("related", .array(d.related.map {
                .object([("path", .string($0.path)), ("line", .number(Double($0.position.line))),
                         ("column", .number(Double($0.position.column))), ("message", .string($0.message.text(lang)))])
            })))
        }
        return .object(members)
    }
}

public enum Version {
    public static let name = "newslint"
    public static let current = "0.1.0"
}
