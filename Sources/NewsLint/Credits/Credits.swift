/// The reading of the short lines that name people, configured by the house style: bylines
/// (`本报记者 郭树勋 本报通讯员 张放`) and photo credits (`本报记者 吉亚南 摄`). The layout asks it
/// whether a block is a credit (`parse`); the byline rules read the same roles leniently
/// (`BylineParse`) to say what is wrong with a malformed one.
public struct Credits: Sendable {
    /// Role words: the house's and those of other papers and wire services (`HouseStyle.allRoles`),
    /// longest first so that `本报通讯员` wins over `通讯员`.
    public let roles: [String]
    /// The role words' UTF-8, in the same order.
    let roleBytes: [[UInt8]]
    /// The roles no other role is contained in (记者, 通讯员, 实习生): every role holds one, a
    /// cheap test before a parse.
    let roleMarks: [[UInt8]]
    /// Length of a name in a credit, in Han characters.
    let nameLength: ClosedRange<Int>
    let style: HouseStyle

    public init(style: HouseStyle) {
        let all = style.allRoles
        roles = all
        roleBytes = all.map(UTF8Scan.bytes)
        roleMarks = all.filter { r in !all.contains { $0 != r && r.contains($0) } }.map(UTF8Scan.bytes)
        nameLength = style.nameLength
        self.style = style
    }

    /// The credits of the built-in house style.
    public static let builtIn = Credits(style: .builtIn)

    public struct Credit: Sendable, Equatable {
        public var role: String?
        public var name: String
    }

    /// `文/图`, `图/文` (with either slash) before a credit: one person wrote and photographed.
    static let textAndPhoto = ["文/图", "文／图", "图/文", "图／文"].map(UTF8Scan.bytes)

    /// 摄, which ends a photo credit.
    static let photoMark = UTF8Scan.bytes("摄")

    /// Splits a line into role/name pairs, or nil when it is not made only of roles and
    /// 2–4-character Han names. `photo` requires and strips a final `摄`.
    public func parse(_ text: String, photo: Bool) -> [Credit]? {
        let bytes = Array(text.utf8)
        var end = bytes.count
        if photo {
            guard ByteSearch.hasSuffix(Self.photoMark, bytes, 0..<end) else { return nil }
            end -= Self.photoMark.count
        }
        // Tokens are separated by white space of any width (a CMS export writes a no-break space:
        // `新华社记者\u{A0}金良快摄`) and by 、.
        var tokens = UTF8Scan.tokens(bytes, 0..<end) { Scalar.isSpace($0) || $0 == ch("、") }
        tokens = Self.strippingLabelAndAction(bytes, tokens, style: style).tokens
        guard !tokens.isEmpty else { return nil }
        tokens = Self.joiningSpacedNames(bytes, tokens)
        var result: [Credit] = []
        var pendingRole: String?
        for token in tokens {
            var rest = token
            if let r = roleBytes.firstIndex(where: { ByteSearch.hasPrefix($0, bytes, token) }) {
                if pendingRole != nil { return nil }  // a role with no name
                pendingRole = roles[r]
                rest = (token.lowerBound + roleBytes[r].count)..<token.upperBound
                if rest.isEmpty { continue }
            }
            guard isName(bytes, rest) else { return nil }
            let name = String(decoding: bytes[rest], as: UTF8.self)
            result.append(Credit(role: pendingRole, name: rest.count > 6 ? String(name.unicodeScalars.filter { !Scalar.isSpace($0.value) }) : name))
            pendingRole = nil
        }
        if pendingRole != nil { return nil }
        if !photo && !result.contains(where: { $0.role != nil }) { return nil }
        return result.isEmpty ? nil : result
    }

    /// A credit's tokens without what is no name: the label of one who wrote and photographed
    /// before it (`文/图  本报记者 张三`, `文/图：张三`), and what the people did after the last name
    /// (`李泓冰整理`), which is returned. Both readers of credits, this one and `BylineParse`, cut so.
    static func strippingLabelAndAction(_ bytes: [UInt8], _ tokens: [Range<Int>], style: HouseStyle) -> (tokens: [Range<Int>], action: String?) {
        var tokens = tokens
        if let first = tokens.first, let label = textAndPhoto.first(where: { ByteSearch.hasPrefix($0, bytes, first) }) {
            var rest = (first.lowerBound + label.count)..<first.upperBound
            if let colon = colons.first(where: { ByteSearch.hasPrefix($0, bytes, rest) }) { rest = (rest.lowerBound + colon.count)..<rest.upperBound }
            if rest.isEmpty { tokens.removeFirst() } else { tokens[0] = rest }
        }
        guard let last = tokens.last, let action = style.action(ending: bytes, last) else { return (tokens, nil) }
        tokens[tokens.count - 1] = last.lowerBound..<(last.upperBound - action.utf8.count)
        return (tokens, action)
    }

    /// Two one-character tokens in a row are one name padded to the width of three (`胡 健`).
    static func joiningSpacedNames(_ bytes: [UInt8], _ tokens: [Range<Int>]) -> [Range<Int>] {
        func single(_ t: Range<Int>) -> Bool {
            let (v, len) = UTF8Scan.decode(bytes, at: t.lowerBound)
            return len == t.count && Scalar.isHan(v)
        }
        var out: [Range<Int>] = []
        var i = 0
        while i < tokens.count {
            if i + 1 < tokens.count, single(tokens[i]), single(tokens[i + 1]) {
                out.append(tokens[i].lowerBound..<tokens[i + 1].upperBound)  // spaces inside, taken off by the reader
                i += 2
            } else {
                out.append(tokens[i]); i += 1
            }
        }
        return out
    }

