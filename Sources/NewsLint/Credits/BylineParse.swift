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
        if block.kind == .photoCredit && ByteSearch.hasSuffix(Credits.photoMark, bytes, range) { range = 0..<(bytes.count - Credits.photoMark.count) }
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
    /// What the people did, written after the last name (`整理`, `报道`), if anything.
    public var action: String?
    /// Punctuation found between the parts (`:`, `,`, `、`), which bylines do not use.
    public var punctuation: [String] = []

    public init(_ text: String, style: HouseStyle) {
        // Read on bytes: tokens are cut at spaces and at the punctuation bylines should not hold.
        let bytes = Array(text.utf8)
        var punctuation: [String] = []
        var tokens = UTF8Scan.tokens(bytes, 0..<bytes.count) { v in
            if Scalar.isSpace(v) { return true }
            guard Self.separators.contains(v), let u = Unicode.Scalar(v) else { return false }
            punctuation.append(String(u))
            return true
        }
        self.punctuation = punctuation
        // The house's roles and those of other papers and wire services (新华社记者): a role is no name.
        let roles = style.allRoles
        (tokens, action) = Credits.strippingLabelAndAction(bytes, tokens, style: style)
        for token in tokens {
            var rest = token
            if let role = roles.first(where: { ByteSearch.hasPrefix($0.utf8, bytes, token) }) {
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
        return parts.joined(separator: " ") + (action ?? "")
    }
}
