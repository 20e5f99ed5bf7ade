import Foundation

/// The house style for bylines, datelines and credits, as data: `Rules/house-style.json`.
/// The same defaults are built into the binary (`scripts/embed-rule-data`), so an installed
/// newslint needs no rules folder; a `house-style.json` in the configured rules directory
/// replaces them, and `rules.byline-format.options.houseStyle` in `.lint.json` overrides keys.
public struct HouseStyle: Sendable, Equatable {
    /// Role words, e.g. 本报记者, 通讯员.
    public var roles: [String]
    /// Order of roles in a byline, by the role without 本报 (记者 before 通讯员).
    public var roleOrder: [String]
    /// The local dateline word: 本报讯.
    public var localDateline: String
    /// Whether a space stands between 本报讯 and （.
    public var spaceBeforeDatelineBracket: Bool
    /// Length of a personal name in Han characters.
    public var nameLength: ClosedRange<Int>
    /// Staff names as they are spelled.
    public var roster: [String]

    static let keys = ["description", "roles", "roleOrder", "localDateline", "spaceBeforeDatelineBracket", "nameLength", "roster"]
    public static let fileName = "house-style.json"

    /// The built-in house style.
    public static let builtIn: HouseStyle = {
        // The embedded data is checked by a test; it cannot fail to decode.
        let (json, file) = try! RuleData.json(fileName, in: nil)!
        return try! HouseStyle.decode(json, over: nil, file: file, keyPath: "")
    }()

    /// Decodes a house style object; keys that are present replace those of `base`.
    public static func decode(_ json: JSONValue, over base: HouseStyle?, file: String, keyPath: String) throws(ConfigurationError) -> HouseStyle {
        func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }
        guard case let .object(members) = json else {
            throw ConfigurationError(file: file, keyPath: keyPath, message: Suggest.wrongType(expected: ("对象", "an object"), got: json))
        }
        let options = RuleOptions(json, keyPath: keyPath, file: file)
        try options.allowOnly(keys)
        func strings(_ key: String) throws(ConfigurationError) -> [String]? {
            guard members.contains(where: { $0.key == key }) else { return nil }
            let list = try options.strings(key, default: [])
            if list.isEmpty { throw options.error(key, LocalizedText(zh: "不能为空", en: "must not be empty")) }
            return list
        }
        let roles = try strings("roles") ?? base?.roles
        let roleOrder = try strings("roleOrder") ?? base?.roleOrder
        let roster = try strings("roster") ?? base?.roster ?? []
        var localDateline = base?.localDateline
        if let v = json["localDateline"] {
            guard case let .string(s) = v, !s.isEmpty else { throw options.error("localDateline", Suggest.wrongType(expected: ("非空字符串", "a non-empty string"), got: v)) }
            localDateline = s
        }
        let space = try options.bool("spaceBeforeDatelineBracket", default: base?.spaceBeforeDatelineBracket ?? false)
        var nameLength = base?.nameLength
        if let v = json["description"], v.typeName != "string" {
            throw options.error("description", Suggest.wrongType(expected: ("字符串", "a string"), got: v))
        }
        if let v = json["nameLength"] {
            guard case .object = v else {
                throw options.error("nameLength", Suggest.wrongType(expected: ("对象 {\"min\": 2, \"max\": 4}", "an object {\"min\": 2, \"max\": 4}"), got: v))
            }
            let inner = RuleOptions(v, keyPath: path("nameLength"), file: file)
            try inner.allowOnly(["min", "max"])
            let min = try inner.int("min", default: 2, range: 1...10), max = try inner.int("max", default: 4, range: 1...10)
            guard min <= max else { throw inner.error("min", LocalizedText(zh: "min 不能大于 max", en: "min must not exceed max")) }
            nameLength = min...max
        }
        guard let roles, let roleOrder, let localDateline, let nameLength else {
            throw ConfigurationError(file: file, keyPath: keyPath, message: LocalizedText(
                zh: "缺少 roles、roleOrder、localDateline 或 nameLength", en: "missing one of roles, roleOrder, localDateline, nameLength"))
        }
        return HouseStyle(roles: roles.sorted { $0.count > $1.count }, roleOrder: roleOrder, localDateline: localDateline,
                          spaceBeforeDatelineBracket: space, nameLength: nameLength, roster: roster)
    }

    /// The house style of a run: the built-in one, replaced by the rules directory's file when
    /// there is one. Every rule that reads bylines (and the roster) works with it.
    public static func load(rulesDirectory: String?) throws(ConfigurationError) -> HouseStyle {
        guard let (bytes, file) = try RuleData.file(fileName, in: rulesDirectory), file != RuleData.builtInName(fileName) else { return builtIn }
        return try decode(try ConfigurationError.parseJSON(bytes, file: file), over: nil, file: file, keyPath: "")
    }

    /// The house style `byline-format` runs with: the run's, with the rule's `houseStyle` option
    /// laid over it.
    public static func load(options: RuleOptions) throws(ConfigurationError) -> HouseStyle {
        var style = try load(rulesDirectory: options.rulesDirectory)
        if let override = options.values.first(where: { $0.key == "houseStyle" })?.value {
            style = try decode(override, over: style, file: options.file, keyPath: options.keyPath.isEmpty ? "houseStyle" : options.keyPath + ".houseStyle")
        }
        return style
    }

    /// The role without 本报, for ordering: 本报通讯员 → 通讯员.
    func baseRole(_ role: String) -> String {
        role.hasPrefix("本报") ? String(role.dropFirst(2)) : role
    }

    func orderIndex(_ role: String) -> Int {
        roleOrder.firstIndex(of: baseRole(role)) ?? roleOrder.count
    }

    /// A readable summary for `newslint explain`.
    public var summary: LocalizedText {
        let space = spaceBeforeDatelineBracket ? "\(localDateline) （" : "\(localDateline)（"
        return LocalizedText(
            zh: "角色词：\(roles.joined(separator: "、"))；署名顺序：\(roleOrder.joined(separator: "→"))；电头写作“\(space)记者张三）”；姓名 \(nameLength.lowerBound)～\(nameLength.upperBound) 个汉字；人员名录 \(roster.count) 人",
            en: "roles: \(roles.joined(separator: ", ")); order: \(roleOrder.joined(separator: " → ")); dateline written “\(space)记者张三）”; names of \(nameLength.lowerBound) to \(nameLength.upperBound) Han characters; roster of \(roster.count) names")
    }
}

