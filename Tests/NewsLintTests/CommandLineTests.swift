import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

/// Runs the command in-process, from the repository root unless told otherwise.
func runTool(_ args: [String], in directory: String = Repo.root.path, environment: [String: String] = [:],
             terminal: Bool = false) -> (code: Int32, out: String, err: String) {
    let out = Box(), err = Box()
    let tool = CommandLineTool(arguments: args, workingDirectory: directory, environment: environment,
                               stdoutIsTerminal: terminal, writeOut: { out.text += $0 }, writeErr: { err.text += $0 })
    let code = tool.run()
    return (code, out.text, err.text)
}

final class Box: @unchecked Sendable { var text = "" }

/// The findings the seeds must produce with the rules that exist: file, line, column, rule.
/// Every one is asserted; a new rule adds its seed findings here.
let expectedSeedFindings: Set<String> = [
    "seeds/000_1f9a82e85afd0d46.txt:33:36:metric-arithmetic",  // 增长35倍 for 425万元→1.46亿元
    "seeds/002_95b150d32cc6734e.txt:21:1:caption-placement",  // headline inside `…智` / `造强县…`
    "seeds/002_95b150d32cc6734e.txt:23:1:caption-placement",  // byline inside the same sentence
    "seeds/002_95b150d32cc6734e.txt:49:1:caption-placement",  // caption inside `…跟踪服` / `务好…`
    "seeds/003_a2c041b2b8083ec5.txt:41:1:caption-placement",  // caption splitting 目标
    "seeds/003_a2c041b2b8083ec5.txt:97:12:quote-style",       // 「可爱的中国」
    "seeds/002_95b150d32cc6734e.txt:90:1:byline-format",      // 本报讯 (记者段美如 通讯员段玉明)
    "seeds/004_6f37aac55d80145d.txt:449:1:byline-format",     // 本报讯 （记者付凯明）
    "seeds/004_6f37aac55d80145d.txt:512:1:byline-format",     // 本报讯 （通讯员冯建京）
    "seeds/000_1f9a82e85afd0d46.txt:113:1:byline-placement",  // byline after the 宁郭镇 article's body
    "seeds/000_1f9a82e85afd0d46.txt:115:1:byline-placement",  // headline after it too
    "seeds/004_6f37aac55d80145d.txt:93:1:byline-placement",   // one note: every headline after its body
    "seeds/000_1f9a82e85afd0d46.txt:7:6:name-consistency",    // 郭树勤 for 郭树勋
    "seeds/000_1f9a82e85afd0d46.txt:113:6:name-consistency",  // and again
    "seeds/000_1f9a82e85afd0d46.txt:101:600:doubled-character", // 成为为
    "seeds/002_95b150d32cc6734e.txt:61:7:number-form",        // “7.20” for “7·20”
    "seeds/004_6f37aac55d80145d.txt:305:1:spacing",           // 富 力 地 产 …
    "seeds/004_6f37aac55d80145d.txt:307:1:spacing",           // 快 城 市 建 设 …
    "seeds/004_6f37aac55d80145d.txt:428:6:spacing",           // 所 ， 所 占 比 例 为
    "seeds/001_2323319200e1b2aa.txt:11:5:punctuation-width",  // a page exported with ASCII marks, once
    "seeds/002_95b150d32cc6734e.txt:17:82:punctuation-width", // likewise
    "seeds/003_a2c041b2b8083ec5.txt:5:31:punctuation-width",  // likewise
    "seeds/001_2323319200e1b2aa.txt:5:11:misspelling",        // 跃厉奋发 for 踔厉奋发 (rule pack)
    "seeds/004_6f37aac55d80145d.txt:1:12:spacing",            // 16 spaces next to full-width marks, once for the page
]

func findings(inJSON text: String) throws -> [[String: Any]] {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let files = try #require(root["files"] as? [[String: Any]])
    return files.flatMap { file -> [[String: Any]] in
        ((file["diagnostics"] as? [[String: Any]]) ?? []).map { d in
            var d = d
            d["path"] = file["path"]
            return d
        }
    }
}

