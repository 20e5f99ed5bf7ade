/// Words to look for, with their UTF-8 bytes, longest first (so that 占比为 wins over 占):
/// encoded once, where the list is declared, not at each look-up.
struct WordList: ExpressibleByArrayLiteral {
    let longestFirst: [(word: String, bytes: [UInt8])]

    init(_ words: [String]) {
        longestFirst = words.map { ($0, Array($0.utf8)) }.sorted { $0.1.count > $1.1.count }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether any word of the list stands anywhere in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        longestFirst.contains { ByteSearch.contains($0.bytes, in: text, 0..<text.count) }
    }

    /// The longest word of the list that ends at `end` in `bytes` and starts at `limit` or after,
    /// and where it starts.
    @inline(__always)
    func match<C: RandomAccessCollection<UInt8>>(_ bytes: C, endingAt end: Int, notBefore limit: Int = 0) -> (word: String, start: Int)?
    where C.Index == Int {
        for (word, w) in longestFirst where end - w.count >= max(limit, bytes.startIndex) {
            var k = 0
            while k < w.count && bytes[end - w.count + k] == w[k] { k += 1 }
            if k == w.count { return (word, end - w.count) }
        }
        return nil
    }

    /// The longest word of the list that starts at `i` in `p`, and where it ends.
    @inline(__always)
    func match(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (word: String, end: Int)? {
        for (word, bytes) in longestFirst where i + bytes.count <= p.count {
            var k = 0
            while k < bytes.count && p[i + k] == bytes[k] { k += 1 }
            if k == bytes.count { return (word, i + k) }
        }
        return nil
    }
}
