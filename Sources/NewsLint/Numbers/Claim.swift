/// A numeric claim the rule found, with what it concluded: the unit of the claims ledger
/// (`newslint claims`) and the source of the rule's findings.
public struct Claim: Sendable {
    public enum Kind: String, Sendable {
        case multiple, doubling
        case fallingMultiple = "falling-multiple"
        case percentChange = "percent-change"
        case percentagePoints = "percentage-points"
        case share, difference
        case partsAndTotal = "parts-and-total"
        case listCount = "list-count"
    }

    public enum Verdict: String, Sendable, CaseIterable {
        case consistent
        case contradicted
        /// Explained only by the common slip between 增长N倍 and 增长到N倍.
        case likelySlip = "likely-slip"
        /// Parts that name the whole between them (农村/社区) and do not add up to it.
        case doubtful
        case notCheckable = "not-checkable"

        /// The verdict as the ledger shows it to an editor.
        public var label: LocalizedText {
            switch self {
            case .consistent: return LocalizedText(zh: "相符", en: rawValue)
            case .contradicted: return LocalizedText(zh: "不符", en: rawValue)
            case .likelySlip: return LocalizedText(zh: "疑似误用", en: rawValue)
            case .doubtful: return LocalizedText(zh: "存疑", en: rawValue)
            case .notCheckable: return LocalizedText(zh: "无法核对", en: rawValue)
            }
        }

        /// Whether the rule reports a claim with this verdict (an error, or a warning for a slip).
        public var isReported: Bool { self == .contradicted || self == .likelySlip || self == .doubtful }

        /// Reported as a warning rather than an error.
        public var isWarning: Bool { self == .likelySlip || self == .doubtful }
    }

    public let kind: Kind
    /// The claim's span in the document's source.
    public let range: Range<Int>
    public let text: String
    /// The figures the claim was checked against, as written.
    public let figures: [String]
    /// What the figures give (`原来的34.35倍`, `150.7%`), when they give something.
    public let computed: String?
    public let verdict: Verdict
    public let message: LocalizedText?
    public let suggestion: String?
    public let related: [(offset: Int, message: LocalizedText)]
}
