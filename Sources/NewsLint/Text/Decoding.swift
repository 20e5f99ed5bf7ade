import Foundation

/// The encoding a file was read in. newslint works on UTF-8 internally and never
/// rewrites a file; the encoding is kept so that a later fix can write the same form back.
public enum SourceEncoding: String, Sendable, Equatable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"
    /// A Word document (Office Open XML): its XML is UTF-8 and its text is read from the paragraphs.
    case docx = "docx"
}

/// Why a file could not be read as text. Messages name the reason; the caller names the file.
public enum DecodingFailure: Error, Equatable, Sendable {
    case binary(offset: Int)
    case invalidUTF8AfterBOM(offset: Int)
    case invalidUTF16(offset: Int)
    case unknownEncoding

    public func message(_ lang: Language) -> String {
        switch (self, lang) {
        case let (.binary(offset), .zh): return "不是文本文件：第 \(offset) 字节处有 NUL 字节（二进制文件？）"
        case let (.binary(offset), .en): return "not a text file: NUL byte at byte offset \(offset) (binary input?)"
        case let (.invalidUTF8AfterBOM(offset), .zh): return "文件以 UTF-8 BOM 开头，但第 \(offset) 字节处不是有效的 UTF-8"
        case let (.invalidUTF8AfterBOM(offset), .en): return "file starts with a UTF-8 BOM but is not valid UTF-8 at byte offset \(offset)"
        case let (.invalidUTF16(offset), .zh): return "文件以 UTF-16 BOM 开头，但第 \(offset) 字节处编码无效"
        case let (.invalidUTF16(offset), .en): return "file starts with a UTF-16 BOM but is not valid UTF-16 at byte offset \(offset)"
        case (.unknownEncoding, .zh): return "既不是有效的 UTF-8，也不是有效的 GB18030 编码"
        case (.unknownEncoding, .en): return "neither valid UTF-8 nor valid GB18030"
        }
    }
}

public enum TextDecoder {
    /// Foundation's constant for GB18030 (kCFStringEncodingGB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Turns the bytes of a file into UTF-8 without a BOM, detecting the encoding:
    /// UTF-8 (BOM optional), UTF-16 with a BOM, else GB18030 when the bytes are not UTF-8.
    /// `characters` is the text's `SourceText.characterCount`, counted while validating.
    public static func decode(_ data: [UInt8]) throws(DecodingFailure) -> (utf8: [UInt8], encoding: SourceEncoding, characters: Int) {
        if data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
            let body = Array(data[3...])
            let check = UTF8Scan.validate(body)
            if let bad = check.invalidAt { throw .invalidUTF8AfterBOM(offset: bad + 3) }
            if let nul = UTF8Scan.firstZero(body) { throw .binary(offset: nul + 3) }
            return (body, .utf8BOM, check.characters)
        }
        if data.count >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)) {
            let little = data[0] == 0xFF
            let out = try decodeUTF16(data, littleEndian: little)
            if let nul = UTF8Scan.firstZero(out) { throw .binary(offset: nul) }
            return (out, little ? .utf16LE : .utf16BE, UTF8Scan.characterCount(out))
        }
        if let nul = UTF8Scan.firstZero(data) { throw .binary(offset: nul) }
        let check = UTF8Scan.validate(data)
        if check.invalidAt == nil { return (data, .utf8, check.characters) }
        if let s = String(data: Data(data), encoding: gb18030) {
            let out = Array(s.utf8)
            return (out, .gb18030, UTF8Scan.characterCount(out))
        }
        throw .unknownEncoding
    }

    static func decodeUTF16(_ data: [UInt8], littleEndian: Bool) throws(DecodingFailure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 3 / 2)
        var i = 2
        let n = data.count
        if (n - 2) % 2 != 0 { throw .invalidUTF16(offset: n - 1) }
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(data[at]) | UInt32(data[at + 1]) << 8 : UInt32(data[at]) << 8 | UInt32(data[at + 1])
        }
        while i < n {
            let u = unit(i)
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < n else { throw .invalidUTF16(offset: i) }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw .invalidUTF16(offset: i) }
                UTF8Scan.append(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                i += 4
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw .invalidUTF16(offset: i)
            } else {
                UTF8Scan.append(u, to: &out)
                i += 2
            }
        }
        return out
    }
}
