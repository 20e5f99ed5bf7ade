/// The error rate as inspectors count it (计错), by the method in `Rules/error-rate.json`: each
/// rule belongs to a category whose weight one finding counts; an error in a title counts
/// `titleFactor` times; the same error (rule, text and correction) counts at most `repeatLimit`
/// times in an edition; a category may be capped per edition (numeral usage: 0.1 each, at most 1).
/// The rate is the weighted count per 10,000 characters. An edition is the files of one folder.
public struct ErrorRateMethod: Sendable {
    public struct Category: Sendable {
        public let name: String
        /// The weight of one finding, or by how many characters the correction changes.
        public let weight: Double
        public let byLength: [(upTo: Int?, weight: Double)]
        public let editionLimit: Double?
        /// The levels of finding it counts, when not the method's (`severities`).
        public let severities: Set<Severity>?
        public let method: String
    }

    public let source: String
    /// The highest rate (per 10,000) at which an edition passes: 3 for newspapers.
    public let passingRate: Double
    public let severities: Set<Severity>
    public let titleFactor: Double
    public let repeatLimit: Int
    public let categories: [Category]
    public let ruleCategory: [String: Int]
    let defaultCategory: Int
    /// Where the method was read from (a rules folder's copy or the built-in one).
    public let file: String

    public static let builtIn: ErrorRateMethod = {
        // The built-in file is validated by the tests; a broken one cannot ship.
        try! load(rulesDirectory: nil)
    }()

    public static func load(rulesDirectory: String?) throws(ConfigurationError) -> ErrorRateMethod {
        guard let (json, file) = try RuleData.json("error-rate.json", in: rulesDirectory) else {
            throw ConfigurationError(file: RuleData.builtInName("error-rate.json"), message: LocalizedText(zh: "缺少计错方法", en: "no error-rate method"))
        }
        return try ErrorRateMethod(json, file: file)
    }

