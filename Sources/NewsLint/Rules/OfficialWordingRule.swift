/// `official-wording`: official formulations written as published (`Rules/official-wording.json`).
///
/// Two checks: a known wrong variant of a formulation (`以习近平总书记为核心的党中央` for
/// `以习近平同志为核心的党中央`, `十九大四中全会` for `十九届四中全会`), with the exact wording as
/// the fix; and a series that is always listed in one order (四个意识, 四个自信, 五位一体, the
/// core socialist values, the eight democratic parties) listed out of it. A list is its items
/// joined by 、 or ，(和, 及 and 与 before the last); a series is judged when the list holds
/// enough of its items, and the items of a shared ending may stand without it before one that
/// has it (`道路、理论、制度、文化自信`; `经济、社会、文化` alone is any list).
public struct OfficialWordingRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "official-wording",
        name: LocalizedText(zh: "规范表述", en: "Official wording"),
        rationale: LocalizedText(
            zh: "重要提法要与中央文件的表述一字不差，固定顺序的提法不能颠倒。本规则核对 Rules/official-wording.json 中有出处的提法和已知的错误写法；提法更新时，改写该文件即可。",
            en: "Official formulations are written word for word as the Party's documents write them, and series with a fixed order keep it. This rule checks copy against the sourced formulations and their known wrong variants in Rules/official-wording.json; when a formulation changes, update that file."),
        severity: .error,
        triggering: [
            RuleExample("在⟦以习近平总书记为核心的党中央⟧坚强领导下。"),
            RuleExample("深入学习贯彻⟦习近平新时代中国特色社会主义理论⟧。"),
            RuleExample("党的⟦十九大四中全会⟧作出部署。"),
            RuleExample("来自⟦台湾民主自治联盟⟧的代表。"),
            RuleExample("增强政治意识、核心意识、⟦大局意识⟧、看齐意识。"),
            RuleExample("坚定道路、制度、⟦理论⟧、文化自信。"),
            RuleExample("民革、民盟、民进、⟦民建⟧、农工党、致公党、九三学社、台盟。"),
        ],
        nonTriggering: [
            RuleExample("在以习近平同志为核心的党中央坚强领导下。"),
            RuleExample("深入学习贯彻习近平新时代中国特色社会主义思想，坚持中国特色社会主义理论体系。"),
            RuleExample("党的十九届四中全会作出部署，党的十九大以来成就显著。"),
            RuleExample("增强政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、文化自信。"),
            RuleExample("坚定道路、理论、制度、文化自信。"),
            RuleExample("民革、民盟、民建、民进、农工党、致公党、九三学社、台盟。"),
            RuleExample("倡导自由、民主、人权，以及富强、民主。双方在政治、经济、社会、文化各层面交流密切。"),
        ]
    )

    let wording: Wording
    /// Every wrong variant, and the formulation it is a variant of.
    let variants: PhraseIndex
    let formulationOfVariant: [Int]
    /// Every series item, and the series and place it stands at; with the shared ending of a
    /// series' items taken off (道路 for 道路自信), where they share one.
    let items: PhraseIndex
    let placeOfItem: [[(series: Int, index: Int, short: Bool)]]
    /// Pairs of characters one of which every paragraph this rule could report on holds.
    let filter: PairFilter

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly([])
        wording = try Wording.load(rulesDirectory: options.rulesDirectory)
        var forms: [String] = [], of: [Int] = []
        for (k, f) in wording.formulations.enumerated() {
            for v in f.variants { forms.append(v); of.append(k) }
        }
        variants = PhraseIndex(forms)
        formulationOfVariant = of
        var itemForms: [String] = [], places: [[(series: Int, index: Int, short: Bool)]] = []
        func add(_ form: String, _ place: (series: Int, index: Int, short: Bool)) {
            if let k = itemForms.firstIndex(of: form) { places[k].append(place) } else { itemForms.append(form); places.append([place]) }
        }
        for (n, series) in wording.series.enumerated() {
            let ending = Self.sharedEnding(series.items)
            for (i, item) in series.items.enumerated() {
                add(item, (n, i, false))
                if ending > 0 { add(String(String.UnicodeScalarView(item.unicodeScalars.dropLast(ending))), (n, i, true)) }
            }
        }
        items = PhraseIndex(itemForms)
        placeOfItem = places
        // A paragraph this rule reports on holds one of these pairs. A variant holds the two
        // characters where it parts from the right wording (总书 of 以习近平总书记为核心…: the
        // parts both share are common words). A judged list of a series whose items share an
        // ending holds one of them whole (…、文化自信): the pair where each item's own part meets
        // the ending (化自, 济建) is rare. Any other judged list holds `minimum` of its items, so
        // one of any count − minimum + 1 of them, by its pair of most strokes.
        var pairs: [(UInt32, UInt32, apart: Bool)] = []
        for (k, v) in variants.phrases.enumerated() {
            let right = wording.formulations[formulationOfVariant[k]].text.unicodeScalars.map(\.value)
            let parted = min(max(1, zip(v, right).prefix { $0 == $1 }.count), v.count - 1)
            pairs.append((v[parted - 1], v[parted], false))
        }
        for series in wording.series {
            let ending = Self.sharedEnding(series.items)
            let items = series.items.map { $0.unicodeScalars.map(\.value) }
            if ending > 0 {
                pairs += items.map { ($0[$0.count - ending - 1], $0[$0.count - ending], false) }
            } else {
                pairs += items.compactMap(PairFilter.rarestPair).prefix(series.items.count - series.minimum + 1)
            }
        }
        filter = PairFilter(pairs)
    }

    public var configurationSummary: LocalizedText? { wording.summary }

    /// How many scalars every item ends with alike (自信 of 道路自信, 理论自信 …), when each keeps
    /// at least two of its own.
    static func sharedEnding(_ items: [String]) -> Int {
        let scalars = items.map { Array($0.unicodeScalars) }
        var n = 0
        while scalars.allSatisfy({ $0.count - n > 2 }), Set(scalars.map { $0[$0.count - 1 - n] }).count == 1 { n += 1 }
        return n
    }

    static let itemSeparators = ScalarSet("、，,")
    static let lastJoiners = PhraseIndex(["和", "及", "与", "以及"])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for p in document.paragraphs {
            let text = p.scalarText
            guard filter.mayMatch(text) else { continue }
            for (range, k) in variants.matches(in: text) {
                let f = wording.formulations[formulationOfVariant[k]]
                // A listed error is fixed safely; a cautioned variant (a warning) is the editor's call.
                findings.append(Finding(range: p.sourceRange(text.bytes(range)), message: Messages.variant(text.string(range), f.text),
                                        suggestion: f.text, fixIsSafe: f.severity == nil, severity: f.severity))
            }
            findings += order(text, p)
        }
        return findings
    }

    /// Series items in lists, out of their order.
    private func order(_ text: ScalarText, _ p: Paragraph) -> [Finding] {
        let s = text.scalars
        var out: [Finding] = []
        // Lists: runs of items, each an item form with a separator (or a joiner before the last) next.
        var i = 0
        while i < s.count {
            guard let first = items.match(in: text, at: i) else { i += 1; continue }
            var list: [(range: Range<Int>, item: Int)] = [(i..<(i + items.phrases[first].count), first)]
            var end = list[0].range.upperBound
            while true {
                var j = end
                if j < s.count, Self.itemSeparators.contains(s[j]) { j += 1 } else if let w = Self.lastJoiners.match(in: text, at: j) { j += Self.lastJoiners.phrases[w].count } else { break }
                guard let k = items.match(in: text, at: j) else { break }
                list.append((j..<(j + items.phrases[k].count), k))
                end = j + items.phrases[k].count
            }
            i = end
            guard list.count >= 3 else { continue }
            for (n, series) in wording.series.enumerated() {
                // The items of this series, in the list's order, each once. An item without the
                // shared ending (道路) counts only before one that has it (…文化自信): 经济、社会、文化
                // alone is any list, not 五位一体.
                let places = list.map { entry in placeOfItem[entry.item].first { $0.series == n } }
                guard let lastFull = places.lastIndex(where: { $0 != nil && !$0!.short }) else { continue }
                let placed = zip(list, places).enumerated().compactMap { k, pair -> (Range<Int>, Int)? in
                    guard let place = pair.1, !place.short || k < lastFull else { return nil }
                    return (pair.0.range, place.index)
                }
                guard placed.count >= series.minimum, Set(placed.map(\.1)).count == placed.count else { continue }
                guard let bad = placed.indices.dropFirst().first(where: { placed[$0].1 < placed[$0 - 1].1 }) else { continue }
                let right = placed.map(\.1).sorted().map { series.items[$0] }
                out.append(Finding(range: p.sourceRange(text.bytes(placed[bad].0)),
                                   message: Messages.order(series.name, text.string(placed[bad].0), right: right)))
            }
        }
        return out
    }

    enum Messages {
        static func variant(_ written: String, _ right: String) -> LocalizedText {
            LocalizedText(zh: "规范表述为“\(right)”，不作“\(written)”", en: "the official wording is “\(right)”, not “\(written)”")
        }

        static func order(_ name: String, _ item: String, right: [String]) -> LocalizedText {
            LocalizedText(zh: "“\(name)”的顺序有误：“\(item)”的位置不对，应为\(right.joined(separator: "、"))",
                          en: "“\(name)” out of its order: “\(item)” is out of place; the order is \(right.joined(separator: "、"))")
        }
    }
}
