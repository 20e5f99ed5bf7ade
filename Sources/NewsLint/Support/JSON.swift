/// A small JSON model for configuration files and reports. It keeps object keys in order
/// (reports list fields as the contract shows them), reports syntax errors with line and
/// column, and remembers where each value stood so that configuration errors can say where.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

public struct JSONSyntaxError: Error, Sendable {
    public let line: Int
    public let column: Int
    public let reason: String
}

/// Parses JSON text (RFC 8259, with a UTF-8 BOM allowed). Duplicate keys are errors:
/// in a configuration file the second would silently win.
public struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    static let maxDepth = 64

    public static func parse(_ text: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: text)
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        p.skipSpace()
        let value = try p.value()
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let o = min(offset ?? i, bytes.count)
        var line = 1, col = 1
        var k = 0
        while k < o {
            if bytes[k] == 0x0A { line += 1; col = 1 } else if UTF8Scan.isScalarStart(bytes[k]) { col += 1 }
            k += 1
        }
        return JSONSyntaxError(line: line, column: col, reason: reason)
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of file, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character, expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw error("unexpected word, expected a value") }
        i += w.count
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, p.bytes[p.i] >= 0x30, p.bytes[p.i] <= 0x39 { p.i += 1 }
            return p.i - s
        }
        if digits(&self) == 0 { throw error("malformed number", at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw error("malformed number", at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw error("malformed number", at: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error("number out of range", at: start) }
        return .number(v)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error("control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var u = try hex4()
                if u >= 0xD800 && u <= 0xDBFF {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw error("unpaired surrogate in \\u escape") }
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                } else if u >= 0xDC00 && u <= 0xDFFF {
                    throw error("unpaired surrogate in \\u escape")
                }
                UTF8Scan.append(u, to: &out)
            default: throw error("invalid escape sequence", at: i - 2)
            }
        }
        guard UTF8Scan.firstInvalidOffset(out) == nil else { throw error("string is not valid UTF-8", at: start) }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("malformed \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("malformed \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nested too deeply") }
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file, expected `,` or `]`") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected `,` or `]`")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nested too deeply") }
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        var keys = Set<String>()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error(i < bytes.count ? "expected a quoted key" : "unexpected end of file, expected a key")
            }
            let keyStart = i
            let key = try string()
            guard keys.insert(key).inserted else { throw error("duplicate key \"\(Quoted.cut(key))\"", at: keyStart) }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected `:` after a key") }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file, expected `,` or `}`") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected `,` or `}`")
        }
    }
}

