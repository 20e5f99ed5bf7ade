import Foundation
import Testing
@testable import NewsLint

/// The weighted error rate (计错) by `Rules/error-rate.json`: each weight and limit of the
/// inspectors' method, editions by folder, and a paper's own copy of the method.
@Suite("Weighted error rate")
struct ErrorRateTests {
    static let method = ErrorRateMethod.builtIn

    /// A file of `characters` characters holding `findings`: (rule, severity, text, correction,
    /// whether it lies in a title).
    static func file(_ path: String, characters: Int = 10_000,
                     _ findings: [(rule: String, severity: Severity, text: String, correction: String?, title: Bool)]) -> FileReport {
        var text = "", titles: [Range<Int>] = [], diagnostics: [Diagnostic] = []
        for f in findings {
            let start = text.utf8.count
            text += f.text + "\n"
            let range = start..<(start + f.text.utf8.count)
            if f.title { titles.append(range) }
            diagnostics.append(Diagnostic(rule: f.rule, severity: f.severity, message: LocalizedText(zh: "", en: ""),
                                          start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2),
                                          excerpt: f.text, suggestion: f.correction, fixIsSafe: false, related: [], byteRange: range))
        }
        return FileReport(path: path, characters: characters, encoding: .utf8, diagnostics: diagnostics,
                          source: SourceText(text), titles: titles)
    }

    @Test func aTypoCountsByTheCharactersItChanges() {
        let m = Self.method
        #expect(m.count(edition: [Self.file("a/1.txt", [("doubled-character", .error, "为为", "为", false)])]) == 1)
        #expect(m.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "跃厉奋发", "踔厉奋发", false)])]) == 1)
        #expect(m.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "甲乙丙", "丁戊己", false)])]) == 2)
        #expect(m.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "甲乙丙丁戊己", "子丑寅卯辰巳", false)])]) == 4)
        // A wrong Arabic number is one error however many digits it has.
        #expect(m.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "12750名", "21570名", false)])]) == 1)
        #expect(ErrorRateMethod.changedCharacters("12750", "21570") == 1)
        #expect(ErrorRateMethod.changedCharacters("成为为", "成为") == 1)
    }

    @Test func anErrorInATitleCountsDouble() {
        #expect(Self.method.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "跃厉奋发", "踔厉奋发", true)])]) == 2)
        #expect(Self.method.count(edition: [Self.file("a/1.txt", [("metric-arithmetic", .error, "增长35倍", "增长33.4倍", true)])]) == 2)
    }

    @Test func theSameErrorCountsAtMostThreeTimesAnEdition() {
        let same = [(rule: "misspelling", severity: Severity.error, text: "其它", correction: String?("其他"), title: false)]
        let m = Self.method
        #expect(m.count(edition: [Self.file("a/1.txt", Array(repeating: same[0], count: 5))]) == 3)
        // Across the files of one edition too; a different correction is a different error.
        #expect(m.count(edition: [Self.file("a/1.txt", same + same), Self.file("a/2.txt", same + same)]) == 3)
        #expect(m.count(edition: [Self.file("a/1.txt", same + [("misspelling", .error, "其它", "其佗", false)])]) == 2)
    }

    @Test func numeralUsageCountsATenthUpToOneAnEdition() {
        let slip = (rule: "number-form", severity: Severity.warning, text: "7.20", correction: String?("7·20"), title: false)
        let m = Self.method
        #expect(abs(m.count(edition: [Self.file("a/1.txt", [slip, (slip.rule, slip.severity, "一九年", "2019年", false)])]) - 0.2) < 1e-9)
        let many = (0..<15).map { k in (rule: "number-form", severity: Severity.warning, text: "\(k).5", correction: String?("\(k)·5"), title: false) }
        #expect(m.count(edition: [Self.file("a/1.txt", many)]) == 1)
    }

    @Test func warningsAndNotesDoNotCountUnlessTheirCategorySaysSo() {
        #expect(Self.method.count(edition: [Self.file("a/1.txt", [("misspelling", .warning, "其它", "其他", false)])]) == 0)
        #expect(Self.method.count(edition: [Self.file("a/1.txt", [("byline-placement", .note, "x", nil, false)])]) == 0)
        // A paper's own pack counts as `other`: 1 each.
        #expect(Self.method.count(edition: [Self.file("a/1.txt", [("house-words", .error, "x", nil, false)])]) == 1)
    }

    @Test func editionsAreFoldersAndTheRunIsTheirSum() {
        let slips = (0..<12).map { k in (rule: "number-form", severity: Severity.warning, text: "\(k).5", correction: String?("\(k)·5"), title: false) }
        let report = LintReport(files: [Self.file("d1/1.txt", slips), Self.file("d1/2.txt", slips), Self.file("d2/1.txt", characters: 20_000, slips)],
                                inputErrors: [])
        #expect(report.editions.map(\.folder) == ["d1", "d2"])
        #expect(report.editions.map(\.weighted) == [1, 1])
        #expect(report.weightedErrors == 2)
        #expect(report.weightedErrors(report.files[0]) == 1)
        #expect(ErrorRateMethod.rate(report.weightedErrors, report.characters) == 0.5)
        let json = JSONReporter.report(report, lang: .zh)
        #expect(json.contains("\"weightedErrorRate\": 0.5"))
        #expect(json.contains("\"editions\""))
        #expect(HTMLReporter.report(report, lang: .zh).contains("计错差错率"))
    }

    @Test func aRulesFolderCopyReplacesTheWeightsAndBadDataNamesTheKey() throws {
        let dir = try TemporaryDirectory()
        var text = RuleData.builtIn("error-rate.json")!
        text = text.replacingOccurrences(of: "\"titleFactor\": 2", with: "\"titleFactor\": 3")
        try dir.write("error-rate.json", text)
        let m = try ErrorRateMethod.load(rulesDirectory: dir.path)
        #expect(m.count(edition: [Self.file("a/1.txt", [("misspelling", .error, "跃厉奋发", "踔厉奋发", true)])]) == 3)
        try dir.write("error-rate.json", text.replacingOccurrences(of: "\"misspelling\": \"characters\"", with: "\"misspelling\": \"typos\""))
        #expect { try ErrorRateMethod.load(rulesDirectory: dir.path) } throws: { e in
            let e = e as! ConfigurationError
            return e.describe(.en).contains("rules.misspelling") && e.describe(.en).contains("error-rate.json")
        }
    }

    /// Every built-in rule has its category: a new rule must be placed in the method.
    @Test func everyBuiltInRuleHasACategory() throws {
        let m = Self.method
        for rule in try RuleRegistry.descriptions() {
            #expect(m.ruleCategory[rule.id] != nil, "\(rule.id)")
        }
    }
}
