/// Inline suppression for drafts. A line holding only
/// `<!-- newslint-disable RULE[, RULE…] -->` turns the named rules (all rules when none is
/// named) off until `<!-- newslint-enable RULE… -->`; `<!-- newslint-disable-next-line RULE -->`
/// covers the next line. The same comments work in plain text and in Markdown.
public struct Suppressions: Sendable {
    struct Span { let rule: String?; let lines: ClosedRange<Int> }
    private var spans: [Span] = []
    /// 0-based lines that hold directives (the layout treats them as blank).
    public private(set) var directiveLines: Set<Int> = []

    public init() {}

    static let commentOpen = UTF8Scan.bytes("<!--")

    public init(source: SourceText) {
        var openSince: [String: Int] = [:]  // "" stands for all rules
        // Only lines holding `<!--` can be directives: find them with one byte search over the file.
        let bytes = source.bytes
        var from = 0
        while let at = ByteSearch.find(Self.commentOpen, in: bytes, from..<bytes.count) {
            let index = source.lineIndex(containing: at)
            let range = source.lineRange(index)
            from = max(at + Self.commentOpen.count, range.upperBound)
            guard range.count >= 20, range.count < 400 else { continue }
            let line = source.string(range).trimmingSpaces
            guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { continue }
            let inner = line.dropFirst(4).dropLast(3).trimmingSpaces
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard let verb = words.first, verb.hasPrefix("newslint-") else { continue }
            let rules = Array(words.dropFirst())
            directiveLines.insert(index)
            let keys = rules.isEmpty ? [""] : rules
            switch verb {
            case "newslint-disable":
                for k in keys where openSince[k] == nil { openSince[k] = index + 1 }
            case "newslint-enable":
                if rules.isEmpty {
                    for (k, start) in openSince { spans.append(Span(rule: k.isEmpty ? nil : k, lines: start...index + 1)) }
                    openSince = [:]
                } else {
                    for k in keys { if let start = openSince.removeValue(forKey: k) { spans.append(Span(rule: k, lines: start...index + 1)) } }
                }
            case "newslint-disable-next-line":
                for k in keys { spans.append(Span(rule: k.isEmpty ? nil : k, lines: index + 2...index + 2)) }
            default:
                directiveLines.remove(index)
            }
        }
        for (k, start) in openSince { spans.append(Span(rule: k.isEmpty ? nil : k, lines: start...Int.max - 1)) }
    }

    /// Whether a finding of `rule` starting on 1-based `line` is suppressed.
    public func suppresses(rule: String, line: Int) -> Bool {
        spans.contains { ($0.rule == nil || $0.rule == rule) && $0.lines.contains(line) }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Scalar.isSpace($0.value) }),
              let last = scalars.lastIndex(where: { !Scalar.isSpace($0.value) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
