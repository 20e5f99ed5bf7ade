/// Base64 as the generated tables of `Rules/` hold it (`lexicon-table.b64`, `character-bigrams.b64`):
/// lines of letters whose line breaks are skipped. Decoded through pointers into an array of its
/// final size: the lexicon's table is 6 MB, and array appends cost more than the decoding.
enum Base64 {
    /// The bytes of `text`, or nil when it is no base64.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// The bytes of `letters` (the text's UTF-8), or nil when they are no base64.
    static func decode(_ letters: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let p = letters
        var value = [UInt8](repeating: 0xFF, count: 256)
        for (k, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { value[Int(c)] = UInt8(k) }
        value[Int(UInt8(ascii: "="))] = 0xFE
        var failed = false
        let out = value.withUnsafeBufferPointer { v in
                [UInt8](unsafeUninitializedCapacity: p.count / 4 * 3 + 3) { o, written in
                    // Four letters at a time; the file's lines hold a multiple of four.
                    var i = 0, w = 0
                    let n = p.count
                    while i < n {
                        let c = p[i]
                        if c == 0x0A || c == 0x0D { i += 1; continue }
                        guard i + 4 <= n else { failed = true; break }
                        let a = v[Int(c)], b = v[Int(p[i + 1])], d = v[Int(p[i + 2])], e = v[Int(p[i + 3])]
                        if a | b | d | e < 64 {
                            let acc = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(d) << 6 | UInt32(e)
                            o[w] = UInt8(truncatingIfNeeded: acc >> 16); o[w + 1] = UInt8(truncatingIfNeeded: acc >> 8); o[w + 2] = UInt8(truncatingIfNeeded: acc)
                            w += 3
                            i += 4
                            continue
                        }
                        // The last group, with its padding: `xy==` or `xyz=`.
                        guard a < 64, b < 64, e == 0xFE, d < 64 || d == 0xFE else { failed = true; break }
                        let acc = UInt32(a) << 18 | UInt32(b) << 12 | (d < 64 ? UInt32(d) << 6 : 0)
                        o[w] = UInt8(truncatingIfNeeded: acc >> 16)
                        w += 1
                        if d < 64 { o[w] = UInt8(truncatingIfNeeded: acc >> 8); w += 1 }
                        i += 4
                        while i < n && (p[i] == 0x0A || p[i] == 0x0D) { i += 1 }
                        if i < n { failed = true }
                        break
                    }
                    written = w
                }
        }
        return failed ? nil : out
    }
}
