import Foundation

/// A rule pack at work: finds each entry's forms in every paragraph and reports them with the
/// entry's message (and the right form as a safe fix for substitutions). The rule's id is the
/// pack's name; `rules.<pack>.options.entries` in `.lint.json` turns entries off or changes their
/// severity: `{"entries": {"zhuo-li": "off", "jie-zhi": "warning"}}`.
public struct PackRule: DocumentRule, CorpusRule {
    public let pack: RulePack
    /// Entries turned off by the configuration.
    let off: Set<String>
    /// Severities set by the configuration, per entry.
    let severities: [String: Severity]
    /// The active entries with a pattern: entry index and the compiled pattern.
    let patterns: [(entry: Int, pattern: Pattern)]
    /// Every literal form of the active entries, by its first scalar: one pass over a text finds
    /// them all, however many entries a pack has.
    let formsByFirstScalar: [UInt32: [(form: [UInt8], entry: Int)]]
    /// The active consistency entries, and the UTF-8 of their two forms.
    let consistencyEntries: [Int]
    let consistencyForms: [[[UInt8]]]
    /// The byte each of those forms is searched for by (`ByteSearch.rareByte`).
    let consistencyAnchors: [[Int]]
    /// The scalars that start some form: a cheap test before the dictionary lookup.
    let startsSomeForm: ScalarSet
    /// The scalars that are a whole form by themselves (rare: forms are words).
    let singleScalarForms: ScalarSet
    /// The first two scalars of every longer form, hashed into a bitmap: most characters that
    /// start some form are not followed by a character that continues one.
    let formPairs: ScalarSet

    public init(pack: RulePack, options: RuleOptions) throws(ConfigurationError) {
        self.pack = pack
        try options.allowOnly(["entries"])
        var off = Set<String>(), severities: [String: Severity] = [:]
        let entries = options.values.first(where: { $0.key == "entries" })?.value
        if let entries, !entries.isObject {
            throw options.error("entries", Suggest.wrongType(expected: ("对象（条目 id → 级别）", "an object (entry id → severity)"), got: entries))
        }
        if case let .object(members)? = entries {
            for (id, v) in members {
                guard pack.entries.contains(where: { $0.id == id }) else {
                    throw options.error("entries.\(id)", Suggest.unknown(what: ("条目", "entry"), id, among: pack.entries.map(\.id)))
                }
                guard case let .string(s) = v, s == "off" || Severity(rawValue: s) != nil else {
                    throw options.error("entries.\(id)", LocalizedText(zh: "应为 off/note/warning/error", en: "expected off, note, warning or error"))
                }
                if s == "off" { off.insert(id) } else { severities[id] = Severity(rawValue: s) }
            }
        }
        self.off = off
        self.severities = severities
        self.patterns = pack.entries.enumerated().compactMap { k, e in
            guard !off.contains(e.id), let pattern = e.pattern else { return nil }
            return (k, pattern)
        }
        consistencyEntries = pack.entries.indices.filter { pack.entries[$0].kind == .consistency && !off.contains(pack.entries[$0].id) }
        consistencyForms = consistencyEntries.map { k in pack.entries[k].forms.prefix(2).map { Array($0.utf8) } }
        consistencyAnchors = consistencyForms.map { $0.map(ByteSearch.rareByte) }
        var index: [UInt32: [(form: [UInt8], entry: Int)]] = [:]
        for (k, e) in pack.entries.enumerated() where e.kind != .consistency && !off.contains(e.id) {
            for form in e.forms where !form.isEmpty {
                let bytes = Array(form.utf8)
                index[UTF8Scan.decode(bytes, at: 0).0, default: []].append((bytes, k))
            }
        }
        self.formsByFirstScalar = index
        startsSomeForm = ScalarSet(index.keys)
        var singles: [UInt32] = [], pairs: [UInt32] = []
        for candidates in index.values {
            for (form, _) in candidates {
                let (v, len) = UTF8Scan.decode(form, at: 0)
                if len == form.count { singles.append(v) } else { pairs.append(Self.pairKey(v, UTF8Scan.decode(form, at: len).0)) }
            }
        }
        singleScalarForms = ScalarSet(singles)
        formPairs = ScalarSet(pairs)
    }

