/// Inline suppression for drafts. A line holding only
/// `<!-- newslint-disable RULE[, RULE…] -->` turns the named rules (all rules when none is
/// named) off until `<!-- newslint-enable RULE… -->`; `<!-- newslint-disable-next-line RULE -->`
/// covers the next line. The same comments work in plain text and in Markdown.
public struct Suppressions: Sendable {
    /// The suppressed lines of each rule ("" for all rules), as sorted ranges that do not
    /// overlap: a finding is looked up by binary search, not against every directive.
    private var ranges: [String: [ClosedRange<Int>]] = [:]
    /// 0-based lines that hold directives (the layout treats them as blank).
    public private(set) var directiveLines: Set<Int> = []

    public init() {}

    static let commentOpen = UTF8Scan.bytes("<!--")

    public init(source: SourceText) {
        var byRule: [String: [ClosedRange<Int>]] = [:]  // the lines each directive covers, by rule
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
                    for (k, start) in openSince { byRule[k, default: []].append(start...index + 1) }
                    openSince = [:]
                } else {
                    for k in keys { if let start = openSince.removeValue(forKey: k) { byRule[k, default: []].append(start...index + 1) } }
                }
            case "newslint-disable-next-line":
                for k in keys { byRule[k, default: []].append(index + 2...index + 2) }
            default:
                directiveLines.remove(index)
            }
        }
        for (k, start) in openSince { byRule[k, default: []].append(start...Int.max - 1) }
        for (rule, lines) in byRule {
            var merged: [ClosedRange<Int>] = []
            for r in lines.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, r.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            ranges[rule] = merged
        }
    }

    /// Whether a finding of `rule` starting on 1-based `line` is suppressed.
    public func suppresses(rule: String, line: Int) -> Bool {
        guard !ranges.isEmpty else { return false }
        return Self.covers(ranges[""], line) || Self.covers(ranges[rule], line)
    }

    private static func covers(_ ranges: [ClosedRange<Int>]?, _ line: Int) -> Bool {
        guard let ranges else { return false }
        let k = ranges.partitionPoint { $0.upperBound < line }  // the first range that ends at or after `line`
        return k < ranges.count && ranges[k].contains(line)
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
