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
    /// Byte ranges of the file's titles (引题, 标题, 小标题), in order: an error there counts
    /// double in the weighted error rate.
    public let titles: [Range<Int>]
    /// Findings by severity, counted once: reports ask for them often.
    private let counts: (errors: Int, warnings: Int, notes: Int)

    public init(path: String, characters: Int, encoding: SourceEncoding, diagnostics: [Diagnostic], source: SourceText,
                claims: [Claim] = [], titles: [Range<Int>] = []) {
        self.claims = claims
        self.titles = titles
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

    /// Whether byte `offset` lies in one of the file's titles.
    public func isInTitle(_ offset: Int) -> Bool {
        let k = titles.partitionPoint { $0.upperBound <= offset }
        return k < titles.count && titles[k].contains(offset)
    }

    /// The same file with other diagnostics (a baseline's filter).
    public func with(diagnostics: [Diagnostic]) -> FileReport {
        FileReport(path: path, characters: characters, encoding: encoding, diagnostics: diagnostics, source: source, claims: claims, titles: titles)
    }
}

/// Results for a run: every linted file, and the paths that could not be linted.
public struct LintReport: Sendable {
    public let files: [FileReport]
    public let inputErrors: [InputError]
    /// How the weighted error rate is counted (`Rules/error-rate.json`).
    public let method: ErrorRateMethod

    public init(files: [FileReport], inputErrors: [InputError], method: ErrorRateMethod = .builtIn) {
        self.files = files
        self.inputErrors = inputErrors
        self.method = method
    }

    /// The weighted count (计错) of one file, as if it were an edition of its own.
    public func weightedErrors(_ file: FileReport) -> Double { method.count(edition: [file]) }

    /// Each edition (the files of one folder) with its weighted count.
    public var editions: [(folder: String, files: [FileReport], characters: Int, errors: Int, weighted: Double)] {
        ErrorRateMethod.editions(files).map { e in
            (e.folder, e.files, e.files.reduce(0) { $0 + $1.characters }, e.files.reduce(0) { $0 + $1.count(.error) }, method.count(edition: e.files))
        }
    }

    /// The weighted count of the run: the sum of its editions'.
    public var weightedErrors: Double { editions.reduce(0) { $0 + $1.weighted } }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.count(severity) }
    }

    public var characters: Int { files.reduce(0) { $0 + $1.characters } }

    /// 编校差错率 of the whole run.
    public var errorRate: Double { Self.errorRate(count(.error), characters) }

    /// Errors per 10,000 characters, to two decimals.
    public static func errorRate(_ errors: Int, _ characters: Int) -> Double {
        ErrorRateMethod.rate(Double(errors), characters)
    }
}
