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

    /// Splits a line into role/name pairs, or nil when it is not made only of roles and
    /// 2–4-character Han names. `photo` requires and strips a final `摄`.
    public static func parse(_ text: String, photo: Bool) -> [Credit]? {
        var body = Substring(text)
        if photo {
            guard body.utf8.reversed().starts(with: "摄".utf8.reversed()) else { return nil }
            body = body.dropLast()
        }
        let tokens = body.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "、" || $0 == "\t" })
        guard !tokens.isEmpty else { return nil }
        var result: [Credit] = []
        var pendingRole: String?
        for token in tokens {
            var rest = Substring(token)
            if let role = roles.first(where: { rest.utf8.starts(with: $0.utf8) }) {
                if pendingRole != nil { return nil }  // a role with no name
                pendingRole = role
                rest = rest[rest.utf8.index(rest.startIndex, offsetBy: role.utf8.count)...]
                if rest.isEmpty { continue }
            }
            guard isName(rest) else { return nil }
            result.append(Credit(role: pendingRole, name: String(rest)))
            pendingRole = nil
        }
        if pendingRole != nil { return nil }
        if !photo && !result.contains(where: { $0.role != nil }) { return nil }
        return result.isEmpty ? nil : result
    }

    /// A personal name as bylines write it: two to four Han characters.
    public static func isName(_ s: Substring) -> Bool {
        let scalars = s.unicodeScalars
        let n = scalars.count
        return n >= 2 && n <= 4 && scalars.allSatisfy { Scalar.isHan($0.value) }
    }
}