extension Document {
    /// What a byline-like block says of people, its marks taken off: a byline as it stands, a
    /// photo credit without its 摄, a `□` author line without its □; nil for other blocks.
    func peopleText(ofBlock i: Int) -> String? {
        let block = blocks[i]
        switch block.kind {
        case .byline, .photoCredit, .commentaryAuthor: break
        default: return nil
        }
        // On bytes: the lines joined, the mark cut off, white space trimmed, then one String.
        var bytes: [UInt8] = []
        for line in block.lines { bytes.append(contentsOf: source.bytes[line]) }
        var range = 0..<bytes.count
        if block.kind == .photoCredit && ByteSearch.hasSuffix(People.photoMark, bytes, range) { range = 0..<(bytes.count - People.photoMark.count) }
        if block.kind == .commentaryAuthor && !bytes.isEmpty { range = UTF8Scan.decode(bytes, at: 0).1..<bytes.count }
        return String(decoding: bytes[UTF8Scan.trimmingSpaces(bytes, range)], as: UTF8.self)
    }

    /// The dateline that opens the paragraph starting at block `i` (a `datelineLead` block).
    func dateline(atBlock i: Int, style: HouseStyle) -> Dateline? {
        guard let p = paragraphs.first(where: { $0.blocks.first == i }) else { return nil }
        return Dateline(p.text, style: style)
    }
}

