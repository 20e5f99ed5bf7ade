/// A zip container read from memory: its members by the central directory, each member's data
/// checked against its size and CRC-32, within limits that stop zip bombs. Writing keeps every
/// member that is not replaced byte for byte, compressed data included.
struct ZipArchive {
    struct Member {
        let name: String
        let flags: UInt16
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        /// Where its local header starts, and where its compressed data lies.
        let localHeader: Int
        let data: Range<Int>
        /// The whole local record: header, data and data descriptor, copied as they are when written.
        let record: Range<Int>
        /// Its central directory entry, as it is (the offset is rewritten when written).
        let central: Range<Int>
    }

    /// Limits on what a document may expand to: the largest member, all members together, and
    /// the largest ratio of a large member's size to its compressed size (a draft's XML deflates
    /// 5 to 20 times, a generated one of repeated paragraphs a few hundred; a bomb about the
    /// thousand that DEFLATE allows at most).
    struct Limits {
        var member = 256 << 20
        var total = 512 << 20
        var ratio = 500
        var largeMember = 16 << 20
        var members = 10_000
    }

    let bytes: [UInt8]
    let members: [Member]
    let limits: Limits

    init(_ bytes: [UInt8], limits: Limits = Limits()) throws(WordFailure) {
        self.bytes = bytes
        self.limits = limits
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            if bytes.count >= 8 && bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw Self.holdsEncryptedPackage(bytes) ? WordFailure.encrypted : WordFailure.oldWordFormat
            }
            throw WordFailure.notZip
        }
        // The end of central directory record: 22 bytes and a comment of up to 65,535.
        var end = -1
        var k = bytes.count - 22
        while k >= max(0, bytes.count - 22 - 0xFFFF) {
            if Self.u32(bytes, k) == 0x0605_4B50 { end = k; break }
            k -= 1
        }
        guard end >= 0 else { throw WordFailure.damaged("zip: no end of central directory") }
        let count = Int(Self.u16(bytes, end + 10)), size = Int(Self.u32(bytes, end + 12)), offset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw WordFailure.unsupported("ZIP64") }
        guard count <= limits.members else { throw WordFailure.damaged("zip: more than \(limits.members) members") }
        guard offset + size <= end else { throw WordFailure.damaged("zip: the central directory lies outside the file") }
        var members: [Member] = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= end, Self.u32(bytes, at) == 0x0201_4B50 else { throw WordFailure.damaged("zip: a broken central directory entry") }
            let flags = Self.u16(bytes, at + 8), method = Self.u16(bytes, at + 10), crc = Self.u32(bytes, at + 16)
            let compressed = Int(Self.u32(bytes, at + 20)), size = Int(Self.u32(bytes, at + 24))
            let nameLength = Int(Self.u16(bytes, at + 28)), extra = Int(Self.u16(bytes, at + 30)), comment = Int(Self.u16(bytes, at + 32))
            let local = Int(Self.u32(bytes, at + 42))
            let entryEnd = at + 46 + nameLength + extra + comment
            guard entryEnd <= end else { throw WordFailure.damaged("zip: a broken central directory entry") }
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF { throw WordFailure.unsupported("ZIP64") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4B50 else {
                throw WordFailure.damaged("zip: the local header of \(name) is missing")
            }
            let dataStart = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
            guard dataStart + compressed <= bytes.count else { throw WordFailure.damaged("zip: \(name) runs past the end of the file") }
            var recordEnd = dataStart + compressed
            if flags & 0x8 != 0 {  // a data descriptor follows, with or without its signature
                recordEnd += recordEnd + 4 <= bytes.count && Self.u32(bytes, recordEnd) == 0x0807_4B50 ? 16 : 12
                guard recordEnd <= bytes.count else { throw WordFailure.damaged("zip: the data descriptor of \(name) is cut off") }
            }
            members.append(Member(name: name, flags: flags, method: method, crc: crc, compressedSize: compressed, size: size,
                                  localHeader: local, data: dataStart..<(dataStart + compressed), record: local..<recordEnd,
                                  central: at..<entryEnd))
            at = entryEnd
        }
        guard members.reduce(0, { $0 + $1.size }) <= limits.total else { throw WordFailure.tooLarge(limits.total) }
        self.members = members
    }

    func member(_ name: String) -> Member? { members.first { $0.name == name } }

    /// A member's data, decompressed and checked.
    func data(of m: Member) throws(WordFailure) -> [UInt8] {
        if m.flags & 0x1 != 0 { throw WordFailure.encrypted }
        guard m.size <= limits.member else { throw WordFailure.tooLarge(limits.member) }
        // A small member may deflate well; a large one that expands like a bomb is refused before it is expanded.
        if m.size > limits.largeMember && m.size / max(1, m.compressedSize) > limits.ratio { throw WordFailure.tooLarge(limits.member) }
        let out: [UInt8]
        switch m.method {
        case 0: out = Array(bytes[m.data])
        case 8:
            do throws(WordFailure) {
                out = try Inflate.decode(bytes[m.data], expectedSize: m.size, limit: m.size)
            } catch .tooLarge {
                throw WordFailure.damaged("zip: \(m.name) expands beyond the \(m.size) bytes its directory gives")
            }
        default: throw WordFailure.unsupported("zip compression method \(m.method) for \(m.name)")
        }
        guard out.count == m.size else { throw WordFailure.damaged("zip: \(m.name) is \(out.count) bytes, not the \(m.size) its directory says") }
        guard CRC32.checksum(out) == m.crc else { throw WordFailure.damaged("zip: the CRC of \(m.name) does not match") }
        return out
    }

    /// A part by name, or nil when the container has none.
    func part(_ name: String) throws(WordFailure) -> [UInt8]? {
        guard let m = member(name) else { return nil }
        return try data(of: m)
    }

    /// The container again, with `replaced` members' data stored anew (uncompressed) and `added`
    /// members appended; every other member is copied byte for byte, in its place.
    func rewritten(replacing replaced: [String: [UInt8]], adding added: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replaced.values.reduce(0) { $0 + $1.count } + added.reduce(0) { $0 + $1.data.count })
        var central: [UInt8] = []
        // New members take the time stamp of the document's main part, so that output is stable.
        let stamp = member("word/document.xml").map { (Self.u16(bytes, $0.localHeader + 10), Self.u16(bytes, $0.localHeader + 12)) } ?? (0, 0x21)
        func stored(_ name: String, _ data: [UInt8], flags: UInt16) {
            let offset = out.count
            let crc = CRC32.checksum(data)
            let name = Array(name.utf8)
            var header: [UInt8] = []
            Self.put32(0x0403_4B50, &header); Self.put16(20, &header); Self.put16(flags & 0x0800, &header); Self.put16(0, &header)
            Self.put16(stamp.0, &header); Self.put16(stamp.1, &header)
            Self.put32(crc, &header); Self.put32(UInt32(data.count), &header); Self.put32(UInt32(data.count), &header)
            Self.put16(UInt16(name.count), &header); Self.put16(0, &header)
            out += header + name + data
            Self.put32(0x0201_4B50, &central); Self.put16(20, &central); Self.put16(20, &central); Self.put16(flags & 0x0800, &central)
            Self.put16(0, &central); Self.put16(stamp.0, &central); Self.put16(stamp.1, &central)
            Self.put32(crc, &central); Self.put32(UInt32(data.count), &central); Self.put32(UInt32(data.count), &central)
            Self.put16(UInt16(name.count), &central); Self.put16(0, &central); Self.put16(0, &central); Self.put16(0, &central)
            Self.put16(0, &central); Self.put32(0, &central); Self.put32(UInt32(offset), &central)
            central += name
        }
        for m in members {
            if let data = replaced[m.name] {
                stored(m.name, data, flags: m.flags)
            } else {
                let offset = out.count
                out += bytes[m.record]
                var entry = Array(bytes[m.central])
                entry.replaceSubrange(42..<46, with: Self.le32(UInt32(offset)))
                central += entry
            }
        }
        for a in added { stored(a.name, a.data, flags: 0x0800) }
        let directory = out.count
        out += central
        let count = UInt16(members.count + added.count)
        var end: [UInt8] = []
        Self.put32(0x0605_4B50, &end); Self.put16(0, &end); Self.put16(0, &end); Self.put16(count, &end); Self.put16(count, &end)
        Self.put32(UInt32(central.count), &end); Self.put32(UInt32(directory), &end); Self.put16(0, &end)
        return out + end
    }

    /// Whether an OLE compound file names an `EncryptedPackage` stream (a password-protected
    /// .docx), as opposed to a .doc: the name is written in UTF-16 in the file's directory.
    static func holdsEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard bytes.count >= name.count else { return false }
        var i = 0
        let last = bytes.count - name.count
        while i <= last {
            if bytes[i] == name[0] && bytes[i..<(i + name.count)].elementsEqual(name) { return true }
            i += 1
        }
        return false
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
    static func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
    static func put16(_ v: UInt16, _ out: inout [UInt8]) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func put32(_ v: UInt32, _ out: inout [UInt8]) { out += le32(v) }
}