    /// Two scalars folded into the Basic Multilingual Plane, for the `formPairs` bitmap.
    @inline(__always)
    static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (a &* 0x9E37_79B1 ^ b &* 0x85EB_CA77) >> 16
    }

    public var ruleDescription: RuleDescription {
        RuleDescription(
            id: pack.name, name: pack.title,
            rationale: LocalizedText(zh: pack.rationale.zh + "（规则包 \(pack.name)，\(pack.entries.count) 条）",
                                     en: pack.rationale.en + " (rule pack \(pack.name), \(pack.entries.count) entries)"),
            severity: pack.severity,
            options: [RuleOptionDescription("entries", default: "{}", LocalizedText(zh: "按条目 id 关闭（off）或改变级别", en: "turn entries off or change their severity, by id"))],
            triggering: pack.entries.flatMap { $0.triggering.map { RuleExample($0) } },
            nonTriggering: pack.entries.flatMap { $0.nonTriggering.map { RuleExample($0) } })
    }

    /// A pack drawn from a published list: the date it holds as of and its sources.
    public var configurationSummary: LocalizedText? {
        guard pack.asOf != nil || !pack.sources.isEmpty else { return nil }
        let date = pack.asOf.map { ($0, $0) } ?? ("未注明", "not given")
        let zh = (["数据截至 \(date.0)；出处："] + pack.sources.map { "  [\($0.id)] \($0.text)" }).joined(separator: "\n")
        let en = (["data as of \(date.1); sources:"] + pack.sources.map { "  [\($0.id)] \($0.text)" }).joined(separator: "\n")
        return LocalizedText(zh: zh, en: en)
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        func report(_ k: Int, _ p: Paragraph, _ r: Range<Int>) {
            let entry = pack.entries[k]
            if !entry.except.isEmpty && entry.isExcepted(in: p.text, at: r) { return }
            let fixed = entry.kind == .forbid ? nil : entry.right
            findings.append(Finding(range: p.sourceRange(r), message: entry.message, suggestion: fixed,
                                    fixIsSafe: fixed != nil, severity: severities[entry.id] ?? entry.severity))
        }
        for p in document.paragraphs {
            // The literal forms of every entry, in one pass over the paragraph's scalars (decoded
            // once for every rule that reads them).
            let text = p.text
            let decoded = p.scalarText
            decoded.scalars.withUnsafeBufferPointer { s in
                for n in 0..<s.count {
                    let v = s[n]
                    guard startsSomeForm.contains(v),
                          singleScalarForms.contains(v) || (n + 1 < s.count && formPairs.contains(Self.pairKey(v, s[n + 1]))),
                          let candidates = formsByFirstScalar[v] else { continue }
                    let i = decoded.start(n)
                    for (form, k) in candidates where i + form.count <= text.count && text[i..<(i + form.count)].elementsEqual(form) {
                        report(k, p, i..<(i + form.count))
                    }
                }
            }
            for (k, pattern) in patterns {
                for r in pattern.matches(in: text) { report(k, p, r) }
            }
        }
        return findings
    }

    /// Where each consistency entry's two forms stand in one document (source byte ranges).
    public struct FormPlaces: Sendable {
        var places: [[[Range<Int>]]]  // entry (in consistencyEntries order) → form 0/1 → ranges
    }

    public func collect(_ document: Document) -> FormPlaces {
        FormPlaces(places: zip(consistencyForms, consistencyAnchors).map { forms, anchors in
            zip(forms, anchors).map { bytes, anchor in
                var places: [Range<Int>] = []
                for p in document.paragraphs {
                    for at in ByteSearch.offsets(of: bytes, in: p.text, anchor: anchor) { places.append(p.sourceRange(at..<(at + bytes.count))) }
                }
                return places
            }
        })
    }

    /// Two forms in one run (all files linted together): the rarer one is reported everywhere it
    /// stands, pointing at the first place of the other.
    public func judge(_ all: [FormPlaces], documents: [DocumentInfo]) -> [[Finding]] {
        var out = [[Finding]](repeating: [], count: all.count)
        for (n, k) in consistencyEntries.enumerated() {
            let entry = pack.entries[k]
            let counts = [0, 1].map { f in all.reduce(0) { $0 + $1.places[n][f].count } }
            guard counts[0] > 0, counts[1] > 0 else { continue }
            let rare = counts[0] < counts[1] ? 0 : 1, common = 1 - rare
            guard let d = all.firstIndex(where: { !$0.places[n][common].isEmpty }) else { continue }
            let first = RelatedLocation(path: documents[d].path, position: documents[d].source.position(of: all[d].places[n][common][0].lowerBound),
                                        message: LocalizedText(zh: "多写作“\(entry.forms[common])”（\(counts[common]) 处）",
                                                               en: "written “\(entry.forms[common])” \(counts[common]) times"),
                                        unit: documents[d].source.unit)
            for (doc, facts) in all.enumerated() {
                out[doc] += facts.places[n][rare].map { r in
                    Finding(range: r, message: entry.message, suggestion: entry.forms[common], relatedElsewhere: [first],
                            severity: severities[entry.id] ?? entry.severity)
                }
            }
        }
        return out
    }
}
