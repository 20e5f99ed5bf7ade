import Foundation
import Testing
@testable import NewsLint

@Suite("Configuration (.lint.json)")
struct ConfigurationTests {
    let known = RuleRegistry.ids

    func parse(_ json: String) throws(ConfigurationError) -> Configuration {
        try Configuration.parse(Array(json.utf8), file: ".lint.json", baseDirectory: "/project", knownRules: known)
    }

    func error(_ json: String) -> ConfigurationError? {
        do { _ = try parse(json); return nil } catch { return error }
    }

    @Test func readsIncludeExcludeRulesDirectoryAndRules() throws {
        let c = try parse("""
        {"include": ["seeds", "pages/**/*.txt"], "exclude": ["seeds/old/**"], "rulesDirectory": "Rules",
         "rules": {"quote-style": {"severity": "warning", "options": {}}}}
        """)
        #expect(c.include == ["seeds", "pages/**/*.txt"])
        #expect(c.exclude == ["seeds/old/**"])
        #expect(c.rulesDirectory == "Rules")
        #expect(c.rules["quote-style"]?.severity == .some(.warning))
        let linter = try Linter(configuration: c)
        #expect(linter.rules.first { $0.id == "quote-style" }?.severity == .warning)
    }

    @Test func offTurnsARuleOff() throws {
        let linter = try Linter(configuration: try parse(#"{"rules": {"quote-style": "off"}}"#))
        #expect(!linter.rules.contains { $0.id == "quote-style" })
    }

    @Test func withoutAFileTheDefaultsApply() throws {
        let linter = try Linter(configuration: Configuration(baseDirectory: "/"))
        #expect(linter.rules.map(\.id) == RuleRegistry.ids + ["banned-words", "misspelling"])
    }

    @Test func unknownTopLevelKeySuggestsTheClosest() throws {
        let e = try #require(error(#"{"rulez": {}}"#))
        #expect(e.keyPath == "rulez")
        #expect(e.message.en == "unknown key `rulez`; did you mean `rules`?")
        #expect(e.describe(.en) == ".lint.json: key `rulez`: unknown key `rulez`; did you mean `rules`?")
    }

    @Test func unknownRuleIdSuggestsTheClosest() throws {
        // Rule ids are checked once the packs are known, when the rules are made.
        let c = try parse(#"{"rules": {"quote-styel": "error"}}"#)
        do {
            _ = try Linter(configuration: c)
            Issue.record("an unknown rule id must be an error")
        } catch {
            #expect(error.keyPath == "rules.quote-styel")
            #expect(error.message.en.contains("did you mean `quote-style`?"))
            #expect(error.message.zh.contains("是否想写 `quote-style`"))
        }
        // An id that cannot be a rule's is an error at once.
        #expect(try #require(self.error(#"{"rules": {"Quote Style": "error"}}"#)).keyPath == "rules.Quote Style")
    }

    @Test func wrongTypesNameTheKeyPath() throws {
        #expect(try #require(error(#"{"include": "seeds"}"#)).keyPath == "include")
        #expect(try #require(error(#"{"include": ["a", 3]}"#)).keyPath == "include[1]")
        #expect(try #require(error(#"{"rules": {"quote-style": {"severity": "fatal"}}}"#)).keyPath == "rules.quote-style.severity")
        #expect(try #require(error(#"{"rules": {"quote-style": {"severty": "error"}}}"#)).message.en.contains("did you mean `severity`?"))
        #expect(try #require(error(#"{"rules": {"quote-style": {"options": []}}}"#)).keyPath == "rules.quote-style.options")
        #expect(try #require(error(#"[1, 2]"#)).message.en == "expected a JSON object, got array")
    }

    @Test func hugeNumbersInOptionsAreErrorsNotCrashes() throws {
        let c = try parse(#"{"rules": {"caption-placement": {"options": {"maxLength": 1e300}}}}"#)
        #expect(throws: ConfigurationError.self) { try Linter(configuration: c) }
    }

    @Test func unknownRuleOptionIsAnError() throws {
        let c = try parse(#"{"rules": {"quote-style": {"options": {"strict": true}}}}"#)
        #expect(throws: ConfigurationError.self) { try Linter(configuration: c) }
        do { _ = try Linter(configuration: c) } catch {
            #expect(error.keyPath == "rules.quote-style.options.strict")
        }
    }

    @Test func malformedJSONReportsLineAndColumn() throws {
        let e = try #require(error("{\n  \"include\": [\"seeds\",]\n}"))
        #expect(e.line == 2)
        #expect(e.column == 23)
        #expect(e.describe(.en).hasPrefix(".lint.json:2:23: malformed JSON"))
        let dup = try #require(error("{\"include\": [], \"include\": []}"))
        #expect(dup.message.en.contains("duplicate key"))
    }

    @Test func findsTheNearestFileUpwards() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        try FileManager.default.createDirectory(atPath: dir.path + "/a/b", withIntermediateDirectories: true)
        let found = try #require(Configuration.find(from: dir.path + "/a/b"))
        #expect(URL(fileURLWithPath: found).standardizedFileURL.path == URL(fileURLWithPath: dir.path + "/.lint.json").standardizedFileURL.path)
    }

    @Test func theRepositoryConfigurationIsValid() throws {
        let c = try Configuration.load(path: Repo.root.appendingPathComponent(".lint.json").path, knownRules: known)
        #expect(c.include == ["seeds"])
    }
}

@Suite("JSON parser and writer")
struct JSONTests {
    @Test func roundTripsAndKeepsKeyOrder() throws {
        let text = #"{"b":1,"a":[true,null,"x\n\"y\"",2.5,-3],"c":{"中文":"“引号”"}}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(JSONWriter.write(value, pretty: false) == text)
    }

    @Test func decodesEscapes() throws {
        let value = try JSONParser.parse(Array(#"["\u4e2d\u6587", "\ud840\udc0b", "\t"]"#.utf8))
        #expect(value == .array([.string("中文"), .string("𠀋"), .string("\t")]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"abc", "[1] 2", "{\"a\":\"\\q\"}"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}

@Suite("Inline suppression")
struct SuppressionTests {
    func lint(_ text: String) -> [Diagnostic] {
        Linter(rules: [ConfiguredRule(rule: try! QuoteStyleRule(options: RuleOptions()), severity: .error)])
            .lint(texts: [("t.md", text)]).files[0].diagnostics
    }

    @Test func disableAndEnableARule() {
        let text = """
        他说：“第一处没有右引号

        <!-- newslint-disable quote-style -->
        他说：“第二处没有右引号

        <!-- newslint-enable quote-style -->
        他说：“第三处没有右引号
        """
        #expect(lint(text).map(\.start.line) == [1, 7])
    }

    @Test func disableAllAndNextLine() {
        let text = """
        <!-- newslint-disable-next-line quote-style -->
        他说：“第一处没有右引号

        <!-- newslint-disable -->
        他说：“第二处没有右引号
        """
        #expect(lint(text).isEmpty)
    }

    @Test func otherRulesAreNotSuppressed() {
        let text = "<!-- newslint-disable some-other-rule -->\n他说：“没有右引号"
        #expect(lint(text).map(\.start.line) == [2])
    }
}
