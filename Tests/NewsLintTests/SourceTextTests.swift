import Foundation
import Testing
@testable import NewsLint

@Suite("Reading copy: encodings, line ends and positions")
struct SourceTextTests {
    /// Decodes bytes the way the linter does and returns the position of the first `needle`.
    func position(of needle: String, in bytes: [UInt8]) throws -> SourcePosition {
        let decoded = try TextDecoder.decode(bytes)
        let source = SourceText(utf8: decoded.utf8, encoding: decoded.encoding)
        let n = Array(needle.utf8)
        let offset = try #require(source.bytes.firstRange(of: n)?.lowerBound)
        return source.position(of: offset)
    }

    @Test func columnsCountUnicodeScalarsAfterMultibytePrefix() throws {
        // 本报讯（记者 is 6 scalars and 18 bytes; ASCII after it keeps counting scalars.
        let text = "本报讯（记者郭树勋）x\n第二行𠀋字ab"
        #expect(try position(of: "郭", in: Array(text.utf8)) == SourcePosition(line: 1, column: 7))
        #expect(try position(of: "x", in: Array(text.utf8)) == SourcePosition(line: 1, column: 11))
        // A scalar outside the BMP (𠀋, four UTF-8 bytes) counts once.
        #expect(try position(of: "字", in: Array(text.utf8)) == SourcePosition(line: 2, column: 5))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndsAllCount(_ newline: String) throws {
        let text = ["第一行", "第二行文字", "", "第四行"].joined(separator: newline)
        let decoded = try TextDecoder.decode(Array(text.utf8))
        let source = SourceText(utf8: decoded.utf8)
        #expect(source.lineCount == 4)
        #expect(try position(of: "文", in: Array(text.utf8)) == SourcePosition(line: 2, column: 4))
        #expect(try position(of: "四", in: Array(text.utf8)) == SourcePosition(line: 4, column: 2))
        #expect(source.lineString(1) == "第二行文字")
    }

    @Test func finalNewlineDoesNotOpenALine() {
        #expect(SourceText("甲\n乙\n").lineCount == 2)
        #expect(SourceText("甲\r\n乙\r\n").lineCount == 2)
        #expect(SourceText("").lineCount == 1)
        #expect(SourceText("甲\n乙\n").lineEnding == .lf)
        #expect(SourceText("甲\r\n乙").lineEnding == .crlf)
        #expect(SourceText("甲\r乙\n").lineEnding == .mixed)
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("标题\n正文".utf8)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8BOM)
        #expect(try position(of: "标", in: bytes) == SourcePosition(line: 1, column: 1))
        #expect(try position(of: "文", in: bytes) == SourcePosition(line: 2, column: 2))
    }

    @Test func gb18030IsDecodedWhenBytesAreNotUTF8() throws {
        // "本报讯（记者）\n增长35倍" in GB18030, written out by hand so the test needs no encoder.
        let gb: [UInt8] = [0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6, 0xA3, 0xA8, 0xBC, 0xC7, 0xD5, 0xDF, 0xA3, 0xA9, 0x0A,
                           0xD4, 0xF6, 0xB3, 0xA4, 0x33, 0x35, 0xB1, 0xB6]
        let decoded = try TextDecoder.decode(gb)
        #expect(decoded.encoding == .gb18030)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "本报讯（记者）\n增长35倍")
        #expect(try position(of: "35", in: gb) == SourcePosition(line: 2, column: 3))
    }

    @Test(arguments: [true, false])
    func utf16WithByteOrderMark(littleEndian: Bool) throws {
        let text = "甲乙\n𠀋丙"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == (littleEndian ? .utf16LE : .utf16BE))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == text)
        #expect(try position(of: "丙", in: bytes) == SourcePosition(line: 2, column: 2))
    }

    @Test func binaryInputIsRejected() {
        #expect(throws: DecodingFailure.binary(offset: 3)) { try TextDecoder.decode([0x41, 0x42, 0x43, 0x00, 0x44]) }
        // A lone UTF-16 surrogate is not text either.
        #expect(throws: DecodingFailure.invalidUTF16(offset: 2)) { try TextDecoder.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
        // Bytes that are neither UTF-8 nor GB18030.
        #expect(throws: DecodingFailure.unknownEncoding) { try TextDecoder.decode([0x41, 0xFF, 0xFF, 0xFF]) }
    }

    @Test func utf8ValidatorFindsTheFirstBadByte() {
        #expect(UTF8Scan.firstInvalidOffset(Array("正常文本".utf8)) == nil)
        #expect(UTF8Scan.firstInvalidOffset([0x41, 0xE4, 0xB8]) == 1)  // truncated sequence
        #expect(UTF8Scan.firstInvalidOffset([0xC0, 0x80]) == 0)  // overlong
        #expect(UTF8Scan.firstInvalidOffset([0xED, 0xA0, 0x80]) == 0)  // surrogate
    }

    @Test func characterCountSkipsWhiteSpace() {
        #expect(SourceText("本报讯 （记者）\n\n　　正文。").characterCount == 10)
    }

    @Test func displayWidthCountsHanAsTwoCells() {
        #expect(DisplayWidth.of("增长35倍") == 8)
        #expect(DisplayWidth.of("“五星”") == 6)
        #expect(DisplayWidth.of("（）") == 4)
    }

    /// The byte-level shortcuts (ASCII, the Han block) give the width the scalar table gives, for
    /// every scalar of the Basic Multilingual Plane, in plain and typeset measure.
    @Test func widthOfBytesAgreesWithTheScalarTable() {
        var mismatches: [String] = []
        for v in UInt32(0)...0xFFFF where !(0xD800...0xDFFF).contains(v) {
            let bytes = Array(String(Character(Unicode.Scalar(v)!)).utf8)
            let expected = DisplayWidth.of(v)
            let typesetExpected = v >= 0x2014 && v <= 0x2026 ? 2 : expected
            if DisplayWidth.of(bytes, 0..<bytes.count) != expected || DisplayWidth.of(bytes, 0..<bytes.count, typeset: true) != typesetExpected {
                mismatches.append(String(v, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "U+\(mismatches.prefix(10))")
    }

    @Test func byteSearchReportsOffsetsInTheWholeText() {
        let text = Array("本报讯本报讯（记者）本报".utf8)
        let needle = Array("本报".utf8)
        #expect(ByteSearch.find(needle, in: text, 0..<text.count) == 0)
        #expect(ByteSearch.find(needle, in: text, 1..<text.count) == 9)   // offsets count from the array's start
        #expect(ByteSearch.find(needle, in: text, 10..<text.count) == text.count - 6)
        #expect(ByteSearch.find(needle, in: text, 10..<(text.count - 1)) == nil)  // a match may not cross the range's end
        #expect(ByteSearch.find(needle, in: text, 3..<5) == nil)
        #expect(ByteSearch.find([], in: text, 0..<text.count) == nil)
        #expect(ByteSearch.offsets(of: needle, in: text) == [0, 9, text.count - 6])
    }
}
