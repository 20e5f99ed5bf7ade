/// A baseline: the findings a page already had, recorded so that a run reports only new ones.
/// Findings are matched by file, rule, their text and the text around them on their line — not
/// by line number, so that edits above a finding do not bring it back.
public struct Baseline: Sendable {
    struct Key: Hashable, Sendable {
        let path: String
        let rule: String
        let excerpt: String
        let before: String
        let after: String
    }

    private var counts: [Key: Int] = [:]
    public static let version = 1

    /// The baseline of a report: every finding it holds.
    public init(_ report: LintReport) {
        for file in report.files {
            for d in file.diagnostics { counts[Self.key(d, in: file), default: 0] += 1 }
        }
    }

    /// Reads a baseline written by `json`.
    public init(json bytes: [UInt8], file: String) throws(ConfigurationError) {
        let value = try ConfigurationError.parseJSON(bytes, file: file)
        guard case let .array(items)? = value["findings"], case .number(Double(Self.version))? = value["version"] else {
            throw ConfigurationError(file: file, message: LocalizedText(zh: "不是 newslint 基线文件（缺少 version 1 或 findings）",
                                                                      en: "not a newslint baseline (no version 1 or findings)"))
        }
        for (i, item) in items.enumerated() {
            guard case let .string(path)? = item["path"], case let .string(rule)? = item["rule"], case let .string(excerpt)? = item["excerpt"],
                  case let .string(before)? = item["before"], case let .string(after)? = item["after"] else {
                throw ConfigurationError(file: file, keyPath: "findings[\(i)]", message: LocalizedText(
                    zh: "应有 path、rule、excerpt、before、after", en: "expected path, rule, excerpt, before and after"))
            }
            counts[Key(path: path, rule: rule, excerpt: excerpt, before: before, after: after), default: 0] += 1
        }
    }

    /// The baseline as JSON, entries sorted so that the file diffs well.
    public var json: String {
        let entries = counts.flatMap { key, n in Array(repeating: key, count: n) }
            .sorted { ($0.path, $0.rule, $0.excerpt, $0.before, $0.after) < ($1.path, $1.rule, $1.excerpt, $1.before, $1.after) }
        return JSONWriter.write(.object([
            ("version", .number(Double(Self.version))),
            ("findings", .array(entries.map { k in
                .object([("path", .string(k.path)), ("rule", .string(k.rule)), ("excerpt", .string(k.excerpt)),
                         ("before", .string(k.before)), ("after", .string(k.after))])
            })),
        ]))
    }

    /// The report without the findings the baseline holds (each entry absorbs one finding).
    public func filter(_ report: LintReport) -> LintReport {
        var left = counts
        let files = report.files.map { file -> FileReport in
            let kept = file.diagnostics.filter { d in
                let key = Self.key(d, in: file)
                guard let n = left[key], n > 0 else { return true }
                left[key] = n - 1
                return false
            }
            return file.with(diagnostics: kept)
        }
        return LintReport(files: files, inputErrors: report.inputErrors, method: report.method)
    }

    static let contextScalars = 12

    static func key(_ d: Diagnostic, in file: FileReport) -> Key {
        let source = file.source
        let line = source.lineRange(source.lineIndex(containing: d.byteRange.lowerBound))
        let start = max(line.lowerBound, min(d.byteRange.lowerBound, line.upperBound))
        let from = UTF8Scan.offset(source.bytes, scalars: contextScalars, before: start, limit: line.lowerBound)
        let endLine = source.lineRange(source.lineIndex(containing: d.byteRange.upperBound))
        let end = max(endLine.lowerBound, min(d.byteRange.upperBound, endLine.upperBound))
        let to = UTF8Scan.offset(source.bytes, scalars: contextScalars, after: end, limit: endLine.upperBound)
        return Key(path: file.path, rule: d.rule, excerpt: d.excerpt, before: source.string(from..<start), after: source.string(end..<to))
    }
}
