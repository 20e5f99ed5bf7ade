import Foundation

/// The house style for bylines, datelines and credits, as data: `Rules/house-style.json`.
/// The same defaults are built into the binary (`scripts/embed-rule-data`), so an installed
/// newslint needs no rules folder; a `house-style.json` in the configured rules directory
/// replaces them, and `rules.byline-format.options.houseStyle` in `.lint.json` overrides keys.
public struct HouseStyle: Sendable, Equatable {
    /// Role words, e.g. 本报记者, 通讯员.
    public let roles: [String]
    /// Role words of other papers and wire services that credits use (新华社记者, 首席记者): read
    /// as roles in credits, but not the house's own.
    public let otherRoles: [String]
    /// Every role word a credit may hold, the house's and the others, longest first; made once
    /// (every byline is read with it).
    public let allRoles: [String]
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
    /// Words after the last name that say what the people did (`本报记者 刘士安 李泓冰整理`):
    /// 整理, 报道, 采写; longest first.
    public let creditActions: [String]
    /// Their UTF-8, in the same order: every credit is read with them.
    let creditActionBytes: [[UInt8]]

    static let keys = ["description", "roles", "otherRoles", "roleOrder", "localDateline", "spaceBeforeDatelineBracket", "nameLength", "roster", "creditActions"]

    public init(roles: [String], otherRoles: [String], roleOrder: [String], localDateline: String, spaceBeforeDatelineBracket: Bool,
                nameLength: ClosedRange<Int>, roster: [String], creditActions: [String] = []) {
        self.roles = roles
        self.otherRoles = otherRoles
        var seen = Set<String>()
        allRoles = (roles + otherRoles).filter { seen.insert($0).inserted }.enumerated()
            .sorted { ($1.element.unicodeScalars.count, $0.offset) < ($0.element.unicodeScalars.count, $1.offset) }.map(\.element)
        self.roleOrder = roleOrder
        self.localDateline = localDateline
        self.spaceBeforeDatelineBracket = spaceBeforeDatelineBracket
        self.nameLength = nameLength
        self.roster = roster
        self.creditActions = creditActions.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        creditActionBytes = self.creditActions.map(UTF8Scan.bytes)
    }
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
        let otherRoles = members.contains(where: { $0.key == "otherRoles" }) ? try options.strings("otherRoles", default: []) : base?.otherRoles ?? []
        let actions = members.contains(where: { $0.key == "creditActions" }) ? try options.strings("creditActions", default: []) : base?.creditActions ?? []
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
        return HouseStyle(roles: roles.sorted { $0.count > $1.count }, otherRoles: otherRoles, roleOrder: roleOrder, localDateline: localDateline,
                          spaceBeforeDatelineBracket: space, nameLength: nameLength, roster: roster, creditActions: actions)
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

    /// The credit action that ends `bytes[token]` after something else (`李泓冰整理` → 整理), if any.
    func action(ending bytes: [UInt8], _ token: Range<Int>) -> String? {
        creditActionBytes.firstIndex { token.count > $0.count && ByteSearch.hasSuffix($0, bytes, token) }.map { creditActions[$0] }
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
