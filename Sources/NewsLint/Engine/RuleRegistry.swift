/// Every built-in rule, in the order `newslint rules` lists them.
/// A rule's file is `Sources/NewsLint/Rules/<Id>Rule.swift`.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        BylineFormatRule.self,
        BylinePlacementRule.self,
        CaptionPlacementRule.self,
        DoubledCharacterRule.self,
        MetricArithmeticRule.self,
        NameConsistencyRule.self,
        NumberFormRule.self,
        PunctuationWidthRule.self,
        QuoteStyleRule.self,
        SpacingRule.self,
    ]

    public static var ids: [String] { all.map { $0.description.id } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Descriptions of every rule a run can have: the built-in ones and the rule packs (built in,
    /// and from the rules directory when one is given).
    public static func descriptions(rulesDirectory: String? = nil) throws(ConfigurationError) -> [RuleDescription] {
        var out = all.map { $0.description }
        for pack in try RulePack.load(rulesDirectory: rulesDirectory) {
            out.append(try PackRule(pack: pack, options: RuleOptions()).ruleDescription)
        }
        return out
    }
}
