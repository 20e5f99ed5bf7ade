import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

@Suite("Report formats, error rate and baseline")
struct ReportFormatTests {
    /// The SARIF and GitHub reports of the seeds are checked in under Golden/.
    /// Set NEWSLINT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
    @Test(arguments: [("sarif", "seeds.sarif"), ("github", "seeds.github.txt")])
    func seedReportsMatchGoldenFiles(_ format: String, _ golden: String) throws {
        let r = runTool(["--format", format, "seeds/"])
        #expect(r.code == 1)
        let url = Repo.golden.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["NEWSLINT_UPDATE_GOLDEN"] == "1" {
            try r.out.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(r.out == (try String(contentsOf: url, encoding: .utf8)), "\(format) report changed")
    }

    /// The structure SARIF 2.1.0 requires of what newslint writes.
    @Test func sarifHasTheRequiredStructure() throws {
        let r = runTool(["--format", "sarif", "seeds/"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "newslint")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.ids)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 14)
        for result in results {
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            let region = try #require(location["region"] as? [String: Any])
            for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect((region[key] as? Int ?? 0) >= 1) }
            for fix in (result["fixes"] as? [[String: Any]]) ?? [] {
                let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
                #expect((change["replacements"] as? [[String: Any]])?.first?["deletedRegion"] is [String: Any])
            }
        }
        #expect(results.contains { $0["fixes"] != nil }, "findings with a suggestion carry a fix")
    }

    @Test func githubCommandsEscapeTheirValues() {
        #expect(GitHubReporter.data("50%\n下一行\r") == "50%25%0A下一行%0D")
        #expect(GitHubReporter.property("a,b:c.txt") == "a%2Cb%3Ac.txt")
        let notes = runTool(["--format", "github", "seeds/004_6f37aac55d80145d.txt"]).out
        #expect(notes.contains("::notice file=seeds/004_6f37aac55d80145d.txt,line=93,col=1,"))
    }

    @Test func errorRateIsErrorsPerTenThousandCharacters() throws {
        let r = runTool(["--format", "json", "seeds/"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Any])
        // 11 errors in 25,059 characters: 4.39 per 10,000, over the standard's 3.
        #expect(summary["errorRate"] as? Double == 4.39)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files[1]["errorRate"] as? Double == 0)
        #expect(JSONReporter.errorRate(3, 10_000) == 3)
    }

    @Test func baselineReportsOnlyNewFindingsAfterEditsAbove() throws {
        let dir = try TemporaryDirectory()
        try dir.write("page.txt", "从源远流长的文化中遇见「可爱的中国」\n\n他说：“没有右引号\n")
        #expect(runTool(["page.txt", "--write-baseline", "baseline.json"], in: dir.path).code == 1)
        #expect(runTool(["page.txt", "--baseline", "baseline.json"], in: dir.path).code == 0)
        // Lines added above move the old findings down; a new error is the only one reported.
        try dir.write("page.txt", "新加的一段。\n\n再加一段「新的」。\n\n从源远流长的文化中遇见「可爱的中国」\n\n他说：“没有右引号\n")
        let r = runTool(["--format", "json", "page.txt", "--baseline", "baseline.json"], in: dir.path)
        #expect(r.code == 1)
        let got = try findings(inJSON: r.out).map { "\($0["line"]!):\($0["excerpt"]!)" }
        #expect(got == ["3:「新的」"])
        // A missing or malformed baseline is an error of its own.
        #expect(runTool(["page.txt", "--baseline", "nope.json"], in: dir.path).code == 2)
        try dir.write("bad.json", "{\"version\": 1}")
        let bad = runTool(["--lang", "en", "page.txt", "--baseline", "bad.json"], in: dir.path)
        #expect(bad.code == 2 && bad.err.contains("not a newslint baseline"))
    }
}
