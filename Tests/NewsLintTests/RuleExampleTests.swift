import Foundation
import Testing
@testable import NewsLint

/// Runs every rule's own examples as tests: triggering examples must produce exactly the
/// marked spans, non-triggering ones nothing, also with CRLF line ends, a BOM, and ideographic
/// spaces (a multibyte prefix) before the first line.
@Suite("Rule examples")
struct RuleExampleTests {
    enum Variant: String, CaseIterable, Sendable {
        case plain, crlf, bom, indented
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let triggering: Bool
        let index: Int
        let variant: Variant
        var testDescription: String { "\(rule) \(triggering ? "triggering" : "non-triggering") #\(index) \(variant.rawValue)" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { type -> [Case] in
        let d = type.description
        var out: [Case] = []
        for (triggering, examples) in [(true, d.triggering), (false, d.nonTriggering)] {
            for (i, e) in examples.enumerated() {
                for v in Variant.allCases where v != .indented || e.allowsIndent {
                    out.append(Case(rule: d.id, triggering: triggering, index: i, variant: v))
                }
            }
        }
        return out
    }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let type = try #require(RuleRegistry.rule(id: c.rule))
        let d = type.description
        let example = (c.triggering ? d.triggering : d.nonTriggering)[c.index]
        let (plain, spans) = example.stripped
        #expect(c.triggering == !spans.isEmpty, "triggering examples mark spans with ⟦⟧; others must not")

        // Expected positions, computed on the plain text, then moved for the variant.
        let plainSource = SourceText(plain)
        var expected = spans.map { (plainSource.position(of: $0.lowerBound), plainSource.position(of: $0.upperBound)) }
        var text = plain
        switch c.variant {
        case .plain: break
        case .crlf: text = plain.replacingOccurrences(of: "\n", with: "\r\n")
        case .bom: text = "\u{FEFF}" + plain
        case .indented:
            text = "　　" + plain
            expected = expected.map { (shift($0.0), shift($0.1)) }
        }

        var options: JSONValue?
        if let json = example.options { options = try JSONParser.parse(Array(json.utf8)) }
        let rule = try type.init(options: RuleOptions(options))
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: d.severity)]).lint(texts: [("example", text)])
        let got = report.files[0].diagnostics.map { ($0.start, $0.end) }
        #expect(got.map { "\($0.0)-\($0.1)" } == expected.map { "\($0.0)-\($0.1)" }, "\(example.text)")
    }

    func shift(_ p: SourcePosition) -> SourcePosition {
        p.line == 1 ? SourcePosition(line: 1, column: p.column + 2) : p
    }

    @Test(arguments: RuleRegistry.ids)
    func everyRuleHasBothKindsOfExample(_ id: String) throws {
        let d = try #require(RuleRegistry.rule(id: id)).description
        #expect(!d.triggering.isEmpty)
        #expect(!d.nonTriggering.isEmpty)
        #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "rule ids are kebab-case")
        #expect(!d.name.zh.isEmpty && !d.name.en.isEmpty && !d.rationale.zh.isEmpty && !d.rationale.en.isEmpty)
    }

    @Test func ruleIdsAreUnique() {
        #expect(Set(RuleRegistry.ids).count == RuleRegistry.ids.count)
    }
}
