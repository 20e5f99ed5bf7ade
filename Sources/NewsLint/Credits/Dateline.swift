/// The head of a dateline lead: `本报讯（记者张三 通讯员李四）` or `本报北京1月2日电（记者王浩）`.
struct Dateline {
    /// `本报讯`, or `本报北京1月2日电`.
    let head: String
    let isLocal: Bool
    let spaced: Bool
    let asciiBrackets: Bool
    let closed: Bool
    let content: String
    let people: BylineParse
    /// Byte offset (in the paragraph text) just after the closing bracket.
    let end: Int

    init?(_ text: [UInt8], style: HouseStyle) {
        let local = Array(style.localDateline.utf8)
        var i: Int
        if text.starts(with: local) {
            i = local.count
            isLocal = true
        } else if text.starts(with: Array("本报".utf8)) {
            // 本报北京1月2日电: up to 电 within the first 16 characters.
            guard let dian = ByteSearch.find(Array("电".utf8), in: text, 0..<min(text.count, 48)) else { return nil }
            i = dian + 3
            isLocal = false
        } else {
            return nil  // a wire dateline (新华社…) or no dateline
        }
        head = String(decoding: text[0..<i], as: UTF8.self)
        var spaces = 0
        while i < text.count, Scalar.isSpace(UTF8Scan.decode(text, at: i).0) { i += UTF8Scan.decode(text, at: i).1; spaces += 1 }
        guard i < text.count else { return nil }
        let (open, openLen) = UTF8Scan.decode(text, at: i)
        guard open == 0xFF08 || open == 0x28 else { return nil }
        spaced = spaces > 0
        let contentStart = i + openLen
        var k = contentStart
        var close: UInt32?
        var scalars = 0
        while k < text.count, scalars < 40 {
            let (v, len) = UTF8Scan.decode(text, at: k)
            if v == 0xFF09 || v == 0x29 { close = v; break }
            if v == 0xFF08 || v == 0x28 || Scalar.isSentenceEnd(v) { break }
            k += len
            scalars += 1
        }
        closed = close != nil
        asciiBrackets = open == 0x28 || close == 0x29
        content = String(decoding: text[contentStart..<k], as: UTF8.self)
        people = BylineParse(content, style: style)
        end = closed ? k + (close == 0x29 ? 1 : 3) : contentStart
    }
}
