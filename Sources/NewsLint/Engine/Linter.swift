import Dispatch
import Foundation

/// Runs rules over documents: reads and analyses files in parallel, runs document rules,
/// collects and judges corpus rules, applies suppressions, and sorts the results.
public struct Linter: Sendable {
    public let rules: [ConfiguredRule]
    /// How many files are analysed at once (nil: one per core). Output does not depend on it.
    public var jobs: Int?
    /// Where the time of a run goes, when the caller wants to know (`--timing`).
    public var timings: Timings?
    /// The largest file read, in bytes; a larger one is an input error.
    public var maxFileSize = FileReader.defaultLimit
    /// Whether rules that keep a ledger (`LedgerRule`) hand it over in each file's report.
    public var keepsLedgers = false
    /// Whether a Word document's container and XML are kept in its report (`SourceText.word`),
    /// for a run that writes into it: a reviewed copy, tracked fixes.
    public var keepsWordDocuments = false
    /// The words the documents are segmented by: the built-in lexicon with the editors' words
    /// (nil: the built-in one, read only when a rule asks for words).
    public var lexicon: Lexicon?
    /// How the layout reads bylines and credits: by the run's house style.
    public var credits: Credits = .builtIn
    /// How the weighted error rate is counted: the run's `error-rate.json`.
    public var errorRateMethod: ErrorRateMethod = .builtIn

    public init(rules: [ConfiguredRule], jobs: Int? = nil) {
        self.rules = rules
        self.jobs = jobs
    }

    /// A linter with `rules` and the run settings of `configuration`: the file size limit and
    /// the editors' words for the lexicon.
    public init(rules: [ConfiguredRule], configuration: Configuration) throws(ConfigurationError) {
        self.init(rules: rules)
        if let limit = configuration.maxFileSize { maxFileSize = limit }
        credits = Credits(style: try HouseStyle.load(rulesDirectory: configuration.resolvedRulesDirectory))
        errorRateMethod = try ErrorRateMethod.load(rulesDirectory: configuration.resolvedRulesDirectory)
        var words = configuration.words.map { (word: $0, frequency: Int?.none) }
        if let (bytes, _) = try RuleData.file("words.txt", in: configuration.resolvedRulesDirectory) {
            words += Lexicon.editorWords(String(decoding: bytes, as: UTF8.self))
        }
        if !words.isEmpty { lexicon = Lexicon.with(words: words) }
    }

    /// The same run with only the rules `isIncluded` keeps: its limits, lexicon and house style stay.
    public func keeping(_ isIncluded: (ConfiguredRule) -> Bool) -> Linter {
        var linter = Linter(rules: rules.filter(isIncluded), jobs: jobs)
        linter.timings = timings
        linter.maxFileSize = maxFileSize
        linter.keepsLedgers = keepsLedgers
        linter.keepsWordDocuments = keepsWordDocuments
        linter.lexicon = lexicon
        linter.credits = credits
        linter.errorRateMethod = errorRateMethod
        return linter
    }

    /// Where a document's bytes come from; files are read inside the parallel part.
    enum Input: Sendable {
        case file(path: String, fileSystemPath: String)
        case memory(path: String, bytes: [UInt8])
        case unreadable(path: String, InputFailure)

        var path: String {
            switch self {
            case let .file(path, _), let .memory(path, _), let .unreadable(path, _): return path
            }
        }
    }

    /// What the parallel part leaves of one input.
    struct Analysed: Sendable {
        var error: InputError?
        var report: FileReport?
        var document: DocumentInfo?
    }

    /// Lints files. Standard input (`-`) is read once, before the parallel part.
    public func lint(_ files: [InputFile]) -> LintReport {
        var stdin: Input?
        if let f = files.first(where: \.isStandardInput) {
            do { stdin = .memory(path: f.path, bytes: try FileReader.readStandardInput(limit: maxFileSize)) } catch { stdin = .unreadable(path: f.path, error) }
        }
        return lint(files.map { f in
            f.isStandardInput ? stdin! : .file(path: f.path, fileSystemPath: f.fileSystemPath)
        })
    }

    /// Lints texts already in memory (tests, standard input).
    public func lint(texts: [(path: String, text: String)]) -> LintReport {
        lint(texts.map { .memory(path: $0.path, bytes: Array($0.text.utf8)) })
    }

    func lint(_ inputs: [Input]) -> LintReport {
        let slots = Slots<Analysed>(count: inputs.count)
        // Each rule's role is cast for once here, not per file: a cast to a protocol is a runtime look-up.
        let documentRules = rules.compactMap { c in
            (c.rule as? any DocumentRule).map { (configured: c, rule: $0, ledger: keepsLedgers ? c.rule as? any LedgerRule : nil) }
        }
        let corpusRules = rules.compactMap { c in (c.rule as? any CorpusRule).map { $0.run(c, count: inputs.count) } }
        let deferring = Self.deferring(documentRules.map(\.configured))

        // Workers take the next file from a shared counter; `jobs` bounds how many run at once.
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, inputs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let i = next.take(), i < inputs.count {
                slots[i] = analyse(inputs[i], at: i, documentRules: documentRules, deferring: deferring, corpusRules: corpusRules)
            }
        }
        var results = slots.values

