import Foundation
import Testing
@testable import NewsLint

@Suite("metric-arithmetic: verdicts, severities and the claims ledger")
struct MetricArithmeticTests {
    func claims(_ text: String) throws -> [Claim] {
        try MetricArithmeticRule(options: RuleOptions()).claims(in: Document(path: "t", text: text))
    }

    func lint(_ text: String, configured: Severity? = nil) throws -> [Diagnostic] {
        let rule = try MetricArithmeticRule(options: RuleOptions())
        let configuredRule = ConfiguredRule(rule: rule, severity: configured ?? .error, severityIsConfigured: configured != nil)
        return Linter(rules: [configuredRule]).lint(texts: [("t", text)]).files[0].diagnostics
    }

    @Test func contradictionIsAnErrorAndTheCommonSlipAWarning() throws {
        let wrong = try lint("财政收入从425万元跃升至1.46亿元，增长35倍。")
        #expect(wrong.map(\.severity) == [.error])
        // 200万 → 600万 is 3 times: 增长3倍 is the slip for 增长到3倍 (or 增长2倍).
        let slip = try lint("销售额从200万元增加到600万元，增长3倍。")
        #expect(slip.map(\.severity) == [.warning])
        #expect(slip[0].suggestion == "增长2倍")
        #expect(slip[0].message.zh.contains("增长到3倍"))
        // A severity set in the configuration applies to every finding of the rule.
        #expect(try lint("销售额从200万元增加到600万元，增长3倍。", configured: .error).map(\.severity) == [.error])
    }

    @Test func theLedgerRecordsEveryVerdict() throws {
        let text = "收入从5万元增长到10万元，翻了一番，增长1倍；今年同比增长8.2%，占全区比例达到56%。事故起数下降了3倍。"
        let got = try claims(text).map { "\($0.kind.rawValue):\($0.verdict.rawValue):\($0.text)" }
        #expect(got == [
            "doubling:consistent:翻了一番",
            "multiple:consistent:增长1倍",
            "percent-change:not-checkable:增长8.2%",
            "share:not-checkable:占全区比例达到56%",
            "falling-multiple:contradicted:下降了3倍",
        ])
    }

    /// The rule builds only the claims it reports; they must be the ledger's reported claims, in
    /// order: on the seeds and on every example of the rule.
    @Test func reportedClaimsAreTheLedgersContradictionsAndSlips() throws {
        let rule = try MetricArithmeticRule(options: RuleOptions())
        let texts = try Repo.seedNames.map(Repo.seedText)
            + (MetricArithmeticRule.description.triggering + MetricArithmeticRule.description.nonTriggering).map(\.stripped.text)
        var reported = 0
        for text in texts {
            let document = Document(path: "t", text: text)
            func line(_ c: Claim) -> String { "\(c.range) \(c.kind.rawValue) \(c.verdict.rawValue) \(c.text) \(c.message?.zh ?? "") \(c.suggestion ?? "")" }
            let ledger = rule.claims(in: document).filter(\.verdict.isReported).map(line)
            #expect(rule.claims(in: document, ledger: false).map(line) == ledger)
            reported += ledger.count
        }
        #expect(reported >= 17)  // every triggering example, and seed 000 line 33
    }

    @Test func seedClaimsThatMustStaySilentAreCheckedAndConsistent() throws {
        let seeds = try Repo.seedNames.map { (name: $0, document: Document(path: $0, text: try Repo.seedText($0))) }
        let rule = try MetricArithmeticRule(options: RuleOptions())
        var consistent: [String] = []
        for (name, document) in seeds {
            for c in rule.claims(in: document) where c.verdict == .consistent {
                consistent.append("\(name.prefix(3)):\(document.source.position(of: c.range.lowerBound).line):\(c.kind.rawValue)")
            }
        }
        // 002 line 43: 税收1334万元，占任务数885万元的150.7%，超收449万元.
        #expect(consistent.contains("002:43:share") && consistent.contains("002:43:difference"))
        // 003 line 27: 三星以上支部占58%、50%、92% from the listed grades (100% has no lower grade to check against).
        #expect(consistent.filter { $0 == "003:27:share" }.count == 3)
        // 003 line 55: 67个全科网格（其中村31个，社区36个）; 002 line 90: 共9个，其中5个、2个、2个.
        #expect(consistent.contains("003:55:parts-and-total") && consistent.contains("002:90:parts-and-total"))
        // 002 line 90 and 000 line 67: counted lists.
        #expect(consistent.filter { $0 == "002:90:list-count" }.count == 3)
        #expect(consistent.contains("000:67:list-count"))
    }

    @Test func claimSpansAndFiguresMapToTheSource() throws {
        // Hard-wrapped page text: the figures and the claim cross line breaks.
        let text = "该区学前教育经费从 2015 年的 439 万元增长到 2017\n年的 5578 万元，增长\n15倍。"
        let document = Document(path: "t", text: text)
        let c = try #require(try MetricArithmeticRule(options: RuleOptions()).claims(in: document).first { $0.kind == .multiple })
        #expect(c.verdict == .contradicted)
        #expect(c.figures == ["439 万元", "5578 万元"])
        #expect(document.source.position(of: c.range.lowerBound) == SourcePosition(line: 2, column: 12))
        #expect(document.source.position(of: c.range.upperBound) == SourcePosition(line: 3, column: 4))
    }
}
