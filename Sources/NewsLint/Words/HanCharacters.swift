/// What name-consistency knows of Han characters, generated from the Unicode Han database
/// (`scripts/generate-han-similarity.py` → `Rules/han-characters.tsv`, built into the binary):
/// reading, radical, stroke count and Cangjie code of the characters in common mainland use; and
/// the confusable pairs it misses (`Rules/confusable-characters.tsv`, written for newslint).
public enum HanCharacters {
    public struct Info: Sendable, Equatable {
        public let pinyin: String
        public let radical: Int
        public let strokes: Int
        public let cangjie: String
    }

    /// The table, parsed once.
    public static let table: [UInt32: Info] = parse(RuleData.builtIn("han-characters.tsv")!)

    /// Pairs the data does not tie together but proofreaders confuse (`Rules/confusable-characters.tsv`,
    /// written for newslint): 己/已, 人/入, 未/末, 日/曰 … look alike; 焘/涛 sound alike.
    static let confusable: (look: Set<UInt64>, sound: Set<UInt64>) = {
        var look = Set<UInt64>(), sound = Set<UInt64>()
        for line in RuleData.builtIn("confusable-characters.tsv")!.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            guard f.count == 3, let a = f[0].unicodeScalars.first?.value, let b = f[1].unicodeScalars.first?.value else { continue }
            if f[2] == "sound" { sound.insert(pairKey(a, b)) } else { look.insert(pairKey(a, b)) }
        }
        return (look, sound)
    }()

    /// The same pairs by character, each way: the partner, and whether the two sound alike.
    static let listedPartners: [UInt32: [(UInt32, sound: Bool)]] = {
        var out: [UInt32: [(UInt32, sound: Bool)]] = [:]
        for (set, sound) in [(confusable.look, false), (confusable.sound, true)] {
            for key in set {
                let a = UInt32(truncatingIfNeeded: key >> 32), b = UInt32(truncatingIfNeeded: key)
                out[a, default: []].append((b, sound))
                out[b, default: []].append((a, sound))
            }
        }
        return out.mapValues { $0.sorted { $0.0 < $1.0 } }
    }()

    static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }

    /// Reads the table's lines (`char<TAB>pinyin<TAB>radical<TAB>strokes<TAB>cangjie`) as bytes:
    /// the table is loaded by every run that compares names, small ones included.
    static func parse(_ text: String) -> [UInt32: Info] {
        let bytes = Array(text.utf8)
        var out: [UInt32: Info] = [:]
        out.reserveCapacity(bytes.count / 16)
        var lineStart = 0
        var fields: [Range<Int>] = []  // one buffer for every line
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != ch("\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineStart == lineEnd || bytes[lineStart] == UInt8(ascii: "#") { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart...lineEnd where i == lineEnd || bytes[i] == ch("\t") {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            guard fields.count == 5, !fields[0].isEmpty,
                  let radical = number(bytes[fields[2]]), let strokes = number(bytes[fields[3]]) else { continue }
            let c = UTF8Scan.decode(bytes, at: fields[0].lowerBound).0
            out[c] = Info(pinyin: String(decoding: bytes[fields[1]], as: UTF8.self), radical: radical, strokes: strokes,
                          cangjie: String(decoding: bytes[fields[4]], as: UTF8.self))
        }
        return out
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var n = 0
        for d in digits {
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(d - UInt8(ascii: "0"))
        }
        return n
    }

    /// Same reading, tones aside: 勋/熏, 艺/义.
    public static func soundAlike(_ a: UInt32, _ b: UInt32) -> Bool { likeness(a, b).sound }

    /// Same radical, a similar stroke count, and a shared part of the Cangjie code (its first or
    /// last two letters: the shared component): 勤/勋 (…KS, 力).
    public static func lookAlike(_ a: UInt32, _ b: UInt32) -> Bool { likeness(a, b).look }

    /// Both tests above with the two characters looked up once.
    public static func likeness(_ a: UInt32, _ b: UInt32) -> (look: Bool, sound: Bool) {
        guard a != b, let x = table[a], let y = table[b] else { return (false, false) }
        let key = pairKey(a, b)
        let sound = x.pinyin == y.pinyin || confusable.sound.contains(key)
        if confusable.look.contains(key) { return (true, sound) }
        guard x.radical == y.radical, abs(x.strokes - y.strokes) <= 5 else { return (false, sound) }
        // Cangjie codes are ASCII letters: bytes are characters.
        let p = x.cangjie.utf8, q = y.cangjie.utf8
        guard p.count >= 2, q.count >= 2 else { return (false, sound) }
        return (p.prefix(2).elementsEqual(q.prefix(2)) || p.suffix(2).elementsEqual(q.suffix(2)), sound)
    }
}

extension PairFilter {
    /// The pair of characters of `phrase` with the most strokes between them (the least common,
    /// roughly), side by side: the pair a rule gives `PairFilter` for a phrase.
    public static func rarestPair(_ phrase: [UInt32]) -> (UInt32, UInt32, apart: Bool)? {
        guard phrase.count >= 2 else { return nil }
        func strokes(_ v: UInt32) -> Int { HanCharacters.table[v]?.strokes ?? 0 }
        let k = (0..<(phrase.count - 1)).max { (strokes(phrase[$0]) + strokes(phrase[$0 + 1]), -$0) < (strokes(phrase[$1]) + strokes(phrase[$1 + 1]), -$1) }!
        return (phrase[k], phrase[k + 1], false)
    }
}
