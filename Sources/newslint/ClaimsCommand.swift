import NewsLint

/// `newslint claims PATH…`: the claims ledger — every numeric claim `metric-arithmetic` found,
/// with the figures it used, what they give, and the verdict, so that an editor sees what was
/// verified and not only what failed.
extension CommandLineTool {
    func claims(_ options: Options) -> Int32 {
        let prepared: Prepared
        do { prepared = try prepare(options).get() } catch { return error.code }
        // The run's own rules that keep a ledger (metric-arithmetic, unless the configuration
        // turns it off), run once over the files: the ledger is what the lint computed.
        var linter = prepared.linter.keeping { $0.rule is any LedgerRule }
        linter.keepsLedgers = true
        let report = linter.lint(prepared.files)
        let errors = prepared.errors + report.inputErrors
        writeInputErrors(errors, options.lang)
        let ledger = report.files.map { (path: $0.path, source: $0.source, claims: $0.claims) }
        switch options.format {
        case .json: writeOut(claimsJSON(ledger, lang: options.lang))
        case .text: writeOut(claimsText(ledger, lang: options.lang))
        case .sarif, .github, .html, .docx:
            writeErr("newslint: " + (options.lang == .zh ? "claims 只支持 text 和 json 格式" : "claims supports the text and json formats only") + "\n")
            return ExitCode.failure
        }
        return errors.isEmpty ? ExitCode.clean : ExitCode.failure
    }

    private func claimsText(_ ledger: [(path: String, source: SourceText, claims: [Claim])], lang: Language) -> String {
        var out = ""
        var counts: [Claim.Verdict: Int] = [:]
        for entry in ledger {
            for c in entry.claims {
                counts[c.verdict, default: 0] += 1
                let p = entry.source.position(of: c.range.lowerBound)
                var line = "\(entry.path):\(TextReporter.place(p, entry.source.unit, lang)): [\(c.verdict.label.text(lang))] \(c.kind.rawValue): \(c.text.replacingNewlines)"
                if !c.figures.isEmpty { line += (lang == .zh ? "  依据 " : "  from ") + c.figures.joined(separator: ", ") }
                if let computed = c.computed { line += " → " + computed }
                out += Quoted.escapingControls(line) + "\n"
                if let m = c.message { out += "    " + Quoted.escapingControls(m.text(lang)) + "\n" }
            }
        }
        let total = counts.values.reduce(0, +)
        // Per kind: what was checked and what could not be.
        for (kind, byVerdict) in Self.byKind(ledger) {
            let checked = byVerdict.filter { $0.key != .notCheckable }.values.reduce(0, +)
            let unchecked = byVerdict[.notCheckable] ?? 0
            out += lang == .zh ? "  \(kind.rawValue)：核对 \(checked) 处（不符 \(byVerdict[.contradicted] ?? 0)），无法核对 \(unchecked) 处\n"
                : "  \(kind.rawValue): \(checked) checked (\(byVerdict[.contradicted] ?? 0) contradicted), \(unchecked) not checkable\n"
        }
        if lang == .zh {
            out += "共 \(total) 处数字说法：相符 \(counts[.consistent] ?? 0)，不符 \(counts[.contradicted] ?? 0)，疑似误用 \(counts[.likelySlip] ?? 0)，存疑 \(counts[.doubtful] ?? 0)，无法核对 \(counts[.notCheckable] ?? 0)\n"
        } else {
            out += "\(total) claims: \(counts[.consistent] ?? 0) consistent, \(counts[.contradicted] ?? 0) contradicted, \(counts[.likelySlip] ?? 0) likely slips, \(counts[.doubtful] ?? 0) doubtful, \(counts[.notCheckable] ?? 0) not checkable\n"
        }
        return out
    }

    private func claimsJSON(_ ledger: [(path: String, source: SourceText, claims: [Claim])], lang: Language) -> String {
        var counts: [Claim.Verdict: Int] = [:]
        let files: [JSONValue] = ledger.map { entry in
            .object([
                ("path", .string(entry.path)),
                ("claims", .array(entry.claims.map { c in
                    counts[c.verdict, default: 0] += 1
                    let start = entry.source.position(of: c.range.lowerBound), end = entry.source.position(of: c.range.upperBound)
                    var members: [(key: String, value: JSONValue)] = [
                        ("kind", .string(c.kind.rawValue)), ("verdict", .string(c.verdict.rawValue)),
                        ("line", .number(Double(start.line))), ("column", .number(Double(start.column))),
                        ("endLine", .number(Double(end.line))), ("endColumn", .number(Double(end.column))),
                        ("text", .string(c.text)), ("figures", .array(c.figures.map { .string($0) })),
                    ]
                    if let computed = c.computed { members.append(("computed", .string(computed))) }
                    if let m = c.message { members.append(("message", .string(m.text(lang)))) }
                    if let s = c.suggestion { members.append(("suggestion", .string(s))) }
                    return .object(members)
                })),
            ])
        }
        let summary: [(key: String, value: JSONValue)] = Claim.Verdict.allCases.map {
            ($0.rawValue, .number(Double(counts[$0] ?? 0)))
        }
        let byKind: [(key: String, value: JSONValue)] = Self.byKind(ledger).map { kind, byVerdict in
            (kind.rawValue, .object(Claim.Verdict.allCases.map {
                ($0.rawValue, .number(Double(byVerdict[$0] ?? 0)))
            }))
        }
        return JSONWriter.write(.object([
            ("schemaVersion", .number(1)), ("tool", .object([("name", .string(Version.name)), ("version", .string(Version.current))])),
            ("summary", .object(summary)), ("byKind", .object(byKind)), ("files", .array(files)),
        ]))
    }

    /// The verdicts counted per kind of claim, kinds in the order of their names.
    private static func byKind(_ ledger: [(path: String, source: SourceText, claims: [Claim])]) -> [(Claim.Kind, [Claim.Verdict: Int])] {
        var counts: [Claim.Kind: [Claim.Verdict: Int]] = [:]
        for entry in ledger { for c in entry.claims { counts[c.kind, default: [:]][c.verdict, default: 0] += 1 } }
        return counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
    }
}

extension String {
    var replacingNewlines: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\n" && $0 != "\r" }))
    }
}