/// A byline read leniently, so that malformed ones can be reported: roles and the names after them.
public struct BylineParse: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var role: String?
        public var names: [String]
    }

    public var entries: [Entry] = []
    /// Punctuation found between the parts (`:`, `,`, `、`), which bylines do not use.
    public var punctuation: [String] = []

    public init(_ text: String, style: HouseStyle) {
        // Read on bytes: tokens are cut at spaces and at the punctuation bylines should not hold.
        let bytes = Array(text.utf8)
        var punctuation: [String] = []
        let tokens = UTF8Scan.tokens(bytes, 0..<bytes.count) { v in
            if Scalar.isSpace(v) { return true }
            guard Self.separators.contains(v), let u = Unicode.Scalar(v) else { return false }
            punctuation.append(String(u))
            return true
        }
        self.punctuation = punctuation
        for token in tokens {
            var rest = token
            if let role = style.roles.first(where: { ByteSearch.hasPrefix($0.utf8, bytes, token) }) {
                entries.append(Entry(role: role, names: []))
                rest = (token.lowerBound + role.utf8.count)..<token.upperBound
                if rest.isEmpty { continue }
            }
            if entries.isEmpty { entries.append(Entry(role: nil, names: [])) }
            let name = String(decoding: bytes[rest], as: UTF8.self)
            // A two-character name padded with spaces (`王  浩`) comes as two one-character tokens.
            let last = entries[entries.count - 1].names.last
            if let last, last.unicodeScalars.count == 1, UTF8Scan.scalarCount(bytes, rest) == 1,
               Scalar.isHan(UTF8Scan.decode(bytes, at: rest.lowerBound).0) {
                entries[entries.count - 1].names[entries[entries.count - 1].names.count - 1] = last + name
            } else {
                entries[entries.count - 1].names.append(name)
            }
        }
    }

    /// Punctuation that separates the parts of a malformed byline: `,，:：;；`.
    static let separators = ScalarSet(",，:：;；")

    public var names: [String] { entries.flatMap(\.names) }

    /// What is wrong with this byline in the house style (empty when nothing is).
    public func problems(_ style: HouseStyle) -> [LocalizedText] {
        var out: [LocalizedText] = []
        for e in entries where e.names.isEmpty {
            let role = e.role ?? ""
            out.append(LocalizedText(zh: "“\(role)”后没有姓名", en: "no name after “\(role)”"))
        }
        for name in names where !Self.isName(name, style) {
            out.append(LocalizedText(zh: "“\(name)”不是\(style.nameLength.lowerBound)～\(style.nameLength.upperBound)个汉字的姓名",
                                     en: "“\(name)” is not a name of \(style.nameLength.lowerBound) to \(style.nameLength.upperBound) Han characters"))
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            out.append(LocalizedText(zh: "“\(name)”重复署名", en: "“\(name)” is named twice"))
        }
        let order = entries.compactMap { $0.role.map(style.orderIndex) }
        if order != order.sorted() {
            out.append(LocalizedText(zh: "角色顺序应为\(style.roleOrder.joined(separator: "在前、"))在后",
                                     en: "roles go in the order \(style.roleOrder.joined(separator: ", "))"))
        }
        if !punctuation.isEmpty {
            out.append(LocalizedText(zh: "署名中不用标点“\(punctuation.joined())”", en: "bylines take no punctuation (“\(punctuation.joined())”)"))
        }
        return out
    }

    static func isName(_ name: String, _ style: HouseStyle) -> Bool {
        style.nameLength.contains(name.unicodeScalars.count) && name.unicodeScalars.allSatisfy { Scalar.isHan($0.value) }
    }

    /// The byline in the house style: roles in order, each followed by its names, space-separated;
    /// `compact` joins role and name (`记者段美如 通讯员段玉明`, as inside a dateline's brackets).
    public func rewritten(_ style: HouseStyle, compact: Bool) -> String {
        var seen = Set<String>()
        let ordered = entries.enumerated().sorted {
            let a = $0.element.role.map(style.orderIndex) ?? -1, b = $1.element.role.map(style.orderIndex) ?? -1
            return (a, $0.offset) < (b, $1.offset)
        }.map(\.element)
        var parts: [String] = []
        for e in ordered {
            let names = e.names.filter { seen.insert($0).inserted }
            guard !names.isEmpty else { continue }
            let role = e.role ?? ""
            parts.append(compact ? role + names.joined(separator: " ") : ([role] + names).filter { !$0.isEmpty }.joined(separator: " "))
        }
        return parts.joined(separator: " ")
    }
}
