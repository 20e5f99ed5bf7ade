import Foundation

/// A word list with frequencies: the built-in `Rules/lexicon.tsv` (jieba's dictionary, MIT;
/// `scripts/generate-lexicon.py`), with the words an editor adds (names, places, terms) in the
/// rules directory's `words.txt` or `.lint.json`'s `words`.
///
/// Words are kept by a 64-bit hash of their scalars, computed one scalar at a time, so that the
/// segmenter extends a candidate word by one character at the cost of a multiply and a probe.
/// Every prefix of a word is kept too, marked as such, so that the extension stops as soon as no
/// word starts with what has been read.
///
/// A value type, built in a local variable and then only read: a class's stored properties are
/// checked for exclusive access at run time, which cost a third of the time to load the list.
public struct Lexicon: Sendable {
    /// A slot of the table: the low 32 bits of the hash of a word or prefix (0: empty; a hash is
    /// odd, so a tag never is 0), and the word's log-probability, or `prefixOnly` for a prefix
    /// that is no word. Eight bytes, half of a 64-bit key's slot: the table is 8 MB, not 16, and
    /// the year's run has no memory to spare. The slot a hash starts probing at comes from its
    /// top bits, so the tag and the place tell apart about 51 bits: two of the 497,973 entries
    /// that share both would be one, and `init(table:)` refuses such a table.
    struct Slot: Sendable {
        var tag: UInt32
        var cost: Float
    }
    private var slots: [Slot]
    private let mask: Int
    /// Entries of the table: words and the prefixes of words.
    private var entries = 0
    /// The number of words.
    private(set) public var count = 0
    /// The sum of the frequencies, and the log of it.
    private var total: Double = 0
    /// Set by `finish`: costs are log-probabilities from then on, and words added later get
    /// theirs at once, against the same total.
    private var logTotal: Float?
    /// The longest word, in scalars.
    private(set) public var longest = 0
    /// The log-probability of one character the list does not hold.
    public private(set) var unknownCost: Float = 0

    static let empty: UInt32 = 0
    static let prefixOnly = -Float.infinity

    /// The lexicon built into the binary, read once, on first use: the table that
    /// `scripts/generate-lexicon-table.py` built from `Rules/lexicon.tsv` (a test checks that it
    /// is the table the list gives), so that no line is parsed and no word hashed at start-up.
    public static let builtIn: Lexicon = {
        // The generated file is checked by the tests; a broken one cannot ship.
        builtIn(room: 0)
    }()

    /// The built-in table read into a table with room for `room` more entries.
    private static func builtIn(room: Int) -> Lexicon {
        let text = RuleData.builtIn("lexicon-table.b64")!
        let lexicon = try! Lexicon(table: text, room: room)
        RuleData.release(text)
        return lexicon
    }

    /// The lexicon of `Rules/lexicon.tsv` built from the list itself: what the built-in table
    /// must equal.
    static func fromList(_ text: String) -> Lexicon {
        var lexicon = Lexicon(capacity: builtInEntries)
        lexicon.addList(text)
        lexicon.finish()
        return lexicon
    }

    struct TableError: Error {}

    /// Whether two lexicons hold the same words and prefixes (by their tags) with the same costs,
    /// bit for bit, and the same totals (wherever the table put them).
    func sameWords(as other: Lexicon) -> Bool {
        guard entries == other.entries, count == other.count, longest == other.longest,
              logTotal?.bitPattern == other.logTotal?.bitPattern, unknownCost.bitPattern == other.unknownCost.bitPattern else { return false }
        func contents(_ l: Lexicon) -> [UInt64] {
            l.slots.compactMap { s in s.tag == Self.empty ? nil : UInt64(s.tag) << 32 | UInt64(s.cost.bitPattern) }.sorted()
        }
        return contents(self) == contents(other)
    }

    /// Reads a table written by `scripts/generate-lexicon-table.py` (its format is described there).
    init(table text: String, room: Int = 0) throws(TableError) {
        guard let bytes = Base64.decode(text) else { throw TableError() }
        guard bytes.count >= 21, bytes.starts(with: Array("NLLX1".utf8)) else { throw TableError() }
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        let entries = Int(u32(5)), words = Int(u32(9)), longest = Int(u32(13))
        guard bytes.count == 21 + 12 * entries else { throw TableError() }
        self.init(capacity: max(entries, Self.builtInEntries) + room)
        let logTotal = Float(bitPattern: u32(17))
        var at = 21
        for _ in 0..<entries {
            let key = UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
            let slot = find(key)
            // The file's keys differ; two that this table cannot tell apart are refused.
            guard slots[slot].tag == Self.empty else { throw TableError() }
            slots[slot] = Slot(tag: Self.tag(key), cost: Float(bitPattern: u32(at + 8)))
            at += 12
        }
        self.entries = entries
        count = words
        self.longest = longest
        self.logTotal = logTotal
        unknownCost = -logTotal
    }



    /// Words and prefixes of the built-in list (497,973), with room: the table is sized once.
    static let builtInEntries = 520_000

    /// A table for about `capacity` words and prefixes, filled to at most three quarters.
    init(capacity: Int) {
        var size = 1024
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [Slot](repeating: Slot(tag: Self.empty, cost: 0), count: size)
        mask = size - 1
    }

    /// The built-in words with `extra` added (each at the frequency a common word has, unless the
    /// list gives one): the lexicon of a run whose editors named words of their own.
    public static func with(words extra: [(word: String, frequency: Int?)]) -> Lexicon {
        // A copy of the built-in table (read once), the editors' words added to it; a table with
        // more room, read again, when they are many (a slot keeps too little of a hash to move).
        let room = extra.reduce(0) { $0 + $1.word.unicodeScalars.count }
        var lexicon = builtIn.hasRoom(for: room) ? builtIn : builtIn(room: room)
        for (word, frequency) in extra { lexicon.add(Array(word.unicodeScalars.map(\.value)), frequency: frequency ?? 1000) }
        return lexicon
    }

