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
        OfficialNamesRule.self,
        OfficialWordingRule.self,
        PunctuationWidthRule.self,
        QuoteStyleRule.self,
        SpacingRule.self,
        TypoRule.self,
    ]

    public static var ids: [String] { all.map { $0.description.id } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Descriptions of every rule a run can have: the built-in ones and the rule packs (built in,
    /// and from the rules directory when one is given).
    public static func descriptions(rulesDirectory: String? = nil) throws(ConfigurationError) -> [RuleDescription] {
        var out = all.map { $0.description }
        for pack in try RulePack.load(rulesDirectory: rulesDirectory, reservedIds: ids) {
            out.append(try PackRule(pack: pack, options: RuleOptions()).ruleDescription)
        }
        return out
    }
}

extension Linter {
    /// Builds the rule set a configuration asks for: every registered rule at its default
    /// severity unless the configuration turns it off, changes its severity or sets options.
    public init(configuration: Configuration) throws(ConfigurationError) {
        try self.init(rules: try RuleRegistry.configuredRules(configuration), configuration: configuration)
    }
}

extension RuleRegistry {
    /// The rules `configuration` asks for, each at its severity.
    public static func configuredRules(_ configuration: Configuration) throws(ConfigurationError) -> [ConfiguredRule] {
        var rules: [ConfiguredRule] = []
        for type in all {
            let d = type.description
            let setting = configuration.rules[d.id]
            var severity: Severity? = d.severity
            if let chosen = setting?.severity { severity = chosen }
            guard let severity else { continue }
            let options = RuleOptions(setting?.options, keyPath: "rules.\(d.id).options", file: configuration.path ?? "",
                                      rulesDirectory: configuration.resolvedRulesDirectory, baseDirectory: configuration.baseDirectory,
                                      maxFileSize: configuration.maxFileSize ?? FileReader.defaultLimit, editionDate: configuration.date)
            rules.append(ConfiguredRule(rule: try type.init(options: options), severity: severity,
                                        severityIsConfigured: setting?.severity != nil))
        }
        // Rule packs: data, built in and from the rules directory.
        let packs = try RulePack.load(rulesDirectory: configuration.resolvedRulesDirectory, reservedIds: RuleRegistry.ids)
        for pack in packs {
            let setting = configuration.rules[pack.name]
            var severity: Severity? = pack.severity
            if let chosen = setting?.severity { severity = chosen }
            guard let severity else { continue }
            let options = RuleOptions(setting?.options, keyPath: "rules.\(pack.name).options", file: configuration.path ?? "")
            rules.append(ConfiguredRule(rule: try PackRule(pack: pack, options: options), severity: severity,
                                        severityIsConfigured: setting?.severity != nil))
        }
        let known = ids + packs.map(\.name)
        for id in configuration.rules.keys.sorted() where !known.contains(id) {
            throw ConfigurationError(file: configuration.path ?? "", keyPath: "rules.\(id)",
                                     message: Suggest.unknown(what: ("规则", "rule id"), id, among: Array(Set(known)).sorted()))
        }
        return rules
    }
}
