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
        #expect(Array(ByteSearch.offsets(of: needle, in: text)) == [0, 9, text.count - 6])
    }

    /// A needle's rare byte passes over lead bytes, ASCII and the continuation bytes of 一 and the
    /// common marks.
    @Test func rareByteAvoidsTheCommonestBytes() {
        #expect(ByteSearch.rareByte(Array("唯一".utf8)) == 2)   // E5 94 AF E4 B8 80: 0x80 and 0xB8 are common, 0xE4 leads
        #expect(ByteSearch.rareByte(Array("其他".utf8)) == 5)   // 0x96 is not common: the last byte
        #expect(ByteSearch.rareByte(Array("，：".utf8)) == 5)   // EF BC 8C EF BC 9A: all common, so the last byte
        #expect(ByteSearch.rareByte(Array("ab".utf8)) == 1)
        #expect(ByteSearch.rareByte([]) == 0)
    }

    /// One-byte needles are found by memchr, short ones by a pair of bytes sixteen positions at a
    /// time (haystacks up to 120 bytes cross those blocks), long ones by memmem: all must agree
    /// with a plain search, matches at the range's edges included.
    @Test func byteSearchAgreesWithAPlainSearch() {
        var rng = RobustnessTests.Random(state: 7)
        let alphabet = Array("本报讯记者。ab".utf8)  // few bytes, so that matches and near-matches are common
        func plain(_ n: [UInt8], _ h: [UInt8], _ r: Range<Int>) -> Int? {
            guard !n.isEmpty, n.count <= r.count else { return nil }
            return (r.lowerBound...(r.upperBound - n.count)).first { h[$0..<($0 + n.count)].elementsEqual(n) }
        }
        for _ in 0..<3000 {
            let hay = (0..<rng.int(120)).map { _ in alphabet[rng.int(alphabet.count)] }
            let from = rng.int(hay.count + 1)
            let to = from + rng.int(hay.count - from + 1)
            // Needles taken from the haystack (so they are found) or made up, up to 24 bytes (over memmem's threshold).
            let length = 1 + rng.int(24)
            let needle: [UInt8]
            if rng.int(2) == 0, hay.count >= length {
                let at = rng.int(hay.count - length + 1)
                needle = Array(hay[at..<(at + length)])
            } else {
                needle = (0..<length).map { _ in alphabet[rng.int(alphabet.count)] }
            }
            #expect(ByteSearch.find(needle, in: hay, from..<to) == plain(needle, hay, from..<to), "\(needle) in \(hay)[\(from)..<\(to)]")
            let endsWith = to - from >= needle.count && hay[(to - needle.count)..<to].elementsEqual(needle)
            #expect(ByteSearch.hasSuffix(needle, hay, from..<to) == endsWith, "\(hay)[\(from)..<\(to)] ends with \(needle)")
            // Searched by any of its bytes, the first match is the same.
            let anchor = rng.int(needle.count)
            #expect(ByteSearch.find(needle, anchor: anchor, in: hay, from..<to) == plain(needle, hay, from..<to), "\(needle) by byte \(anchor) in \(hay)[\(from)..<\(to)]")
            // Every occurrence, not overlapping, in order.
            var all: [Int] = [], at = 0
            while let found = plain(needle, hay, at..<hay.count) { all.append(found); at = found + needle.count }
            #expect(Array(ByteSearch.offsets(of: needle, in: hay)) == all, "\(needle) in \(hay)")
            #expect(Array(ByteSearch.offsets(of: needle, in: hay, anchor: anchor)) == all, "\(needle) by byte \(anchor) in \(hay)")
        }
    }
}

/// The reading fast paths (memchr for line ends, eight ASCII bytes at a time, three-byte scalars
/// checked by their continuation bytes, character counts by lead byte) against plain definitions.
@Suite("Reading fast paths")
struct ReadingFastPathTests {
    static let pieces = ["本报讯", "\n", "\r\n", "\r", " ", "\u{3000}", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{FEFF}", "abcdefghij", "，", "é", "😀",
                         "\u{FFFD}", "\u{E000}", "\t"]

    @Test func linesAndCharacterCountsAgreeWithAScalarWalk() {
        var rng = RobustnessTests.Random(state: 11)
        for _ in 0..<400 {
            let text = (0..<rng.int(40)).map { _ in Self.pieces[rng.int(Self.pieces.count)] }.joined()
            let source = SourceText(text)
            // Lines: split on \r\n, \r or \n; a final terminator opens no line.
            var lines: [String] = [], current = ""
            var scalars = Array(text.unicodeScalars)[...]
            while let u = scalars.popFirst() {
                if u == "\r" || u == "\n" {
                    if u == "\r", scalars.first == "\n" { scalars.removeFirst() }
                    lines.append(current); current = ""
                } else {
                    current.unicodeScalars.append(u)
                }
            }
            if !current.isEmpty || lines.isEmpty { lines.append(current) }
            #expect((0..<source.lineCount).map(source.lineString) == lines, "\(Array(text.unicodeScalars))")
            let characters = text.unicodeScalars.filter { !(Scalar.isSpace($0.value) || $0 == "\n" || $0 == "\r") }.count
            #expect(source.characterCount == characters, "\(Array(text.unicodeScalars))")
        }
    }

