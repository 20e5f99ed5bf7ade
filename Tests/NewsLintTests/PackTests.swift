import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

/// Rule packs: every entry's own examples run as tests with exact positions, packs are
/// validated on load, and editors add entries in the rules folder without rebuilding.
@Suite("Rule packs")
struct PackTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pack: String
        let entry: String
        let example: String
        let triggering: Bool
        var testDescription: String { "\(pack)/\(entry) \(triggering ? "triggering" : "non-triggering")" }
    }

    static let cases: [Case] = (try! RulePack.load(rulesDirectory: nil)).flatMap { pack in
        pack.entries.flatMap { e in
            e.triggering.map { Case(pack: pack.name, entry: e.id, example: $0, triggering: true) }
                + e.nonTriggering.map { Case(pack: pack.name, entry: e.id, example: $0, triggering: false) }
        }
    }

    @Test func theStarterPackHasAtLeast150Entries() throws {
        let pack = try #require(try RulePack.load(rulesDirectory: nil).first { $0.name == "misspelling" })
        #expect(pack.entries.count >= 150)
        #expect(Set(RulePack.Kind.allCases.map(\.rawValue)) == Set(pack.entries.map(\.kind.rawValue)), "every kind has an entry")
    }

    @Test(arguments: cases)
    func entryExample(_ c: Case) throws {
        let pack = try #require(try RulePack.load(rulesDirectory: nil).first { $0.name == c.pack })
        // Only this entry, so that each example speaks for its own entry.
        let others = pack.entries.filter { $0.id != c.entry }.map { ($0.id, JSONValue.string("off")) }
        let rule = try PackRule(pack: pack, options: RuleOptions(.object([("entries", .object(others))])))
        let (text, spans) = RuleExample(c.example).stripped
        let source = SourceText(text)
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: pack.severity)]).lint(texts: [("t", text)])
        let got = report.files[0].diagnostics.map { "\($0.start)-\($0.end)" }
        #expect(got == spans.map { "\(source.position(of: $0.lowerBound))-\(source.position(of: $0.upperBound))" }, "\(c.example)")
        #expect(c.triggering == !spans.isEmpty)
    }

    func decodeError(_ json: String) -> ConfigurationError? {
        do { _ = try RulePack.decode(try ConfigurationError.parseJSON(Array(json.utf8), file: "pack-x.json"), file: "pack-x.json"); return nil } catch { return error }
    }

    @Test func packsAreValidatedWithKeyPaths() throws {
        let ok = #"{"id": "a", "kind": "substitute", "wrong": ["甲"], "right": "乙", "message": "m", "examples": {"triggering": ["⟦甲⟧"]}}"#
        #expect(decodeError(#"{"pack": "x", "entries": [\#(ok)]}"#) == nil)
        #expect(decodeError(#"{"pack": "x", "entries": [\#(ok), \#(ok)]}"#)?.keyPath == "entries[1].id")
        #expect(decodeError(#"{"pack": "x", "entries": [{"id": "a", "kind": "forbid", "pattern": "(", "message": "m", "examples": {"triggering": ["x"]}}]}"#)?.keyPath == "entries[0].pattern")
        #expect(decodeError(#"{"pack": "x", "entries": [{"id": "a", "kind": "substitute", "right": "乙", "message": "m", "examples": {"triggering": ["x"]}}]}"#)?.keyPath == "entries[0].wrong")
        #expect(decodeError(#"{"pack": "x", "entries": [{"id": "a", "kind": "swap", "message": "m"}]}"#)?.keyPath == "entries[0].kind")
        #expect(decodeError(#"{"pack": "x", "entries": [{"id": "a", "kind": "forbid", "words": ["甲"], "mesage": "m"}]}"#)?.message.en.contains("did you mean `message`?") == true)
        #expect(decodeError(#"{"pack": "X Y", "entries": []}"#)?.keyPath == "pack")
        // What cannot be matched in linear time is refused; nested quantifiers are matched (see PatternTests).
        for bad in [#"(x)\\1"#, #"(?=x)"#, #"(?i)x"#, #"x{2000}"#] {
            let entry = #"{"id": "a", "kind": "forbid", "pattern": "\#(bad)", "message": "m", "examples": {"triggering": ["x"]}}"#
            #expect(decodeError(#"{"pack": "x", "entries": [\#(entry)]}"#)?.keyPath == "entries[0].pattern", "\(bad)")
        }
    }

    @Test func anEditorAddsAnEntryWithoutRebuilding() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        try dir.write("Rules/pack-local.json", #"""
        {"pack": "local-style", "title": "本报用字", "severity": "warning", "entries": [
          {"id": "shen-fen", "kind": "substitute", "wrong": ["身分证"], "right": "身份证", "message": "“身分证”应为“身份证”",
           "examples": {"triggering": ["⟦身分证⟧"], "nonTriggering": ["身份证"]}}]}
        """#)
        try dir.write("a.txt", "请携带身分证办理。\n")
        let r = runTool(["--format", "json", "a.txt"], in: dir.path)
        let d = try #require(try findings(inJSON: r.out).first)
        #expect(d["rule"] as? String == "local-style" && d["suggestion"] as? String == "身份证" && d["column"] as? Int == 4)
        #expect(runTool(["rules"], in: dir.path).out.contains("local-style"))
        #expect(runTool(["explain", "local-style"], in: dir.path).out.contains("身分证"))
        // The configuration turns one entry off, and a whole pack off.
        try dir.write(".lint.json", #"{"rules": {"local-style": {"options": {"entries": {"shen-fen": "off"}}}}}"#)
        #expect(try findings(inJSON: runTool(["--format", "json", "a.txt"], in: dir.path).out).isEmpty)
        try dir.write(".lint.json", #"{"rules": {"misspelling": "off"}}"#)
        #expect(runTool(["a.txt"], in: dir.path).code == 0)
        try dir.write(".lint.json", #"{"rules": {"local-style": {"options": {"entries": {"shen-fenn": "off"}}}}}"#)
        let bad = runTool(["--lang", "en", "a.txt"], in: dir.path)
        #expect(bad.code == 2 && bad.err.contains("did you mean `shen-fen`?"))
        // A broken pack is a configuration error naming the file.
        try dir.write(".lint.json", "{}")
        try dir.write("Rules/pack-broken.json", "{\"pack\": \"broken\", \"entries\": [")
        let broken = runTool(["--lang", "en", "a.txt"], in: dir.path)
        #expect(broken.code == 2 && broken.err.contains("pack-broken.json:1:"))
    }

    @Test func consistencyIsJudgedAcrossTheRun() throws {
        let pack = try #require(try RulePack.load(rulesDirectory: nil).first { $0.name == "misspelling" })
        let rule = try PackRule(pack: pack, options: RuleOptions())
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: .error)]).lint(texts: [
            ("a.txt", "其他单位、其他部门和其他人员。"), ("b.txt", "其它事项另行通知。"),
        ])
        #expect(report.files[0].diagnostics.isEmpty)
        let d = try #require(report.files[1].diagnostics.first)
        #expect(d.start == SourcePosition(line: 1, column: 1) && d.suggestion == "其他")
        #expect(d.related.map { "\($0.path):\($0.position)" } == ["a.txt:1:1"])
        #expect(d.severity == .warning)
    }
}
