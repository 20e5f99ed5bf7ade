import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

@Suite("Report formats, error rate and baseline")
struct ReportFormatTests {
    /// Every report format of the seeds is checked in under Golden/.
    /// Set NEWSLINT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
    @Test(arguments: [("text", "seeds.text.txt"), ("json", "seeds.json"), ("sarif", "seeds.sarif"), ("github", "seeds.github.txt"),
                      ("html", "seeds.html")])
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
        #expect(rules.map { $0["id"] as? String } == (try RuleRegistry.descriptions()).map(\.id))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 24)
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

    @Test func htmlReportIsSelfContainedAndMarksEveryFinding() throws {
        let r = runTool(["--format", "html", "seeds/"])
        #expect(!r.out.contains("http://") && !r.out.contains("src=\"") && !r.out.contains("<link"), "no external assets")
        #expect(r.out.components(separatedBy: "<li class=\"finding ").count - 1 == 24)
        #expect(r.out.contains("data-findings=\"24\""))
        #expect(r.out.contains("title=\"增长35倍与所列数字不符"))
        #expect(r.out.contains("数字说法台账"))
        #expect(r.out.contains("<td class=\"over\">7.30</td>"))
        // Text is escaped: a page with markup in it stays text.
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "<script>alert(1)</script>「引号」")
        let page = runTool(["--format", "html", "a.txt"], in: dir.path).out
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))
    }

    @Test func jsonStringsAreEscapedAndRoundTrip() throws {
        let s = "引“号”\"\\\n\r\t\u{01}\u{1F}\u{2028}\u{2029}\u{2026}"
        let written = JSONWriter.write(.string(s), pretty: false)
        #expect(written == #""引“号”\"\\\n\r\t\u0001\u001f\u2028\u2029…""#)
        #expect(try JSONParser.parse(Array(written.utf8)) == .string(s))
    }

    /// Objects and arrays, empty and not, on one line and pretty-printed: the exact bytes.
    @Test func jsonObjectsAndArraysAreWrittenExactly() {
        let value: JSONValue = .object([("a", .array([.number(1), .object([]), .array([])])), ("b", .null), ("c", .number(0.5))])
        #expect(JSONWriter.write(value, pretty: false) == #"{"a":[1,{},[]],"b":null,"c":0.5}"#)
        #expect(JSONWriter.write(value) == "{\n  \"a\": [\n    1,\n    {},\n    []\n  ],\n  \"b\": null,\n  \"c\": 0.5\n}\n")
        #expect(JSONWriter.write(.object([])) == "{}\n" && JSONWriter.write(.array([]), pretty: false) == "[]")
    }

    /// The JSON report is written in pieces, one a file; joined, they are the bytes of writing the
    /// whole tree at once, whatever the number of items.
    @Test(arguments: [0, 1, 3])
    func jsonDocumentPiecesAreTheWholeTreesBytes(_ count: Int) {
        let items: [JSONValue] = (0..<count).map { .object([("path", .string("第\($0)版.txt")), ("list", .array([.number(Double($0)), .null]))]) }
        let head: JSONValue = .object([("name", .string("newslint"))])
        let pieces = JSONWriter.document([
            ("head", .value(head)),
            ("files", .items(items.enumerated().map { k, item in JSONWriter.item(k) { JSONWriter.write(item, into: &$0, indent: 2) } })),
            ("tail", .value(.array([]))),
        ])
        let whole = JSONWriter.write(.object([("head", head), ("files", .array(items)), ("tail", .array([]))]))
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == whole)
        #expect(pieces.count == (count == 0 ? 1 : count + 2))
    }

    @Test func theJSONReportHasOnePieceAFile() throws {
        let report = try Linter(configuration: Configuration(baseDirectory: "/"))
            .lint(texts: [("a.txt", "他说：“没有右引号"), ("b.txt", "正文。"), ("c.txt", "正文。")])
        let pieces = JSONReporter.reportPieces(report, lang: .zh)
        #expect(pieces.count == 5)
        #expect(String(decoding: pieces[1], as: UTF8.self).contains("\"path\": \"a.txt\""))
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == JSONReporter.report(report, lang: .zh))
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
        // 13 errors in 25,059 characters: 5.19 per 10,000, over the standard's 3.
        #expect(summary["errorRate"] as? Double == 5.19)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files[1]["errorRate"] as? Double == 3.45)  // one error (跃厉奋发) in 2,902 characters
        #expect(LintReport.errorRate(3, 10_000) == 3)
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

