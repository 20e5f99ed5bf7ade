/// The national leadership as dated, sourced data (`Rules/officials.json`): each person's name and
/// the offices held, each with its period; the bodies whose members are listed in protocol order
/// (the Politburo Standing Committee), term by term. `official-names` judges copy against it.
///
/// A period runs from the day of election or appointment to the day the successor took office,
/// both days included: the paper of that day may still name the one who held it the day before.
/// A title is covered on a day when the data names who held it that day; on other days
/// `official-names` says nothing of it.
public struct Officials: SourcedData {
    public struct Title: Sendable {
        public let name: String
        /// How copy writes it before a name: 国务院总理, 中华人民共和国主席.
        public let forms: [String]
        /// How copy writes it after a name, where that form names this office only: 李强总理.
        public let after: [String]
    }

    public struct Tenure: Sendable {
        public let title: String
        public let from: Day
        public let until: Day?
        public let source: String

        public func covers(_ day: Day) -> Bool { from <= day && (until.map { day <= $0 } ?? true) }
    }

    public struct Person: Sendable {
        public let name: String
        public let source: String
        public let tenures: [Tenure]
        /// A name nobody else bears in the national news: a look-alike or sound-alike spelling of
        /// it is wrong wherever it stands, not only after a title or among leaders' names.
        public let distinctive: Bool
    }

    /// One term of a body, its members in protocol order.
    public struct Term: Sendable {
        public let from: Day
        public let until: Day?
        public let members: [String]
        public let source: String

        public func covers(_ day: Day) -> Bool { from <= day && (until.map { day <= $0 } ?? true) }
    }

    public struct Body: Sendable {
        public let name: String
        public let terms: [Term]
    }

    public let asOf: Day
    public let sources: [(id: String, text: String)]
    public let titles: [Title]
    public let bodies: [Body]
    public let people: [Person]
    public let file: String
    private let holdersByTitle: [String: [String]]

    /// Who held each title at some time: the members of a body's terms, or the people with a tenure.
    static func holders(of titles: [Title], bodies: [Body], people: [Person]) -> [String: [String]] {
        var holders: [String: [String]] = [:]
        for t in titles {
            if let body = bodies.first(where: { $0.name == t.name }) {
                var seen = Set<String>()
                holders[t.name] = body.terms.flatMap(\.members).filter { seen.insert($0).inserted }
            } else {
                holders[t.name] = people.filter { $0.tenures.contains { $0.title == t.name } }.map(\.name)
            }
        }
        return holders
    }

    public static let fileName = "officials.json"


    // MARK: - Questions the rule asks

    public func person(named name: String) -> Person? { people.first { $0.name == name } }

    func body(named name: String) -> Body? { bodies.first { $0.name == name } }

    /// Who held `title` on `day`, in the data's order; nil when the data does not cover that day.
    public func holders(of title: String, on day: Day) -> [String]? {
        if let body = body(named: title) {
            return body.terms.first { $0.covers(day) }?.members
        }
        let names = people.filter { $0.tenures.contains { $0.title == title && $0.covers(day) } }.map(\.name)
        return names.isEmpty ? nil : names
    }

    /// Everybody the data names as holding `title` at some time (made once, when the file is read).
    public func everHeld(_ title: String) -> [String] { holdersByTitle[title] ?? [] }

    // MARK: - Reading the file

    static let keys = ["description", "asOf", "sources", "titles", "bodies", "people"]

