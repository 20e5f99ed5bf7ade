/// `name-consistency`: the same person spelled two ways across the pages and editions linted
/// together (`郭树勋` in four places, `郭树勤` in two).
///
/// A corpus rule: each document gives the names it holds (bylines, datelines, photo credits,
/// the masthead, `□` authors, a title before a name in the text: `党委书记崔全星`
/// before a name); then all names of the run are compared. Two forms
/// that differ in one character, where the two characters look or sound alike (from the
/// Unicode Han database), name one person. The registry (the house roster, the rule's `known`
/// option) decides which form is right, and the other is an error; without it, a clear majority
/// (three uses and twice the other's, and not a difference in the surname) makes the rarer form a
/// warning. Names are grouped by masking
/// one character at a time, so the comparison grows with the number of names, not its square.
public struct NameConsistencyRule: Rule, CorpusRule {
    public static let description = RuleDescription(
        id: "name-consistency",
        name: LocalizedText(zh: "人名前后一致", en: "Names spelled one way"),
        rationale: LocalizedText(
            zh: "同一人名（以及机构、品牌名）在各版各期中应写法一致。署名、电头、职务或“说”“表示”前后、名单中的人名都会收集。只差一个字、且两字形近或音近的两种写法，多半是同一个人，少见的写法（不在人员名录中的）被报告，并列出常见写法的位置。",
            en: "A person's name (and an organisation's or a brand's) is spelled the same way on every page and in every edition. Names are read from credits, after titles, before words of speech and in lists. Two forms one character apart, where the two characters look or sound alike, most likely name one person: the rarer form (not in the roster) is reported with the places of the common one."),
        severity: .error,
        scope: .corpus,
        options: [
            RuleOptionDescription("known", default: "[]", LocalizedText(
                zh: "已知正确的人名，与人员名录一起作为依据", en: "names known to be right, taken as evidence with the roster")),
            RuleOptionDescription("reference", default: "[]", LocalizedText(
                zh: "参考版次（文件或文件夹，相对于 .lint.json 所在目录）：其中的人名计入依据，但不报告",
                en: "reference editions (files or folders, relative to .lint.json): their names count as evidence and are not reported")),
        ],
        triggering: [
            RuleExample("本报记者 郭树勋\n\n正文。\n\n本报记者 郭树勋 本报通讯员 张放\n\n正文。\n\n本报记者 ⟦郭树勤⟧\n\n正文。"),
            RuleExample("本报讯（记者付凯明）正文。\n\n本报讯（记者⟦付凯铭⟧）正文。"),
            RuleExample("周庄镇党委书记崔全星说，要抓好党建。党委书记崔全星表示，要促发展。党委书记崔全星强调，要稳就业。\n\n党委书记⟦崔全兴⟧说，要惠民生。"),
            // A speaker named three times, then once misspelt in passing.
            RuleExample("望岭村党支部书记沈大山介绍，全村有青梅园一千二百亩。“去年每亩卖了八千多元。”沈大山说。\n\n沈大山表示，今年还要建冷库。\n\n村民们都说，⟦沈大珊⟧带领大家走上了致富路。"),
            // A brand, marked by its head word (Rules/names.json `heads`).
            RuleExample("本地的天宝酱菜远近闻名。\n\n游客们争相购买天宝酱菜，天宝酱菜供不应求。\n\n如今，⟦天保酱菜⟧已经卖到了全国。"),
            // A list of names.
            RuleExample("出席会议的有：丁薛祥、刘鹤、许其亮、孙春兰。\n\n丁薛祥、刘鹤、许其亮、孙春兰参加了会见。\n\n丁薛祥、刘鹤、许其亮、孙春兰陪同。\n\n丁薛祥、刘鹤、⟦许其亨⟧、孙春兰出席。"),
            // An organisation: 猿/园 sound alike.
            RuleExample("成立了焦作小果猿无花果产业合作社。焦作小果猿无花果产业合作社发展迅速，焦作小果猿无花果产业合作社年收入增加。\n\n⟦焦作小果园无花果产业合作社⟧开园以来，生意火爆。"),
        ],
        nonTriggering: [
            RuleExample("本报讯（记者段美如 通讯员段玉明）正文。"),
            RuleExample("本报记者 张放\n\n正文。\n\n本报记者 张欣\n\n正文。"),
            RuleExample("本报记者 柴艺芳\n\n正文。\n\n本报记者 樊艺芳\n\n正文。"),
            RuleExample("后南谢村李胜利、金炉村赵成国、南霍村贾顺心、北魏村乔继忠4人荣登榜单。"),
            // A surname apart, and no registry: as likely two people.
            RuleExample("本报记者 邓刚\n\n正文。\n\n本报记者 邓刚\n\n正文。\n\n本报记者 邓刚\n\n正文。\n\n本报记者 郝刚\n\n正文。"),
            // Two people of like names, introduced by different titles.
            RuleExample("中国人民大学法学院院长王轶解读民法典。\n\n国务委员兼外长王毅表示，中方愿同各方加强合作。王毅说，这符合各国共同利益。王毅指出，要坚持多边主义。"),
            // A town beside a reporter's name: 宁郭镇 is no misspelt 宁果.
            RuleExample("本报讯（通讯员宁果）连日来，宁郭镇创新发展举措。\n\n本报讯（通讯员宁果）宁郭镇抓党建。\n\n本报讯（通讯员宁果）近日，宁郭镇召开会议。"),
            // Two against one is no clear majority.
            RuleExample("本报记者 孙凯明\n\n正文。\n\n本报记者 孙凯明\n\n正文。\n\n本报记者 孙凯铭\n\n正文。"),
        ]
    )

