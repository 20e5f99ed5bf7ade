import Foundation
import Testing
@testable import NewsLint

/// The `typo` rule end to end (its own examples run in RuleExampleTests), and its data.
@Suite("typo")
struct TypoTests {
    static let linter: Linter = try! Linter(configuration: Configuration(baseDirectory: "/nonexistent/newslint"))

    func diagnostics(_ text: String, _ linter: Linter = TypoTests.linter) -> [Diagnostic] {
        linter.lint(texts: [(path: "a.txt", text: text)]).files[0].diagnostics
    }

    @Test func positionsBehindMultibyteCharacters() {
        // A four-byte character, a full-width mark and Han text before the slip: columns count characters.
        let found = diagnostics("𠀀（本报讯）各地要衣法做好安全生产工作。\n").filter { $0.rule == "typo" }
        #expect(found.count == 1)
        #expect(found.first?.start.line == 1 && found.first?.start.column == 10 && found.first?.end.column == 12)
        #expect(found.first?.suggestion == "依法")
        #expect(found.first?.message.zh == "“衣法”疑为“依法”之误（衣/依 音近）")
    }

    @Test func hardWrappedParagraph() {
        let text = "今天上午，来自全国各地的游客们站在广场中央左顾\n又盼，不知该往哪里走才能找到入口。\n"
        let found = diagnostics(text).filter { $0.rule == "typo" }
        #expect(found.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } == ["1:22-2:3"])
        #expect(found.first?.suggestion == "左顾右盼")
    }

    /// Where the misspelling pack names the word, typo says nothing more.
    @Test func defersToTheMisspellingPack() {
        let found = diagnostics("我们要再接再励，争取更大成绩。\n")
        #expect(found.map(\.rule) == ["misspelling"])
    }

    /// A word the editors add is a word: never reported.
    @Test func editorWordsAreNeverReported() throws {
        #expect(diagnostics("各地要衣法做好安全生产工作。\n").contains { $0.rule == "typo" })
        var configuration = Configuration(baseDirectory: "/nonexistent/newslint")
        configuration.words = ["衣法"]
        let linter = try Linter(configuration: configuration)
        #expect(!diagnostics("各地要衣法做好安全生产工作。\n", linter).contains { $0.rule == "typo" })
    }

    /// Place endings are data (`placeEnds` in names.json): a rules folder's copy replaces them.
    @Test func placeEndsAreData() throws {
        let text = "各地要衣法村做好安全生产工作。\n"  // a pair before 村 is a place's name
        #expect(!diagnostics(text).contains { $0.rule == "typo" })
        let names = RuleData.builtIn("names.json")!
        let ends = try #require(names.range(of: #""placeEnds": "[^"]*""#, options: .regularExpression))
        let dir = try TemporaryDirectory()
        var configuration = Configuration(baseDirectory: dir.path)
        configuration.rulesDirectory = "Rules"
        try dir.write("Rules/names.json", names.replacingCharacters(in: ends, with: #""placeEnds": "镇""#))
        let linter = try Linter(configuration: configuration)
        #expect(diagnostics(text, linter).filter { $0.rule == "typo" }.map(\.suggestion) == ["依法"])
        try dir.write("Rules/names.json", names.replacingCharacters(in: ends, with: #""placeEnds": 5"#))
        #expect(throws: ConfigurationError.self) { try Linter(configuration: configuration) }
    }

    @Test func characterCounts() throws {
        let bigrams = try CharacterBigrams(table: Array(RuleData.builtIn("character-bigrams.b64")!.utf8))
        #expect(bigrams.characterCount > 5000)
        #expect(bigrams.count(0x4E2D, 0x56FD) > 10_000)  // 中国
        #expect(bigrams.count(0x904F, 0x81F3) == 0)  // 遏至: never printed
        #expect(bigrams.count(0x904F) > 100)  // 遏
        #expect(bigrams.logProbability(0x5236, after: 0x904F) > bigrams.logProbability(0x81F3, after: 0x904F))  // 遏制 over 遏至
        #expect(throws: CharacterBigrams.TableError.self) { try CharacterBigrams(table: Array("TkxCRzE=".utf8)) }
    }

    @Test func phraseListsAreWellFormed() {
        for name in ["set-phrases.tsv", "published-phrases.tsv"] {
            let lines = RuleData.builtIn(name)!.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(lines.count > 5000, "\(name)")
            #expect(lines.allSatisfy { $0.split(separator: "\t").count == 2 && $0.split(separator: "\t")[0].unicodeScalars.count == 4 }, "\(name)")
        }
    }
}
