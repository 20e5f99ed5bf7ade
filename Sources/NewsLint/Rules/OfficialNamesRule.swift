/// `official-names`: the names and titles of the national leadership, against dated, sourced data
/// (`Rules/officials.json`).
///
/// Three checks, on the edition's date (`EditionDate`):
/// - **a misspelt leader's name**: one character replaced by a look-alike or sound-alike one
///   (习近萍), or, right after a title or in a list of leaders, one dropped or added
///   (国家主席习平). A name the data marks distinctive (nobody else in the national news bears
///   it) is judged anywhere, where the words around it do not read the characters otherwise
///   (力克强敌 is no 李克强); any other only after a title or among other leaders' names, where a
///   leader is certain to be meant (国务院总理李墙, not 村民李蔷);
/// - **a title the person does not hold on that day** (国务院总理李强 on a page of 2020), before
///   the name (with the titles chained by 、 before it) or after it where the short form names one
///   office (李克强总理). A title after 原, 前, 时任 or 已故 is a former one and is not judged;
///   a day the data does not cover is not judged either;
/// - **leaders listed out of protocol order**: three or more members of the Politburo Standing
///   Committee of that day, in one list, out of the order the data gives.
public struct OfficialNamesRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "official-names",
        name: LocalizedText(zh: "领导人姓名、职务与排序", en: "Leaders' names, titles and order"),
        rationale: LocalizedText(
            zh: "领导人姓名写错、职务与任职时间不符、排名顺序颠倒，都是严重的政治性差错。本规则按出版日期（--date、.lint.json 的 date、路径或版面上的日期；都没有时用数据的截至日期）核对 Rules/officials.json 中有出处的任职数据。职务变动后，更新该文件即可。",
            en: "A leader's name misspelt, a title the person does not hold on the edition's date, or leaders listed out of protocol order are grave errors. This rule checks copy against the dated, sourced data of Rules/officials.json, on the edition's date (--date, the configuration's date, a date in the path or on the page; else the data's as-of date). When offices change, update that file."),
        severity: .error,
        options: [
            RuleOptionDescription("date", default: "", LocalizedText(
                zh: "出版日期 YYYY-MM-DD（优先于 --date 和路径中的日期）", en: "the edition's date, YYYY-MM-DD (before --date and the path's date)")),
        ],
        triggering: [
            RuleExample("中共中央总书记、国家主席、中央军委主席⟦习近萍⟧在北京出席会议。"),
            RuleExample("会议强调，要深入学习⟦习进平⟧新时代中国特色社会主义思想。"),
            RuleExample("国务院总理⟦李墙⟧主持召开国务院常务会议。", options: #"{"date": "2024-05-10"}"#),
            RuleExample("国家主席⟦习平⟧发表讲话。"),
            RuleExample("⟦国务院总理李强⟧主持召开国务院常务会议。", options: #"{"date": "2020-05-08"}"#),
            RuleExample("⟦中共中央政治局常委、⟦国务院副总理韩正⟧⟧出席。", options: #"{"date": "2024-05-10"}"#),
            RuleExample("⟦王沪宁总理⟧出席开幕式。", options: #"{"date": "2024-05-10"}"#),
            // No date given: one warning for the page, on the first title that fits an earlier day.
            RuleExample("⟦国务院总理李克强⟧主持会议。国务院总理李克强强调，要稳就业。"),
            RuleExample("⟦李克强总理⟧出席开幕式。", options: #"{"date": "2024-05-10"}"#),
            RuleExample("习近平、李强、王沪宁、⟦赵乐际⟧、蔡奇、丁薛祥、李希等出席会议。", options: #"{"date": "2024-03-05"}"#),
            RuleExample("习近平、李强、赵乐际、王沪宁、⟦蔡琦⟧、丁薛祥、李希等出席会议。", options: #"{"date": "2024-03-05"}"#),
        ],
        nonTriggering: [
            RuleExample("中共中央总书记、国家主席、中央军委主席习近平在北京出席会议。"),
            RuleExample("国务院总理李强主持召开国务院常务会议。", options: #"{"date": "2024-05-10"}"#),
            RuleExample("国务院总理李克强主持召开国务院常务会议。", options: #"{"date": "2020-05-08"}"#),
            RuleExample("中共中央政治局常委、国务院副总理韩正出席。", options: #"{"date": "2020-05-08"}"#),
            RuleExample("原国务院总理温家宝，时任国务院副总理汪洋出席。", options: #"{"date": "2024-05-10"}"#),
            RuleExample("习近平、李强、赵乐际、王沪宁、韩正、蔡奇、丁薛祥、李希等出席会议。", options: #"{"date": "2023-03-11"}"#),
            RuleExample("习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正等出席。", options: #"{"date": "2019-10-01"}"#),
            RuleExample("队员们力克强敌，勇夺冠军。村民李蔷、王洋和蔡琦参加了培训。"),
            RuleExample("周恩来总理的故居。"),
            RuleExample("越南国家主席苏林会见了代表团。学习近平时的经验。"),
        ]
    )

    let officials: Officials
    let configuredDate: Day?
    let names: PhraseIndex
    let titleForms: PhraseIndex
    /// For each form in `titleForms`, the title it writes.
    let titleOfForm: [String]
    /// The short forms written after a name (总理), and the title each names.
    let afterForms: PhraseIndex
    let titleOfAfterForm: [String]
    /// Characters of the names of three or more characters, and where they stand in which name:
    /// the look-up for misspellings anywhere in the text.
    let longNameCharacters: [UInt32: [(name: Int, position: Int)]]
    let longNameSet: ScalarSet
    /// The pairs a misspelling of a distinctive name keeps: the cheap test before `spellingAnywhere`.
    let variantFilter: PairFilter
    /// Pairs of characters one of which every paragraph this rule could report on holds.
    let filter: PairFilter

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        let officials = try Officials.load(rulesDirectory: options.rulesDirectory)
        self.officials = officials
        var date = options.editionDate
        if let text = options.values.first(where: { $0.key == "date" })?.value {
            guard case let .string(s) = text, let day = Day(s) else {
                throw options.error("date", LocalizedText(zh: "应为日期 YYYY-MM-DD", en: "expected a date, YYYY-MM-DD"))
            }
            date = day
        }
        configuredDate = date
        let names = PhraseIndex(officials.people.map(\.name))
        self.names = names
        var forms: [String] = [], titleOfForm: [String] = [], after: [String] = [], titleOfAfter: [String] = []
        for t in officials.titles {
            for f in t.forms { forms.append(f); titleOfForm.append(t.name) }
            for f in t.after { after.append(f); titleOfAfter.append(t.name) }
        }
        titleForms = PhraseIndex(forms)
        self.titleOfForm = titleOfForm
        afterForms = PhraseIndex(after)
        titleOfAfterForm = titleOfAfter
        var characters: [UInt32: [(name: Int, position: Int)]] = [:]
        for (n, name) in names.phrases.enumerated() where name.count >= 3 && officials.people[n].distinctive {
            for (k, c) in name.enumerated() { characters[c, default: []].append((n, k)) }
        }
        longNameCharacters = characters
        longNameSet = ScalarSet(characters.keys)
        // A window one character from a distinctive name keeps two of its characters in place:
        // next to each other (the first two, the last two) or one apart (the first and the third).
        var variantPairs: [(UInt32, UInt32, apart: Bool)] = []
        for (n, name) in names.phrases.enumerated() where name.count >= 3 && officials.people[n].distinctive {
            for k in 0..<(name.count - 1) { variantPairs.append((name[k], name[k + 1], false)) }
            for k in 0..<(name.count - 2) { variantPairs.append((name[k], name[k + 2], true)) }
        }
        variantFilter = PairFilter(variantPairs)
        // Every name and title holds its rare pair, and every misspelling one of those.
        let phrasePairs = ((forms + after).map { $0.unicodeScalars.map(\.value) } + names.phrases).compactMap(PairFilter.rarestPair)
        filter = PairFilter(phrasePairs + variantPairs)
    }

    public var configurationSummary: LocalizedText? { officials.summary }

    /// Words before a title that make it a former one.
    static let formerMarks = PhraseIndex(["原", "前", "时任", "已故", "曾任", "历任", "首任", "老"])
    /// What may stand between the names of a list.
    static let listSeparators = ScalarSet("、 　和及与")
    static let comma = ch("、")
    /// Words that follow a person's name: a leader's title after it, or 同志.
    static let nameFollowers = PhraseIndex(["同志", "总书记", "主席", "总理", "副总理", "委员长", "副主席", "书记"])

    public func check(_ document: Document) -> [Finding] {
        let date = EditionDate.of(document, configured: configuredDate, fallback: officials.asOf)
        var findings: [Finding] = []
        var reported = Set<Range<Int>>()
        /// Titles that do not fit the data's date on a page with no date of its own.
        var undated: [(range: Range<Int>, text: String)] = []
        for p in document.paragraphs {
            let text = p.scalarText
            guard filter.mayMatch(text) else { continue }
            var local: [Finding] = []
            func report(_ r: Range<Int>, _ message: LocalizedText, suggestion: String? = nil, severity: Severity? = nil) {
                local.append(Finding(range: p.sourceRange(text.bytes(r)), message: message, suggestion: suggestion, severity: severity))
            }
            let found = names.matches(in: text)
            let titled = titleForms.matches(in: text)
            let variantPossible = variantFilter.mayMatch(text)
            guard !found.isEmpty || !titled.isEmpty || variantPossible else { continue }
            titles(text, found, date, report) { r in
                let range = p.sourceRange(text.bytes(r))
                if !undated.contains(where: { $0.range == range }) { undated.append((range, text.string(r))) }
            }
            titleSpelling(text, found, titled, date, report)
            lists(text, found, date, report)
            if variantPossible { spellingAnywhere(text, found, document, p, report) }
            for f in local where reported.insert(f.range).inserted { findings.append(f) }
        }
        if let first = undated.first {
            findings.append(Finding(range: first.range, message: Messages.undatedPage(undated.map(\.text), asOf: officials.asOf), severity: .warning))
        }
        return findings
    }

    typealias Report = (Range<Int>, LocalizedText, String?, Severity?) -> Void

    // MARK: - Titles and names

    /// A title before each known name (and the titles chained before it by 、: the item right
    /// before the name may be one the data does not know, 党组书记), and a short title after it.
    private func titles(_ text: ScalarText, _ found: [(range: Range<Int>, phrase: Int)], _ date: EditionDate,
                        _ report: (Range<Int>, LocalizedText, String?, Severity?) -> Void, _ undated: (Range<Int>) -> Void) {
        let s = text.scalars
        for (range, n) in found {
            let name = officials.people[n].name
            var chain: [(span: Range<Int>, title: String)] = []
            var former = false
            var end = range.lowerBound
            var first = true
            while end > 0 {
                var start = end
                while start > 0, Scalar.isHan(s[start - 1]), end - start < 16 { start -= 1 }
                if let k = titleForms.match(in: text, endingAt: end), end - titleForms.phrases[k].count >= start {
                    let at = end - titleForms.phrases[k].count
                    chain.append((at..<range.upperBound, titleOfForm[k]))
                    // 原国务院总理, 时任中共中央政治局常委、…: the mark stands right before a title.
                    if Self.formerMarks.match(in: text, endingAt: at) != nil { former = true }
                } else if !first {
                    break
                }
                first = false
                guard start > 0, s[start - 1] == Self.comma else { break }
                end = start - 1
            }
            if !former {
                for (span, title) in chain { judge(name, title, span: span, date, report, undated) }
            }
            if let k = afterForms.match(in: text, at: range.upperBound) {
                let end = range.upperBound + afterForms.phrases[k].count
                judge(name, titleOfAfterForm[k], span: range.lowerBound..<end, date, after: true, report, undated)
            }
        }
    }

    /// `after`: the title follows the name (李克强总理), as a retrospective may still write it of a
    /// former holder: then a warning.
    private func judge(_ name: String, _ title: String, span: Range<Int>, _ date: EditionDate, after: Bool = false,
                       _ report: (Range<Int>, LocalizedText, String?, Severity?) -> Void, _ undated: (Range<Int>) -> Void) {
        guard let holders = officials.holders(of: title, on: date.day), !holders.contains(name) else { return }
        // A person the data lists without offices (周恩来) held some before its time: not judged.
        guard let person = officials.person(named: name),
              !person.tenures.isEmpty || officials.bodies.contains(where: { $0.terms.contains { $0.members.contains(name) } }) else { return }
        let everHeld = officials.everHeld(title).contains(name)
        // On the data's own date (no date given), a title the person held at another time is most
        // likely an old page's: the page gets one warning for all of them (`undatedTitles`).
        if everHeld && date.origin == .dataAsOf {
            undated(span)
            return
        }
        report(span, Messages.wrongTitle(name, title, holders: holders, date: date), nil, after && everHeld ? .warning : nil)
    }

    // MARK: - Misspelt names

    /// Right after a title, a name is certain to follow: one that is not known but one character
    /// away from a holder of that title is misspelt.
    private func titleSpelling(_ text: ScalarText, _ found: [(range: Range<Int>, phrase: Int)], _ titled: [(range: Range<Int>, phrase: Int)],
                               _ date: EditionDate, _ report: (Range<Int>, LocalizedText, String?, Severity?) -> Void) {
        let starts = Set(found.map(\.range.lowerBound))
        for (range, k) in titled {
            let at = range.upperBound
            guard at < text.count, !starts.contains(at), Scalar.isHan(text.scalars[at]),
                  titleForms.match(in: text, at: at) == nil else { continue }
            let candidates = officials.everHeld(titleOfForm[k])
            if let (r, right) = variant(in: text, at: at, of: candidates, edits: true) {
                report(r, Messages.misspelt(text.string(r), right), right, nil)
            }
        }
    }

    /// A name one edit from `candidates` starting at `at`: a look-alike or sound-alike character
    /// in place of one; with `edits`, for names of three or more characters, one dropped or one
    /// added inside.
    private func variant(in text: ScalarText, at: Int, of candidates: [String], edits: Bool) -> (Range<Int>, String)? {
        let s = text.scalars
        for name in candidates {
            let c = name.unicodeScalars.map(\.value)
            let n = c.count
            if at + n <= s.count, s[at..<(at + n)].allSatisfy(Scalar.isHan) {
                let differ = (0..<n).filter { s[at + $0] != c[$0] }
                if differ.count == 1 {
                    let (look, sound) = HanCharacters.likeness(s[at + differ[0]], c[differ[0]])
                    if look || sound { return (at..<(at + n), name) }
                }
            }
            guard edits, n >= 3 else { continue }
            // One added inside (习近近平): n + 1 characters, without one of the inner ones.
            if at + n + 1 <= s.count {
                for k in 1..<n where s[at..<(at + k)].elementsEqual(c[0..<k]) && s[(at + k + 1)..<(at + n + 1)].elementsEqual(c[k...]) {
                    return (at..<(at + n + 1), name)
                }
            }
            // One dropped (习平): the name less one character, not followed by that character.
            for k in 0..<n {
                var shorter = c
                shorter.remove(at: k)
                if text.has(shorter, at: at), at + n - 1 >= s.count || s[at + n - 1] != c[k] {
                    return (at..<(at + n - 1), name)
                }
            }
        }
        return nil
    }

    /// Misspellings of the names of three or more characters anywhere: a window that agrees with
    /// the name but in one character, where the two characters look or sound alike, and where the
    /// words of the clause do not run across the window's ends (力克|强敌).
    private func spellingAnywhere(_ text: ScalarText, _ found: [(range: Range<Int>, phrase: Int)], _ document: Document, _ p: Paragraph,
                                  _ report: (Range<Int>, LocalizedText, String?, Severity?) -> Void) {
        let s = text.scalars
        var known = Set<Int>()
        for (r, _) in found { known.formUnion(r) }
        var words: [Word]?
        for j in s.indices where longNameSet.contains(s[j]) {
            for (n, position) in longNameCharacters[s[j]] ?? [] {
                let name = names.phrases[n]
                let start = j - position
                guard start >= 0, start + name.count <= s.count, !(start..<(start + name.count)).contains(where: known.contains) else { continue }
                // Each window once: from the first character it shares with the name.
                guard let first = name.indices.first(where: { s[start + $0] == name[$0] }), first == position else { continue }
                let window = s[start..<(start + name.count)]
                let differ = name.indices.filter { window[start + $0] != name[$0] }
                guard differ.count == 1, window.allSatisfy(Scalar.isHan) else { continue }
                let (look, sound) = HanCharacters.likeness(s[start + differ[0]], name[differ[0]])
                guard look || sound else { continue }
                if words == nil { words = document.words(in: p) }
                let bytes = text.bytes(start..<(start + name.count))
                // The words lie in order: the one at each edge of the window is found by halving.
                func word(at offset: Int) -> Word? {
                    let ws = words!
                    let k = ws.partitionPoint { $0.range.upperBound <= offset }
                    return k < ws.count && ws[k].range.lowerBound <= offset ? ws[k] : nil
                }
                let crosses = [word(at: bytes.lowerBound), word(at: bytes.upperBound - 1)].contains { w in
                    guard let w, w.isKnown, w.range.count > 3 else { return false }
                    return w.range.lowerBound < bytes.lowerBound || w.range.upperBound > bytes.upperBound
                }
                // A word across the window's edge reads the characters otherwise, unless a title or
                // 同志 follows it, which only a name takes (落实|习进平总书记, not 落|实习|…).
                guard !crosses || Self.nameFollowers.match(in: text, at: start + name.count) != nil else { continue }
                let right = officials.people[n].name
                report(start..<(start + name.count), Messages.misspelt(text.string(start..<(start + name.count)), right), right, nil)
            }
        }
    }

    // MARK: - Lists

    /// Names in one list: known names with only separators (、, spaces, 和/及/与) between them, and
    /// an unknown name among them one edit from a leader's.
    private func lists(_ text: ScalarText, _ found: [(range: Range<Int>, phrase: Int)], _ date: EditionDate,
                       _ report: (Range<Int>, LocalizedText, String?, Severity?) -> Void) {
        let s = text.scalars
        var groups: [[(range: Range<Int>, name: String)]] = []
        var k = 0
        let everybody = officials.people.map(\.name)
        while k < found.count {
            var group = [(found[k].range, officials.people[found[k].phrase].name)]
            var end = found[k].range.upperBound
            k += 1
            while true {
                var i = end
                while i < s.count, Self.listSeparators.contains(s[i]) { i += 1 }
                guard i > end else { break }
                if k < found.count, found[k].range.lowerBound == i {
                    group.append((found[k].range, officials.people[found[k].phrase].name))
                    end = found[k].range.upperBound
                    k += 1
                    continue
                }
                // A name the data does not know, among leaders: misspelt if one edit from one of them.
                // (村民李强、王洋…: two common names are no list of leaders; one of three characters is.)
                guard group.count >= 2 || (k < found.count && found[k].range.lowerBound - i <= 5),
                      group.contains(where: { $0.1.unicodeScalars.count >= 3 }),
                      let (r, right) = variant(in: text, at: i, of: everybody, edits: true),
                      r.upperBound == s.count || Self.listSeparators.contains(s[r.upperBound]) || !Scalar.isHan(s[r.upperBound])
                        || (k < found.count && found[k].range.lowerBound > r.upperBound) else { break }
                report(r, Messages.misspelt(text.string(r), right), right, nil)
                group.append((r, right))
                end = r.upperBound
            }
            if group.count >= 3 { groups.append(group) }
        }
        for group in groups {
            for body in officials.bodies {
                // The term of the edition's day; without a given day, the term that holds most of
                // the names listed (the latest of equals), so that an old page is judged by its own.
                let term: Officials.Term?
                if date.origin == .dataAsOf {
                    let names = Set(group.map(\.1))
                    term = body.terms.max { a, b in
                        (names.intersection(a.members).count, a.from) < (names.intersection(b.members).count, b.from)
                    }
                } else {
                    term = body.terms.first { $0.covers(date.day) }
                }
                guard let members = term?.members else { continue }
                let ranked = group.compactMap { g in members.firstIndex(of: g.name).map { (g.range, g.name, $0) } }
                guard ranked.count >= 3 else { continue }
                guard let bad = ranked.indices.dropFirst().first(where: { ranked[$0].2 < ranked[$0 - 1].2 }) else { continue }
                let right = ranked.sorted { $0.2 < $1.2 }.map(\.1)
                report(ranked[bad].0, Messages.order(body.name, ranked[bad].1, right: right, date: date), nil, nil)
            }
        }
    }

    // MARK: - Messages

    enum Messages {
        static func dateNote(_ date: EditionDate) -> (zh: String, en: String) {
            switch date.origin {
            case .dataAsOf: return ("按数据截至日期 \(date.day.chinese)（未给出出版日期，可用 --date 指定），", "on the data's as-of date \(date.day) (no edition date given; use --date)")
            default: return ("\(date.day.chinese)", "on \(date.day)")
            }
        }

        static func wrongTitle(_ name: String, _ title: String, holders: [String], date: EditionDate) -> LocalizedText {
            let (zh, en) = dateNote(date)
            let who = holders.joined(separator: "、")
            return LocalizedText(zh: "\(zh)\(name)不任\(title)（任此职的是\(who)）",
                                 en: "\(en), \(name) is not \(title) (held by \(who))")
        }

        static func undatedPage(_ places: [String], asOf: Day) -> LocalizedText {
            let shown = places.prefix(3).map { "“\($0)”" }.joined(separator: "、")
            return LocalizedText(
                zh: "本页没有出版日期，按数据截至日期 \(asOf.chinese) 判断，有 \(places.count) 处职务与当日任职不符（\(shown)），多半是旧稿：请用 --date 或 .lint.json 的 date 给出出版日期",
                en: "this page has no date; on the data's as-of date \(asOf), \(places.count) titles do not fit their holders (\(shown)), most likely an old page: give the edition's date with --date or the configuration's date")
        }

        static func misspelt(_ written: String, _ right: String) -> LocalizedText {
            LocalizedText(zh: "领导人姓名有误：“\(written)”应为“\(right)”", en: "a leader's name misspelt: “\(written)” should be “\(right)”")
        }

        static func order(_ body: String, _ name: String, right: [String], date: EditionDate) -> LocalizedText {
            let list = right.joined(separator: "、")
            return LocalizedText(zh: "\(body)排序有误：“\(name)”的位置不对，应为\(list)",
                                 en: "\(body) listed out of protocol order: “\(name)” is out of place; the order is \(list)")
        }
    }
}