    public static func decode(_ json: JSONValue, file: String) throws(ConfigurationError) -> Officials {
        let top = RuleOptions(json, file: file)
        guard case .object = json else { throw ConfigurationError(file: file, message: Suggest.wrongType(expected: ("对象", "an object"), got: json)) }
        try top.allowOnly(keys)
        let data = DataReader(file: file)
        let asOf = try data.day(json["asOf"], "asOf")!
        let sources = try data.sources(json["sources"], "sources")
        let sourceIds = Set(sources.map(\.id))

        var titles: [Title] = []
        for (i, item) in try data.array(json["titles"], "titles").enumerated() {
            let path = "titles[\(i)]"
            try data.allowOnly(item, ["title", "forms", "after"], path)
            let name = try data.string(item["title"], "\(path).title")!
            guard !titles.contains(where: { $0.name == name }) else {
                throw ConfigurationError(file: file, keyPath: "\(path).title", message: LocalizedText(zh: "重复的职务“\(name)”", en: "duplicate title “\(name)”"))
            }
            let forms = try data.strings(item["forms"], "\(path).forms")
            guard !forms.isEmpty else { throw ConfigurationError(file: file, keyPath: "\(path).forms", message: LocalizedText(zh: "至少要有一种写法", en: "at least one form is needed")) }
            titles.append(Title(name: name, forms: forms, after: try data.strings(item["after"], "\(path).after")))
        }
        let titleNames = Set(titles.map(\.name))

        var people: [Person] = []
        for (i, item) in try data.array(json["people"], "people").enumerated() {
            let path = "people[\(i)]"
            try data.allowOnly(item, ["name", "source", "titles", "distinctive"], path)
            let name = try data.string(item["name"], "\(path).name")!
            guard !people.contains(where: { $0.name == name }) else {
                throw ConfigurationError(file: file, keyPath: "\(path).name", message: LocalizedText(zh: "重复的人名“\(name)”", en: "duplicate name “\(name)”"))
            }
            let source = try data.source(item["source"], "\(path).source", among: sourceIds)
            var tenures: [Tenure] = []
            for (k, t) in try data.array(item["titles"], "\(path).titles").enumerated() {
                let tp = "\(path).titles[\(k)]"
                try data.allowOnly(t, ["title", "from", "until", "source"], tp)
                let title = try data.string(t["title"], "\(tp).title")!
                guard titleNames.contains(title) else {
                    throw ConfigurationError(file: file, keyPath: "\(tp).title", message: Suggest.unknown(what: ("职务", "title"), title, among: titles.map(\.name)))
                }
                let (from, until) = try data.period(t, tp)
                tenures.append(Tenure(title: title, from: from, until: until, source: try data.source(t["source"], "\(tp).source", among: sourceIds)))
            }
            var distinctive = false
            if let v = item["distinctive"] {
                guard case let .bool(b) = v else { throw data.fail("\(path).distinctive", Suggest.wrongType(expected: ("true 或 false", "true or false"), got: v)) }
                distinctive = b
            }
            people.append(Person(name: name, source: source, tenures: tenures, distinctive: distinctive))
        }
        let names = Set(people.map(\.name))

        var bodies: [Body] = []
        for (i, item) in try data.array(json["bodies"], "bodies").enumerated() {
            let path = "bodies[\(i)]"
            try data.allowOnly(item, ["body", "terms"], path)
            let name = try data.string(item["body"], "\(path).body")!
            guard titleNames.contains(name) else {
                throw ConfigurationError(file: file, keyPath: "\(path).body", message: LocalizedText(
                    zh: "机构“\(name)”也须在 titles 中列出它的写法", en: "the body “\(name)” needs its forms listed under titles"))
            }
            var terms: [Term] = []
            for (k, t) in try data.array(item["terms"], "\(path).terms").enumerated() {
                let tp = "\(path).terms[\(k)]"
                try data.allowOnly(t, ["from", "until", "members", "source"], tp)
                let (from, until) = try data.period(t, tp)
                if let last = terms.last, last.until.map({ $0 > from }) ?? true {
                    throw ConfigurationError(file: file, keyPath: "\(tp).from", message: LocalizedText(
                        zh: "任期与上一届重叠或早于上一届", en: "the term overlaps or precedes the one before"))
                }
                let members = try data.strings(t["members"], "\(tp).members")
                for (m, member) in members.enumerated() where !names.contains(member) {
                    throw ConfigurationError(file: file, keyPath: "\(tp).members[\(m)]", message: LocalizedText(
                        zh: "“\(member)”不在 people 中", en: "“\(member)” is not listed under people"))
                }
                guard Set(members).count == members.count, !members.isEmpty else {
                    throw ConfigurationError(file: file, keyPath: "\(tp).members", message: LocalizedText(zh: "成员为空或有重复", en: "members empty or repeated"))
                }
                terms.append(Term(from: from, until: until, members: members, source: try data.source(t["source"], "\(tp).source", among: sourceIds)))
            }
            bodies.append(Body(name: name, terms: terms))
        }
        return Officials(asOf: asOf, sources: sources, titles: titles, bodies: bodies, people: people, file: file,
                         holdersByTitle: holders(of: titles, bodies: bodies, people: people))
    }