    /// The scanners that step over ideographs undecoded rely on this: no scalar led by E4–E9 is a
    /// mark, a digit or a space, and exactly the scalars of U+4000–U+9FFF are led so.
    @Test func scalarsLedLikeIdeographsAreNeverMarksDigitsOrSpaces() {
        for v in UInt32(0x80)...0xFFFF where !(0xD800...0xDFFF).contains(v) {
            var bytes: [UInt8] = []
            UTF8Scan.append(v, to: &bytes)
            #expect(UTF8Scan.leadsIdeograph(bytes[0]) == (0x4000...0x9FFF).contains(v))
            if UTF8Scan.leadsIdeograph(bytes[0]) {
                #expect(!Scalar.isSentenceEnd(v) && !Scalar.isClosingMark(v) && Scalar.pairing(v) == nil && !Scalar.isSpace(v)
                        && NumberScanner.digit(v) == nil, "U+\(String(v, radix: 16))")
            }
        }
    }

    /// A word ending at an offset: the longest one, never starting before the limit, the same on
    /// an array and on a buffer.
    @Test func wordListMatchesWordsEndingAtAnOffset() {
        let words: WordList = ["占", "占比", "占比为", "比"]
        let text = Array("农户占比为58%".utf8)
        let end = text.count - 3  // before 58%
        #expect(words.match(text, endingAt: end)?.word == "占比为")
        #expect(words.match(text, endingAt: end)?.start == 6)
        #expect(words.match(text, endingAt: end, notBefore: 7) == nil)
        #expect(words.match(text, endingAt: 12)?.word == "占比")
        #expect(words.match(text, endingAt: 3) == nil)
        #expect(text.withUnsafeBufferPointer { words.match($0, endingAt: end)?.start } == 6)
    }

    /// Byte equality of strings, small (stored inline) and large, never canonical equivalence.
    @Test func sameBytesComparesUTF8() {
        let long = String(repeating: "焦作小果园", count: 4)
        for (a, b, same) in [("倍", "倍", true), ("倍", "个", false), ("", "", true), ("", "个", false), ("个", "个百分点", false),
                             (long, String(decoding: Array(long.utf8), as: UTF8.self), true), (long, long + "社", false),
                             ("\u{E9}", "e\u{301}", false)] {
            #expect(UTF8Scan.sameBytes(a, b) == same, "\(a) \(b)")
            #expect(UTF8Scan.sameBytes(b, a) == same, "\(b) \(a)")
        }
    }

    /// `ScalarSet.next(in:from:)` decodes only scalars whose last byte ends some member; it must
    /// find exactly the members a decoding walk finds, in order, including non-members that share
    /// a member's last byte (U+6751 村 and U+6711 share it) and members of every length.
    @Test func scalarSetFindsWhatADecodingWalkFinds() {
        var rng = RobustnessTests.Random(state: 13)
        let pool: [UInt32] = [0x61, 0x3001, 0x6751, 0x6711, 0x53F8, 0x201C, 0x201D, 0xE9, 0x1F600, 0x1F640, 0x4E00, 0x0A, 0x20, 0x3000, 0xFF0C]
        for _ in 0..<500 {
            let members = pool.filter { _ in rng.int(3) == 0 }
            let set = ScalarSet(members)
            var text: [UInt8] = []
            for _ in 0..<rng.int(30) { UTF8Scan.append(pool[rng.int(pool.count)], to: &text) }
            // A decoding walk.
            var expected: [Int] = [], i = 0
            while i < text.count {
                let (v, len) = UTF8Scan.decode(text, at: i)
                if members.contains(v) { expected.append(i) }
                i += len
            }
            var found: [Int] = [], from = 0
            text.withUnsafeBufferPointer { buffer in
                while let hit = set.next(in: buffer, from: from) {
                    #expect(UTF8Scan.decode(text, at: hit.start) == (hit.scalar, hit.end - hit.start))
                    found.append(hit.start)
                    from = hit.end
                }
            }
            #expect(found == expected, "members \(members), text \(text)")
        }
    }

    @Test func validatorAgreesWithTheStandardLibrary() {
        var rng = RobustnessTests.Random(state: 12)
        let bytes: [UInt8] = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0]
        for _ in 0..<5000 {
            var data = Array("本报讯 abcdefgh".utf8).prefix(rng.int(20)).map { $0 }
            for _ in 0..<rng.int(8) { data.insert(bytes[rng.int(bytes.count)], at: rng.int(data.count + 1)) }
            let valid = String(validating: data, as: UTF8.self) != nil
            #expect((UTF8Scan.firstInvalidOffset(data) == nil) == valid, "\(data)")
            if let bad = UTF8Scan.firstInvalidOffset(data) {
                #expect(String(validating: data[..<bad], as: UTF8.self) != nil, "the bytes before \(bad) of \(data) are valid")
            } else {
                // The count taken while validating is the one a scalar walk gives.
                let scalars = String(decoding: data, as: UTF8.self).unicodeScalars
                let characters = scalars.filter { !(Scalar.isSpace($0.value) || $0 == "\n" || $0 == "\r") }.count
                #expect(UTF8Scan.validate(data).characters == characters, "\(data)")
            }
        }
    }

    /// doubled-character's search for a run of bytes written twice, sixteen offsets at a time,
    /// against a plain walk: every length a character may have, texts that cross the blocks.
    @Test func doubleSearchAgreesWithAPlainWalk() {
        var rng = RobustnessTests.Random(state: 13)
        let pieces = ["的", "的的", "了了", "为", "a", "aa", "é", "éé", "😀😀", "，", "不了了之", "x"].map { Array($0.utf8) }
        for _ in 0..<2000 {
            let text = (0..<rng.int(30)).flatMap { _ in pieces[rng.int(pieces.count)] }
            let length = 1 + rng.int(4)
            let from = rng.int(text.count + 1)
            let plain = from > text.count - 2 * length ? nil : (from...(text.count - 2 * length)).first { at in
                (0..<length).allSatisfy { text[at + $0] == text[at + length + $0] }
            }
            let found = text.withUnsafeBufferPointer { DoubledCharacterRule.nextDouble($0, length: length, from: from) }
            #expect(found == plain, "\(length) from \(from) in \(text)")
        }
    }
}
