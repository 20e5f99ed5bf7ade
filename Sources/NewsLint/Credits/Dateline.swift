/// The head of a dateline lead: `本报讯（记者张三 通讯员李四）`, `本报北京1月2日电（记者王浩）`, or a
/// wire service's `新华社北京6月2日电 （记者王平 李娜）`, whose brackets alone the house judges.
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

    static let dian = UTF8Scan.bytes("电"), xun = UTF8Scan.bytes("讯")

    init?(_ text: [UInt8], style: HouseStyle) {
        let local = Array(style.localDateline.utf8)
        var i: Int
        // 本报…, 新华社…, or another's dispatch reported (`据新华社…`).
        let dispatch = text.starts(with: Credits.reported) ? text.dropFirst(Credits.reported.count) : text[...]
        if text.starts(with: local) {
            i = local.count
            isLocal = true
        } else if Credits.dispatchers.contains(where: { dispatch.starts(with: $0) }) {
            // 本报北京1月2日电 (or 讯), 新华社北京6月2日电, 据新华社…电: up to 电 within the first 16 characters.
            let head = 0..<min(text.count, 54)
            guard let dian = [ByteSearch.find(Self.dian, in: text, head), ByteSearch.find(Self.xun, in: text, head)].compactMap({ $0 }).min() else { return nil }
            i = dian + 3
            isLocal = false
        } else {
            return nil
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