        // Corpus rules judge every document's facts together.
        if !corpusRules.isEmpty {
            let analysed = results.indices.filter { results[$0].document != nil }
            let documents = analysed.map { results[$0].document! }
            for run in corpusRules {
                let judged = timings.measure(run.configured.id + " (judge)") { run.judge(analysed, documents: documents) }
                for (d, slot) in analysed.enumerated() where d < judged.count {
                    let extra = judged[d].compactMap { diagnostic($0, rule: run.configured, in: documents[d]) }
                    guard let r = results[slot].report, !extra.isEmpty else { continue }
                    results[slot].report = r.with(diagnostics: sorted(r.diagnostics + extra))
                }
            }
        }
        let files = results.compactMap(\.report).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return LintReport(files: files, inputErrors: results.compactMap(\.error), method: errorRateMethod)
    }

    /// Reads, decodes and analyses one input and runs the document rules on it. The document
    /// itself is kept only when corpus rules will need it.
    private func analyse(_ input: Input, at index: Int,
                         documentRules: [(configured: ConfiguredRule, rule: any DocumentRule, ledger: (any LedgerRule)?)],
                         deferring: [String: Set<String>],
                         corpusRules: [any CorpusRun]) -> Analysed {
        let bytes: [UInt8]
        switch input {
        case let .memory(_, b): bytes = b
        case let .unreadable(path, failure): return Analysed(error: InputError(path: path, message: failure.message))
        case let .file(path, fsPath):
            do throws(InputFailure) {
                bytes = try timings.measure("read") { () throws(InputFailure) in try FileReader.read(fsPath, limit: maxFileSize) }
            } catch {
                return Analysed(error: InputError(path: path, message: error.message))
            }
        }
        let source: SourceText
        switch timings.measure("decode", { DocumentLoader.source(path: input.path, bytes: bytes, limit: maxFileSize, keepingWord: keepsWordDocuments) }) {
        case let .success(s): source = s
        case let .failure(error): return Analysed(error: error)
        }
        // Suppression comments are the engine's: the layout only reads their lines as blank.
        let suppressions = Suppressions(source: source)
        let document = timings.measure("layout") {
            Document(path: input.path, source: source, ignoredLines: suppressions.directiveLines, credits: credits, lexicon: lexicon)
        }
        let info = DocumentInfo(path: document.path, source: document.source, suppressions: suppressions)
        var diagnostics: [Diagnostic] = []
        var claims: [Claim] = []
        for (configured, rule, ledger) in documentRules {
            let findings = timings.measure(configured.id) {
                ledger.map { $0.check(document, ledger: &claims) } ?? rule.check(document)
            }
            for f in findings {
                if let d = diagnostic(f, rule: configured, in: info) { diagnostics.append(d) }
            }
        }
        diagnostics = Self.withoutDeferred(diagnostics, deferring)
        let titles = document.blocks.filter { BlockKind.titles.contains($0.kind) && !$0.lines.isEmpty }.map { $0.lines.first!.lowerBound..<$0.lines.last!.upperBound }
        let report = FileReport(path: input.path, characters: document.source.characterCount, encoding: document.source.encoding,
                                diagnostics: sorted(diagnostics), source: document.source, claims: claims, titles: titles)
        if corpusRules.isEmpty { return Analysed(report: report) }
        for run in corpusRules { timings.measure(run.configured.id + " (collect)") { run.collect(document, at: index) } }
        return Analysed(report: report, document: info)
    }

    /// The rules that defer to others (`RuleDescription.defersTo`), by id: worked out once a run
    /// (a rule pack builds its whole description to answer).
    static func deferring(_ rules: [ConfiguredRule]) -> [String: Set<String>] {
        Dictionary(rules.compactMap { r in
            let to = r.rule.ruleDescription.defersTo
            return to.isEmpty ? nil : (r.id, Set(to))
        }, uniquingKeysWith: { a, _ in a })
    }

    /// `diagnostics` without those of a rule that defers to another rule with a finding on an
    /// overlapping span.
    static func withoutDeferred(_ diagnostics: [Diagnostic], _ deferring: [String: Set<String>]) -> [Diagnostic] {
        guard !deferring.isEmpty, diagnostics.contains(where: { deferring[$0.rule] != nil }) else { return diagnostics }
        return diagnostics.filter { d in
            guard let to = deferring[d.rule] else { return true }
            return !diagnostics.contains { to.contains($0.rule) && $0.byteRange.overlaps(d.byteRange) }
        }
    }

    private func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.start, $0.rule, $0.end) < ($1.start, $1.rule, $1.end) }
    }

    private func diagnostic(_ f: Finding, rule: ConfiguredRule, in document: DocumentInfo) -> Diagnostic? {
        let source = document.source
        let start = source.position(of: f.range.lowerBound)
        // Suppression comments name the text's own lines (a Word document's positions are paragraphs).
        if document.suppressions.suppresses(rule: rule.id, line: source.lineIndex(containing: f.range.lowerBound) + 1) { return nil }
        let end = source.position(of: f.range.upperBound)
        var excerpt = source.string(f.range)
        if excerpt.unicodeScalars.count > 200 { excerpt = String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(200))) + "…" }
        let related = f.related.map { RelatedLocation(path: document.path, position: source.position(of: $0.offset), message: $0.message, unit: source.unit) }
            + f.relatedElsewhere
        return Diagnostic(rule: rule.id, severity: rule.severityIsConfigured ? rule.severity : (f.severity ?? rule.severity), message: f.message, start: start, end: end,
                          excerpt: excerpt, suggestion: f.suggestion, fixIsSafe: f.fixIsSafe, related: related, byteRange: f.range)
    }
}