    let style: HouseStyle
    let contexts: NameContexts
    let proseMarks: ScalarSet
    let organisationWords: NameExtractor.OrganisationWords
    let registry: Set<NameKey>
    /// How often each name stands in the reference editions.
    let referenceCounts: [NameKey: Int]

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        let style = try HouseStyle.load(rulesDirectory: options.rulesDirectory)
        self.style = style
        let contexts = try NameContexts.load(rulesDirectory: options.rulesDirectory)
        self.contexts = contexts
        let organisationWords = NameExtractor.OrganisationWords(heads: contexts.heads)
        self.organisationWords = organisationWords
        proseMarks = NameExtractor.marks(contexts, organisationWords)
        registry = Set((style.roster + (try options.strings("known", default: []))).map(NameKey.init))
        var counts: [NameKey: Int] = [:]
        let base = options.baseDirectory ?? "."
        for (i, path) in try options.strings("reference", default: []).enumerated() {
            let collected = FileCollector(baseDirectory: base, workingDirectory: base, exclude: []).collect(paths: [path])
            if let e = collected.errors.first {
                throw options.error("reference[\(i)]", LocalizedText(zh: "参考版次 \(e.path)：\(e.message.zh)", en: "reference edition \(e.path): \(e.message.en)"))
            }
            for file in collected.files {
                switch DocumentLoader.document(file, limit: options.maxFileSize, regularOnly: true) {
                case let .success(document):
                    for o in NameExtractor(document: document, style: style, contexts: contexts, proseMarks: proseMarks, organisationWords: organisationWords).occurrences() { counts[o.key, default: 0] += 1 }
                case let .failure(e):
                    throw options.error("reference[\(i)]", LocalizedText(zh: "参考版次 \(e.path)：\(e.message.zh)", en: "reference edition \(e.path): \(e.message.en)"))
                }
            }
        }
        referenceCounts = counts
    }

    /// A name where it stands in one document.
    public struct Occurrence: Sendable {
        let key: NameKey
        /// The source range, as two 32-bit offsets (a source is under 4 GiB): a run keeps every
        /// name of every document until the judge.
        private let start: UInt32, end: UInt32
        /// The title written before it, hashed to 32 bits (`外长王毅`), or 0.
        let title: UInt32
        private let flags: UInt8

        var range: Range<Int> { Int(start)..<Int(end) }
        /// Introduced in running text by a title or as a speaker (`院长王轶`, `王轶说`): a person
        /// the copy presents, not a slip in passing.
        var introduced: Bool { flags & 1 != 0 }
        /// In a credit: a byline, a dateline, a photo credit, the masthead (the paper's staff,
        /// compared across editions).
        var credit: Bool { flags & 2 != 0 }

        init(name: String, range: Range<Int>, introduced: Bool = false, credit: Bool = false, title: [UInt8]? = nil) {
            key = NameKey(name)
            start = UInt32(truncatingIfNeeded: range.lowerBound)
            end = UInt32(truncatingIfNeeded: range.upperBound)
            flags = (introduced ? 1 : 0) | (credit ? 2 : 0)
            self.title = title.map { UInt32(truncatingIfNeeded: NameKey(String(decoding: $0, as: UTF8.self)).hash) | 1 } ?? 0
        }

        var name: String { key.name }
    }

    /// A name as the judge counts and compares it: by its UTF-8 bytes, with their hash taken
    /// once, where the name is found (on every core), not on each look-up in the one-threaded
    /// judge. A String's own hash normalises its Unicode first, which for Han text costs about
    /// a thousand instructions a name; names are runs of Han characters, whose bytes are their form.
    struct NameKey: Hashable, Sendable {
        let name: String
        let hash: UInt64

        init(_ name: String) {
            self.name = name
            var h = FNV1a()
            for b in name.utf8 { h.add(UInt64(b)) }
            hash = h.value
        }

        static func == (a: NameKey, b: NameKey) -> Bool { a.hash == b.hash && UTF8Scan.sameBytes(a.name, b.name) }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        /// Dictionaries and sets ask for this, and by default feed the key through a full Hasher
        /// (SipHash, about 70 instructions): the hash taken once is mixed with the table's seed instead.
        func _rawHashValue(seed: Int) -> Int { Prehashed.mix(hash, seed) }
    }

    /// A 64-bit hash used as a dictionary key as it is (see `NameKey._rawHashValue`).
    struct Prehashed: Hashable {
        let value: UInt64
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
        func _rawHashValue(seed: Int) -> Int { Self.mix(value, seed) }

        /// A hash already spread over 64 bits, mixed with a table's seed so that every bit of the
        /// result depends on every bit of both (a multiply and a fold, as in splitmix64).
        @inline(__always)
        static func mix(_ hash: UInt64, _ seed: Int) -> Int {
            var x = hash ^ UInt64(UInt(bitPattern: seed))
            x = (x ^ (x >> 31)) &* 0x7FB5_D329_728E_A185
            x = (x ^ (x >> 27)) &* 0x81DA_DEF4_BC2D_D44D
            return Int(truncatingIfNeeded: x ^ (x >> 33))
        }
    }

    public func collect(_ document: Document) -> [Occurrence] {
        NameExtractor(document: document, style: style, contexts: contexts, proseMarks: proseMarks, organisationWords: organisationWords).occurrences()
    }

    public func judge(_ marked: [[Occurrence]], documents: [DocumentInfo]) -> [[Finding]] {
        let bare = bareUses(marked, documents)
        // The bare forms near a marked name join the occurrences; the bare uses of marked names count.
        var counts = referenceCounts
        counts.reserveCapacity(referenceCounts.count + marked.reduce(0) { $0 + $1.count } / 4)
        var introduced = Set<NameKey>(), credited = Set<NameKey>()
        var titles: [NameKey: Set<UInt32>] = [:]
        var documentsOf: [NameKey: Set<Int>] = [:]  // of two-character names (6 or 8 bytes)
        // (The two lists of a document are walked in turn, not joined: they hold every name of the run.)
        for d in marked.indices {
            for o in [marked[d], bare.forms[d]].joined() {
                counts[o.key, default: 0] += 1
                if o.introduced { introduced.insert(o.key) }
                if o.credit { credited.insert(o.key) }
                if o.title != 0 { titles[o.key, default: []].insert(o.title) }
                if o.key.name.utf8.count <= 8 { documentsOf[o.key, default: []].insert(d) }
            }
            for k in bare.uses[d] {
                let key = bare.known[k]
                counts[key, default: 0] += 1
                if key.name.utf8.count <= 8 { documentsOf[key, default: []].insert(d) }
            }
        }
        /// Whether the copy presents the two forms alike: both introduced, and by a shared title
        /// when both have one (院长王轶 is not 外长王毅; a reporter is not a team member; `王艺说`
        /// after `外长王毅` is a speaker named again).
        func sameKindOfPerson(_ rare: NameKey, _ dominant: NameKey) -> Bool {
            guard introduced.contains(dominant) else { return false }
            guard let known = titles[dominant], let own = titles[rare] else { return true }
            return !own.isDisjoint(with: known)
        }

        // Group names that agree in all characters but one: each name goes into one group per
        // character, keyed by a hash of the name with that character masked. A group is a chain
        // through flat arrays (most groups hold one name: no array each).
        let names = counts.keys.map { (key: $0, scalars: $0.name.unicodeScalars.map(\.value)) }
        var heads: [Prehashed: Int] = [:]  // masked-name hash → its group's last entry
        heads.reserveCapacity(names.count * 3)
        // An entry: a name, the position it is masked at, the character there, the group's entry before.
        var entryName: [Int] = [], entryPosition: [Int] = [], entryCharacter: [UInt32] = [], previous: [Int] = []
        for (n, entry) in names.enumerated() {
            for i in entry.scalars.indices {
                entryName.append(n); entryPosition.append(i); entryCharacter.append(entry.scalars[i])
                let h = Self.hash(entry.scalars, entry.scalars.count, masking: i)
                previous.append(heads.updateValue(entryName.count - 1, forKey: Prehashed(value: h)) ?? -1)
            }
        }
        // rare form → (dominant form, reason, whether the registry is the evidence)
        var typos: [NameKey: (dominant: NameKey, reason: LocalizedText, registry: Bool)] = [:]
        /// Two entries of a group: two names that may be one person's.
        func compare(_ e: Int, _ f: Int) {
            let position = entryPosition[e]
            guard entryPosition[f] == position else { return }
            let ca = entryCharacter[e], cb = entryCharacter[f]
            let (look, sound) = HanCharacters.likeness(ca, cb)
            guard look || sound else { return }  // different characters: different people
            // Same length, same characters but at the masked position (the hash only proposed the pair).
            let (m, n) = (entryName[e], entryName[f])
            let (sm, sn) = (names[m].scalars, names[n].scalars)
            guard sm.count == sn.count, sm.indices.allSatisfy({ $0 == position || sm[$0] == sn[$0] }) else { return }
            let (a, b) = (names[m].key, names[n].key)
            let (ina, inb) = (registry.contains(a), registry.contains(b))
            if ina && inb { return }
            let (dominant, rare): (NameKey, NameKey)
            if ina != inb {
                (dominant, rare) = ina ? (a, b) : (b, a)
            } else {
                // Frequency alone is weaker evidence: it must be clear (three uses and twice the
                // other's), and not in the surname (邓刚 and 郝刚 are as likely two people).
                let (na, nb) = (counts[a]!, counts[b]!)
                guard position > 0, max(na, nb) >= 3, max(na, nb) >= 2 * min(na, nb) else { return }
                (dominant, rare) = na > nb ? (a, b) : (b, a)
                // Two-character names collide often (李艳 and 李彦, 王轶 and 王毅): a rare one the copy
                // introduces with a title or as a speaker is a person of its own, unless the common
                // form is introduced too and by no other title (外长王毅 and 外长王艺; 徐东说 and 作家徐栋).
                if sm.count == 2 && introduced.contains(rare) && !sameKindOfPerson(rare, dominant) { return }
                // And a two-character form of running text is judged only against the common one
                // on its own page (credits, the paper's staff, are compared across editions).
                if sm.count == 2 && !credited.contains(rare) && documentsOf[rare]!.isDisjoint(with: documentsOf[dominant]!) { return }
            }
            // A rare form one character from two dominant forms (石放: 石敏 and 石芳) takes the
            // better attested one, whatever order the groups come in: the roster, then more uses,
            // then the names' order, so that every run reports the same.
            if let old = typos[rare] {
                let oldRank = (old.registry ? 1 : 0, counts[old.dominant]!), newRank = (ina != inb ? 1 : 0, counts[dominant]!)
                if newRank < oldRank || (newRank == oldRank && !dominant.name.unicodeScalars.lexicographicallyPrecedes(old.dominant.name.unicodeScalars)) {
                    return
                }
            }
            let (x, y) = dominant == a ? (ca, cb) : (cb, ca)
            typos[rare] = (dominant, Messages.reason(rare: y, dominant: x, look: look, sound: sound), ina != inb)
        }
        var members: [Int] = []
        for (_, last) in heads where previous[last] >= 0 {
            members.removeAll(keepingCapacity: true)
            var f = last
            while f >= 0 { members.append(f); f = previous[f] }
            if members.count <= 8 {
                for (k, e) in members.enumerated() { for f in members[(k + 1)...] { compare(e, f) } }
                continue
            }
            // A large group (`王•`: every two-character name of one surname): only characters that
            // share a radical can look alike, and only those that share a reading sound alike, so
            // pairs are taken within those buckets, each pair once.
            var byRadical: [Int: [Int]] = [:], byReading: [String: [Int]] = [:]
            var radical: [Int: Int] = [:]
            for e in members {
                guard let info = HanCharacters.table[entryCharacter[e]] else { continue }
                byRadical[info.radical, default: []].append(e)
                byReading[info.pinyin, default: []].append(e)
                radical[e] = info.radical
            }
            for bucket in byRadical.values {
                for (k, e) in bucket.enumerated() { for f in bucket[(k + 1)...] { compare(e, f) } }
            }
            for bucket in byReading.values {
                for (k, e) in bucket.enumerated() { for f in bucket[(k + 1)...] where radical[e] != radical[f] { compare(e, f) } }
            }
        }
        guard !typos.isEmpty else { return marked.map { _ in [] } }

        // Each document's dominant and rare forms are picked out on all cores; the rest is one pass
        // over those few.
        let dominants = Set(typos.values.map(\.dominant)), rare = Set(typos.keys)
        let picked = Parallel.map(Array(marked.indices)) { d in
            let list = marked[d] + bare.forms[d]
            return list.filter { rare.contains($0.key) || dominants.contains($0.key) }
        }
        // Where each dominant form stands (its first five places, in document order), for `related`.
        var places: [NameKey: [RelatedLocation]] = [:]
        for (d, list) in picked.enumerated() {
            for o in list where dominants.contains(o.key) && places[o.key, default: []].count < 5 {
                places[o.key, default: []].append(RelatedLocation(
                    path: documents[d].path, position: documents[d].source.position(of: o.range.lowerBound),
                    message: LocalizedText(zh: "写作“\(o.name)”", en: "spelled “\(o.name)”"), unit: documents[d].source.unit))
            }
        }
        return picked.map { list in
            list.compactMap { o in
                guard let t = typos[o.key] else { return nil }
                return Finding(range: o.range,
                               message: Messages.typo(o.name, t.dominant.name, rareCount: counts[o.key]!, dominantCount: counts[t.dominant]!,
                                                      inRegistry: registry.contains(t.dominant), reason: t.reason),
                               suggestion: t.dominant.name, relatedElsewhere: places[t.dominant] ?? [],
                               severity: t.registry ? nil : .warning)
            }
        }
    }

    /// The bare uses of the people's names that the copy marks somewhere (indices into `known`, per
    /// document), and the bare forms near them to judge (per document).
    /// A name marked once (`村支书余德林`) is the same name wherever it stands: its unmarked uses
    /// (`余德林带领村民…`) are counted, and an unmarked form one look-alike or sound-alike character
    /// from it in the given name (`余德琳`) is a form to judge, unless it is an ordinary word. A
    /// form of two characters must open a clause (a mark or a function character before it) and
    /// stand within about one story of the name itself; one of three, which the surname and a
    /// second character already tie to the name, may stand anywhere.
    func bareUses(_ marked: [[Occurrence]], _ documents: [DocumentInfo]) -> (known: [NameKey], uses: [[Int]], forms: [[Occurrence]]) {
        let lexicon = Lexicon.builtIn
        // The marked people's names: two or three characters after a surname.
        var known: [[UInt32]] = [], keys: [NameKey] = []
        var exact: [Prehashed: Int] = [:], masked: [Prehashed: [Int]] = [:]
        var seen = Set<NameKey>()
        for list in marked {
            for o in list where seen.insert(o.key).inserted {
                let v = o.name.unicodeScalars.map(\.value)
                // A name that is also a word (高峰) has bare uses that are the word's.
                guard (2...3).contains(v.count), contexts.surnames.contains(v[0]),
                      lexicon.frequency(of: o.name) < NameExtractor.commonWord else { continue }
                exact[Prehashed(value: Self.hash(v, v.count, masking: nil))] = known.count
                for p in 1..<v.count { masked[Prehashed(value: Self.hash(v, v.count, masking: p)), default: []].append(known.count) }
                known.append(v)
                keys.append(o.key)
            }
        }
        guard !known.isEmpty else { return ([], documents.map { _ in [] }, documents.map { _ in [] }) }
        let (names, whole, near) = (known, exact, masked)
        let firsts = ScalarSet(known.map { $0[0] })
        let found = Parallel.map(Array(documents.indices)) { d -> (uses: [Int], forms: [Occurrence]) in
            let bytes = documents[d].source.bytes
            let taken = Set(marked[d].map(\.range.lowerBound))
            var out: [Occurrence] = [], uses: [Int] = []
            // A bare form of two characters near a name is taken only where the name itself stands
            // close by, in the same story: two people of like names seldom are, a slip is.
            var standsAt: [Int: [Int]] = [:]  // known name → byte offsets in this document
            for o in marked[d] {
                let v = o.name.unicodeScalars.map(\.value)
                if let c = whole[Prehashed(value: Self.hash(v, v.count, masking: nil))] { standsAt[c, default: []].append(o.range.lowerBound) }
            }
            var candidates: [(Occurrence, [UInt32])] = []
            var window: [UInt32] = [], offsets: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in
                var i = 0
                while let hit = firsts.next(in: buffer, from: i) {
                    i = hit.end
                    // The characters from the hit: up to three Han, and the one after them.
                    window.removeAll(keepingCapacity: true); offsets.removeAll(keepingCapacity: true)
                    var k = hit.start
                    while k < buffer.count, window.count < 4 {
                        let (v, len) = UTF8Scan.decode(buffer, at: k)
                        guard Scalar.isHan(v) else { break }
                        window.append(v); offsets.append(k); k += len
                    }
                    offsets.append(k)
                    guard window.count >= 2, !taken.contains(hit.start) else { continue }
                    let before = hit.start > 0 ? UTF8Scan.scalar(before: hit.start, in: bytes) : 0
                    for length in [3, 2] where length <= window.count {
                        let range = hit.start..<offsets[length]
                        if let c = whole[Prehashed(value: Self.hash(window, length, masking: nil))] {
                            standsAt[c, default: []].append(hit.start)
                            uses.append(c)
                            break
                        }
                        let opensClause = !Scalar.isHan(before) || Self.beforeBare.contains(before)
                        guard length == 3 || opensClause else { continue }
                        // A place or a body, not a person: `宁郭镇` beside the reporter 宁果.
                        if length < window.count, Self.placeHeads.contains(window[length]) { continue }
                        let alike = (1..<length).contains { p in
                            (near[Prehashed(value: Self.hash(window, length, masking: p))] ?? []).contains { c in
                                let (look, sound) = HanCharacters.likeness(window[p], names[c][p])
                                return look || sound
                            }
                        }
                        guard alike else { continue }
                        let name = String(decoding: bytes[range], as: UTF8.self)
                        if lexicon.contains(name) { continue }
                        candidates.append((Occurrence(name: name, range: range), Array(window[0..<length])))
                        break
                    }
                }
            }
            func closeBy(_ c: Int, _ at: Int) -> Bool { standsAt[c]?.contains { abs($0 - at) <= Self.sameStory } ?? false }
            for (o, w) in candidates where w.count == 3 || (1..<w.count).contains(where: { p in
                (near[Prehashed(value: Self.hash(w, w.count, masking: p))] ?? []).contains {
                    closeBy($0, o.range.lowerBound) && HanCharacters.likeness(w[p], names[$0][p]) != (false, false)
                }
            }) {
                out.append(o)
            }
            return (uses, out)
        }
        return (keys, found.map(\.uses), found.map(\.forms))
    }

    /// How near, in bytes, a bare two-character form must stand to its name: about one story
    /// (1,500 bytes, some 500 characters).
    static let sameStory = 1500

    /// Characters that make what stands before them a place or a body (`宁郭镇`, `王家村`).
    static let placeHeads = ScalarSet("省市县区镇乡村州路街巷山河湖港湾岛桥站场厂店馆院校园楼寺庙庄屯寨堡坝社司局委")

    /// Function characters that stand before a bare name of two characters (`与王毅会谈`).
    static let beforeBare = ScalarSet("与和同对向给让请由被是在的及跟把为、")

    /// A hash of the first `length` characters of `v`, one of them masked: the key of a group of
    /// names one character apart, for the judge and for the bare forms alike.
    @inline(__always)
    static func hash(_ v: [UInt32], _ length: Int, masking m: Int?) -> UInt64 {
        var h = FNV1a()
        h.add(UInt64(m ?? 99))
        for k in 0..<length { h.add(UInt64(k == m ? ch("•") : v[k])) }
        return h.value
    }

    /// The FNV-1a hash, fed 64-bit values one at a time.
    struct FNV1a {
        private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
        mutating func add(_ x: UInt64) { value = (value ^ x) &* 0x0000_0100_0000_01B3 }
    }

    // MARK: - Messages

    enum Messages {
        static func reason(rare: UInt32, dominant: UInt32, look: Bool, sound: Bool) -> LocalizedText {
            let pair = "\(Character(Unicode.Scalar(rare)!))/\(Character(Unicode.Scalar(dominant)!))"
            let zh = [look ? "形近" : nil, sound ? "音近" : nil].compactMap { $0 }.joined(separator: "、")
            let en = [look ? "look alike" : nil, sound ? "sound alike" : nil].compactMap { $0 }.joined(separator: " and ")
            return LocalizedText(zh: "\(pair) \(zh)", en: "\(pair) \(en)")
        }

        static func typo(_ rare: String, _ dominant: String, rareCount: Int, dominantCount: Int, inRegistry: Bool, reason: LocalizedText) -> LocalizedText {
            let zhRoster = inRegistry ? "，“\(dominant)”在人员名录中" : ""
            let enRoster = inRegistry ? "; “\(dominant)” is in the roster" : ""
            return LocalizedText(
                zh: "“\(rare)”疑为“\(dominant)”之误（\(reason.zh)）：本次检查中“\(dominant)”出现 \(dominantCount) 次，“\(rare)”出现 \(rareCount) 次\(zhRoster)",
                en: "“\(rare)” is likely a misspelling of “\(dominant)” (\(reason.en)): “\(dominant)” appears \(dominantCount) times in this run, “\(rare)” \(rareCount)\(enRoster)")
        }
    }
}

