import NewsLint

/// `newslint rules` and `newslint explain RULE`.
enum RuleCatalog {
    /// One line per rule; with `markdown`, the table the README carries (a test keeps it current).
    static func list(_ rules: [RuleDescription], _ lang: Language, markdown: Bool) -> String {
        if markdown {
            var out = "| id | severity | scope | what it checks |\n|---|---|---|---|\n"
            for d in rules {
                out += "| `\(d.id)` | \(d.severity.rawValue) | \(d.scope.rawValue) | \(d.name.zh) — \(d.name.en) |\n"
            }
            return out
        }
        let width = rules.map { $0.id.count }.max() ?? 0
        var out = ""
        for d in rules {
            let pad = String(repeating: " ", count: width - d.id.count)
            out += "\(d.id)\(pad)  \(d.severity.rawValue.padded(7))  \(d.scope.rawValue.padded(8))  \(d.name.text(lang))\n"
        }
        return out
    }

    static func explain(_ d: RuleDescription, _ lang: Language, configured: LocalizedText? = nil) -> String {
        var out = "\(d.id): \(d.name.text(lang))\n\n\(d.rationale.text(lang))\n\n"
        out += (lang == .zh ? "默认级别：" : "Default severity: ") + d.severity.rawValue + "\n"
        out += (lang == .zh ? "范围：" : "Scope: ") + d.scope.rawValue + "\n\n"
        if let configured { out += configured.text(lang) + "\n\n" }
        if !d.options.isEmpty {
            out += lang == .zh ? "选项（.lint.json 中 rules.\(d.id).options）：\n" : "Options (rules.\(d.id).options in .lint.json):\n"
            for o in d.options {
                out += "  \(o.name) = \(o.defaultValue)  \(o.meaning.text(lang))\n"
            }
            out += "\n"
        }
        out += (lang == .zh ? "会报告（⟦⟧ 标出报告的位置）：\n" : "Reported (⟦⟧ marks the span):\n")
        for e in d.triggering { out += "  " + e.text.replacingOccurrencesOfNewline + "\n" }
        out += (lang == .zh ? "\n不会报告：\n" : "\nNot reported:\n")
        for e in d.nonTriggering { out += "  " + e.text.replacingOccurrencesOfNewline + "\n" }
        return out
    }
}

extension String {
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }

    var replacingOccurrencesOfNewline: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
    }
}
