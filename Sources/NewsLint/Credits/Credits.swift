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

    public init(style: HouseStyle) {
        let all = style.allRoles
        roles = all
        roleBytes = all.map(UTF8Scan.bytes)
        roleMarks = all.filter { r in !all.contains { $0 != r && r.contains($0) } }.map(UTF8Scan.bytes)
        nameLength = style.nameLength
    }

    /// The credits of the built-in house style.
    public static let builtIn = Credits(style: .builtIn)

    public struct Credit: Sendable, Equatable {
        public var role: String?
        public var name: String
    }

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
        let tokens = UTF8Scan.tokens(bytes, 0..<end) { Scalar.isSpace($0) || $0 == ch("、") }
        guard !tokens.isEmpty else { return nil }
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
            result.append(Credit(role: pendingRole, name: String(decoding: bytes[rest], as: UTF8.self)))
            pendingRole = nil
        }
        if pendingRole != nil { return nil }
        if !photo && !result.contains(where: { $0.role != nil }) { return nil }
        return result.isEmpty ? nil : result
    }

    /// A personal name as bylines write it, in `bytes[range]`: Han characters, as many as the
    /// house style's name length allows (two to four).
    func isName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var n = 0, i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            guard Scalar.isHan(v) else { return false }
            n += 1; i += len
            if n > nameLength.upperBound { return false }
        }
        return n >= nameLength.lowerBound
    }
}
