/// What every reporter is given: the run's report (findings, and the ledgers rules kept during
/// the lint), the rules that ran, and how to write for the reader.
public struct ReportInput: Sendable {
    public let report: LintReport
    public let rules: [RuleDescription]
    public let lang: Language
    /// Whether the reader is a terminal that shows colour (the text report only).
    public let color: Bool

    public init(report: LintReport, rules: [RuleDescription], lang: Language, color: Bool = false) {
        self.report = report
        self.rules = rules
        self.lang = lang
        self.color = color
    }
}

/// One output format. A reporter renders what the lint computed; it recomputes nothing and
/// knows no concrete rule. The bytes come in pieces written one after another (the JSON
/// report: one a file), so that a large report is never joined into one buffer.
public protocol Reporter {
    static func render(_ input: ReportInput) -> [[UInt8]]
}

extension TextReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] {
        [Array(report(input.report, style: .init(color: input.color, lang: input.lang)).utf8)]
    }
}

extension JSONReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] { reportPieces(input.report, lang: input.lang) }
}

extension SARIFReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] {
        [Array(report(input.report, lang: input.lang, rules: input.rules).utf8)]
    }
}

extension GitHubReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] { reportPieces(input.report, lang: input.lang) }
}

extension HTMLReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] { [Array(report(input.report, lang: input.lang).utf8)] }
}

/// The `docx` format: a copy of the one Word document linted, each finding a comment on its span
/// (`WordReview.commented`). Nothing when the run did not lint exactly one Word document; the
/// command line says so before it lints.
public enum WordReporter: Reporter {
    public static func render(_ input: ReportInput) -> [[UInt8]] {
        guard let bytes = try? commentedCopy(input.report, lang: input.lang) else { return [] }
        return [bytes]
    }

    public static func commentedCopy(_ report: LintReport, lang: Language) throws(WordFailure) -> [UInt8]? {
        guard report.files.count == 1, let word = report.files[0].source.word else { return nil }
        return try WordReview.commented(word, diagnostics: report.files[0].diagnostics, path: report.files[0].path, lang: lang)
    }
}
