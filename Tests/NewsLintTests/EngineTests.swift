import Foundation
import Testing
@testable import NewsLint

/// A corpus rule for the test only: reports the first line of every document whose first line
/// also opens another document of the run (map: collect the first line; reduce: compare).
private struct SameFirstLineRule: Rule, CorpusRule {
    static let description = RuleDescription(
        id: "same-first-line", name: LocalizedText(zh: "首行相同", en: "Same first line"),
        rationale: LocalizedText(zh: "测试用。", en: "For the test."), severity: .warning, scope: .corpus,
        triggering: [], nonTriggering: [])

    init(options: RuleOptions) throws(ConfigurationError) {}

    func collect(_ document: Document) -> any Sendable {
        (document.source.lineString(0), document.source.lineRange(0))
    }

    func judge(_ facts: [any Sendable], documents: [DocumentInfo]) -> [[Finding]] {
        let firsts = facts.map { $0 as! (String, Range<Int>) }
        return firsts.enumerated().map { i, fact in
            let others = documents.indices.filter { $0 != i && firsts[$0].0 == fact.0 }
            guard !others.isEmpty else { return [] }
            let related = others.map { RelatedLocation(path: documents[$0].path, position: SourcePosition(line: 1, column: 1),
                                                       message: LocalizedText(zh: "同一首行", en: "same first line")) }
            return [Finding(range: fact.1, message: LocalizedText(zh: "首行与其他文件相同", en: "first line repeats"),
                            relatedElsewhere: related)]
        }
    }
}

@Suite("Engine")
struct EngineTests {
    @Test func corpusRulesSeeEveryDocumentOfTheRun() throws {
        let rule = try SameFirstLineRule(options: RuleOptions())
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: .warning)]).lint(texts: [
            ("b.txt", "文昌街道\n正文。"), ("a.txt", "文昌街道\n别的正文。"), ("c.txt", "宁郭镇\n正文。"),
        ])
        #expect(report.files.map(\.path) == ["a.txt", "b.txt", "c.txt"], "files are sorted by path")
        let a = report.files[0].diagnostics
        #expect(a.count == 1)
        #expect(a[0].start == SourcePosition(line: 1, column: 1) && a[0].end == SourcePosition(line: 1, column: 5))
        #expect(a[0].related.map(\.path) == ["b.txt"])
        #expect(report.files[1].diagnostics.count == 1)
        #expect(report.files[2].diagnostics.isEmpty)
    }

    @Test func resultsDoNotDependOnParallelism() throws {
        let texts = (0..<64).map { ("page-\($0).txt", "他说：“第\($0)页没有右引号\n\n从源远流长的文化中遇见「可爱的中国」") }
        let linter = Linter(rules: [ConfiguredRule(rule: try QuoteStyleRule(options: RuleOptions()), severity: .error)])
        let one = JSONReporter.report(linter.lint(texts: texts), lang: .zh)
        let two = JSONReporter.report(linter.lint(texts: texts.reversed()), lang: .zh)
        #expect(one == two)
    }

    @Test func outputIsByteIdenticalAcrossThreadCounts() throws {
        let seeds = try Repo.seedNames.map { ($0, try Repo.seedText($0)) }
        let texts = (0..<12).flatMap { n in seeds.map { (path: "e\(n)/\($0.0)", text: $0.1) } }
        let base = try Linter(configuration: Configuration(baseDirectory: "/"))
        let reports = [1, 2, 3, 8].map { jobs in
            JSONReporter.report(Linter(rules: base.rules, jobs: jobs).lint(texts: texts), lang: .zh)
        }
        #expect(Set(reports).count == 1)
        #expect(runTool(["--jobs", "1", "--format", "json", "seeds/"]).out == runTool(["-j", "4", "--format", "json", "seeds/"]).out)
        #expect(runTool(["--jobs", "0", "seeds/"]).code == 2)
    }

    @Test func timingGoesToStandardErrorAndLeavesTheReportAlone() throws {
        let plain = runTool(["--format", "json", "seeds/"])
        let timed = runTool(["--timing", "--format", "json", "seeds/"])
        #expect(timed.out == plain.out)
        #expect(timed.code == plain.code)
        #expect(plain.err.isEmpty)
        let rows = Set(timed.err.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let ruleIds = try Linter(configuration: Configuration(baseDirectory: "/")).rules.map(\.id)
        for stage in ["find", "read", "decode", "layout", "report", "write", "total", "wall"] + ruleIds {
            #expect(rows.contains(stage), "no timing row for \(stage)")
        }
        #expect(rows.contains("name-consistency") && timed.err.contains("name-consistency (judge)"))
    }

    @Test func filesAreReadIntoArraysOfTheirOwnSize() throws {
        // A run keeps every file's bytes until it reports: no slack beyond the text itself.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-read-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Array(String(repeating: "本报讯（记者张三）正文。\n", count: 500).utf8)
        try Data(text).write(to: URL(fileURLWithPath: path))
        let bytes = try FileReader.read(path)
        #expect(bytes == text)
        #expect(bytes.capacity < text.count + 64, "capacity \(bytes.capacity) for \(text.count) bytes")
        #expect(try FileReader.read("/dev/null").isEmpty)
    }

    @Test func suggestionsNameTheClosestCandidate() {
        #expect(Suggest.closest("quote-styel", among: RuleRegistry.ids) == "quote-style")
        #expect(Suggest.closest("zzzzzz", among: RuleRegistry.ids) == nil)
    }
}

@Suite("Rule data")
struct RuleDataTests {
    @Test func builtInDataMatchesTheRulesFolder() throws {
        let folder = try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("Rules").path)
            .filter { ($0.hasSuffix(".json") || $0.hasSuffix(".tsv") || $0.hasSuffix(".b64")) && $0 != "lexicon.tsv" }
        // lexicon.tsv is built in as its table (lexicon-table.b64): WordTests checks the two agree.
        #expect(Set(folder) == Set(EmbeddedRuleData.files.keys), "Rules/ gained or lost a file: run scripts/embed-rule-data")
        for (name, embedded) in EmbeddedRuleData.files {
            let file = try String(contentsOf: Repo.root.appendingPathComponent("Rules/" + name), encoding: .utf8)
            #expect(file == embedded + "\n", "Rules/\(name) changed: run scripts/embed-rule-data")
        }
        #expect(throws: Never.self) { try DoubledCharacterRule(options: RuleOptions()) }
        #expect(HouseStyle.builtIn.roster.contains("郭树勋"))
        #expect(!HouseStyle.builtIn.spaceBeforeDatelineBracket)
    }

    @Test func bylineParseIsLenientAndRewritesInHouseOrder() {
        let style = HouseStyle.builtIn
        let p = BylineParse("本报通讯员 张放 本报记者 郭树勋 郭树勋", style: style)
        #expect(p.rewritten(style, compact: false) == "本报记者 郭树勋 本报通讯员 张放")
        #expect(p.problems(style).map(\.en) == ["“郭树勋” is named twice", "roles go in the order 记者, 特约记者, 通讯员, 实习生"])
        #expect(BylineParse("本报记者 王  浩", style: style).names == ["王浩"])
        #expect(BylineParse("记者段美如 通讯员段玉明", style: style).rewritten(style, compact: true) == "记者段美如 通讯员段玉明")
    }
}
