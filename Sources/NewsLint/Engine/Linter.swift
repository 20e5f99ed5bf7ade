import Dispatch
import Foundation

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
    /// The words the documents are segmented by: the built-in lexicon with the editors' words
    /// (nil: the built-in one, read only when a rule asks for words).
    public var lexicon: Lexicon?

    public init(rules: [ConfiguredRule], jobs: Int? = nil) {
        self.rules = rules
        self.jobs = jobs
    }

    /// Builds the rule set a configuration asks for: every registered rule at its default
    /// severity unless the configuration turns it off, changes its severity or sets options.
    public init(configuration: Configuration) throws(ConfigurationError) {
        var rules: [ConfiguredRule] = []
        for type in RuleRegistry.all {
            let d = type.description
            let setting = configuration.rules[d.id]
            var severity: Severity? = d.severity
            if let chosen = setting?.severity { severity = chosen }
            guard let severity else { continue }
            let options = RuleOptions(setting?.options, keyPath: "rules.\(d.id).options", file: configuration.path ?? "",
                                      rulesDirectory: configuration.resolvedRulesDirectory, baseDirectory: configuration.baseDirectory,
                                      maxFileSize: configuration.maxFileSize ?? FileReader.defaultLimit)
            rules.append(ConfiguredRule(rule: try type.init(options: options), severity: severity,
                                        severityIsConfigured: setting?.severity != nil))
        }
        // Rule packs: data, built in and from the rules directory.
        let packs = try RulePack.load(rulesDirectory: configuration.resolvedRulesDirectory)
        for pack in packs {
            let setting = configuration.rules[pack.name]
            var severity: Severity? = pack.severity
            if let chosen = setting?.severity { severity = chosen }
            guard let severity else { continue }
            let options = RuleOptions(setting?.options, keyPath: "rules.\(pack.name).options", file: configuration.path ?? "")
            rules.append(ConfiguredRule(rule: try PackRule(pack: pack, options: options), severity: severity,
                                        severityIsConfigured: setting?.severity != nil))
        }
        let known = RuleRegistry.ids + packs.map(\.name)
        for id in configuration.rules.keys.sorted() where !known.contains(id) {
            throw ConfigurationError(file: configuration.path ?? "", keyPath: "rules.\(id)",
                                     message: Suggest.unknown(what: ("规则", "rule id"), id, among: Array(Set(known)).sorted()))
        }
        self.init(rules: rules)
        if let limit = configuration.maxFileSize { maxFileSize = limit }
        var words = configuration.words.map { (word: $0, frequency: Int?.none) }
        if let (bytes, _) = try RuleData.file("words.txt", in: configuration.resolvedRulesDirectory) {
            words += Lexicon.editorWords(String(decoding: bytes, as: UTF8.self))
        }
        if !words.isEmpty { lexicon = Lexicon.with(words: words) }
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

        // Workers take the next file from a shared counter; `jobs` bounds how many run at once.
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, inputs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let i = next.take(), i < inputs.count {
                slots[i] = analyse(inputs[i], at: i, documentRules: documentRules, corpusRules: corpusRules)
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
                    results[slot].report = FileReport(path: r.path, characters: r.characters, encoding: r.encoding,
                                                      diagnostics: sorted(r.diagnostics + extra), source: r.source, claims: r.claims)
                }
            }
        }
        let files = results.compactMap(\.report).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return LintReport(files: files, inputErrors: results.compactMap(\.error))
    }

    /// Reads, decodes and analyses one input and runs the document rules on it. The document
    /// itself is kept only when corpus rules will need it.
    private func analyse(_ input: Input, at index: Int,
                         documentRules: [(configured: ConfiguredRule, rule: any DocumentRule, ledger: (any LedgerRule)?)],
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
        switch timings.measure("decode", { DocumentLoader.source(path: input.path, bytes: bytes) }) {
        case let .success(s): source = s
        case let .failure(error): return Analysed(error: error)
        }
        let document = timings.measure("layout") { Document(path: input.path, source: source, lexicon: lexicon) }
        var diagnostics: [Diagnostic] = []
        var claims: [Claim] = []
        for (configured, rule, ledger) in documentRules {
            let findings = timings.measure(configured.id) {
                guard let ledger else { return rule.check(document) }
                var kept: [Claim] = []
                defer { claims += kept }
                return ledger.check(document, ledger: &kept)
            }
            for f in findings {
                if let d = diagnostic(f, rule: configured, in: document) { diagnostics.append(d) }
            }
        }
        let report = FileReport(path: input.path, characters: document.source.characterCount, encoding: document.source.encoding,
                                diagnostics: sorted(diagnostics), source: document.source, claims: claims)
        if corpusRules.isEmpty { return Analysed(report: report) }
        for run in corpusRules { timings.measure(run.configured.id + " (collect)") { run.collect(document, at: index) } }
        return Analysed(report: report, document: DocumentInfo(path: document.path, source: document.source, suppressions: document.suppressions))
    }

    private func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.start, $0.rule, $0.end) < ($1.start, $1.rule, $1.end) }
    }

    private func diagnostic(_ f: Finding, rule: ConfiguredRule, in document: Document) -> Diagnostic? {
        diagnostic(f, rule: rule, in: DocumentInfo(path: document.path, source: document.source, suppressions: document.suppressions))
    }

    private func diagnostic(_ f: Finding, rule: ConfiguredRule, in document: DocumentInfo) -> Diagnostic? {
        let source = document.source
        let start = source.position(of: f.range.lowerBound)
        if document.suppressions.suppresses(rule: rule.id, line: start.line) { return nil }
        let end = source.position(of: f.range.upperBound)
        var excerpt = source.string(f.range)
        if excerpt.unicodeScalars.count > 200 { excerpt = String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(200))) + "…" }
        let related = f.related.map { RelatedLocation(path: document.path, position: source.position(of: $0.offset), message: $0.message) }
            + f.relatedElsewhere
        return Diagnostic(rule: rule.id, severity: rule.severityIsConfigured ? rule.severity : (f.severity ?? rule.severity), message: f.message, start: start, end: end,
                          excerpt: excerpt, suggestion: f.suggestion, fixIsSafe: f.fixIsSafe, related: related, byteRange: f.range)
    }
}