/// Finds the names of people in a document, with their source ranges.
struct NameExtractor {
    let document: Document
    var style = HouseStyle.builtIn
    /// Titles, roles, words of speech and surnames: where running text marks a name.
    var contexts = NameContexts.builtIn
    /// What `markedNames` stops at in prose: the ends of titles, the words of speech, the ends of
    /// organisations and places, and “ (made once per set of contexts).
    var proseMarks = NameExtractor.builtInMarks
    var organisationWords = NameExtractor.builtInOrganisations

    static let builtInMarks = marks(NameContexts.builtIn, builtInOrganisations)
    static func marks(_ contexts: NameContexts, _ organisations: OrganisationWords) -> ScalarSet {
        ScalarSet(contexts.markScalars + organisations.markScalars)
    }

    func occurrences() -> [NameConsistencyRule.Occurrence] {
        var out: [NameConsistencyRule.Occurrence] = []
        let source = document.source
        for (i, block) in document.blocks.enumerated() where Self.nameKinds.contains(block.kind) {
            var names: [String] = []
            switch block.kind {
            case .byline, .photoCredit, .commentaryAuthor:
                names = BylineParse(document.peopleText(ofBlock: i) ?? "", style: style).names
            case .masthead:
                // `编辑:金桂香 | 校对:谢欣汝`: the names after the labels.
                names = block.lines.map { source.string($0) }.joined().split(whereSeparator: { "|｜:：".contains($0) || $0 == " " }).map(String.init)
                    .filter { !Self.mastheadLabels.contains($0) }
            case .datelineLead:
                names = document.dateline(atBlock: i, style: style)?.people.names ?? []
            default:
                break
            }
            out += locate(names.filter(isName), in: block)
        }
        // Organisations (in prose, captions and headlines) come after the people of prose.
        var organisations: [NameConsistencyRule.Occurrence] = []
        for p in document.paragraphs {
            let prose = p.kind.isProse
            guard prose || p.kind == .caption || p.kind == .headline else { continue }
            let marked = markedNames(p, prose: prose)
            if prose {
                out += marked.afterTitles
                out += marked.afterVillages
                out += marked.afterCommunities
                out += namesInCountedLists(p)
                out += namesInLists(p)
            }
            organisations += marked.organisations
        }
        // A name found twice (a dateline's reporter is also a name after 记者) counts once.
        var seen = Set<Int>()
        return (out + organisations).filter { seen.insert($0.range.lowerBound).inserted }
    }