@Suite("newslint fix")
struct FixTests {
    func rules(in text: String) -> [String] {
        let report = Linter(rules: try! Linter(configuration: Configuration(baseDirectory: "/")).rules).lint(texts: [("t", text)])
        return report.files[0].diagnostics.map { "\($0.start.line):\($0.rule)" }
    }

    @Test func fixesAreAppliedInTheFilesOwnEncodingAndLineEnds() throws {
        let dir = try TemporaryDirectory()
        let page = try Repo.seedText("004_6f37aac55d80145d.txt")
        // A GB18030 copy with CRLF, a UTF-16 copy with a BOM, and a plain UTF-8 one.
        let crlf = page.replacingOccurrences(of: "\n", with: "\r\n")
        let gb = try #require(crlf.data(using: TextDecoder.gb18030))
        try dir.write("gb.txt", Array(gb))
        try dir.write("utf16.txt", try #require(Fixer.encode(Array(page.utf8), as: .utf16LE)))
        try dir.write("plain.txt", try Repo.seedText("003_a2c041b2b8083ec5.txt"))
        try dir.write("binary.txt", [0x00, 0x01, 0x02])

        let r = runTool(["fix", "gb.txt", "utf16.txt", "plain.txt", "binary.txt"], in: dir.path)
        #expect(r.code == 2, "the binary file is an input error")
        #expect(Array(try Data(contentsOf: dir.url.appendingPathComponent("binary.txt"))) == [0x00, 0x01, 0x02])

        for (name, encoding) in [("gb.txt", SourceEncoding.gb18030), ("utf16.txt", .utf16LE)] {
            let bytes = Array(try Data(contentsOf: dir.url.appendingPathComponent(name)))
            let decoded = try TextDecoder.decode(bytes)
            #expect(decoded.encoding == encoding)
            let text = String(decoding: decoded.utf8, as: UTF8.self)
            #expect(text.contains("本报讯（记者付凯明） 3") && text.contains("本报讯（通讯员冯建京）"))
            #expect(!text.contains("本报讯 （"))
            #expect(SourceText(utf8: decoded.utf8).lineCount == SourceText(page).lineCount)
            if name == "gb.txt" { #expect(SourceText(utf8: decoded.utf8).lineEnding == .crlf) }
            // Linting again reports none of the fixed findings.
            #expect(!rules(in: text).contains("449:byline-format") && !rules(in: text).contains("512:byline-format"))
        }
        let plain = try String(contentsOf: dir.url.appendingPathComponent("plain.txt"), encoding: .utf8)
        #expect(plain.contains("遇见“可爱的中国”") && !rules(in: plain).contains("97:quote-style"))
        // Findings that need an editor (a caption inside a sentence) are left alone.
        #expect(rules(in: plain).contains("41:caption-placement"))
    }

    @Test func dryRunPrintsADiffAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let original = "从源远流长的文化中遇见「可爱的中国」\n"
        try dir.write("a.txt", original)
        let r = runTool(["fix", "--dry-run", "a.txt"], in: dir.path)
        #expect(r.code == 0)
        #expect(r.out == "--- a/a.txt\n+++ b/a.txt\n@@ -1,1 +1,1 @@\n-从源远流长的文化中遇见「可爱的中国」\n+从源远流长的文化中遇见“可爱的中国”\n")
        #expect(try String(contentsOf: dir.url.appendingPathComponent("a.txt"), encoding: .utf8) == original)
    }
}
