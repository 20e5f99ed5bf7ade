/// Reads the XML of a document part as a stream of tags and text, checking that it is
/// well-formed: tags nest and match, attributes are quoted, references are the five predefined
/// entities or character references. A document type declaration is refused, so no entity can
/// expand (Word never writes one). Each tag carries its byte range, so that a writer can copy
/// the parts it does not change.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool, range: Range<Int>)
        case end(name: String, range: Range<Int>)
        case text(String, range: Range<Int>)
    }

    static let maximumDepth = 512

    let bytes: [UInt8]
    let part: String
    private var at = 0
    private var open: [String] = []
    private var sawRoot = false

    /// `bytes` must be UTF-8 (a BOM is skipped).
    init(_ bytes: [UInt8], part: String) throws(WordFailure) {
        self.bytes = bytes
        self.part = part
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw WordFailure.unsupported("\(part) in UTF-16") }
        if let bad = UTF8Scan.validate(bytes).invalidAt { throw fail("invalid UTF-8 at byte \(bad)") }
    }

    private func fail(_ detail: String) -> WordFailure { .badXML(part: part, detail: detail) }

    /// The next tag or text, or nil at the end of a well-formed document.
    mutating func next() throws(WordFailure) -> Event? {
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let start = at
                while at < bytes.count && bytes[at] != UInt8(ascii: "<") { at += 1 }
                if open.isEmpty {
                    guard bytes[start..<at].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                        throw fail("text outside the root element at byte \(start)")
                    }
                    continue
                }
                return .text(try decodeText(start..<at), range: start..<at)
            }
            let start = at
            if has("<?") {
                guard let close = find("?>", from: at + 2) else { throw fail("an unclosed processing instruction at byte \(start)") }
                at = close + 2
                continue
            }
            if has("<!--") {
                guard let close = find("-->", from: at + 4) else { throw fail("an unclosed comment at byte \(start)") }
                at = close + 3
                continue
            }
            if has("<![CDATA[") {
                guard !open.isEmpty, let close = find("]]>", from: at + 9) else { throw fail("a misplaced or unclosed CDATA section at byte \(start)") }
                at = close + 3
                return .text(String(decoding: bytes[(start + 9)..<close], as: UTF8.self), range: start..<at)
            }
            if has("<!") { throw fail("a document type declaration at byte \(start), which is not accepted") }
            if has("</") {
                at += 2
                let name = try readName()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw fail("a broken end tag at byte \(start)") }
                at += 1
                guard let top = open.popLast(), top == name else { throw fail("</\(name)> at byte \(start) closes no open <\(name)>") }
                return .end(name: name, range: start..<at)
            }
            at += 1
            let name = try readName()
            if open.isEmpty {
                guard !sawRoot else { throw fail("a second root element at byte \(start)") }
                sawRoot = true
            }
            var attributes: [(name: String, value: String)] = []
            while true {
                let spaced = skipSpace()
                guard at < bytes.count else { throw fail("the tag <\(name)> at byte \(start) is not closed") }
                if bytes[at] == UInt8(ascii: ">") {
                    at += 1
                    open.append(name)
                    guard open.count <= Self.maximumDepth else { throw fail("elements nested more than \(Self.maximumDepth) deep") }
                    return .start(name: name, attributes: attributes, selfClosing: false, range: start..<at)
                }
                if has("/>") {
                    at += 2
                    return .start(name: name, attributes: attributes, selfClosing: true, range: start..<at)
                }
                guard spaced else { throw fail("a broken tag <\(name)> at byte \(start)") }
                let attribute = try readName()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw fail("the attribute \(attribute) at byte \(at) has no value") }
                at += 1
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                    throw fail("the attribute \(attribute) at byte \(at) is not quoted")
                }
                let quote = bytes[at]
                let valueStart = at + 1
                at = valueStart
                while at < bytes.count && bytes[at] != quote {
                    if bytes[at] == UInt8(ascii: "<") { throw fail("a < inside the attribute \(attribute) at byte \(at)") }
                    at += 1
                }
                guard at < bytes.count else { throw fail("the attribute \(attribute) is not closed") }
                let value = try decodeText(valueStart..<at)
                at += 1
                guard !attributes.contains(where: { $0.name == attribute }) else { throw fail("the attribute \(attribute) is given twice at byte \(start)") }
                attributes.append((attribute, value))
            }
        }
        if let unclosed = open.last { throw fail("<\(unclosed)> is not closed at the end") }
        guard sawRoot else { throw fail("no root element") }
        return nil
    }

    private func has(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        return s.withUTF8Buffer { p in (0..<n).allSatisfy { bytes[at + $0] == p[$0] } }
    }

    private func find(_ s: StaticString, from: Int) -> Int? {
        let n = s.utf8CodeUnitCount
        return s.withUTF8Buffer { p -> Int? in
            var i = from
            while i + n <= bytes.count {
                if bytes[i] == p[0] && (1..<n).allSatisfy({ bytes[i + $0] == p[$0] }) { return i }
                i += 1
            }
            return nil
        }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        return at > start
    }

    private mutating func readName() throws(WordFailure) -> String {
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
                || b == UInt8(ascii: "=") || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { break }
            at += 1
        }
        guard at > start else { throw fail("a tag without a name at byte \(start)") }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    /// Text with its references replaced.
    private func decodeText(_ range: Range<Int>) throws(WordFailure) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard bytes[i] == UInt8(ascii: "&") else { out.append(bytes[i]); i += 1; continue }
            guard let semicolon = bytes[i..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                throw fail("a bare & at byte \(i)")
            }
            let name = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
                guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { throw fail("an unknown reference &\(name); at byte \(i)") }
                out += Array(String(Character(scalar)).utf8)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