    typealias Occurrences = [NameConsistencyRule.Occurrence]

    /// The names that running text marks by a character next to them, found in one pass over a
    /// paragraph: at each character that ends a title (记, 任, 长…), ends an organisation or a
    /// place (司, 团, 社, 村, 区…) or opens a quotation, only the tests that character can start
    /// are run.
    /// - `afterTitles`: `党委书记崔全星说`, a name of two or three characters between a title and a
    ///   follower (prose only);
    /// - `afterVillages`, `afterCommunities`: `金炉村赵成国、南霍村贾顺心…4人`, in a list, a name of two
    ///   or three characters after a village or a community (prose only);
    /// - `organisations`: names of organisations and places: a run of Han characters ending in
    ///   公司, 集团 or 合作社 (`焦作小果猿无花果产业合作社`), a village or town in a list
    ///   (`北官庄村、宁郭村`), and a short name in quotation marks (`“垦农小院”`).
    private func markedNames(_ p: Paragraph, prose: Bool)
        -> (afterTitles: Occurrences, afterVillages: Occurrences, afterCommunities: Occurrences, organisations: Occurrences) {
        let text = p.text
        var titled: Occurrences = [], villages: Occurrences = [], communities: Occurrences = [], organisations: Occurrences = []
        let orgMarks = organisationWords.marks, titleEnds = contexts.titleEnds, speechStarts = contexts.speechStarts, byEnd = organisationWords.byEnd
        let surnames = contexts.surnames
        let marks = prose ? proseMarks : orgMarks
        let lexicon = document.lexicon ?? .builtIn
        let inList = prose && ByteSearch.contains(Self.listMark, in: text, 0..<text.count)
        func found(_ r: Range<Int>, introduced: Bool = false, title: [UInt8]? = nil) -> NameConsistencyRule.Occurrence {
            .init(name: String(decoding: text[r], as: UTF8.self), range: p.sourceRange(r), introduced: introduced, title: title)
        }
        text.withUnsafeBufferPointer { buffer in
            var i = 0
            var organisationsFrom = 0  // a quotation taken as a name is not searched again
            var lastTitled = -1  // where the last name after a title starts
            while let hit = marks.next(in: buffer, from: i) {
                let v = hit.scalar
                i = hit.end
                // A title is looked for only where a surname follows (人, 员, 长 end many words).
                if prose && titleEnds.contains(v), hit.end < text.count, surnames.contains(UTF8Scan.decode(text, at: hit.end).0),
                   let (r, title) = nameAfterTitle(text, ending: hit), isPersonName(text, r, afterTitle: true) {
                    titled.append(found(r, introduced: true, title: title))
                    lastTitled = r.lowerBound
                }
                // A name after a title and before speech (`书记崔全星说`) is one occurrence.
                if prose && speechStarts.contains(v), let r = nameBeforeSpeech(text, at: hit), r.lowerBound != lastTitled, isPersonName(text, r) {
                    titled.append(found(r, introduced: true))
                }
                if inList && (v == ch("村") || (v == ch("区") && ByteSearch.hasSuffix(Self.community, text, 0..<hit.end))) {  // 村, 社区
                    if let r = nameAfterPlace(text, from: hit.end) {
                        if v == ch("村") { villages.append(found(r)) } else { communities.append(found(r)) }
                    }
                }
                if hit.start >= organisationsFrom && orgMarks.contains(v) {
                    let (name, next) = Self.organisation(text, at: hit, byEnd: byEnd, lexicon: lexicon)
                    if let name { organisations.append(found(name)) }
                    organisationsFrom = next
                }
            }
        }
        return (titled, villages, communities, organisations)
    }

