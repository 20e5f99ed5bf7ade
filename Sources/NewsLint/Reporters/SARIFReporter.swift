import Foundation

/// SARIF 2.1.0, for code-scanning dashboards: rule metadata in `tool.driver.rules`, columns in
/// Unicode code points (`columnKind`), regions with start and end, related locations, and a fix
/// for every finding with a suggestion.
public enum SARIFReporter {
    /// `rules` are the run's rules (built-in and packs); by default every built-in one.
    public static func report(_ report: LintReport, lang: Language, rules: [RuleDescription]) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSONValue] = rules.map { d in
            .object([
                ("id", .string(d.id)),
                ("name", .string(d.name.en)),
                ("shortDescription", .object([("text", .string(d.name.text(lang)))])),
                ("fullDescription", .object([("text", .string(d.rationale.text(lang)))])),
                ("defaultConfiguration", .object([("level", .string(level(d.severity)))])),
                ("help", .object([("text", .string(d.rationale.text(lang)))])),
            ])
        }
        var results: [JSONValue] = []
        for file in report.files {
            for d in file.diagnostics {
                var members: [(key: String, value: JSONValue)] = [
                    ("ruleId", .string(d.rule)),
                    ("level", .string(level(d.severity))),
                    ("message", .object([("text", .string(d.message.text(lang)))])),
                    ("locations", .array([location(file.path, d.start, d.end, snippet: d.excerpt, unit: file.source.unit)])),
                ]
                if let i = ruleIndex[d.rule] { members.insert(("ruleIndex", .number(Double(i))), at: 1) }
                if !d.related.isEmpty {
                    members.append(("relatedLocations", .array(d.related.enumerated().map { k, r in
                        .object([
                            ("id", .number(Double(k + 1))),
                            ("physicalLocation", .object([
                                ("artifactLocation", .object([("uri", .string(uri(r.path)))])),
                                ("region", .object([("startLine", .number(Double(r.position.line))), ("startColumn", .number(Double(r.position.column)))])),
                            ])),
                            ("message", .object([("text", .string(r.message.text(lang)))])),
                        ])
                    })))
                }
                if let s = d.suggestion {
                    members.append(("fixes", .array([.object([
                        ("description", .object([("text", .string((lang == .zh ? "改为：" : "Replace with: ") + s))])),
                        ("artifactChanges", .array([.object([
                            ("artifactLocation", .object([("uri", .string(uri(file.path)))])),
                            ("replacements", .array([.object([
                                ("deletedRegion", region(d.start, d.end, snippet: nil)),
                                ("insertedContent", .object([("text", .string(s))])),
                            ])])),
                        ])])),
                    ])])))
                }
                results.append(.object(members))
            }
        }
        let notifications: [JSONValue] = report.inputErrors.map { e in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(e.path): \(e.message.text(lang))"))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", .object([("uri", .string(uri(e.path)))]))]))])])),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string(Version.name)),
                ("version", .string(Version.current)),
                ("semanticVersion", .string(Version.current)),
                ("rules", .array(driverRules)),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(report.inputErrors.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("artifacts", .array(report.files.map { f in
                .object([("location", .object([("uri", .string(uri(f.path)))])), ("encoding", .string(f.encoding.rawValue))])
            })),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONWriter.write(.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]))
    }

    static func level(_ s: Severity) -> String { s.rawValue }

    /// A Word document's region counts paragraphs, not lines: the region says so in its property
    /// bag (`"properties": {"unit": "paragraph"}`), as SARIF has no such unit of its own.
    static func location(_ path: String, _ start: SourcePosition, _ end: SourcePosition, snippet: String, unit: PositionUnit = .line) -> JSONValue {
        var region = region(start, end, snippet: snippet)
        if unit != .line, case var .object(members) = region {
            members.append(("properties", .object([("unit", .string(unit.rawValue))])))
            region = .object(members)
        }
        return .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(path)))])),
            ("region", region),
        ]))])
    }

    static func region(_ start: SourcePosition, _ end: SourcePosition, snippet: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("startLine", .number(Double(start.line))), ("startColumn", .number(Double(start.column))),
            ("endLine", .number(Double(end.line))), ("endColumn", .number(Double(end.column))),
        ]
        if let snippet { members.append(("snippet", .object([("text", .string(snippet))]))) }
        return .object(members)
    }

    /// A relative URI reference for a path: non-ASCII and reserved characters percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
