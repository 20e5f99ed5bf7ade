import Foundation

/// What `.lint.json` says. Without a file the built-in defaults apply.
///
/// ```json
/// {
///   "include": ["seeds"],
///   "exclude": ["seeds/drafts/**"],
///   "rulesDirectory": "Rules",
///   "rules": {
///     "quote-style": "warning",
///     "some-rule": {"severity": "off", "options": {}}
///   }
/// }
/// ```
public struct Configuration: Sendable {
    /// Where the file was read from (nil for the defaults).
    public var path: String?
    /// The folder globs and paths are relative to.
    public var baseDirectory: String
    public var include: [String] = []
    public var exclude: [String] = []
    /// Folder of rule data (packs, house style); relative to `baseDirectory`.
    public var rulesDirectory: String?
    public var rules: [String: RuleSetting] = [:]
    /// The largest file read, in bytes (nil: `FileReader.defaultLimit`).
    public var maxFileSize: Int?
    /// The edition's date (`date`, `YYYY-MM-DD`; `--date` overrides it): the day offices are judged on.
    public var date: Day?
    /// Words the segmenter should know beyond its lexicon: names, places, terms.
    public var words: [String] = []

    public struct RuleSetting: Sendable {
        /// nil keeps the rule's default; `.some(nil)` is `off`.
        public var severity: Severity??
        public var options: JSONValue?
    }

    public static let fileName = ".lint.json"

    /// The rules directory as a path: the configured one, else `Rules` beside the configuration
    /// file when it exists (an installed binary without one runs on its built-in data).
    public var resolvedRulesDirectory: String? {
        if let dir = rulesDirectory { return dir.hasPrefix("/") ? dir : baseDirectory + "/" + dir }
        guard path != nil else { return nil }
        let candidate = baseDirectory + "/Rules"
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir) && isDir.boolValue ? candidate : nil
    }
    static let topLevelKeys = ["include", "exclude", "rulesDirectory", "rules", "maxFileSize", "words", "date"]

    public init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    /// The nearest `.lint.json` in `directory` or one of its parents. The folders are walked as
    /// text, one component at a time: a folder that no longer exists or a path longer than the
    /// system allows cannot make the walk go round.
    public static func find(from directory: String) -> String? {
        guard directory.hasPrefix("/") else { return nil }
        var folder = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + fileName
            var st = stat()
            if stat(candidate, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR { return candidate }
            guard folder != "/", let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            folder = slash == folder.utf8.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// Reads and validates a configuration file. Rule ids are checked against `knownRules`.
    public static func load(path: String, displayPath: String? = nil, knownRules: [String]) throws(ConfigurationError) -> Configuration {
        let shown = displayPath ?? path
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: FileReader.dataLimit, regularOnly: true)
        } catch {
            throw ConfigurationError(file: shown, message: error.message)
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(bytes, file: shown, baseDirectory: base, knownRules: knownRules)
    }

    public static func parse(_ bytes: [UInt8], file: String, baseDirectory: String, knownRules: [String]) throws(ConfigurationError) -> Configuration {
        let json = try ConfigurationError.parseJSON(bytes, file: file)
        guard case let .object(members) = json else {
            throw ConfigurationError(file: file, message: Suggest.wrongType(expected: ("JSON 对象", "a JSON object"), got: json))
        }
        var config = Configuration(baseDirectory: baseDirectory)
        config.path = file
        for (key, value) in members {
            switch key {
            case "include": config.include = try stringList(value, key: key, file: file)
            case "exclude": config.exclude = try stringList(value, key: key, file: file)
            case "rulesDirectory":
                guard case let .string(s) = value, !s.isEmpty else {
                    throw ConfigurationError(file: file, keyPath: key, message: Suggest.wrongType(expected: ("非空字符串", "a non-empty string"), got: value))
                }
                config.rulesDirectory = s
            case "words": config.words = try stringList(value, key: key, file: file)
            case "maxFileSize":
                config.maxFileSize = try RuleOptions(.object([(key, value)]), file: file).int(key, default: 0, range: 1...(1 << 40))
            case "date":
                guard case let .string(d) = value, let day = Day(d) else {
                    throw ConfigurationError(file: file, keyPath: key, message: LocalizedText(zh: "应为日期 YYYY-MM-DD（出版日期）", en: "expected the edition's date, YYYY-MM-DD"))
                }
                config.date = day
            case "rules":
                guard case let .object(rules) = value else {
                    throw ConfigurationError(file: file, keyPath: key, message: Suggest.wrongType(expected: ("对象", "an object"), got: value))
                }
                // Rule ids are checked when the rules are made (packs add ids from data); a
                // well-formed id that is not a built-in one is left to that check.
                for (id, setting) in rules {
                    guard knownRules.contains(id) || id.unicodeScalars.allSatisfy({ $0 == "-" || ($0.value >= 0x61 && $0.value <= 0x7A) || Scalar.isASCIIDigit($0.value) }) else {
                        throw ConfigurationError(file: file, keyPath: "rules.\(id)", message: Suggest.unknown(what: ("规则", "rule id"), id, among: knownRules))
                    }
                    config.rules[id] = try ruleSetting(setting, keyPath: "rules.\(id)", file: file)
                }
            default:
                throw ConfigurationError(file: file, keyPath: key, message: Suggest.unknown(what: ("键", "key"), key, among: topLevelKeys))
            }
        }
        return config
    }

    private static func stringList(_ value: JSONValue, key: String, file: String) throws(ConfigurationError) -> [String] {
        do {
            return try RuleOptions(.object([(key, value)]), file: file).strings(key, default: [])
        }
    }

    static let severityNames = ["off", "note", "warning", "error"]

    private static func severity(_ value: JSONValue, keyPath: String, file: String) throws(ConfigurationError) -> Severity? {
        guard case let .string(s) = value else {
            throw ConfigurationError(file: file, keyPath: keyPath, message: Suggest.wrongType(expected: ("字符串 off/note/warning/error", "one of the strings off, note, warning, error"), got: value))
        }
        if s == "off" { return nil }
        guard let sev = Severity(rawValue: s) else {
            throw ConfigurationError(file: file, keyPath: keyPath, message: Suggest.unknown(what: ("级别", "severity"), s, among: severityNames))
        }
        return sev
    }

    private static func ruleSetting(_ value: JSONValue, keyPath: String, file: String) throws(ConfigurationError) -> RuleSetting {
        if case .string = value {
            return RuleSetting(severity: .some(try severity(value, keyPath: keyPath, file: file)), options: nil)
        }
        guard case let .object(members) = value else {
            throw ConfigurationError(file: file, keyPath: keyPath, message: Suggest.wrongType(expected: ("级别字符串或对象", "a severity string or an object"), got: value))
        }
        var setting = RuleSetting(severity: nil, options: nil)
        for (key, v) in members {
            switch key {
            case "severity": setting.severity = .some(try severity(v, keyPath: "\(keyPath).severity", file: file))
            case "options":
                guard case .object = v else {
                    throw ConfigurationError(file: file, keyPath: "\(keyPath).options", message: Suggest.wrongType(expected: ("对象", "an object"), got: v))
                }
                setting.options = v
            default:
                throw ConfigurationError(file: file, keyPath: "\(keyPath).\(key)", message: Suggest.unknown(what: ("键", "key"), key, among: ["severity", "options"]))
            }
        }
        return setting
    }
}