    /// The organisation or place whose name ends with the mark at `hit` (or opens with it, a
    /// quotation), and where the search for the next goes on.
    private static func organisation(_ text: [UInt8], at hit: (start: Int, end: Int, scalar: UInt32), byEnd: [UInt32: OrganisationWords.Words],
                                     lexicon: Lexicon) -> (Range<Int>?, next: Int) {
        let commonBefore = 3000  // 购买 4275, 生产 32898; 果园 343 may stand in a name
        let v = hit.scalar
        if v == ch("“") {  // “…”
            let (count, _, k) = hanRun(text, from: hit.end, limit: 11)
            let closed = (3...10).contains(count) && k < text.count && UTF8Scan.decode(text, at: k).0 == ch("”")
            return (closed ? hit.end..<k : nil, max(k, hit.end))
        }
        let i = hit.end
        guard let words = byEnd[v],
              let suffix = words.suffixes.first(where: { ByteSearch.hasSuffix($0.bytes, text, 0..<i) }) else { return (nil, i) }
        // Back from the suffix over Han characters to a stop.
        var start = i - suffix.bytes.count
        var count = 0
        let stops = orgStops
        while start > 0, count < 14 {
            let s = UTF8Scan.previousScalarStart(text, before: start)
            let w = UTF8Scan.decode(text, at: s).0
            guard Scalar.isHan(w), !stops.contains(w) else { break }
            // Nor does a common word run into it (`游客们争相购买天宝酱菜` is 天宝酱菜).
            if count >= 2, s >= 3, lexicon.frequency(of: String(decoding: text[(s - 3)..<start], as: UTF8.self)) >= commonBefore { break }
            start = s
            count += 1
        }
        guard count >= 2 else { return (nil, i) }
        // A village or town is taken only as an item of a list (`北官庄村、宁郭村、张庄村`): elsewhere
        // 村 and 镇 are as often common nouns after a verb (`增加村集体收入`).
        if suffix.isPlace {
            let before = UTF8Scan.scalar(before: start, in: text)
            let after = i < text.count ? UTF8Scan.decode(text, at: i).0 : 0
            guard before == ch("、") || after == ch("、"), count <= 5 else { return (nil, i) }
        }
        guard !words.common.contains(where: { ByteSearch.hasSuffix($0, text, start..<i) }) else { return (nil, i) }
        return (start..<i, i)
    }