    /// A personal name as bylines write it, in `bytes[range]`: Han characters, as many as the
    /// house style's name length allows (two to four).
    func isName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var n = 0, i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            i += len
            if Scalar.isSpace(v) && n == 1 { continue }  // `胡 健`
            guard Scalar.isHan(v) else { return false }
            n += 1
            if n > nameLength.upperBound { return false }
        }
        return n >= nameLength.lowerBound
    }

    // MARK: - Lines that close an article

    /// The longest closing note read as one, in scalars: a reporting team can be twenty names.
    static let longestClosingNote = 200
    /// What opens a bracketed credit besides a role: `（执笔：…）`, `（采写：…）`.
    static let creditLeads = ["执笔", "采写", "整理", "撰文", "文字"].map(UTF8Scan.bytes)
    /// Labels of the staff credits that close an article: `制图：王婷`, `版式设计：张丹峰`.
    /// `本版` before a label credits the whole page: `本版制图：蔡华伟`, `本版责编：王珂`.
    static let creditLabelWords = ["制图", "版式设计", "版面设计", "设计", "美编", "摄影", "摄像", "图片", "视频", "执笔", "整理", "编译", "翻译", "统筹", "策划", "图文", "责编"]
    static let wholePage = UTF8Scan.bytes("本版")
    static let creditLabels = creditLabelWords.map(UTF8Scan.bytes)
    /// Labels of a source note: `数据来源：国家统计局`.
    static let sourceLabelWords = ["数据来源", "资料来源", "来源"]
    static let sourceLabels = sourceLabelWords.map(UTF8Scan.bytes)
    static let colons = [UTF8Scan.bytes("："), UTF8Scan.bytes(":")]
    /// Who files a dispatch: `（本报伦敦电）`, `（新华社北京5月22日电）`; datelines open with them too.
    static let dispatchers = ["本报", "新华社", "中新社", "人民日报"].map(UTF8Scan.bytes)
    static let dispatch = UTF8Scan.bytes("电")
    /// Words before a bracketed credit: gathered from (综合) or after (据) other reports.
    static let gatheredLeads = ["综合", "据"].map(UTF8Scan.bytes)
    /// 据, before another's dispatch (`据新华社北京1月27日电`).
    static let reported = UTF8Scan.bytes("据")
    /// Scalars a closing note may start with: brackets and the labels' first characters, a cheap
    /// test before a line or block is looked at.
    static let closingNoteStarts = ScalarSet("（(本" + (creditLabelWords + sourceLabelWords).map { String($0.first!) }.joined())

    /// A line that closes an article without a closing mark: a credit — bracketed after a role
    /// (`（本报记者李晓宏、殷淼）`), a credit word (`（执笔：张三）`) or as a dispatch of this paper
    /// or an agency (`（本报伦敦电）`, `（新华社北京5月22日电）`), or a staff label and names
    /// (`制图：王婷`) — or a labelled source (`数据来源：国家统计局`): `text[range]`, a line or block.
    func closingNote(_ text: [UInt8], _ range: Range<Int>) -> BlockKind? {
        guard !range.isEmpty, range.count <= 3 * Self.longestClosingNote,
              Self.closingNoteStarts.contains(UTF8Scan.decode(text, at: range.lowerBound).0) else { return nil }
        let bytes = Array(text[range])
        if let inner = UTF8Scan.insideBrackets(bytes) {
            var body = Array(bytes[inner])
            // `（综合本报记者…报道）`, `（据新华社北京3月5日电 记者刘阳）`.
            if let lead = Self.gatheredLeads.first(where: { body.starts(with: $0) }) { body.removeFirst(lead.count) }
            if roleBytes.contains(where: { body.starts(with: $0) }) { return .credit }
            if Self.creditLeads.contains(where: { lead in body.starts(with: lead) && Self.colons.contains { body[lead.count...].starts(with: $0) } }) {
                return .credit
            }
            // A dispatch, perhaps with its reporters: `（本报北京、华盛顿10月24日电  记者…）`.
            if Self.dispatchers.contains(where: { body.starts(with: $0) }), ByteSearch.find(Self.dispatch, in: body, 0..<min(body.count, 120)) != nil {
                return .credit
            }
            return nil
        }
        // `标签：姓名`: short, with no sentence or clause marks after the label.
        let labelled = bytes.starts(with: Self.wholePage) ? Array(bytes[Self.wholePage.count...]) : bytes
        for (labels, kind) in [(Self.creditLabels, BlockKind.credit), (Self.sourceLabels, .sourceNote)] {
            for label in labels where labelled.starts(with: label) {
                guard let colon = Self.colons.first(where: { labelled[label.count...].starts(with: $0) }) else { continue }
                let rest = (label.count + colon.count)..<labelled.count
                // A staff credit is a few names; a source may list several bodies and a report's title.
                guard !rest.isEmpty, UTF8Scan.scalarCount(labelled, rest) <= (kind == .credit ? 40 : 80) else { continue }
                if UTF8Scan.scalars(Array(labelled[rest])).contains(where: { Scalar.isSentenceEnd($0) || $0 == ch("，") }) { continue }
                return kind
            }
        }
        return nil
    }
}
