import Foundation

/// A configuration problem: the file, where in it, and what is wrong.
public struct ConfigurationError: Error, Sendable, Equatable {
    public let file: String
    /// Dotted key path (`rules.quote-style.severity`), empty for the whole file.
    public let keyPath: String
    public let line: Int?
    public let column: Int?
    public let message: LocalizedText

    public init(file: String, keyPath: String = "", line: Int? = nil, column: Int? = nil, message: LocalizedText) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    public func describe(_ lang: Language) -> String {
        var where_ = file
        if let line, let column { where_ += ":\(line):\(column)" }
        if !keyPath.isEmpty { where_ += (lang == .zh ? "：键 " : ": key ") + "`\(Quoted.cut(keyPath))`" }
        return where_ + (lang == .zh ? "：" : ": ") + message.text(lang)
    }

    public func with(file: String) -> ConfigurationError {
        ConfigurationError(file: file, keyPath: keyPath, line: line, column: column, message: message)
    }

    /// Parses the JSON of a configuration or data file; a syntax error names the file, line and column.
    public static func parseJSON(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw ConfigurationError(file: file, line: error.line, column: error.column,
                                     message: LocalizedText(zh: "JSON 格式错误：\(error.reason)", en: "malformed JSON: \(error.reason)"))
        }
    }

    /// Reads and parses a configuration or data file; errors name `shown` (the path as the user gave it).
    public static func readJSON(_ path: String, shown: String? = nil) throws(ConfigurationError) -> JSONValue {
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path, limit: FileReader.dataLimit, regularOnly: true) } catch { throw ConfigurationError(file: shown ?? path, message: error.message) }
        return try parseJSON(bytes, file: shown ?? path)
    }
}

/// The options object of one rule, with helpers that report errors at their key path.
public struct RuleOptions: Sendable {
    public let values: [(key: String, value: JSONValue)]
    public let keyPath: String
    public let file: String
    /// The folder of rule data (`Rules/`), when there is one: rules read their data files from it.
    public let rulesDirectory: String?
    /// The configuration's folder: paths in options are relative to it.
    public let baseDirectory: String?
    /// The largest file a rule reads for its data (reference editions), in bytes.
    public let maxFileSize: Int
    /// The edition's date when the run names one (`--date`, the configuration's `date`).
    public let editionDate: Day?

    public init(_ value: JSONValue? = nil, keyPath: String = "", file: String = "", rulesDirectory: String? = nil,
                baseDirectory: String? = nil, maxFileSize: Int = FileReader.defaultLimit, editionDate: Day? = nil) {
        if case let .object(members)? = value { values = members } else { values = [] }
        self.editionDate = editionDate
        self.maxFileSize = maxFileSize
        self.keyPath = keyPath
        self.file = file
        self.rulesDirectory = rulesDirectory
        self.baseDirectory = baseDirectory
    }

    public func error(_ key: String, _ message: LocalizedText) -> ConfigurationError {
        ConfigurationError(file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", message: message)
    }

    /// Rejects keys the rule does not know, suggesting the closest known one.
    public func allowOnly(_ known: [String]) throws(ConfigurationError) {
        for (key, _) in values where !known.contains(key) {
            throw error(key, Suggest.unknown(what: ("选项", "option"), key, among: known))
        }
    }

    public func bool(_ key: String, default value: Bool) throws(ConfigurationError) -> Bool {
        guard let v = values.first(where: { $0.key == key })?.value else { return value }
        guard case let .bool(b) = v else { throw error(key, Suggest.wrongType(expected: ("布尔值", "a boolean"), got: v)) }
        return b
    }

    public func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let v = values.first(where: { $0.key == key })?.value else { return value }
        guard case let .number(n) = v, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            throw error(key, LocalizedText(zh: "应为 \(range.lowerBound)～\(range.upperBound) 的整数，实为 \(Quoted.cut(JSONWriter.write(v, pretty: false)))",
                                           en: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(Quoted.cut(JSONWriter.write(v, pretty: false)))"))
        }
        return Int(n)
    }

    public func strings(_ key: String, default value: [String]) throws(ConfigurationError) -> [String] {
        guard let v = values.first(where: { $0.key == key })?.value else { return value }
        guard case let .array(items) = v else { throw error(key, Suggest.wrongType(expected: ("字符串数组", "an array of strings"), got: v)) }
        var out: [String] = []
        for (n, item) in items.enumerated() {
            guard case let .string(s) = item else {
                throw error("\(key)[\(n)]", Suggest.wrongType(expected: ("字符串", "a string"), got: item))
            }
            out.append(s)
        }
        return out
    }
}

/// "Did you mean" suggestions and the wording of common configuration errors.
public enum Suggest {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let pairs: [(String, Int)] = candidates.map { ($0, distance(word, $0)) }
        let scored = pairs.min { a, b in a.1 < b.1 || (a.1 == b.1 && a.0 < b.0) }
        guard let (best, d) = scored, d <= max(2, word.count / 3) else { return nil }
        return best
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    public static func unknown(what: (zh: String, en: String), _ key: String, among known: [String]) -> LocalizedText {
        // A key far longer than any known name is no typo of one (and its edit distance would cost its length times theirs).
        let best = key.unicodeScalars.count <= 4 * Quoted.limit ? closest(key, among: known) : nil
        let key = Quoted.cut(key)
        if let best {
            return LocalizedText(zh: "未知的\(what.zh) `\(key)`，是否想写 `\(best)`？",
                                 en: "unknown \(what.en) `\(key)`; did you mean `\(best)`?")
        }
        let list = known.map { "`\($0)`" }.joined(separator: ", ")
        return LocalizedText(zh: "未知的\(what.zh) `\(key)`，可用的有：\(list)", en: "unknown \(what.en) `\(key)`; expected one of \(list)")
    }

    public static func wrongType(expected: (zh: String, en: String), got: JSONValue) -> LocalizedText {
        LocalizedText(zh: "应为\(expected.zh)，实为 \(got.typeName)", en: "expected \(expected.en), got \(got.typeName)")
    }
}