    init(_ json: JSONValue, file: String) throws(ConfigurationError) {
        let r = DataReader(file: file)
        try r.allowOnly(json, ["about", "source", "passingRate", "severities", "titleFactor", "repeatLimit", "categories", "rules", "defaultCategory"], "")
        self.file = file
        source = try r.string(json["source"], "source")!
        passingRate = try Self.number(json["passingRate"], "passingRate", r)
        func levels(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> Set<Severity> {
            var out = Set<Severity>()
            for (i, s) in try r.strings(v, path).enumerated() {
                guard let level = Severity(rawValue: s) else { throw r.fail("\(path)[\(i)]", Suggest.unknown(what: ("级别", "severity"), s, among: Severity.allCases.map(\.rawValue))) }
                out.insert(level)
            }
            return out
        }
        severities = try levels(json["severities"], "severities")
        titleFactor = try Self.number(json["titleFactor"], "titleFactor", r)
        repeatLimit = Int(try Self.number(json["repeatLimit"], "repeatLimit", r))
        guard case let .object(members)? = json["categories"], !members.isEmpty else {
            throw r.fail("categories", LocalizedText(zh: "应为非空对象（类别 → 权重）", en: "expected a non-empty object (category → weight)"))
        }
        var categories: [Category] = []
        for (name, value) in members {
            let path = "categories.\(name)"
            try r.allowOnly(value, ["weight", "byLength", "editionLimit", "severities", "method"], path)
            var byLength: [(upTo: Int?, weight: Double)] = []
            var weight = 0.0
            if let steps = value["byLength"] {
                for (i, step) in try r.array(steps, "\(path).byLength").enumerated() {
                    try r.allowOnly(step, ["upTo", "weight"], "\(path).byLength[\(i)]")
                    let upTo = try step["upTo"].map { v throws(ConfigurationError) in Int(try Self.number(v, "\(path).byLength[\(i)].upTo", r)) }
                    byLength.append((upTo, try Self.number(step["weight"], "\(path).byLength[\(i)].weight", r)))
                }
                guard byLength.last?.upTo == nil else {
                    throw r.fail("\(path).byLength", LocalizedText(zh: "最后一档不应有 upTo（其余长度都归它）", en: "the last step takes every longer correction and has no upTo"))
                }
            } else {
                weight = try Self.number(value["weight"], "\(path).weight", r)
            }
            let limit = try value["editionLimit"].map { v throws(ConfigurationError) in try Self.number(v, "\(path).editionLimit", r) }
            let own = try value["severities"].map { v throws(ConfigurationError) in try levels(v, "\(path).severities") }
            categories.append(Category(name: name, weight: weight, byLength: byLength, editionLimit: limit, severities: own,
                                       method: try r.string(value["method"], "\(path).method")!))
        }
        self.categories = categories
        let index = Dictionary(categories.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        func category(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> Int {
            let name = try r.string(v, path)!
            guard let k = index[name] else { throw r.fail(path, Suggest.unknown(what: ("类别", "category"), name, among: categories.map(\.name))) }
            return k
        }
        var rules: [String: Int] = [:]
        if case let .object(list)? = json["rules"] {
            for (rule, value) in list { rules[rule] = try category(value, "rules.\(rule)") }
        } else {
            throw r.fail("rules", LocalizedText(zh: "应为对象（规则 → 类别）", en: "expected an object (rule → category)"))
        }
        ruleCategory = rules
        defaultCategory = try category(json["defaultCategory"], "defaultCategory")
    }

    static func number(_ v: JSONValue?, _ path: String, _ r: DataReader) throws(ConfigurationError) -> Double {
        guard case let .number(n)? = v, n >= 0 else {
            throw r.fail(path, v == nil ? LocalizedText(zh: "缺少必填字段", en: "missing required field")
                                        : LocalizedText(zh: "应为不小于 0 的数", en: "expected a number of 0 or more"))
        }
        return n
    }

    /// What one finding of category `c` counts, before the edition's repeat limit and caps.
    func weight(of d: Diagnostic, in c: Category, inTitle: Bool) -> Double {
        var w = c.weight
        if !c.byLength.isEmpty {
            let n = Self.changedCharacters(d.excerpt, d.suggestion)
            w = c.byLength.first { $0.upTo.map { n <= $0 } ?? true }!.weight
        }
        return inTitle ? w * titleFactor : w
    }

    /// How many characters a correction changes: the longer of the two middles left when the
    /// text and its correction share a start and an end (`为为` → `为`: 1). At least 1; a wrong
    /// Arabic number is one error however many of its digits change (`12750` → `12570`: 1).
    static func changedCharacters(_ text: String, _ correction: String?) -> Int {
        guard let correction else { return 1 }
        let a = Array(text.unicodeScalars), b = Array(correction.unicodeScalars)
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var end = 0
        while end < a.count - start && end < b.count - start && a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
        let x = a[start..<(a.count - end)], y = b[start..<(b.count - end)]
        // Widen to the whole number around the change: a digit changed inside `12750`.
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || c == "." }
        if !(x.isEmpty && y.isEmpty), x.allSatisfy(isDigit), y.allSatisfy(isDigit) { return 1 }
        return max(1, max(x.count, y.count))
    }

    /// The weighted count of the files of one edition.
    public func count(edition files: [FileReport]) -> Double {
        var seen: [String: Int] = [:]
        var byCategory = [Double](repeating: 0, count: categories.count)
        for file in files {
            for d in file.diagnostics {
                let k = ruleCategory[d.rule] ?? defaultCategory
                guard (categories[k].severities ?? severities).contains(d.severity) else { continue }
                let key = d.rule + "\u{1}" + d.excerpt + "\u{1}" + (d.suggestion ?? "")
                seen[key, default: 0] += 1
                guard seen[key]! <= repeatLimit else { continue }
                byCategory[k] += weight(of: d, in: categories[k], inTitle: file.isInTitle(d.byteRange.lowerBound))
            }
        }
        var total = 0.0
        for (c, sum) in zip(categories, byCategory) { total += c.editionLimit.map { min($0, sum) } ?? sum }
        return total
    }

    /// The files of a run grouped by edition (their folder), in path order.
    public static func editions(_ files: [FileReport]) -> [(folder: String, files: [FileReport])] {
        var order: [String] = []
        var groups: [String: [FileReport]] = [:]
        for f in files {
            let folder = f.path.contains("/") ? String(f.path[..<f.path.lastIndex(of: "/")!]) : "."
            if groups[folder] == nil { order.append(folder) }
            groups[folder, default: []].append(f)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Errors (weighted or not) per 10,000 characters, to two decimals: both rates of a report.
    public static func rate(_ weighted: Double, _ characters: Int) -> Double {
        guard characters > 0 else { return 0 }
        return (weighted * 10_000 / Double(characters) * 100).rounded() / 100
    }
}
