import Foundation

/// A word list with frequencies: the built-in `Rules/lexicon.tsv` (jieba's dictionary, MIT;
/// `scripts/generate-lexicon.py`), with the words an editor adds (names, places, terms) in the
/// rules directory's `words.txt` or `.lint.json`'s `words`.
///
/// Words are kept by a 64-bit hash of their scalars, computed one scalar at a time, so that the
/// segmenter extends a candidate word by one character at the cost of a multiply and a probe.
/// Every prefix of a word is kept too, marked as such, so that the extension stops as soon as no
/// word starts with what has been read.
public final class Lexicon: @unchecked Sendable {
    /// An entry of the table: a word's log-probability, or a prefix only (`-infinity`).
    private var keys: [UInt64]
    private var costs: [Float]
    private var mask: Int
    /// Entries of the table: words and the prefixes of words.
    private var entries = 0
    /// The number of words.
    private(set) public var count = 0
    /// The sum of the frequencies, and the log of it.
    private var total: Double = 0
    /// The longest word, in scalars.
    private(set) public var longest = 0
    /// The log-probability of one character the list does not hold.
    public private(set) var unknownCost: Float = 0

    static let empty: UInt64 = 0
    static let prefixOnly = -Float.infinity

    /// The lexicon built into the binary, read once (tens of milliseconds, on first use).
    public static let builtIn: Lexicon = {
        let lexicon = Lexicon(capacity: 1 << 20)
        lexicon.addList(RuleData.builtIn("lexicon.tsv")!)
        lexicon.finish()
        return lexicon
    }()

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        costs = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    /// The built-in words with `extra` added (each at the frequency a common word has, unless the
    /// list gives one): the lexicon of a run whose editors named words of their own.
    public static func with(words extra: [(word: String, frequency: Int?)]) -> Lexicon {
        guard !extra.isEmpty else { return builtIn }
        let lexicon = Lexicon(capacity: 1 << 20)
        lexicon.addList(RuleData.builtIn("lexicon.tsv")!)
        for (word, frequency) in extra { lexicon.add(Array(word.unicodeScalars.map(\.value)), frequency: frequency ?? 1000) }
        lexicon.finish()
        return lexicon
    }

    /// The hash of a word one scalar longer than the one hashed `h`.
    @inline(__always) static func extend(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        let x = (h ^ UInt64(scalar)) &* 0x9E37_79B9_7F4A_7C15
        return (x ^ (x >> 29)) | 1  // never 0, the empty slot
    }

    /// Lines `word<TAB>frequency`; `#` starts a comment.
    func addList(_ text: String) {
        var utf8 = Array(text.utf8)
        utf8.append(0x0A)
        var lineStart = 0
        var scalars: [UInt32] = []
        for i in 0..<utf8.count where utf8[i] == 0x0A {
            defer { lineStart = i + 1 }
            guard i > lineStart, utf8[lineStart] != UInt8(ascii: "#") else { continue }
            guard let tab = utf8[lineStart..<i].firstIndex(of: 0x09) else { continue }
            var frequency = 0
            for b in utf8[(tab + 1)..<i] where b >= 0x30 && b <= 0x39 { frequency = frequency &* 10 &+ Int(b - 0x30) }
            scalars.removeAll(keepingCapacity: true)
            var k = lineStart
            while k < tab {
                let (v, len) = UTF8Scan.decode(utf8, at: k)
                scalars.append(v)
                k += len
            }
            add(scalars, frequency: max(frequency, 1))
        }
    }

    /// Adds a word; its frequency becomes a cost when the list is finished.
    func add(_ word: [UInt32], frequency: Int) {
        guard !word.isEmpty else { return }
        var h: UInt64 = 0
        for (k, v) in word.enumerated() {
            h = Self.extend(h, v)
            var slot = find(h)
            if keys[slot] == Self.empty {
                if (entries + 1) * 2 > keys.count {
                    grow()
                    slot = find(h)
                }
                keys[slot] = h
                costs[slot] = Self.prefixOnly
                entries += 1
            }
            if k == word.count - 1 {
                // A word listed again keeps its larger count (costs hold counts until `finish`).
                if costs[slot] == Self.prefixOnly { count += 1 }
                let before = costs[slot] == Self.prefixOnly ? 0 : Double(costs[slot])
                costs[slot] = Float(max(before, Double(frequency)))
                total += Double(frequency)
            }
        }
        longest = max(longest, word.count)
    }

    /// Turns counts into log-probabilities.
    func finish() {
        let logTotal = Float(log(max(total, 1)))
        for i in costs.indices where keys[i] != Self.empty && costs[i] != Self.prefixOnly {
            costs[i] = Float(log(Double(costs[i]))) - logTotal
        }
        unknownCost = -logTotal  // as if seen once
    }

    @inline(__always) private func find(_ h: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: h >> 7) & mask
        while keys[slot] != Self.empty && keys[slot] != h { slot = (slot + 1) & mask }
        return slot
    }

    private func grow() {
        let oldKeys = keys, oldCosts = costs
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        costs = [Float](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, key) in oldKeys.enumerated() where key != Self.empty {
            let slot = find(key)
            keys[slot] = key
            costs[slot] = oldCosts[k]
        }
    }

    /// What the table says of the scalars hashed `h`: nil when no word starts so, `prefixOnly`
    /// when some word starts so but this is none, else the word's log-probability.
    @inline(__always) func lookUp(_ h: UInt64) -> Float? {
        let slot = find(h)
        return keys[slot] == Self.empty ? nil : costs[slot]
    }

    /// Whether `word` is in the list.
    public func contains(_ word: String) -> Bool {
        var h: UInt64 = 0
        for v in word.unicodeScalars { h = Self.extend(h, v.value) }
        guard let c = lookUp(h) else { return false }
        return c != Self.prefixOnly
    }

    /// Editor words from a rules directory's `words.txt`: one a line, optionally with a frequency
    /// after a tab; `#` starts a comment.
    public static func editorWords(_ text: String) -> [(word: String, frequency: Int?)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingSpaces
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let parts = trimmed.split(separator: "\t")
            return (String(parts[0]).trimmingSpaces, parts.count > 1 ? Int(parts[1].trimmingSpaces) : nil)
        }
    }
}