    /// What `newslint explain` shows of the data.
    public var summary: LocalizedText {
        let zh = ["领导人数据（\(file)）截至 \(asOf)：\(people.count) 人，\(titles.count) 种职务。出处："] + sources.map { "  [\($0.id)] \($0.text)" }
        let en = ["officials (\(file)) as of \(asOf): \(people.count) people, \(titles.count) titles. Sources:"] + sources.map { "  [\($0.id)] \($0.text)" }
        return LocalizedText(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }
}

/// A data file whose entries name their sources (`officials.json`, `official-wording.json`): read
/// from the rules directory, else the built-in copy, by one loader.
public protocol SourcedData: Sendable {
    static var fileName: String { get }
    static func decode(_ json: JSONValue, file: String) throws(ConfigurationError) -> Self
}

extension SourcedData {
    /// The data of a run: the rules directory's file, else the built-in one.
    public static func load(rulesDirectory: String?) throws(ConfigurationError) -> Self {
        guard let (json, file) = try RuleData.json(fileName, in: rulesDirectory) else {
            throw ConfigurationError(file: fileName, message: LocalizedText(zh: "找不到数据文件", en: "no such data file"))
        }
        return try decode(json, file: file)
    }
}

/// Reads the fields of a sourced data file, each error naming the file and the key path.
struct DataReader {
    let file: String

    func fail(_ path: String, _ message: LocalizedText) -> ConfigurationError {
        ConfigurationError(file: file, keyPath: path, message: message)
    }

    func allowOnly(_ value: JSONValue, _ keys: [String], _ path: String) throws(ConfigurationError) {
        guard case .object = value else { throw fail(path, Suggest.wrongType(expected: ("对象", "an object"), got: value)) }
        try RuleOptions(value, keyPath: path, file: file).allowOnly(keys)
    }

    func string(_ v: JSONValue?, _ path: String, required: Bool = true) throws(ConfigurationError) -> String? {
        guard let v else {
            if required { throw fail(path, LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
            return nil
        }
        guard case let .string(s) = v, !s.isEmpty else { throw fail(path, Suggest.wrongType(expected: ("非空字符串", "a non-empty string"), got: v)) }
        return s
    }

    func strings(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> [String] {
        guard let v else { throw fail(path, LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
        guard case let .array(items) = v else { throw fail(path, Suggest.wrongType(expected: ("字符串数组", "an array of strings"), got: v)) }
        var out: [String] = []
        for (i, item) in items.enumerated() { out.append(try string(item, "\(path)[\(i)]")!) }
        return out
    }

    func array(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> [JSONValue] {
        guard let v else { throw fail(path, LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
        guard case let .array(items) = v else { throw fail(path, Suggest.wrongType(expected: ("数组", "an array"), got: v)) }
        return items
    }

    func day(_ v: JSONValue?, _ path: String, required: Bool = true) throws(ConfigurationError) -> Day? {
        guard let s = try string(v, path, required: required) else { return nil }
        guard let d = Day(s) else { throw fail(path, LocalizedText(zh: "日期“\(s)”无效，应为 YYYY-MM-DD", en: "invalid date “\(s)”: expected YYYY-MM-DD")) }
        return d
    }

    func period(_ item: JSONValue, _ path: String) throws(ConfigurationError) -> (Day, Day?) {
        let from = try day(item["from"], "\(path).from")!
        let until = try day(item["until"], "\(path).until", required: false)
        if let until, until <= from {
            throw fail("\(path).until", LocalizedText(zh: "结束日期不晚于开始日期", en: "the end is not after the start"))
        }
        return (from, until)
    }

    func sources(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> [(id: String, text: String)] {
        guard let v else { throw fail(path, LocalizedText(zh: "缺少必填字段", en: "missing required field")) }
        guard case let .object(members) = v, !members.isEmpty else {
            throw fail(path, Suggest.wrongType(expected: ("非空对象（出处 id → 文件名称）", "a non-empty object (source id → document)"), got: v))
        }
        var out: [(id: String, text: String)] = []
        for (id, text) in members { out.append((id, try string(text, "\(path).\(id)")!)) }
        return out
    }

    /// A `source` field: required, and one of the file's sources.
    func source(_ v: JSONValue?, _ path: String, among ids: Set<String>) throws(ConfigurationError) -> String {
        let id = try string(v, path)!
        guard ids.contains(id) else { throw fail(path, Suggest.unknown(what: ("出处", "source"), id, among: ids.sorted())) }
        return id
    }
}
