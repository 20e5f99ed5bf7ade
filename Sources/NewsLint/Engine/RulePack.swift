import Foundation

/// A rule pack: checks an editor writes as data (`Rules/pack-*.json`), no Swift needed.
///
/// ```json
/// {"pack": "misspelling", "title": "易错词", "description": "…", "severity": "error",
///  "entries": [
///    {"id": "zhuo-li", "kind": "substitute", "wrong": ["跃厉奋发"], "right": "踔厉奋发",
///     "message": "…", "examples": {"triggering": ["⟦跃厉奋发⟧"], "nonTriggering": ["踔厉奋发"]}}
///  ]}
/// ```
///
/// Kinds: `forbid` (words or a regular expression that must not appear), `substitute` (wrong
/// forms → the right one, a safe fix), `consistency` (two forms of which a run — all files linted
/// together — uses one: the rarer is reported), `fixedForm` (a term with variant spellings to be written one way).
/// An entry may name words it is part of where it is right (`except`: 瞎子 in 黑瞎子岛). A pack drawn
/// from a published list names it: `sources` (id → the document and its edition) and `asOf` (the
/// date the entries were checked); every entry then names its `source`.
/// Packs are validated on load: a missing field, an unknown key, a duplicate id, a bad pattern or
/// a missing source is a configuration error naming the file and the key path.
public struct RulePack: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case forbid, substitute, consistency, fixedForm
    }

    public struct Entry: Sendable {
        public let id: String
        public let kind: Kind
        /// Literal forms to find (wrong forms, forbidden words, the two consistency forms, variants).
        public let forms: [String]
        /// A pattern to find instead of or beside the forms (`forbid` only), compiled when the pack
        /// is read (its text is `pattern.source`).
        public let pattern: Pattern?
        /// The right form (`substitute`, `fixedForm`).
        public let right: String?
        public let message: LocalizedText
        public let severity: Severity?
        /// Words that hold a form where it is right (黑瞎子岛 for 瞎子), as UTF-8.
        public let except: [[UInt8]]
        /// The id of the entry's source in the pack's `sources`.
        public let source: String?
        public let triggering: [String]
        public let nonTriggering: [String]

        /// Whether the form found at `range` of `text` stands inside one of the `except` words.
        func isExcepted(in text: [UInt8], at range: Range<Int>) -> Bool {
            let form = Array(text[range])
            for word in except {
                var k = 0
                while let at = ByteSearch.find(form, in: word, k..<word.count) {
                    let start = range.lowerBound - at
                    if start >= 0, start + word.count <= text.count, text[start..<(start + word.count)].elementsEqual(word) { return true }
                    k = at + 1
                }
            }
            return false
        }
    }

    public let name: String
    public let title: LocalizedText
    public let rationale: LocalizedText
    public let severity: Severity
    public let entries: [Entry]
    public let file: String
    /// The date the entries were last checked against their sources (`YYYY-MM-DD`), if given.
    public let asOf: String?
    /// The documents the entries come from: id → title and edition, in the file's order.
    public let sources: [(id: String, text: String)]

    static let packKeys = ["pack", "title", "description", "severity", "asOf", "sources", "entries"]
    static let entryKeys = ["id", "kind", "words", "pattern", "wrong", "right", "forms", "term", "variants", "except", "message", "messageEn",
                            "severity", "source", "examples"]

    /// The packs of a run: the `pack-*.json` files of the rules directory, and the built-in ones
    /// it has no file of the same name for (`RuleData`). A pack of the directory may not take one
    /// of `reservedIds` (the built-in rules'), or two rules would share an id.
    public static func load(rulesDirectory: String?, reservedIds: [String] = []) throws(ConfigurationError) -> [RulePack] {
        var packs: [String: RulePack] = [:]
        let builtIn = try self.builtIn.get()
        for name in RuleData.names(prefix: "pack-", suffix: ".json", in: rulesDirectory) {
            guard let (bytes, file) = try RuleData.file(name, in: rulesDirectory) else { continue }
            let pack: RulePack
            if let decoded = builtIn[file] {
                pack = decoded
            } else {
                pack = try decode(try ConfigurationError.parseJSON(bytes, file: file), file: file)
                if reservedIds.contains(pack.name) {
                    throw ConfigurationError(file: file, keyPath: "pack", message: LocalizedText(
                        zh: "规则包名 `\(pack.name)` 是内置规则的 id，请换一个名字", en: "the pack name `\(pack.name)` is a built-in rule's id; choose another"))
                }
            }
            packs[pack.name] = pack
        }
        return packs.values.sorted { $0.name < $1.name }
    }

    /// The packs built into the binary, decoded once, by how `RuleData` names their files.
    static let builtIn: Result<[String: RulePack], ConfigurationError> = Result { () throws(ConfigurationError) -> [String: RulePack] in
        var out: [String: RulePack] = [:]
        for name in RuleData.names(prefix: "pack-", suffix: ".json", in: nil) {
            let file = RuleData.builtInName(name)
            out[file] = try decode(try ConfigurationError.parseJSON(Array(RuleData.builtIn(name)!.utf8), file: file), file: file)
        }
        return out
    }

    public static func decode(_ json: JSONValue, file: String) throws(ConfigurationError) -> RulePack {
        let top = RuleOptions(json, file: file)
        try top.allowOnly(packKeys)
        func string(_ v: JSONValue?, _ key: String, in o: RuleOptions, required: Bool = true) throws(ConfigurationError) -> String? {
            guard let v else {
                if required { throw o.error(key, LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
                return nil
            }
            guard case let .string(s) = v, !s.isEmpty else { throw o.error(key, Suggest.wrongType(expected: ("非空字符串", "a non-empty string"), got: v)) }
            return s
        }
        let name = try string(json["pack"], "pack", in: top)!
        guard name.unicodeScalars.allSatisfy({ $0 == "-" || ($0.value >= 0x61 && $0.value <= 0x7A) }) else {
            throw top.error("pack", LocalizedText(zh: "规则包名应为小写连字符形式（如 misspelling）", en: "a pack name is kebab-case (e.g. misspelling)"))
        }
        let title = try string(json["title"], "title", in: top, required: false) ?? name
        let rationale = try string(json["description"], "description", in: top, required: false) ?? title
        let severity = try severityValue(json["severity"], "severity", in: top) ?? .warning
        var asOf: String?
        if let v = json["asOf"] {
            guard case let .string(d) = v, Day(d) != nil else {
                throw top.error("asOf", LocalizedText(zh: "应为日期 YYYY-MM-DD", en: "expected a date, YYYY-MM-DD"))
            }
            asOf = d
        }
        var sources: [(id: String, text: String)] = []
        if let v = json["sources"] {
            guard case let .object(members) = v, !members.isEmpty else {
                throw top.error("sources", Suggest.wrongType(expected: ("非空对象（出处 id → 文件名称）", "a non-empty object (source id → document)"), got: v))
            }
            for (id, text) in members {
                guard case let .string(t) = text, !t.isEmpty else {
                    throw top.error("sources.\(id)", Suggest.wrongType(expected: ("非空字符串", "a non-empty string"), got: text))
                }
                sources.append((id, t))
            }
        }
        guard case let .array(items)? = json["entries"] else {
            throw top.error("entries", LocalizedText(zh: "缺少条目数组", en: "missing the array of entries"))
        }
        var entries: [Entry] = []
        var ids = Set<String>()
        for (i, item) in items.enumerated() {
            let o = RuleOptions(item, keyPath: "entries[\(i)]", file: file)
            guard case .object = item else { throw top.error("entries[\(i)]", Suggest.wrongType(expected: ("对象", "an object"), got: item)) }
            try o.allowOnly(entryKeys)
            let id = try string(item["id"], "id", in: o)!
            guard ids.insert(id).inserted else { throw o.error("id", LocalizedText(zh: "重复的条目 id `\(id)`", en: "duplicate entry id `\(id)`")) }
            guard let kindName = try string(item["kind"], "kind", in: o), let kind = Kind(rawValue: kindName) else {
                throw o.error("kind", Suggest.unknown(what: ("条目类型", "entry kind"), (try? string(item["kind"], "kind", in: o)) ?? "", among: Kind.allCases.map(\.rawValue)))
            }
            let zh = try string(item["message"], "message", in: o)!
            let en = try string(item["messageEn"], "messageEn", in: o, required: false) ?? zh
            var forms: [String] = [], pattern: Pattern?, right: String?
            switch kind {
            case .forbid:
                forms = try o.strings("words", default: [])
                if let source = try string(item["pattern"], "pattern", in: o, required: false) {
                    // A bad pattern is a configuration error naming its entry; `Pattern` matches in
                    // linear time and refuses what it cannot match so.
                    do { pattern = try Pattern(source) } catch {
                        throw o.error("pattern", LocalizedText(zh: "正则表达式无效（第 \(error.offset + 1) 个字符处）：\(error.message.zh)",
                                                             en: "invalid pattern (at character \(error.offset + 1)): \(error.message.en)"))
                    }
                }
                if forms.isEmpty && pattern == nil { throw o.error("words", LocalizedText(zh: "forbid 需要 words 或 pattern", en: "forbid needs words or a pattern")) }
            case .substitute:
                forms = try o.strings("wrong", default: [])
                right = try string(item["right"], "right", in: o)
                if forms.isEmpty { throw o.error("wrong", LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
            case .consistency:
                forms = try o.strings("forms", default: [])
                if forms.count != 2 { throw o.error("forms", LocalizedText(zh: "应为两个写法", en: "expected two forms")) }
            case .fixedForm:
                right = try string(item["term"], "term", in: o)
                forms = try o.strings("variants", default: [])
                if forms.isEmpty { throw o.error("variants", LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
            }
            var triggering: [String] = [], nonTriggering: [String] = []
            if let ex = item["examples"] {
                let e = RuleOptions(ex, keyPath: "entries[\(i)].examples", file: file)
                try e.allowOnly(["triggering", "nonTriggering"])
                triggering = try e.strings("triggering", default: [])
                nonTriggering = try e.strings("nonTriggering", default: [])
            }
            if triggering.isEmpty { throw o.error("examples", LocalizedText(zh: "每个条目至少要有一个会报告的示例", en: "every entry needs a triggering example")) }
            let except = try o.strings("except", default: [])
            for (n, word) in except.enumerated() where !forms.contains(where: { word.contains($0) }) {
                throw o.error("except[\(n)]", LocalizedText(zh: "例外词“\(word)”不含本条的任何写法", en: "the exception “\(word)” holds none of the entry's forms"))
            }
            let source = try string(item["source"], "source", in: o, required: !sources.isEmpty)
            if let source, !sources.contains(where: { $0.id == source }) {
                throw o.error("source", Suggest.unknown(what: ("出处", "source"), source, among: sources.map(\.id)))
            }
            entries.append(Entry(id: id, kind: kind, forms: forms, pattern: pattern, right: right,
                                 message: LocalizedText(zh: zh, en: en), severity: try severityValue(item["severity"], "severity", in: o),
                                 except: except.map { Array($0.utf8) }, source: source,
                                 triggering: triggering, nonTriggering: nonTriggering))
        }
        return RulePack(name: name, title: LocalizedText(zh: title, en: title), rationale: LocalizedText(zh: rationale, en: rationale),
                        severity: severity, entries: entries, file: file, asOf: asOf, sources: sources)
    }

    static func severityValue(_ v: JSONValue?, _ key: String, in o: RuleOptions) throws(ConfigurationError) -> Severity? {
        guard let v else { return nil }
        guard case let .string(s) = v, let sev = Severity(rawValue: s) else {
            throw o.error(key, Suggest.unknown(what: ("级别", "severity"), { if case let .string(s) = v { return s }; return v.typeName }(), among: ["note", "warning", "error"]))
        }
        return sev
    }
}