@Suite("Command line")
struct CommandLineTests {
    @Test func lintsTheSeedsWithReadableText() {
        let r = runTool(["seeds/"])
        #expect(r.code == 1, "an error-severity finding exits 1")
        #expect(r.err.isEmpty)
        #expect(r.out.contains("seeds/003_a2c041b2b8083ec5.txt:97:12: error: 大陆横排不用直角引号：「可爱的中国」应为“可爱的中国” [quote-style]"))
        // The excerpt and a caret under 「可爱的中国」 (14 cells), after 11 Han characters (22 cells).
        #expect(r.out.contains(" 97 | 从源远流长的文化中遇见「可爱的中国」\n    | " + String(repeating: " ", count: 22) + "^" + String(repeating: "~", count: 13) + "\n"))
        #expect(r.out.hasSuffix("检查 5 个文件，共 25059 字：错误 13 处，警告 10 处，提示 1 处；计错差错率 万分之2.83\n"))
        #expect(!r.out.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func seedFindingsAreExactlyTheExpectedOnes() throws {
        let r = runTool(["--format", "json", "seeds"])
        let got = try findings(inJSON: r.out).map { d in
            "\(d["path"]!):\(d["line"]!):\(d["column"]!):\(d["rule"]!)"
        }
        #expect(Set(got) == expectedSeedFindings)
        #expect(got.count == expectedSeedFindings.count)
    }

