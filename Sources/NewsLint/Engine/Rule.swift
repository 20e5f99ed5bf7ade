/// An example in a rule's description. In triggering examples, `⟦` and `⟧` mark the exact span
/// of each expected finding; the markers are removed before the text is linted.
/// The examples run as tests (also with CRLF line ends, a BOM and an indented first line).
public struct RuleExample: Sendable {
    public let text: String
    /// Whether the example keeps its meaning with `　　` (ideographic spaces) before its first line.
    public let allowsIndent: Bool
    /// Options to configure the rule with for this example (JSON object text), if any.
    public let options: String?

    public init(_ text: String, allowsIndent: Bool = true, options: String? = nil) {
        self.text = text
        self.allowsIndent = allowsIndent
        self.options = options
    }

    public static let spanStart: Character = "⟦"
    public static let spanEnd: Character = "⟧"

    /// The example's text without markers, and the byte ranges the markers enclosed.
    public var stripped: (text: String, spans: [Range<Int>]) {
        var out: [UInt8] = []
        var spans: [Range<Int>] = []
        var open: [Int] = []
        for ch in text.unicodeScalars {
            if ch == "⟦" { open.append(out.count); continue }
            if ch == "⟧", let s = open.popLast() { spans.append(s..<out.count); continue }
            UTF8Scan.append(ch.value, to: &out)
        }
        return (String(decoding: out, as: UTF8.self), spans.sorted { $0.lowerBound < $1.lowerBound })
    }
}

public enum RuleScope: String, Sendable {
    /// Judges one document at a time.
    case document
    /// Collects facts from every document of a run and judges them together.
    case corpus
}

/// One option a rule takes in `.lint.json` (`rules.ID.options.NAME`).
public struct RuleOptionDescription: Sendable {
    public let name: String
    public let defaultValue: String
    public let meaning: LocalizedText

    public init(_ name: String, default defaultValue: String, _ meaning: LocalizedText) {
        self.name = name
        self.defaultValue = defaultValue
        self.meaning = meaning
    }
}

/// Everything a user or a test needs to know about a rule, in one static value.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id: what configuration, suppression comments and reports use.
    public let id: String
    public let name: LocalizedText
    public let rationale: LocalizedText
    public let severity: Severity
    public let scope: RuleScope
    public let options: [RuleOptionDescription]
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]
    /// Rules whose finding on an overlapping span says the same: this rule's finding there is
    /// dropped (`typo` defers to the `misspelling` pack, which names the word for certain).
    public let defersTo: [String]

    public init(id: String, name: LocalizedText, rationale: LocalizedText, severity: Severity, scope: RuleScope = .document,
                options: [RuleOptionDescription] = [], triggering: [RuleExample], nonTriggering: [RuleExample], defersTo: [String] = []) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.severity = severity
        self.scope = scope
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.defersTo = defersTo
    }
}

/// Anything the linter runs: a built-in rule, or a rule pack read from data.
public protocol LintRule: Sendable {
    /// The description of this rule as configured (a pack's comes from its file).
    var ruleDescription: RuleDescription { get }
    /// What a configured rule works with beyond its description (its house style, say), for
    /// `newslint explain`; nil when there is nothing to add.
    var configurationSummary: LocalizedText? { get }
}

/// A built-in check. A rule type has one static description and is made from its options
/// (validated, with errors that name the key path).
public protocol Rule: LintRule {
    static var description: RuleDescription { get }
    init(options: RuleOptions) throws(ConfigurationError)
}

extension Rule {
    public var ruleDescription: RuleDescription { Self.description }
}

extension LintRule {
    public var configurationSummary: LocalizedText? { nil }
}

/// A rule that judges one analysed document.
public protocol DocumentRule: LintRule {
    func check(_ document: Document) -> [Finding]
}

/// A document rule that keeps a ledger of what it checked, not only what it reports
/// (`metric-arithmetic`: every numeric claim with its verdict). When a run keeps ledgers (the
/// HTML report, `newslint claims`), the linter calls this instead of `check(_:)`, once, and the
/// ledger travels in the file's report to the reporters.
public protocol LedgerRule: DocumentRule {
    /// The findings, as `check(_:)` gives them; every claim checked is appended to `ledger`.
    func check(_ document: Document, ledger: inout [Claim]) -> [Finding]
}

/// What a corpus rule's judging sees of each document: its path and text (for positions), not
/// its analysis, which is dropped after `collect` to keep a run of many files small.
public struct DocumentInfo: Sendable {
    public let path: String
    public let source: SourceText
    public let suppressions: Suppressions
}

/// A rule that judges all documents of a run together (map, then reduce): the
/// cross-edition checks. `collect` runs in parallel, one call per document, and returns the
/// rule's own `Facts`; `judge` gets them in document order and returns findings per document.
public protocol CorpusRule: LintRule {
    associatedtype Facts: Sendable
    func collect(_ document: Document) -> Facts
    func judge(_ facts: [Facts], documents: [DocumentInfo]) -> [[Finding]]
}

/// One corpus rule's part in one run: the facts of each document, kept in the rule's own type
/// from `collect` to `judge` (no erasure to `any Sendable`, no cast back).
protocol CorpusRun: Sendable {
    var configured: ConfiguredRule { get }
    func collect(_ document: Document, at index: Int)
    /// Findings for the documents at `indices` (in that order), which are described by `documents`.
    func judge(_ indices: [Int], documents: [DocumentInfo]) -> [[Finding]]
}

final class TypedCorpusRun<R: CorpusRule>: CorpusRun {
    let configured: ConfiguredRule
    let rule: R
    private let facts: Slots<R.Facts>

    init(_ rule: R, configured: ConfiguredRule, count: Int) {
        self.rule = rule
        self.configured = configured
        facts = Slots(count: count)
    }

    func collect(_ document: Document, at index: Int) { facts[index] = rule.collect(document) }

    func judge(_ indices: [Int], documents: [DocumentInfo]) -> [[Finding]] {
        rule.judge(indices.map { facts[$0] }, documents: documents)
    }
}

extension CorpusRule {
    /// This rule's part in a run of `count` documents.
    func run(_ configured: ConfiguredRule, count: Int) -> any CorpusRun {
        TypedCorpusRun(self, configured: configured, count: count)
    }
}

/// A rule made from its configuration, with the severity it reports at.
public struct ConfiguredRule: Sendable {
    public let rule: any LintRule
    public let severity: Severity
    /// Whether the configuration set the severity: then it applies to every finding of the rule;
    /// otherwise a rule may report a finding at another severity (a likely slip as a warning).
    public let severityIsConfigured: Bool
    /// The rule's id, taken once: a rule pack builds its whole description to answer it.
    public let id: String

    public init(rule: any LintRule, severity: Severity, severityIsConfigured: Bool = false) {
        self.rule = rule
        self.id = rule.ruleDescription.id
        self.severity = severity
        self.severityIsConfigured = severityIsConfigured
    }
}