    /// The endings of names of organisations, brands and products (`Rules/names.json` `heads`:
    /// 公司, 合作社, 酱菜, 苏打水 …) and of places, which are taken only in lists (村, 镇, 社区), by their
    /// last character: a character that may end a name is looked up once, and only its own endings
    /// are tried. Made once per set of contexts.
    struct OrganisationWords: Sendable {
        typealias Words = (suffixes: [(bytes: [UInt8], isPlace: Bool)], common: [[UInt8]])
        let byEnd: [UInt32: Words]
        /// The last characters of the endings, and the opening quotation mark.
        let markScalars: [UInt32]
        let marks: ScalarSet

        init(heads: [String]) {
            let suffixes = (heads.map { (Array($0.utf8), false) } + NameExtractor.placeSuffixes.map { (Array($0.utf8), true) })
                .sorted { $0.0.count > $1.0.count }
            var out: [UInt32: Words] = [:]
            func last(_ b: [UInt8]) -> UInt32 { UTF8Scan.scalar(before: b.count, in: b) }
            for s in suffixes { out[last(s.0), default: ([], [])].suffixes.append((bytes: s.0, isPlace: s.1)) }
            for w in NameExtractor.commonPlaceWords { out[last(w), default: ([], [])].common.append(w) }
            byEnd = out
            markScalars = Array(out.keys) + [ch("“")]
            marks = ScalarSet(markScalars)
        }
    }

