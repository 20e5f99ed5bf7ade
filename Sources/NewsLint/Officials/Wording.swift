/// Official formulations as sourced data (`Rules/official-wording.json`): the exact wording of each
/// with its known wrong variants, and the series that are always listed in one order (四个意识,
/// the eight democratic parties). `official-wording` judges copy against it.
public struct Wording: SourcedData {
    public struct Formulation: Sendable {
        public let id: String
        public let text: String
        public let variants: [String]
        public let severity: Severity?
        public let source: String
    }

    public struct Series: Sendable {
        public let id: String
        public let name: String
        public let items: [String]
        /// How many of the items a list must hold before its order is judged.
        public let minimum: Int
        public let source: String
    }

    public let asOf: Day
    public let sources: [(id: String, text: String)]
    public let formulations: [Formulation]
    public let series: [Series]
    public let file: String

    public static let fileName = "official-wording.json"

    public static func decode(_ json: JSONValue, file: String) throws(ConfigurationError) -> Wording {
        let data = DataReader(file: file)
        try data.allowOnly(json, ["description", "asOf", "sources", "formulations", "series"], "")
        let asOf = try data.day(json["asOf"], "asOf")!
        let sources = try data.sources(json["sources"], "sources")
        let ids = Set(sources.map(\.id))
        var seen = Set<String>()
        func id(_ v: JSONValue?, _ path: String) throws(ConfigurationError) -> String {
            let id = try data.string(v, path)!
            guard seen.insert(id).inserted else { throw data.fail(path, LocalizedText(zh: "重复的 id `\(id)`", en: "duplicate id `\(id)`")) }
            return id
        }
        var formulations: [Formulation] = []
        for (i, item) in try data.array(json["formulations"], "formulations").enumerated() {
            let path = "formulations[\(i)]"
            try data.allowOnly(item, ["id", "text", "variants", "severity", "source"], path)
            let fid = try id(item["id"], "\(path).id")
            let text = try data.string(item["text"], "\(path).text")!
            let variants = try data.strings(item["variants"], "\(path).variants")
            guard !variants.isEmpty else { throw data.fail("\(path).variants", LocalizedText(zh: "至少要有一种错误写法", en: "at least one wrong variant is needed")) }
            for (k, v) in variants.enumerated() where v == text || text.contains(v) {
                throw data.fail("\(path).variants[\(k)]", LocalizedText(zh: "错误写法“\(v)”是正确写法的一部分", en: "the variant “\(v)” is part of the right wording"))
            }
            let severity = try RulePack.severityValue(item["severity"], "severity", in: RuleOptions(item, keyPath: path, file: file))
            formulations.append(Formulation(id: fid, text: text, variants: variants, severity: severity,
                                            source: try data.source(item["source"], "\(path).source", among: ids)))
        }
        var series: [Series] = []
        for (i, item) in try data.array(json["series"], "series").enumerated() {
            let path = "series[\(i)]"
            try data.allowOnly(item, ["id", "name", "items", "minimum", "source"], path)
            let sid = try id(item["id"], "\(path).id")
            let items = try data.strings(item["items"], "\(path).items")
            guard items.count >= 3, Set(items).count == items.count else {
                throw data.fail("\(path).items", LocalizedText(zh: "至少三项，且不重复", en: "at least three items, none repeated"))
            }
            var minimum = 3
            if let v = item["minimum"] {
                guard case let .number(n) = v, n == n.rounded(), Int(n) >= 2, Int(n) <= items.count else {
                    throw data.fail("\(path).minimum", LocalizedText(zh: "应为 2 到 \(items.count) 的整数", en: "expected a whole number from 2 to \(items.count)"))
                }
                minimum = Int(n)
            }
            series.append(Series(id: sid, name: try data.string(item["name"], "\(path).name")!, items: items, minimum: minimum,
                                 source: try data.source(item["source"], "\(path).source", among: ids)))
        }
        return Wording(asOf: asOf, sources: sources, formulations: formulations, series: series, file: file)
    }

    public var summary: LocalizedText {
        let zh = ["规范表述数据（\(file)）截至 \(asOf)：\(formulations.count) 条提法，\(series.count) 组固定顺序。出处："] + sources.map { "  [\($0.id)] \($0.text)" }
        let en = ["official wording (\(file)) as of \(asOf): \(formulations.count) formulations, \(series.count) ordered series. Sources:"] + sources.map { "  [\($0.id)] \($0.text)" }
        return LocalizedText(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }
}
