import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

/// The political checks' data: it validates on load, every entry names a source, and the edition's
/// date is found where a paper keeps it.
@Suite("Officials and official wording")
struct OfficialTests {
    // MARK: - Sources

    @Test func everyBuiltInEntryNamesASource() throws {
        let officials = try Officials.load(rulesDirectory: nil)
        let ids = Set(officials.sources.map(\.id))
        for p in officials.people {
            #expect(ids.contains(p.source), "\(p.name)")
            for t in p.tenures { #expect(ids.contains(t.source), "\(p.name) \(t.title)") }
        }
        for b in officials.bodies { for t in b.terms { #expect(ids.contains(t.source), "\(b.name) \(t.from)") } }
        let wording = try Wording.load(rulesDirectory: nil)
        let wordingIds = Set(wording.sources.map(\.id))
        for f in wording.formulations { #expect(wordingIds.contains(f.source), "\(f.id)") }
        for s in wording.series { #expect(wordingIds.contains(s.source), "\(s.id)") }
        let banned = try #require(try RulePack.load(rulesDirectory: nil).first { $0.name == "banned-words" })
        #expect(banned.asOf != nil && !banned.sources.isEmpty)
        for e in banned.entries { #expect(e.source.map { s in banned.sources.contains { $0.id == s } } == true, "\(e.id)") }
    }

    @Test func theDataKnowsTheLeadershipOfItsDate() throws {
        let o = try Officials.load(rulesDirectory: nil)
        let day = try #require(Day("2024-05-10"))
        #expect(o.holders(of: "国务院总理", on: day) == ["李强"])
        #expect(o.holders(of: "国务院总理", on: try #require(Day("2020-05-08"))) == ["李克强"])
        #expect(o.holders(of: "中央政治局常委", on: day) == ["习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希"])
        // The day a successor takes office, the paper may still name the one before.
        #expect(o.holders(of: "国务院总理", on: try #require(Day("2023-03-11"))) == ["李克强", "李强"])
        #expect(o.holders(of: "国务院总理", on: try #require(Day("1990-01-01"))) == nil, "a day the data does not cover")
    }

    // MARK: - Validation

    static let minimal = #"""
    {"asOf": "2026-07-04", "sources": {"a": "某公报"},
     "titles": [{"title": "国务院总理", "forms": ["国务院总理"], "after": ["总理"]}],
     "bodies": [],
     "people": [{"name": "李强", "source": "a", "titles": [{"title": "国务院总理", "from": "2023-03-11", "source": "a"}]}]}
    """#

    func decodeOfficials(_ text: String) throws -> Officials {
        try Officials.decode(try JSONParser.parse(Array(text.utf8)), file: "officials.json")
    }

    /// The configuration error decoding `text` gives, if any.
    func officialsError(_ text: String) throws -> ConfigurationError? {
        let json = try JSONParser.parse(Array(text.utf8))
        do throws(ConfigurationError) {
            _ = try Officials.decode(json, file: "officials.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func theMinimalFileDecodes() throws {
        #expect(try decodeOfficials(Self.minimal).people.count == 1)
    }

    @Test(arguments: [
        (#""from": "2023-03-11""#, #""from": "2023-02-30""#, "people[0].titles[0].from"),
        (#""source": "a", "titles""#, #""titles""#, "people[0].source"),
        (#""from": "2023-03-11", "source": "a""#, #""from": "2023-03-11", "source": "b""#, "people[0].titles[0].source"),
        (#""asOf": "2026-07-04""#, #""asOf": "2026/07/04""#, "asOf"),
        (#"{"name": "李强""#, #"{"name": "李强", "source": "a", "titles": []}, {"name": "李强""#, "people[1].name"),
        (#""title": "国务院总理", "from""#, #""title": "总理", "from""#, "people[0].titles[0].title"),
    ] as [(String, String, String)])
    func aBadEntryIsAnErrorNamingItsKeyPath(_ change: (String, String, String)) throws {
        let text = Self.minimal.replacingOccurrences(of: change.0, with: change.1)
        #expect(text != Self.minimal)
        let error = try #require(try officialsError(text), "accepted: \(text)")
        #expect(error.file == "officials.json")
        #expect(error.keyPath == change.2, "\(error.message.en)")
    }

    @Test func aFormulationWithoutASourceIsAnError() throws {
        let text = #"{"asOf": "2026-07-04", "sources": {"a": "报告"}, "formulations": [{"id": "x", "text": "中国式现代化", "variants": ["中国特色现代化"]}], "series": []}"#
        let json = try JSONParser.parse(Array(text.utf8))
        do throws(ConfigurationError) {
            _ = try Wording.decode(json, file: "w.json")
            Issue.record("accepted")
        } catch {
            #expect(error.keyPath == "formulations[0].source")
        }
    }

    @Test func aPackEntryWithoutASourceIsAnErrorWhenThePackNamesSources() throws {
        let text = #"{"pack": "banned", "sources": {"x": "清单"}, "entries": [{"id": "a", "kind": "forbid", "words": ["两岸三地"], "message": "m", "examples": {"triggering": ["⟦两岸三地⟧"]}}]}"#
        let json = try JSONParser.parse(Array(text.utf8))
        do throws(ConfigurationError) {
            _ = try RulePack.decode(json, file: "pack-banned.json")
            Issue.record("accepted")
        } catch {
            #expect(error.keyPath == "entries[0].source")
        }
    }

    // MARK: - The edition's date

    @Test func theDateComesFromTheRunThePathOrThePage() throws {
        let asOf = try #require(Day("2026-07-04"))
        let inPath = Document(path: "rmrb/2019-10-12/page-01.txt", text: "正文。")
        #expect(EditionDate.of(inPath, configured: nil, fallback: asOf).day == Day("2019-10-12"))
        #expect(EditionDate.of(Document(path: "x/20200508/a.txt", text: "正文。"), configured: nil, fallback: asOf).day == Day("2020-05-08"))
        let onPage = Document(path: "page.txt", text: "人民日报\n2019年10月12日 星期六\n\n正文。")
        #expect(EditionDate.of(onPage, configured: nil, fallback: asOf).origin == .page)
        #expect(EditionDate.of(onPage, configured: nil, fallback: asOf).day == Day("2019-10-12"))
        // A date in a sentence is an event's, not the edition's.
        let inProse = Document(path: "page.txt", text: "2019年10月11日，会议在北京召开，各方代表出席了开幕式。")
        #expect(EditionDate.of(inProse, configured: nil, fallback: asOf).origin == .dataAsOf)
        #expect(EditionDate.of(inPath, configured: Day("2024-01-02"), fallback: asOf).origin == .configured)
    }

    @Test func daysParseStrictlyAndCountAcrossMonths() throws {
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2024-2-09") == nil)
        let d = try #require(Day("2024-02-28"))
        #expect(try #require(Day("2024-03-01")).number - d.number == 2, "a leap year's February has 29 days")
        #expect(d.description == "2024-02-28")
        #expect(d.chinese == "2024年2月28日")
    }

    @Test func theRunsDateReachesTheRule() throws {
        let configuration = try Configuration.parse(Array(#"{"date": "2020-05-08"}"#.utf8), file: ".lint.json", baseDirectory: ".", knownRules: RuleRegistry.ids)
        let report = try Linter(configuration: configuration).lint(texts: [("page.txt", "国务院总理李强主持会议。")])
        #expect(report.files[0].diagnostics.map(\.rule) == ["official-names"])
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Array(#"{"date": "2020-13-01"}"#.utf8), file: ".lint.json", baseDirectory: ".", knownRules: RuleRegistry.ids)
        }
    }
}

/// `--date` from the command line: the day a page is judged on, and a clear error for a bad one.
@Suite("The edition's date on the command line")
struct EditionDateCommandTests {
    @Test func dateFlagDecidesWhoHeldTheTitle() throws {
        let dir = try TemporaryDirectory()
        let page = try dir.write("page.txt", "国务院总理李强主持召开国务院常务会议。\n")
        let on2020 = runTool(["--date", "2020-05-08", "--format", "json", page], in: dir.path)
        #expect(on2020.code == 1 && on2020.out.contains("\"official-names\""))
        let on2024 = runTool(["--date", "2024-05-10", "--format", "json", page], in: dir.path)
        #expect(on2024.code == 0 && !on2024.out.contains("\"official-names\""))
        // A date in the path decides without the flag.
        let dated = try dir.write("2020-05-08/page.txt", "国务院总理李强主持召开国务院常务会议。\n")
        #expect(runTool(["--format", "json", dated], in: dir.path).out.contains("\"official-names\""))
        let bad = runTool(["--date", "2020-13-40", page], in: dir.path)
        #expect(bad.code == 2 && bad.err.contains("--date"))
    }
}