    static let builtInOrganisations = OrganisationWords(heads: NameContexts.builtIn.heads)
    static let placeSuffixes = ["街道", "社区", "村", "镇"]
    /// Characters that end a name going backwards: function words, counters, verbs of placement.
    static let orgStops = ScalarSet("的与和及在由对向将为从是等个各全本该每了到把被让使以于其中与同这那其有共创建成打造引进投资")
    /// Words that end like names of places but are common nouns.
    static let commonPlaceWords = ["行政村", "示范村", "达标村", "乡村", "农村", "新村", "样板村", "先进村", "文明村", "涣散村", "重点村",
                                   "小镇", "乡镇", "城镇", "村镇", "街道", "社区", "公司", "集团"].map(UTF8Scan.bytes)

    /// The name of two or three characters after a village or community in a list, at `from`.
    func nameAfterPlace(_ text: [UInt8], from: Int) -> Range<Int>? {
        let (count, first, k) = Self.hanRun(text, from: from, limit: 4, stops: Self.itemStops)
        // The item ends the name: 、 or 等, or a count (4人).
        guard (2...3).contains(count), k < text.count else { return nil }
        let next = UTF8Scan.decode(text, at: k).0
        guard next == ch("、") || next == ch("等") || NumberScanner.digit(next) != nil else { return nil }
        guard contexts.surnames.contains(first) else { return nil }
        return from..<k
    }

    /// `张三、李四、王五3人`: the names of a list counted in people.
    private func namesInCountedLists(_ p: Paragraph) -> [NameConsistencyRule.Occurrence] {
        let text = p.text
        // Cheap tests first: a list mark, and a digit right before 人 or 名.
        guard ByteSearch.contains(Self.listMark, in: text, 0..<text.count), Self.hasCountOfPeople(text) else { return [] }
        var out: [NameConsistencyRule.Occurrence] = []
        for f in NumberScanner.figures(in: text) where f.unit == "人" || f.unit == "名" {
            // Items back from the count, separated by 、, each a bare name.
            var end = f.range.lowerBound
            var items: [(String, Range<Int>)] = []
            while end > 0 {
                var start = end
                var count = 0, first: UInt32 = 0
                while start > 0, count < 4 {
                    let s = UTF8Scan.previousScalarStart(text, before: start)
                    let v = UTF8Scan.decode(text, at: s).0
                    guard Scalar.isHan(v), v != ch("、") else { break }
                    first = v; count += 1
                    start = s
                }
                let before = UTF8Scan.scalar(before: start, in: text)
                // The first item may stand after a clause mark or at the start; the others after 、.
                guard (2...3).contains(count), contexts.surnames.contains(first),
                      before == ch("、") || !Scalar.isHan(before) else { break }
                items.append((String(decoding: text[start..<end], as: UTF8.self), start..<end))
                guard before == ch("、") else { break }
                end = UTF8Scan.previousScalarStart(text, before: start)
            }
            guard items.count >= 2 else { continue }
            for (name, range) in items.reversed() { out.append(.init(name: name, range: p.sourceRange(range))) }
        }
        return out
    }

    /// `丁薛祥、刘鹤、许其亮、孙春兰`: three or more items of two or three characters, each after a
    /// surname, between 、 marks, the first after a clause mark, a colon or the start, the last
    /// before one (items a count closes are `namesInCountedLists`'s).
    private func namesInLists(_ p: Paragraph) -> [NameConsistencyRule.Occurrence] {
        guard ByteSearch.contains(Self.listMark, in: p.text, 0..<p.text.count) else { return [] }
        let t = p.scalarText, v = t.scalars, n = v.count
        var out: [NameConsistencyRule.Occurrence] = []
        var items: [Range<Int>] = []  // scalar ranges of the list so far
        var i = 0
        while i < n {
            guard Scalar.isHan(v[i]), v[i] != ch("等") else { i += 1; continue }
            var j = i
            while j < n, Scalar.isHan(v[j]), v[j] != ch("等") { j += 1 }
            let before = i > 0 ? v[i - 1] : 0, after = j < n ? v[j] : 0
            let item = (2...3).contains(j - i) && contexts.surnames.contains(v[i])
            if item && (before == ch("、") ? !items.isEmpty : before == 0 || Self.listOpeners.contains(before)) {
                if before != ch("、") { items = [] }
                items.append(i..<j)
                if after != ch("、") {
                    if items.count >= 3 && (after == 0 || Self.listClosers.contains(after)) {
                        out += items.map { r in .init(name: t.string(r), range: p.sourceRange(t.bytes(r))) }
                    }
                    items = []
                }
            } else {
                // A longer item (`呼和巴特尔`) ends the list of names before it.
                if items.count >= 3 && before == ch("、") { out += items.map { r in .init(name: t.string(r), range: p.sourceRange(t.bytes(r))) } }
                items = []
            }
            i = j
        }
        return out
    }

    static let listOpeners = ScalarSet("，。：；:（(“ ")
    static let listClosers = ScalarSet("，。；）)”等 ")

    static let noStops = ScalarSet("")

    /// The Han characters from `from` on, at most `limit`, up to a character in `stops`: how many,
    /// the first of them, and where they end.
    static func hanRun(_ text: [UInt8], from: Int, limit: Int, stops: ScalarSet = noStops) -> (count: Int, first: UInt32, end: Int) {
        var k = from, count = 0, first: UInt32 = 0
        while k < text.count, count < limit {
            let (v, len) = UTF8Scan.decode(text, at: k)
            guard Scalar.isHan(v), !stops.contains(v) else { break }
            if count == 0 { first = v }
            count += 1
            k += len
        }
        return (count, first, k)
    }

    static let itemStops = ScalarSet("、等")
    static let ren = UTF8Scan.bytes("人"), ming = UTF8Scan.bytes("名")