/// Writes JSON with keys in the given order: deterministic output for CI diffs. Output is
/// built as UTF-8 bytes: reports with many findings are large.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, indent: pretty ? 0 : -1)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// An integral number as its digits, any other as Swift writes it (infinities and NaN as null).
    static func number(_ n: Double, into out: inout [UInt8]) {
        if n == n.rounded() && abs(n) < 1e15 {
            appendInteger(Int64(n), to: &out)
        } else {
            out += Array((n.isFinite ? "\(n)" : "null").utf8)
        }
    }

    /// Writes `value` pretty-printed as it stands at depth `indent` of a larger document, so that
    /// pieces of one document can be written apart (in parallel) and joined.
    static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out += Array("null".utf8)
        case let .bool(b): out += Array((b ? "true" : "false").utf8)
        case let .number(n): number(n, into: &out)
        case let .string(s): escape(s, into: &out)
        case let .array(items):
            array(items, into: &out, indent: indent) { item, depth, out in write(item, into: &out, indent: depth) }
        case let .object(members):
            var object = ObjectWriter(indent: indent, into: &out)
            for member in members { object.value(member.key, member.value, into: &out) }
            object.close(into: &out)
        }
    }

    /// Writes an array at depth `indent` (-1: on one line), item by item: `write` writes an item
    /// at the depth it is given.
    static func array<T>(_ items: [T], into out: inout [UInt8], indent: Int, _ write: (T, Int, inout [UInt8]) -> Void) {
        let pretty = indent >= 0
        if items.isEmpty { out += [0x5B, 0x5D]; return }
        out.append(0x5B)
        for (k, item) in items.enumerated() {
            itemStart(k, into: &out, indent: indent + 1, pretty: pretty)
            write(item, pretty ? indent + 1 : -1, &out)
        }
        if pretty { newline(&out, indent) }
        out.append(0x5D)
    }

    /// Writes an object at depth `indent` (-1: on one line), member by member. `write` writes
    /// object values with it; so does output too large to build as a tree first (the JSON
    /// report's files, a hundred megabytes for a year of editions).
    struct ObjectWriter {
        let indent: Int
        private var count = 0

        init(indent: Int, into out: inout [UInt8]) {
            self.indent = indent
            out.append(0x7B)
        }

        /// The depth of the members' values.
        private var depth: Int { indent >= 0 ? indent + 1 : -1 }

        private mutating func key(_ key: String, into out: inout [UInt8]) {
            memberStart(count, key: key, into: &out, indent: indent + 1, pretty: indent >= 0)
            count += 1
        }

        mutating func value(_ key: String, _ value: JSONValue, into out: inout [UInt8]) {
            self.key(key, into: &out)
            write(value, into: &out, indent: depth)
        }

        mutating func string(_ key: String, _ value: String, into out: inout [UInt8]) {
            self.key(key, into: &out)
            escape(value, into: &out)
        }

        mutating func number(_ key: String, _ value: Double, into out: inout [UInt8]) {
            self.key(key, into: &out)
            JSONWriter.number(value, into: &out)
        }

        /// An array member whose items `write` writes at the depth it is given.
        mutating func array<T>(_ key: String, _ items: [T], into out: inout [UInt8], _ write: (T, Int, inout [UInt8]) -> Void) {
            self.key(key, into: &out)
            JSONWriter.array(items, into: &out, indent: depth, write)
        }

        func close(into out: inout [UInt8]) {
            if count > 0 && indent >= 0 { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    /// What comes before the `k`th item of an array whose items stand at depth `indent`.
    static func itemStart(_ k: Int, into out: inout [UInt8], indent: Int, pretty: Bool) {
        if k > 0 { out.append(0x2C) }
        if pretty { newline(&out, indent) }
    }

    /// What comes before the value of the `k`th member of an object whose members stand at depth `indent`.
    static func memberStart(_ k: Int, key: String, into out: inout [UInt8], indent: Int, pretty: Bool) {
        itemStart(k, into: &out, indent: indent, pretty: pretty)
        escape(key, into: &out)
        out.append(0x3A)
        if pretty { out.append(0x20) }
    }

    /// Writes an object at the top level, pretty-printed, whose member values are either values or
    /// arrays of items already written (`item(_:reserving:_:)`). The pieces, in order, are the same bytes as
    /// writing the whole tree at once; the items are pieces of their own, never copied.
    static func document(_ members: [(key: String, value: Member)]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var out: [UInt8] = [0x7B]
        for (k, member) in members.enumerated() {
            memberStart(k, key: member.key, into: &out, indent: 1, pretty: true)
            switch member.value {
            case let .value(v): write(v, into: &out, indent: 1)
            case let .items(items):
                if items.isEmpty { out += [0x5B, 0x5D]; continue }
                out.append(0x5B)
                pieces.append(out)
                pieces += items
                out = []
                newline(&out, 1)
                out.append(0x5D)
            }
        }
        newline(&out, 0)
        out += [0x7D, 0x0A]
        pieces.append(out)
        return pieces
    }

    /// The `k`th item of an array at depth 1 of a document, written apart: what comes before it in
    /// the array, then the value, which `write` writes at depth 2.
    static func item(_ k: Int, reserving capacity: Int = 0, _ write: (inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        itemStart(k, into: &out, indent: 2, pretty: true)
        write(&out)
        return out
    }

    enum Member {
        case value(JSONValue)
        /// Array items written apart (`item(_:reserving:_:)`).
        case items([[UInt8]])
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in escapeBytes(bytes, into: &out) }
        out.append(0x22)
    }

    /// Copies `bytes` into a JSON string's body: runs of bytes that need no escape are appended
    /// whole (Han text is almost all of a report), the rest one escape at a time.
    private static func escapeBytes(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = bytes.count
        var plain = 0  // where the current run of unescaped bytes began
        var i = 0
        while i < n {
            let b = bytes[i]
            // U+2028 and U+2029 (E2 80 A8/A9) are escaped for JavaScript consumers.
            let lineSeparator = b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
            guard b < 0x20 || b == 0x22 || b == 0x5C || lineSeparator else { i += 1; continue }
            if i > plain { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i])) }
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0xE2:
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]]  // \u00XX
            }
            i += 1
            plain = i
        }
        if n > plain { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<n])) }
    }

    /// The decimal digits of `v`, without making a String.
    static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        if v < 0 { out.append(0x2D) }
        var m = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k...]))
        }
    }
}