    /// The hash of a word one scalar longer than the one hashed `h`.
    @inline(__always) static func extend(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        let x = (h ^ UInt64(scalar)) &* 0x9E37_79B9_7F4A_7C15
        return (x ^ (x >> 29)) | 1  // never 0, the empty slot
    }

    /// Lines `word<TAB>frequency`; `#` starts a comment. A sorted list loads fastest: the
    /// prefix a word shares with the one before is not looked up again.
    mutating func addList(_ text: String) {
        var utf8 = Array(text.utf8)
        utf8.append(0x0A)
        var previous: [UInt32] = [], hashes: [UInt64] = []
        var scalars: [UInt32] = []
        utf8.withUnsafeBufferPointer { p in
            var lineStart = 0
            var i = 0
            while i < p.count {
                guard let newline = ByteSearch.index(of: 0x0A, in: p, i..<p.count) else { break }
                defer { lineStart = newline + 1; i = newline + 1 }
                guard newline > lineStart, p[lineStart] != UInt8(ascii: "#") else { continue }
                guard let tab = ByteSearch.index(of: 0x09, in: p, lineStart..<newline) else { continue }
                var frequency = 0
                for k in (tab + 1)..<newline where p[k] >= 0x30 && p[k] <= 0x39 { frequency = frequency &* 10 &+ Int(p[k] - 0x30) }
                scalars.removeAll(keepingCapacity: true)
                var k = lineStart
                while k < tab {
                    let (v, len) = UTF8Scan.decode(p, at: k)
                    scalars.append(v)
                    k += len
                }
                var shared = 0
                while shared < scalars.count && shared < previous.count && scalars[shared] == previous[shared] { shared += 1 }
                hashes.removeSubrange(shared...)
                add(scalars, frequency: max(frequency, 1), known: &hashes)
                swap(&previous, &scalars)
            }
        }
    }

    /// Adds a word; its frequency becomes a cost when the list is finished.
    mutating func add(_ word: [UInt32], frequency: Int) {
        var none: [UInt64] = []
        add(word, frequency: frequency, known: &none)
    }

    /// The same, where `known` holds the hashes of the word's first `known.count` prefixes,
    /// already in the table; it comes back with all of the word's.
    mutating func add(_ word: [UInt32], frequency: Int, known: inout [UInt64]) {
        guard !word.isEmpty else { return }
        var h: UInt64 = known.last ?? 0
        for k in known.count..<word.count {
            h = Self.extend(h, word[k])
            known.append(h)
            let slot = find(h)
            if slots[slot].tag == Self.empty {
                precondition(hasRoom(for: 1), "a lexicon's table is sized for its words before they are added")
                slots[slot] = Slot(tag: Self.tag(h), cost: Self.prefixOnly)
                entries += 1
            }
        }
        let slot = find(h)
        // A word listed again keeps its larger count (costs hold counts until `finish`).
        if slots[slot].cost == Self.prefixOnly { count += 1 }
        let value = logTotal.map { Float(log(Double(frequency))) - $0 } ?? Float(frequency)
        slots[slot].cost = slots[slot].cost == Self.prefixOnly ? value : max(slots[slot].cost, value)
        if logTotal == nil { total += Double(frequency) }
        longest = max(longest, word.count)
    }

    /// Turns counts into log-probabilities.
    mutating func finish() {
        let logTotal = Float(log(max(total, 1)))
        for i in slots.indices where slots[i].tag != Self.empty && slots[i].cost != Self.prefixOnly {
            slots[i].cost = Float(log(Double(slots[i].cost))) - logTotal
        }
        unknownCost = -logTotal  // as if seen once
        self.logTotal = logTotal
    }

    /// The tag a slot keeps of hash `h`.
    @inline(__always) static func tag(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h) }

    /// Where a probe for `h` starts: the hash's top bits, which the tag does not hold.
    @inline(__always) private static func home(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h >> 32) & mask }

    /// The slot of `h`: the one holding its tag, or the empty slot where it would go.
    @inline(__always) private func find(_ h: UInt64) -> Int {
        let tag = Self.tag(h)
        return slots.withUnsafeBufferPointer { t in
            var slot = Self.home(h, mask)
            while t[slot].tag != Self.empty && t[slot].tag != tag { slot = (slot + 1) & mask }
            return slot
        }
    }

    /// Whether `more` entries fit while the table stays at most three quarters full.
    func hasRoom(for more: Int) -> Bool { (entries + more) * 4 <= slots.count * 3 }

    /// What the table says of the scalars hashed `h`: nil when no word starts so, `prefixOnly`
    /// when some word starts so but this is none, else the word's log-probability.
    @inline(__always) func lookUp(_ h: UInt64) -> Float? {
        let s = slots[find(h)]
        return s.tag == Self.empty ? nil : s.cost
    }

    /// How often the source list counts `word`, 0 for a word it lacks: its log-probability turned
    /// back into a count.
    public func frequency(of word: String) -> Int {
        frequency(ofScalars: word.unicodeScalars.map(\.value))
    }

    /// The same, for a word given as its scalars.
    public func frequency(ofScalars word: some Sequence<UInt32>) -> Int {
        var h: UInt64 = 0
        for v in word { h = Self.extend(h, v) }
        guard let c = lookUp(h), c != Self.prefixOnly, let t = logTotal else { return 0 }
        return Int(exp(Double(c + t)).rounded())
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
