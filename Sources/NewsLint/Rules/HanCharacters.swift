/// What name-consistency knows of Han characters, generated from the Unicode Han database
/// (`scripts/generate-han-similarity.py` → `Rules/han-characters.tsv`, built into the binary):
/// reading, radical, stroke count and Cangjie code of the characters in common mainland use.
public enum HanCharacters {
    public struct Info: Sendable, Equatable {
        public let pinyin: String
        public let radical: Int
        public let strokes: Int
        public let cangjie: String
    }

    /// The table, parsed once.
    public static let table: [UInt32: Info] = parse(EmbeddedRuleData.hanCharacters)

    static func parse(_ text: String) -> [UInt32: Info] {
        var out: [UInt32: Info] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            guard f.count == 5, let c = f[0].unicodeScalars.first, let radical = Int(f[2]), let strokes = Int(f[3]) else { continue }
            out[c.value] = Info(pinyin: String(f[1]), radical: radical, strokes: strokes, cangjie: String(f[4]))
        }
        return out
    }

    /// Same reading, tones aside: 勋/熏, 艺/义.
    public static func soundAlike(_ a: UInt32, _ b: UInt32) -> Bool {
        guard a != b, let x = table[a], let y = table[b] else { return false }
        return x.pinyin == y.pinyin
    }

    /// Same radical, a similar stroke count, and a shared part of the Cangjie code (its first or
    /// last two letters: the shared component): 勤/勋 (…KS, 力).
    public static func lookAlike(_ a: UInt32, _ b: UInt32) -> Bool {
        guard a != b, let x = table[a], let y = table[b], x.radical == y.radical, abs(x.strokes - y.strokes) <= 5 else { return false }
        let p = Array(x.cangjie), q = Array(y.cangjie)
        guard p.count >= 2, q.count >= 2 else { return false }
        return p.prefix(2) == q.prefix(2) || p.suffix(2) == q.suffix(2)
    }
}
