import Dispatch
import Foundation

/// A rule made from its configuration, with the severity it reports at.
public struct ConfiguredRule: Sendable {
    public let rule: any Rule
    public let severity: Severity
    public var id: String { type(of: rule).description.id }

    public init(rule: any Rule, severity: Severity) {
        self.rule = rule
        self.severity = severity
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
        files.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == severity }.count }
    }

    public var characters: Int { files.reduce(0) { $0 + $1.characters } }
}

/// Runs rules over documents: reads and analyses files in parallel, runs document rules,
/// collects and judges corpus rules, applies suppressions, and sorts the results.
public struct Linter: Sendable {
    public let rules: [ConfiguredRule]

    public init(rules: [ConfiguredRule]) {
        self.rules = rules
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
            let options = RuleOptions(setting?.options, keyPath: "rules.\(d.id).options", file: configuration.path ?? "")
            rules.append(ConfiguredRule(rule: try type.init(options: options), severity: severity))
        }
        self.init(rules: rules)
    }

    /// Lints files. Standard input (`-`) is read once, before the parallel part.
    public func lint(_ files: [InputFile]) -> LintReport {
        let stdin = files.contains(where: \.isStandardInput) ? FileReader.readStandardInput() : []
        let loaded: [(path: String, bytes: Result<[UInt8], InputFailure>)] = files.map { f in
            if f.isStandardInput { return (f.path, .success(stdin)) }
            return (f.path, Result { () throws(InputFailure) -> [UInt8] in try FileReader.read(f.fileSystemPath) })
        }
        return lint(loaded)
    }

    /// Lints texts already in memory (tests, standard input).
    public func lint(texts: [(path: String, text: String)]) -> LintReport {
        lint(texts.map { ($0.path, .success(Array($0.text.utf8))) })
    }

    func lint(_ inputs: [(path: String, bytes: Result<[UInt8], InputFailure>)]) -> LintReport {
        let n = inputs.count
        let slots = Slots<(Document?, InputError?, [[Finding]], [any Sendable])>(count: n)
        let documentRules = rules.enumerated().filter { $0.element.rule is any DocumentRule }
        let corpusRules = rules.enumerated().filter { $0.element.rule is any CorpusRule }

        DispatchQueue.concurrentPerform(iterations: n) { i in
            let input = inputs[i]
            let bytes: [UInt8]
            switch input.bytes {
            case let .success(b): bytes = b
            case let .failure(failure):
                slots[i] = (nil, InputError(path: input.path, message: failure.message), [], [])
                return
            }
            let decoded: (utf8: [UInt8], encoding: SourceEncoding)
            do throws(DecodingFailure) {
                decoded = try TextDecoder.decode(bytes)
            } catch {
                slots[i] = (nil, InputError(path: input.path, message: LocalizedText(zh: error.message(.zh), en: error.message(.en))), [], [])
                return
            }
            let document = Document(path: input.path, source: SourceText(utf8: decoded.utf8, encoding: decoded.encoding))
            var findings = [[Finding]](repeating: [], count: rules.count)
            for (k, configured) in documentRules {
                findings[k] = (configured.rule as! any DocumentRule).check(document)
            }
            let facts = corpusRules.map { ($0.element.rule as! any CorpusRule).collect(document) }
            slots[i] = (document, nil, findings, facts)
        }

        var results = slots.values
        // Corpus rules judge every document's facts together.
        let documents = results.compactMap { $0.0 }
        let documentSlots = results.indices.filter { results[$0].0 != nil }
        for (c, (k, configured)) in corpusRules.enumerated() {
            let facts = documentSlots.map { results[$0].3[c] }
            let judged = (configured.rule as! any CorpusRule).judge(facts, documents: documents)
            for (d, slot) in documentSlots.enumerated() where d < judged.count {
                results[slot].2[k] += judged[d]
            }
        }

        var files: [FileReport] = []
        var errors: [InputError] = []
        for (document, error, findings, _) in results {
            if let error { errors.append(error) }
            guard let document else { continue }
            var diagnostics: [Diagnostic] = []
            for (k, configured) in rules.enumerated() {
                for f in findings[k] {
                    if let d = diagnostic(f, rule: configured, in: document) { diagnostics.append(d) }
                }
            }
            diagnostics.sort { ($0.start, $0.rule, $0.end) < ($1.start, $1.rule, $1.end) }
            files.append(FileReport(path: document.path, characters: document.source.characterCount,
                                    encoding: document.source.encoding, diagnostics: diagnostics, source: document.source))
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return LintReport(files: files, inputErrors: errors)
    }

    private func diagnostic(_ f: Finding, rule: ConfiguredRule, in document: Document) -> Diagnostic? {
        let source = document.source
        let start = source.position(of: f.range.lowerBound)
        if document.suppressions.suppresses(rule: rule.id, line: start.line) { return nil }
        let end = source.position(of: f.range.upperBound)
        var excerpt = source.string(f.range)
        if excerpt.unicodeScalars.count > 200 { excerpt = String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(200))) + "…" }
        let related = f.related.map { RelatedLocation(path: document.path, position: source.position(of: $0.offset), message: $0.message) }
            + f.relatedElsewhere
        return Diagnostic(rule: rule.id, severity: f.severity ?? rule.severity, message: f.message, start: start, end: end,
                          excerpt: excerpt, suggestion: f.suggestion, related: related, byteRange: f.range)
    }
}

/// Fixed slots written from concurrent iterations, one slot per iteration.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T {
        get { lock.lock(); defer { lock.unlock() }; return storage[i]! }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }

    var values: [T] { storage.map { $0! } }
}
