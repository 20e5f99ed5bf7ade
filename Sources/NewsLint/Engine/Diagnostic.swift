/// How serious a finding is. `error` fails a CI run; `--strict` fails on warnings too.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
}

/// Another place a finding refers to (the dominant spelling of a name, the other half of a sentence).
public struct RelatedLocation: Sendable, Equatable {
    public let path: String
    public let position: SourcePosition
    public let message: LocalizedText
    /// What the position counts: lines, or the paragraphs of a Word document.
    public let unit: PositionUnit

    public init(path: String, position: SourcePosition, message: LocalizedText, unit: PositionUnit = .line) {
        self.path = path
        self.position = position
        self.message = message
        self.unit = unit
    }
}

/// What a rule reports: a byte range in the document's source and a message.
/// The engine turns it into a `Diagnostic` with line and column.
public struct Finding: Sendable {
    public var range: Range<Int>
    public var message: LocalizedText
    public var suggestion: String?
    /// Whether `newslint fix` may apply the suggestion without an editor's judgement.
    public var fixIsSafe: Bool
    /// Related places in the same document, by byte offset.
    public var related: [(offset: Int, message: LocalizedText)]
    /// Related places in other documents, already positioned (corpus rules).
    public var relatedElsewhere: [RelatedLocation]
    /// Overrides the rule's severity for this finding (e.g. a candidate only by frequency).
    public var severity: Severity?

    public init(range: Range<Int>, message: LocalizedText, suggestion: String? = nil, fixIsSafe: Bool = false,
                related: [(offset: Int, message: LocalizedText)] = [], relatedElsewhere: [RelatedLocation] = [],
                severity: Severity? = nil) {
        self.range = range
        self.message = message
        self.suggestion = suggestion
        self.fixIsSafe = fixIsSafe && suggestion != nil
        self.related = related
        self.relatedElsewhere = relatedElsewhere
        self.severity = severity
    }
}

/// A reported finding with its position: the unit every reporter prints.
public struct Diagnostic: Sendable {
    public let rule: String
    public let severity: Severity
    public let message: LocalizedText
    public let start: SourcePosition
    /// Exclusive end.
    public let end: SourcePosition
    public let excerpt: String
    public let suggestion: String?
    /// Whether `newslint fix` applies the suggestion.
    public let fixIsSafe: Bool
    public let related: [RelatedLocation]
    /// Byte range in the file's decoded text (for excerpts and baselines).
    public let byteRange: Range<Int>
}
