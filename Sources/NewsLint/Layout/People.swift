/// Parsing of the short lines that name people: bylines (`本报记者 郭树勋 本报通讯员 张放`)
/// and photo credits (`本报记者 吉亚南 摄`). The layout uses it to classify blocks; the byline
/// rules build on the same parse.
public enum People {
    /// Role words, longest first so that `本报通讯员` wins over `通讯员`.
    public static let roles: [String] = [
        "本报特约记者", "本报首席记者", "本报实习记者", "本报通讯员", "本报实习生", "新华社记者", "人民日报记者",
        "首席记者", "特约记者", "实习记者", "本报记者", "通讯员", "实习生", "记者",
    ]

    public struct Credit: Sendable, Equatable {
        public var role: String?
        public var name: String
    }

    /// The role words' UTF-8, in the same order.
    static let roleBytes = roles.map(UTF8Scan.bytes)
    /// 摄, which ends a photo credit.
    static let photoMark = UTF8Scan.bytes("摄")

    /// Splits a line into role/name pairs, or nil when it is not made only of roles and
    /// 2–4-character Han names. `photo` requires and strips a final `摄`.
    public static func parse(_ text: String, photo: Bool) -> [Credit]? {
        let bytes = Array(text.utf8)
        var end = bytes.count
        if photo {
            guard ByteSearch.hasSuffix(photoMark, bytes, 0..<end) else { return nil }
            end -= photoMark.count
        }
        // Tokens are separated by spaces, ideographic spaces, tabs and 、.
        let tokens = UTF8Scan.tokens(bytes, 0..<end) { $0 == 0x20 || $0 == 0x3000 || $0 == 0x3001 || $0 == 0x09 }
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

    /// A personal name as bylines write it, in `bytes[range]`: two to four Han characters.
    static func isName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var n = 0, i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scan.decode(bytes, at: i)
            guard Scalar.isHan(v) else { return false }
            n += 1; i += len
            if n > 4 { return false }
        }
        return n >= 2
    }
}
