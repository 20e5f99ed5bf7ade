/// Where running text marks a person's name, as data (`Rules/names.json`): the surnames a name
/// read from running text starts with (书记讲党课 is no name), the titles and roles before a name
/// (`党委书记崔全星`, `村民王大山`) and the words of speech after one (`张建华说`); and the head words
/// that end names of organisations, brands and products (`…公司`, `…酱菜`).
public struct NameContexts: Sendable {
    public let surnames: ScalarSet
    /// The titles by their last character, longest first: a character that may end a title is
    /// looked up once, and only its own titles are tried.
    let titlesByEnd: [UInt32: [[UInt8]]]
    let titleEnds: ScalarSet
    /// The words of speech by their first character.
    let speechByStart: [UInt32: [[UInt8]]]
    let speechStarts: ScalarSet
    /// The head words that end names of organisations, brands and products (公司, 合作社, 酱菜).
    public let heads: [String]
    /// The characters that end names of places and of what stands in them (大驾村, 东渚镇, 杵山):
    /// two unknown characters before one are a name, not a slip (`typo`).
    public let placeEnds: ScalarSet
    /// The characters that end a title or start a word of speech: where a name may stand.
    let markScalars: [UInt32]

    public static let fileName = "names.json"

    init(surnames: String, titles: [String], speech: [String], heads: [String], placeEnds: String = "") {
        self.heads = heads
        self.placeEnds = ScalarSet(placeEnds)
        self.surnames = ScalarSet(surnames)
        func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) }.sorted { $0.count > $1.count } }
        titlesByEnd = Dictionary(grouping: bytes(titles)) { UTF8Scan.scalar(before: $0.count, in: $0) }
        titleEnds = ScalarSet(titlesByEnd.keys)
        speechByStart = Dictionary(grouping: bytes(speech)) { UTF8Scan.decode($0, at: 0).0 }
        speechStarts = ScalarSet(speechByStart.keys)
        markScalars = Array(titlesByEnd.keys) + Array(speechByStart.keys)
    }

    /// The built-in data; the embedded file is checked by a test.
    public static let builtIn: NameContexts = try! load(rulesDirectory: nil)

    /// The rules folder's `names.json`, else the built-in one.
    public static func load(rulesDirectory: String?) throws(ConfigurationError) -> NameContexts {
        let (json, file) = try RuleData.json(fileName, in: rulesDirectory)!
        let options = RuleOptions(json, keyPath: "", file: file)
        try options.allowOnly(["description", "source", "surnames", "titles", "speech", "heads", "placeEnds"])
        guard case let .string(surnames)? = json["surnames"], !surnames.isEmpty else {
            throw options.error("surnames", LocalizedText(zh: "应为非空字符串", en: "must be a non-empty string"))
        }
        var placeEnds = ""
        if let v = json["placeEnds"] {
            guard case let .string(ends) = v else { throw options.error("placeEnds", LocalizedText(zh: "应为字符串", en: "must be a string")) }
            placeEnds = ends
        }
        return NameContexts(surnames: surnames, titles: try options.strings("titles", default: []),
                            speech: try options.strings("speech", default: []), heads: try options.strings("heads", default: []),
                            placeEnds: placeEnds)
    }

    /// The longest title that ends at `end` in `text` (`…村民` before `王大山`), if one does, with a
    /// 副 before it (`副院长` is not `院长`).
    func title(_ text: [UInt8], endingAt end: Int, with scalar: UInt32) -> [UInt8]? {
        guard let title = titlesByEnd[scalar]?.first(where: { ByteSearch.hasSuffix($0, text, 0..<end) }) else { return nil }
        let start = end - title.count
        return ByteSearch.hasSuffix(Self.deputy, text, 0..<start) && !title.starts(with: Self.deputy) ? Self.deputy + title : title
    }

    static let deputy = UTF8Scan.bytes("副")

    /// The length of the word of speech that starts at `start` in `text`, if one does.
    func speech(_ text: [UInt8], at start: Int, with scalar: UInt32) -> Int? {
        speechByStart[scalar]?.first { ByteSearch.hasPrefix($0, text, start..<text.count) }?.count
    }
}