    /// A digit right before 人 or 名 (`3人`, `5名`).
    static func hasCountOfPeople(_ t: [UInt8]) -> Bool {
        [ren, ming].contains { word in ByteSearch.offsets(of: word, in: t).contains { $0 > 0 && UTF8Scan.isDigit(t[$0 - 1]) } }
    }
    static let listMark = UTF8Scan.bytes("、")
    static let community = UTF8Scan.bytes("社区")

    private func isName(_ s: String) -> Bool { BylineParse.isName(s, style) }

    /// Source ranges of `names` in a block, in order.
    private func locate(_ names: [String], in block: Block) -> [NameConsistencyRule.Occurrence] {
        var out: [NameConsistencyRule.Occurrence] = []
        var cursor = block.range.lowerBound
        for name in names {
            let bytes = Array(name.utf8)
            guard let at = ByteSearch.find(bytes, in: document.source.bytes, cursor..<block.range.upperBound) else { continue }
            out.append(.init(name: name, range: at..<(at + bytes.count), credit: true))
            cursor = at + bytes.count
        }
        return out
    }

    /// The name of two or three characters between a title ending at `hit` and a follower:
    /// `党委书记崔全星说`.
    private func nameAfterTitle(_ text: [UInt8], ending hit: (start: Int, end: Int, scalar: UInt32)) -> (Range<Int>, title: [UInt8])? {
        guard let title = contexts.title(text, endingAt: hit.end, with: hit.scalar) else { return nil }
        return nameStarting(at: hit.end, in: text).map { ($0, title) }
    }

    /// The name of two or three characters that starts at `i` after a surname, by what follows
    /// it: a mark or other non-Han character, a word of speech, or a function character (`王强在`,
    /// `王强和`). Where both lengths fit, the one a word of speech or a function character follows
    /// wins (`王强说，` is 王强, `崔全星说` is 崔全星).
    private func nameStarting(at i: Int, in text: [UInt8]) -> Range<Int>? {
        var ends: [Int] = [], scalars: [UInt32] = []
        var k = i
        while k < text.count, scalars.count < 4 {
            let (v, len) = UTF8Scan.decode(text, at: k)
            scalars.append(v); k += len; ends.append(k)
            guard Scalar.isHan(v) else { break }
        }
        guard scalars.count >= 3, Scalar.isHan(scalars[0]), contexts.surnames.contains(scalars[0]) else { return nil }
        var best: (Range<Int>, strong: Bool)?
        for length in [3, 2] where length < scalars.count && Scalar.isHan(scalars[length - 1]) {
            let next = scalars[length]
            let strong = Self.nameEnds.contains(next) || contexts.speech(text, at: ends[length - 1], with: next) != nil
            guard strong || !Scalar.isHan(next) else { continue }
            if best == nil || (strong && !best!.strong) { best = (i..<ends[length - 1], strong) }
        }
        return best?.0
    }

    /// Function characters and the first characters of verbs of office that follow a name
    /// (`王强在会上说`, `王强和李明`, `高峰出席`, `王强主持`, `王强代表`, `王强带领`, `王强陪同`).
    static let nameEnds = ScalarSet("在对与和等及向同也就都还又曾将会已的是出主代带率陪")

    /// Whether a name read from running text is a person's, not an ordinary word that a title or
    /// a verb of speech stands beside (`简单的说`): it does not end on a function character, and
    /// before speech the lexicon does not count it as a common word (it holds some famous names,
    /// seldom).
    /// A title is the stronger mark: after one, a name may be a word too (`总经理高峰`), but not
    /// one of the commonest (`研究员方法`).
    private func isPersonName(_ text: [UInt8], _ r: Range<Int>, afterTitle: Bool = false) -> Bool {
        if Self.functionEnds.contains(UTF8Scan.scalar(before: r.upperBound, in: text)) { return false }
        let lexicon = document.lexicon ?? .builtIn
        let name = String(decoding: text[r], as: UTF8.self)
        // Nor does a name of three characters open with a common word (`农民成为现代…`).
        if name.unicodeScalars.count == 3, lexicon.frequency(of: String(name.unicodeScalars.prefix(2))) >= Self.veryCommonWord { return false }
        return lexicon.frequency(of: name) < (afterTitle ? Self.veryCommonWord : Self.commonWord)
    }

    /// Characters no name ends with.
    static let functionEnds = ScalarSet("的地得了着过们和与及等是在")
    /// A lexicon count from which a word is an ordinary word, not a name (张建华 counts 2, 高峰 1556).
    static let commonWord = 20
    static let veryCommonWord = 5000

    /// The name of two or three characters before a word of speech at `hit`, standing after a
    /// clause mark, a quotation or a title: `“……”张建华说`, `，李平表示`.
    private func nameBeforeSpeech(_ text: [UInt8], at hit: (start: Int, end: Int, scalar: UInt32)) -> Range<Int>? {
        guard contexts.speech(text, at: hit.start, with: hit.scalar) != nil else { return nil }
        // Back over at most four Han characters.
        var starts: [Int] = []
        var s = hit.start
        while s > 0, starts.count < 4 {
            let p = UTF8Scan.previousScalarStart(text, before: s)
            guard Scalar.isHan(UTF8Scan.decode(text, at: p).0) else { break }
            starts.append(p)
            s = p
        }
        // The whole run when it is two or three characters; in a longer run, a name after a title.
        for length in [3, 2] where length <= starts.count {
            let start = starts[length - 1]
            guard contexts.surnames.contains(UTF8Scan.decode(text, at: start).0) else { continue }
            if starts.count == length { return start..<hit.start }
            let before = UTF8Scan.previousScalarStart(text, before: start)
            if contexts.title(text, endingAt: start, with: UTF8Scan.decode(text, at: before).0) != nil { return start..<hit.start }
        }
        return nil
    }

    static let mastheadLabels: Set<String> = ["编辑", "责任编辑", "校对", "组版", "美编", "审校", "排版", "主编"]
    static let nameKinds: Set<BlockKind> = [.byline, .photoCredit, .commentaryAuthor, .masthead, .datelineLead]
}