    @Test func jsonFollowsTheContract() throws {
        let r = runTool(["--format", "json", "seeds/"])
        #expect(r.code == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "newslint")
        #expect(tool["version"] as? String == Version.current)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 5)
        #expect(summary["characters"] as? Int == 25059)
        #expect(summary["errors"] as? Int == 13)
        #expect(summary["warnings"] as? Int == 10)
        #expect(summary["notes"] as? Int == 1)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == Repo.seedNames.map { "seeds/" + $0 })
        for f in files { #expect(f["characters"] is Int && f["diagnostics"] is [Any]) }
        let d = try #require(try findings(inJSON: r.out).first { $0["rule"] as? String == "quote-style" })
        #expect(d["severity"] as? String == "error")
        #expect(d["line"] as? Int == 97 && d["column"] as? Int == 12)
        #expect(d["endLine"] as? Int == 97 && d["endColumn"] as? Int == 19)
        #expect(d["excerpt"] as? String == "「可爱的中国」")
        #expect(d["suggestion"] as? String == "“可爱的中国”")
        #expect((d["message"] as? String)?.isEmpty == false)
    }

    @Test func jsonIsValidWithNoFindings() throws {
        let dir = try TemporaryDirectory()
        try dir.write("clean.txt", "干净的稿件。\n")
        let r = runTool(["--format", "json", "clean.txt"], in: dir.path)
        #expect(r.code == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.count == 1 && (files[0]["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func withNoPathTheConfigurationIncludeIsLinted() throws {
        let r = runTool(["--format", "json"])
        #expect(Set(try findings(inJSON: r.out).map { "\($0["path"]!):\($0["line"]!):\($0["column"]!):\($0["rule"]!)" }) == expectedSeedFindings)
    }

    @Test func englishMessages() {
        let r = runTool(["--lang", "en", "seeds/003_a2c041b2b8083ec5.txt"])
        #expect(r.out.contains("97:12: error: mainland horizontal copy does not use corner brackets: write “可爱的中国” for 「可爱的中国」 [quote-style]"))
        #expect(r.out.contains("suggestion: “可爱的中国”"))
        #expect(r.out.contains("41:1: error: a caption stands inside a sentence: “…情况,对照创建目” and “标,年终公示创建…” are one sentence, splitting “目标”; move it out of the sentence [caption-placement]"))
        #expect(r.out.contains("= seeds/003_a2c041b2b8083ec5.txt:37:74: the sentence breaks off here"))
        #expect(r.out.hasSuffix("1 file, 6168 characters: 2 errors, 1 warning, 0 notes; weighted error rate 0.49 per 10,000\n"))
    }

    @Test func missingAndBinaryInputsExit2AndTheRestIsStillLinted() throws {
        let dir = try TemporaryDirectory()
        try dir.write("good.txt", "他说：“没有右引号")
        try dir.write("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/dangling.txt", withDestinationPath: dir.path + "/nowhere")
        let r = runTool(["good.txt", "missing.txt", "photo.txt", "dangling.txt", "--format", "json"], in: dir.path)
        #expect(r.code == 2)
        #expect(r.err.contains("missing.txt: 文件或文件夹不存在"))
        #expect(r.err.contains("dangling.txt: 文件或文件夹不存在"))
        #expect(r.err.contains("photo.txt: 不是文本文件：第 4 字节处有 NUL 字节"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((root["files"] as? [[String: Any]])?.map { $0["path"] as? String } == ["good.txt"])
        #expect((root["inputErrors"] as? [[String: Any]])?.count == 3)
        #expect(try findings(inJSON: r.out).count == 1)
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func unreadableFileExits2() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("secret.txt", "正文。")
        chmod(path, 0)
        let r = runTool(["secret.txt"], in: dir.path)
        #expect(r.code == 2)
        #expect(r.err.contains("secret.txt: 没有读取权限"))
    }

    @Test func inputFilesAreNeverChanged() throws {
        let dir = try TemporaryDirectory()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("他说：「好」\r\n".utf8)
        let path = try dir.write("a.txt", bytes)
        _ = runTool(["a.txt"], in: dir.path)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    @Test func badConfigurationExits2WithTheReason() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", #"{"rules": {"quote-styl": "error"}}"#)
        try dir.write("a.txt", "正文。")
        let r = runTool(["a.txt"], in: dir.path)
        #expect(r.code == 2)
        #expect(r.err.contains(".lint.json：键 `rules.quote-styl`：未知的规则 `quote-styl`，是否想写 `quote-style`？"))
        #expect(r.out.isEmpty)

        try dir.write("broken.json", "{\n  \"include\": [\n")
        let broken = runTool(["--config", "broken.json", "--lang", "en", "a.txt"], in: dir.path)
        #expect(broken.code == 2)
        #expect(broken.err.contains("broken.json:3:1: malformed JSON"))

        let missing = runTool(["--config", "nope.json", "--lang", "en", "a.txt"], in: dir.path)
        #expect(missing.code == 2)
        #expect(missing.err.contains("nope.json: no such file or directory"))

        try dir.write("nodir.json", #"{"rulesDirectory": "NoSuchRules"}"#)
        let nodir = runTool(["--config", "nodir.json", "--lang", "en", "a.txt"], in: dir.path)
        #expect(nodir.code == 2)
        #expect(nodir.err.contains("key `rulesDirectory`: rules directory `NoSuchRules` does not exist"))
    }

    @Test func usageErrorsExit2() {
        let r = runTool(["--fromat", "json"])
        #expect(r.code == 2)
        #expect(r.err.contains("未知的选项 `--fromat`，是否想写 `--format`？"))
        #expect(runTool(["--format", "xml"]).code == 2)
        #expect(runTool(["--lang"]).code == 2)
        #expect(runTool(["explain", "no-such-rule"]).code == 2)
    }

    @Test func strictFailsOnWarnings() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", #"{"rules": {"quote-style": "warning"}}"#)
        try dir.write("a.txt", "他说：“没有右引号")
        #expect(runTool(["a.txt"], in: dir.path).code == 0)
        #expect(runTool(["--strict", "a.txt"], in: dir.path).code == 1)
    }

    @Test func outputFileTakesTheReport() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "他说：“没有右引号")
        let r = runTool(["a.txt", "--format=json", "--output", "report.json"], in: dir.path)
        #expect(r.code == 1)
        #expect(r.out.isEmpty)
        let written = try String(contentsOfFile: dir.path + "/report.json", encoding: .utf8)
        #expect(try findings(inJSON: written).count == 1)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        #expect(runTool(["seeds/003_a2c041b2b8083ec5.txt"], terminal: true).out.contains("\u{1B}[1;31m"))
        #expect(!runTool(["seeds/003_a2c041b2b8083ec5.txt"], environment: ["NO_COLOR": "1"], terminal: true).out.contains("\u{1B}["))
        #expect(!runTool(["--no-color", "seeds/003_a2c041b2b8083ec5.txt"], terminal: true).out.contains("\u{1B}["))
    }

    @Test func foldersAreWalkedForTextAndMarkdownOnly() throws {
        let dir = try TemporaryDirectory()
        try dir.write("pages/a.txt", "正文。")
        try dir.write("pages/sub/b.md", "正文。")
        try dir.write("pages/c.json", "{}")
        try dir.write("pages/.hidden/d.txt", "正文。")
        try dir.write("pages/E.TXT", "正文。")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/pages/sub/loop", withDestinationPath: dir.path + "/pages")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/pages/gone.txt", withDestinationPath: dir.path + "/nowhere.txt")
        try dir.write("elsewhere/f.txt", "正文。")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/pages/linked", withDestinationPath: dir.path + "/elsewhere")
        let r = runTool(["--format", "json", "pages"], in: dir.path)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((root["files"] as? [[String: Any]])?.map { $0["path"] as? String }
                == ["pages/E.TXT", "pages/a.txt", "pages/linked/f.txt", "pages/sub/b.md"])
        // A dangling link with a page's name is said, not skipped in silence.
        #expect(r.code == 2)
        #expect(r.err.contains("pages/gone.txt: 文件或文件夹不存在"))
        // The same folder given twice, once by another spelling of its path, is linted once.
        try dir.write("single/g.txt", "正文。")
        let twice = runTool(["--format", "json", "single", "./single/", dir.path + "/single"], in: dir.path)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(twice.out.utf8)) as? [String: Any])
        #expect((again["files"] as? [[String: Any]])?.count == 1)
    }

    @Test func onlyTextAndMarkdownNamesAreLinted() {
        for name in ["a.txt", "B.TXT", "c.Md", "d.tar.txt", "第一版.txt"] { #expect(FileCollector.isLintable(name), "\(name)") }
        for name in ["a.txt.bak", "b.", "c", "d.json", "txt", "e.tx", "f.mdx", "g.ｔｘｔ"] { #expect(!FileCollector.isLintable(name), "\(name)") }
    }

    @Test func configurationGlobsIncludeAndExclude() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", #"{"include": ["editions/**/*.txt"], "exclude": ["editions/old"]}"#)
        try dir.write("editions/2026-11-22/p1.txt", "正文。")
        try dir.write("editions/2026-11-22/p2.md", "正文。")
        try dir.write("editions/old/p1.txt", "正文。")
        let r = runTool(["--format", "json"], in: dir.path)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((root["files"] as? [[String: Any]])?.map { $0["path"] as? String } == ["editions/2026-11-22/p1.txt"])
    }

    @Test func rulesExplainHelpVersion() {
        #expect(runTool(["rules"]).out.contains("quote-style"))
        let explain = runTool(["explain", "quote-style"])
        #expect(explain.code == 0 && explain.out.contains("GB/T 15834") && explain.out.contains("⟦"))
        #expect(runTool(["--help"]).out.contains("退出码"))
        #expect(runTool(["--help", "--lang", "en"]).out.contains("Exit codes"))
        #expect(runTool(["--version"]).out == "newslint \(Version.current)\n")
    }

    @Test func readmeRuleListIsCurrent() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        #expect(table == RuleCatalog.list(try RuleRegistry.descriptions(), .zh, markdown: true),
                "README's rule table is stale: replace it with the output of `newslint rules --markdown`")
    }

    @Test func captionInsideASentenceNamesBothHalves() throws {
        let r = runTool(["--format", "json", "seeds/003_a2c041b2b8083ec5.txt"])
        let d = try #require(try findings(inJSON: r.out).first { $0["rule"] as? String == "caption-placement" })
        #expect(d["line"] as? Int == 41 && d["column"] as? Int == 1 && d["endLine"] as? Int == 41 && d["endColumn"] as? Int == 17)
        #expect(d["excerpt"] as? String == "定期召开“五星”支部创建推进会。")
        let related = try #require(d["related"] as? [[String: Any]])
        #expect(related.map { "\($0["line"]!):\($0["column"]!)" } == ["37:74", "43:1"])
        #expect((d["message"] as? String)?.contains("拆开了“目标”") == true)
    }

    @Test func metricClaimCarriesFiguresSuggestionAndRelated() throws {
        let r = runTool(["--format", "json", "seeds/000_1f9a82e85afd0d46.txt"])
        let d = try #require(try findings(inJSON: r.out).first { $0["rule"] as? String == "metric-arithmetic" })
        #expect(d["line"] as? Int == 33 && d["column"] as? Int == 36 && d["endColumn"] as? Int == 41)
        #expect(d["excerpt"] as? String == "增长35倍")
        #expect(d["suggestion"] as? String == "增长33.4倍")
        #expect(d["message"] as? String == "增长35倍与所列数字不符：425万元→1.46亿元为原来的34.4倍，应为“增长33.4倍”或“增长到34.4倍”")
        let related = try #require(d["related"] as? [[String: Any]])
        #expect(related.map { "\($0["line"]!):\($0["column"]!)" } == ["33:21", "33:29"])
    }

    @Test func claimsLedgerListsWhatWasChecked() throws {
        let text = runTool(["claims", "seeds/"])
        #expect(text.code == 0)
        #expect(text.out.contains("seeds/000_1f9a82e85afd0d46.txt:33:36: [不符] multiple: 增长35倍  依据 425万元, 1.46亿元 → 原来的34.35倍"))
        #expect(text.out.contains("seeds/002_95b150d32cc6734e.txt:43:122: [相符] difference: 超收449万元  依据 1334万元, 885万元 → 449万元"))
        #expect(text.out.hasSuffix("共 33 处数字说法：相符 22，不符 1，疑似误用 0，存疑 0，无法核对 10\n"))
        let json = runTool(["claims", "--format", "json", "--lang", "en", "seeds/"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["consistent": 22, "contradicted": 1, "likely-slip": 0, "doubtful": 0, "not-checkable": 10])
        let byKind = try #require(root["byKind"] as? [String: [String: Int]])
        #expect(byKind["multiple"]?["contradicted"] == 1 && byKind["share"]?["not-checkable"] == 7)
        #expect(text.out.contains("  share：核对 4 处（不符 0），无法核对 7 处\n"))
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.count == 5)
    }

    @Test func bylineFindingsCarryTheHouseForm() throws {
        let r = runTool(["--format", "json", "seeds/"])
        let all = try findings(inJSON: r.out)
        let ascii = try #require(all.first { $0["rule"] as? String == "byline-format" && $0["line"] as? Int == 90 })
        #expect(ascii["excerpt"] as? String == "本报讯 (记者段美如 通讯员段玉明)")
        #expect(ascii["suggestion"] as? String == "本报讯（记者段美如 通讯员段玉明）")
        let spaced = try #require(all.first { $0["rule"] as? String == "byline-format" && $0["line"] as? Int == 449 })
        #expect(spaced["suggestion"] as? String == "本报讯（记者付凯明）")
        #expect((spaced["message"] as? String)?.contains("本版其他电头也是如此") == true)
        let note = try #require(all.first { $0["rule"] as? String == "byline-placement" && $0["line"] as? Int == 93 })
        #expect(note["severity"] as? String == "note")
    }

    @Test func houseStyleComesFromTheRulesDirectoryAndTheConfiguration() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "本报讯 （记者付凯明）近日，示范区家长学校开讲。\n")
        // Built-in style: no space.
        #expect(runTool(["--format", "json", "a.txt"], in: dir.path).code == 1)
        // A house style file in the rules directory that wants the space.
        var style = try String(contentsOf: Repo.root.appendingPathComponent("Rules/house-style.json"), encoding: .utf8)
        style = style.replacingOccurrences(of: "\"spaceBeforeDatelineBracket\": false", with: "\"spaceBeforeDatelineBracket\": true")
        try dir.write("Rules/house-style.json", style)
        try dir.write(".lint.json", "{}")
        #expect(runTool(["a.txt"], in: dir.path).code == 0)
        // The configuration overrides one key back.
        try dir.write(".lint.json", #"{"rules": {"byline-format": {"options": {"houseStyle": {"spaceBeforeDatelineBracket": false}}}}}"#)
        #expect(runTool(["a.txt"], in: dir.path).code == 1)
        // Invalid style data is a configuration error with the file and key path.
        try dir.write(".lint.json", #"{"rules": {"byline-format": {"options": {"houseStyle": {"nameLength": {"min": 5, "max": 2}}}}}}"#)
        let bad = runTool(["--lang", "en", "a.txt"], in: dir.path)
        #expect(bad.code == 2)
        #expect(bad.err.contains("key `rules.byline-format.options.houseStyle.nameLength.min`"))
        try dir.write(".lint.json", "{}")
        try dir.write("Rules/house-style.json", #"{"roles": [], "roleOrder": ["记者"], "localDateline": "本报讯", "nameLength": {"min": 2, "max": 4}}"#)
        let empty = runTool(["--lang", "en", "a.txt"], in: dir.path)
        #expect(empty.code == 2 && empty.err.contains("house-style.json: key `roles`: must not be empty"))
    }

    @Test func brokenOrUnreadableRuleDataIsAnErrorNamingTheFile() throws {
        for name in ["house-style.json", "doubled-character.json"] {
            let dir = try TemporaryDirectory()
            try dir.write(".lint.json", "{}")
            try dir.write("a.txt", "正文。\n")
            try dir.write("Rules/" + name, "{\n  \"characters\": ")
            let malformed = runTool(["--lang", "en", "a.txt"], in: dir.path)
            #expect(malformed.code == 2 && malformed.err.contains("Rules/\(name):2:"), "\(name): \(malformed.err)")
            // A folder where the file should be cannot be read: an error, not the built-in data.
            try FileManager.default.removeItem(atPath: dir.path + "/Rules/" + name)
            try FileManager.default.createDirectory(atPath: dir.path + "/Rules/" + name, withIntermediateDirectories: true)
            let unreadable = runTool(["--lang", "en", "a.txt"], in: dir.path)
            #expect(unreadable.code == 2 && unreadable.err.contains(name), "\(name): \(unreadable.err)")
        }
    }

    /// The listed characters are all three bytes by default, and a text is searched sixteen
    /// offsets at a time; a list that mixes lengths is walked scalar by scalar. Both find the same
    /// doubles, a third one starting no new pair.
    @Test func doubledCharactersOfEveryLengthAreFound() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        try dir.write("a.txt", "成为为，a··b为为为。\n")
        for (characters, expected) in [("为", ["a.txt:1:2:", "a.txt:1:9:"]), ("为·", ["a.txt:1:2:", "a.txt:1:6:", "a.txt:1:9:"])] {
            try dir.write("Rules/doubled-character.json", #"{"characters": "\#(characters)", "allowed": []}"#)
            let r = runTool(["--lang", "en", "a.txt"], in: dir.path)
            let found = r.out.split(separator: "\n").filter { $0.hasSuffix("[doubled-character]") }.map { String($0.prefix(10)) }
            #expect(found == expected, "\(characters): \(r.out)")
        }
    }

    @Test func explainShowsTheHouseStyleInUse() {
        let r = runTool(["explain", "byline-format"])
        #expect(r.out.contains("体例：角色词：") && r.out.contains("本报记者"))
        #expect(r.out.contains("电头写作“本报讯（记者张三）”"))
    }
}
