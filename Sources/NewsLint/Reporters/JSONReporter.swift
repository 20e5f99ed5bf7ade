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
        // 计错: the weighted count and rate of the inspectors' method (`Rules/error-rate.json`).
        let editions = report.editions
        let weighted = editions.reduce(0) { $0 + $1.weighted }
        summary.append(("weightedErrors", .number(rounded(weighted))))
        summary.append(("weightedErrorRate", .number(ErrorRateMethod.rate(weighted, report.characters))))
        // Each file's object is written apart, on all cores, at the depth it has in the report; the
        // pieces follow in order (the bytes are those of writing the whole tree at once).
        let files = Parallel.map(Array(report.files.indices)) { k in
            fileItem(k, report.files[k], weighted: report.weightedErrors(report.files[k]), lang: lang)
        }
        return JSONWriter.document([
            ("schemaVersion", .value(.number(Double(schemaVersion)))),
            ("tool", .value(.object([("name", .string(Version.name)), ("version", .string(Version.current))]))),
            ("summary", .value(.object(summary))),
            ("editions", .value(.array(editions.map { e in
                .object([("path", .string(e.folder)), ("files", .number(Double(e.files.count))), ("characters", .number(Double(e.characters))),
                         ("errors", .number(Double(e.errors))), ("errorRate", .number(LintReport.errorRate(e.errors, e.characters))),
                         ("weightedErrors", .number(rounded(e.weighted))), ("weightedErrorRate", .number(ErrorRateMethod.rate(e.weighted, e.characters)))])
            }))),
            ("files", .items(files)),
            ("inputErrors", .value(.array(report.inputErrors.map {
                .object([("path", .string($0.path)), ("message", .string($0.message.text(lang)))])
            }))),
        ])
    }

    /// The `k`th item of the report's `files` array. Files hold nearly all of a report (a
    /// hundred megabytes for a year of editions), so they are written straight to bytes with
    /// `JSONWriter.ObjectWriter`, with no tree made, for the tree
    /// `{"path", "characters", "encoding", "unit", "errorRate", "weightedErrors", "weightedErrorRate", "diagnostics": [{"rule", "severity",
    /// "message", "line", "column", "endLine", "endColumn", "excerpt", "suggestion"?,
    /// "related"?: [{"path", "line", "column", "message"}]}]}`.
    static func fileItem(_ k: Int, _ file: FileReport, weighted: Double, lang: Language) -> [UInt8] {
        JSONWriter.item(k, reserving: 256 + 640 * file.diagnostics.count) { out in
            var object = JSONWriter.ObjectWriter(indent: 2, into: &out)
            object.string("path", file.path, into: &out)
            object.number("characters", Double(file.characters), into: &out)
            object.string("encoding", file.encoding.rawValue, into: &out)
            // What `line` counts: a text file's lines, or a Word document's paragraphs.
            object.string("unit", file.source.unit.rawValue, into: &out)
            object.number("errorRate", file.errorRate, into: &out)
            object.number("weightedErrors", rounded(weighted), into: &out)
            object.number("weightedErrorRate", ErrorRateMethod.rate(weighted, file.characters), into: &out)
            object.array("diagnostics", file.diagnostics, into: &out) { d, depth, out in diagnostic(d, lang: lang, indent: depth, into: &out) }
            object.close(into: &out)
        }
    }

    /// A weighted count to two decimals (tenths add up to 0.30000000000000004).
    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    static func diagnostic(_ d: Diagnostic, lang: Language, indent: Int, into out: inout [UInt8]) {
        var object = JSONWriter.ObjectWriter(indent: indent, into: &out)
        object.string("rule", d.rule, into: &out)
        object.string("severity", d.severity.rawValue, into: &out)
        object.string("message", d.message.text(lang), into: &out)
        object.number("line", Double(d.start.line), into: &out)
        object.number("column", Double(d.start.column), into: &out)
        object.number("endLine", Double(d.end.line), into: &out)
        object.number("endColumn", Double(d.end.column), into: &out)
        object.string("excerpt", d.excerpt, into: &out)
        if let s = d.suggestion { object.string("suggestion", s, into: &out) }
        if !d.related.isEmpty {
            object.array("related", d.related, into: &out) { r, depth, out in
                var place = JSONWriter.ObjectWriter(indent: depth, into: &out)
                place.string("path", r.path, into: &out)
                place.number("line", Double(r.position.line), into: &out)
                place.number("column", Double(r.position.column), into: &out)
                if r.unit != .line { place.string("unit", r.unit.rawValue, into: &out) }
                place.string("message", r.message.text(lang), into: &out)
                place.close(into: &out)
            }
        }
        object.close(into: &out)
    }
}

public enum Version {
    public static let name = "newslint"
    public static let current = "0.1.0"
}
