import Foundation
import Testing
@testable import NewsLint

/// The lexicon and the segmenter: seed sentences read as words, the doubled characters that are
/// words apart from those that are slips, and words editors add.
@Suite("Words")
struct WordTests {
    func words(_ text: String, _ lexicon: Lexicon = .builtIn) -> [String] {
        let bytes = Array(text.utf8)
        return Segmenter(lexicon: lexicon).words(in: bytes).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// The built-in table is the one the word list gives: rerun scripts/generate-lexicon-table.py
    /// when this fails.
    @Test func theBuiltInTableIsTheWordList() throws {
        let list = try String(contentsOf: Repo.root.appendingPathComponent("Rules/lexicon.tsv"), encoding: .utf8)
        #expect(Lexicon.builtIn.sameWords(as: Lexicon.fromList(list)), "Rules/lexicon-table.b64 is stale: run scripts/generate-lexicon-table.py")
        #expect(throws: Lexicon.TableError.self) { try Lexicon(table: "TkxMWDE=") }
        #expect(throws: Lexicon.TableError.self) { try Lexicon(table: "not base64!") }
    }

    /// A slot keeps a hash's low 32 bits and its place comes from the next bits: a table with two
    /// keys that agree in both is refused rather than read as one word. Apart in a higher bit
    /// only, the two below collide; apart in the tag, they are two words.
    @Test func aTableWhoseKeysShareASlotsTagIsRefused() throws {
        func table(_ keys: [UInt64]) -> String {
            var b = Array("NLLX1".utf8)
            func u32(_ x: UInt32) { b += withUnsafeBytes(of: x.littleEndian) { Array($0) } }
            u32(UInt32(keys.count)); u32(UInt32(keys.count)); u32(1); u32(Float(10).bitPattern)
            for k in keys { u32(UInt32(truncatingIfNeeded: k)); u32(UInt32(truncatingIfNeeded: k >> 32)); u32(Float(-5).bitPattern) }
            return Data(b).base64EncodedString()
        }
        #expect(throws: Lexicon.TableError.self) { try Lexicon(table: table([0x0000_0001_0000_0001, 0x1000_0001_0000_0001])) }
        let apart = try Lexicon(table: table([0x0000_0001_0000_0001, 0x0000_0001_0000_0003]))
        #expect(apart.count == 2)
        #expect(apart.lookUp(0x0000_0001_0000_0003) == -5)
        #expect(apart.lookUp(0x0000_0001_0000_0005) == nil)
    }

    @Test func theBuiltInLexiconIsJiebasHanWords() {
        #expect(Lexicon.builtIn.count == 348_974)
        for w in ["街道", "财政收入", "实实在在", "研究所", "所长", "了解", "习近平"] { #expect(Lexicon.builtIn.contains(w), "\(w)") }
        for w in ["郭树勋", "树勋", "成为为"] { #expect(!Lexicon.builtIn.contains(w), "\(w)") }
    }

    @Test func seedSentencesAreReadAsWords() throws {
        // Seed 000, line 33, and line 7 (a byline: the name is no word, its characters stand alone).
        #expect(words("2012年至2021年，该街道财政收入从425万元跃升至1.46亿元，增长35倍，实现了成量级增长。")
                == ["2012", "年", "至", "2021", "年", "，", "该", "街道", "财政收入", "从", "425", "万元", "跃升", "至", "1.46", "亿元", "，",
                    "增长", "35", "倍", "，", "实现", "了", "成", "量级", "增长", "。"])
        #expect(words("本报记者 郭树勤  本报通讯员 靳冬") == ["本报记者", "郭", "树", "勤", "本报", "通讯员", "靳", "冬"])
        let seed = try Repo.seedText("000_1f9a82e85afd0d46.txt")
        let document = Document(path: "000", text: seed)
        let p = try #require(document.paragraphs.first { String(decoding: $0.text, as: UTF8.self).hasPrefix("党的十八大以来") })
        let found = document.words(in: p).map { String(decoding: p.text[$0.range], as: UTF8.self) }
        #expect(found.prefix(12) == ["党", "的", "十八", "大", "以来", "，", "文昌", "街道", "坚持", "以", "习近平", "新"])
        #expect(found.joined() == String(decoding: p.text, as: UTF8.self).filter { !$0.isWhitespace })
    }

    /// Issue 20: a doubled character is a slip in 成为为, but not in these words.
    @Test func doubledCharactersInsideWordsStayWords() {
        #expect(words("他成为为民服务的榜样。").prefix(2) == ["他", "成为"])
        #expect(words("实实在在地做事。").first == "实实在在")
        #expect(words("研究所所长说。").prefix(2) == ["研究所", "所长"])
        #expect(words("为了了解情况。").prefix(2) == ["为了", "了解"])
        #expect(words("目的的确定很重要。").prefix(2) == ["目的", "的"])
    }

    @Test func numbersLatinAndMarksAreTokensOfTheirOwn() {
        #expect(words("GDP增长1.46%，COVID-19疫情") == ["GDP", "增长", "1.46", "%", "，", "COVID-19", "疫情"])
        #expect(words("１２３件 a b") == ["１２３", "件", "a", "b"])
        #expect(words("") == [])
    }

    @Test func editorsAddWords() throws {
        let lexicon = Lexicon.with(words: Lexicon.editorWords("# 本报人员\n郭树勋\n天宝酱菜\t500\n"))
        #expect(words("郭树勋来到天宝酱菜厂。", lexicon).prefix(3) == ["郭树勋", "来到", "天宝酱菜"])
        #expect(words("郭树勋来到天宝酱菜厂。").prefix(3) == ["郭", "树", "勋"])  // the built-in lexicon is untouched
        // End to end: `.lint.json`'s `words` and the rules folder's `words.txt`.
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", #"{"words": ["郭树勋"]}"#)
        try dir.write("Rules/words.txt", "靳冬\n")
        try dir.write("a.txt", "本报记者 郭树勋  本报通讯员 靳冬\n")
        let r = runTool(["words", "a.txt"], in: dir.path)
        #expect(r.code == 0 && r.out.contains("1:1  本报记者 郭树勋 本报 通讯员 靳冬"))
    }
}
