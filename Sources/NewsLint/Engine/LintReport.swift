/// What a run produced, per file and in all: the unit every reporter reads.

/// Results for one linted file.
public struct FileReport: Sendable {
    public let path: String
    public let characters: Int
    public let encoding: SourceEncoding
    public let diagnostics: [Diagnostic]
    /// The file's decoded text, kept for excerpts in reports.
    public let source: SourceText
    /// The claims ledger of the file, when the run kept ledgers (`Linter.keepsLedgers`).
    public let claims: [Claim]
    /// Findings by severity, counted once: reports ask for them often.
    private let counts: (errors: Int, warnings: Int, notes: Int)

    public init(path: String, characters: Int, encoding: SourceEncoding, diagnostics: [Diagnostic], source: SourceText,
                claims: [Claim] = []) {
        self.claims = claims
        self.path = path
        self.characters = characters
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.source = source
        var counts = (errors: 0, warnings: 0, notes: 0)
        for d in diagnostics {
            switch d.severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .note: counts.notes += 1
            }
        }
        self.counts = counts
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: return counts.errors
        case .warning: return counts.warnings
        case .note: return counts.notes
        }
    }

    /// 编校差错率: error-severity findings per 10,000 characters (the standard allows 3).
    public var errorRate: Double { LintReport.errorRate(count(.error), characters) }
}

/// Results for a run: every linted file, and the paths that could not be linted.
public struct LintReport: Sendable {
    public let files: [FileReport]
    public let inputErrors: [InputError]

    public init(files: [FileReport], inputErrors: [InputError]) {
        self.files = files
        self.inputErrors = inputErrors
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.count(severity) }
    }

    public var characters: Int { files.reduce(0) { $0 + $1.characters } }

    /// 编校差错率 of the whole run.
    public var errorRate: Double { Self.errorRate(count(.error), characters) }

    /// Errors per 10,000 characters, to two decimals.
    public static func errorRate(_ errors: Int, _ characters: Int) -> Double {
        guard characters > 0 else { return 0 }
        return (Double(errors) * 10_000 / Double(characters) * 100).rounded() / 100
    }
}