/// A shared counter handing out indices to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// Fixed slots written from concurrent iterations, one slot per iteration.
final class Slots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T {
        get { lock.lock(); defer { lock.unlock() }; return storage[i]! }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }

    var values: [T] { storage.map { $0! } }
}

/// Reads and analyses one input: the one way every command turns a file into a document.
public enum DocumentLoader {
    /// Decodes `bytes` and analyses them, or says why they are not text.
    public static func document(path: String, bytes: [UInt8]) -> Result<Document, InputError> {
        source(path: path, bytes: bytes).map { Document(path: path, source: $0) }
    }

    /// Decodes `bytes`, or says why they are not text.
    public static func source(path: String, bytes: [UInt8]) -> Result<SourceText, InputError> {
        do throws(DecodingFailure) {
            let decoded = try TextDecoder.decode(bytes)
            guard decoded.utf8.count <= SourceText.maximumBytes else {
                return .failure(InputError(path: path, message: LocalizedText(zh: "文件过大（4 GiB 以上），无法检查",
                                                                             en: "too large to lint (4 GiB or more)")))
            }
            return .success(SourceText(utf8: decoded.utf8, encoding: decoded.encoding, characterCount: decoded.characters))
        } catch {
            return .failure(InputError(path: path, message: LocalizedText(zh: error.message(.zh), en: error.message(.en))))
        }
    }

    /// Reads a file (standard input for `-`) and analyses it.
    /// `regularOnly` refuses a FIFO or device (data read while rules are made, such as reference editions).
    public static func document(_ file: InputFile, limit: Int = FileReader.defaultLimit, regularOnly: Bool = false) -> Result<Document, InputError> {
        do throws(InputFailure) {
            if file.isStandardInput { return document(path: file.path, bytes: try FileReader.readStandardInput(limit: limit)) }
            return document(path: file.path, bytes: try FileReader.read(file.fileSystemPath, limit: limit, regularOnly: regularOnly))
        } catch {
            return .failure(InputError(path: file.path, message: error.message))
        }
    }
}
