import Foundation
import Testing
@testable import NewsLint

/// Word documents: the inflate and zip readers against Python's zlib and zipfile, the text a
/// document is read as, the seeds' Word drafts linted as their text is, bad documents refused,
/// and the reviewed and fixed copies written back.
@Suite("Word documents")
struct WordDocumentTests {
    static let fixtures = Repo.root.appendingPathComponent("Tests/NewsLintTests/Fixtures/word")

    /// The default rules, as a run from a folder without `.lint.json` has them.
    static func linter() throws -> Linter {
        let configuration = Configuration(baseDirectory: FileManager.default.temporaryDirectory.path)
        var linter = try Linter(rules: RuleRegistry.configuredRules(configuration), configuration: configuration)
        linter.jobs = 1
        linter.keepsWordDocuments = true
        return linter
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    @Test func inflateDecodesWhatZlibWrites() throws {
        let manifest = try JSONSerialization.jsonObject(with: Data(try Self.bytes("deflate/manifest.json"))) as! [String: [String: Int]]
        #expect(Set(manifest.keys) == ["stored", "fixed", "dynamic", "empty", "large"])
        for (name, facts) in manifest {
            let stream = try Self.bytes("deflate/\(name).bin")
            let out = try Inflate.decode(stream[...], expectedSize: facts["size"]!, limit: 1 << 24)
            #expect(out.count == facts["size"]!, "\(name)")
            #expect(CRC32.checksum(out) == UInt32(facts["crc32"]!), "\(name)")
        }
    }

    @Test func inflateRefusesBrokenStreams() throws {
        let stream = try Self.bytes("deflate/dynamic.bin")
        #expect(throws: WordFailure.self) { try Inflate.decode(stream[..<(stream.count / 2)], expectedSize: 0, limit: 1 << 20) }
        #expect(throws: WordFailure.self) { try Inflate.decode([0x07][...], expectedSize: 0, limit: 1 << 20) }  // block type 3
        // Output past the limit stops the decoder (a bomb's member).
        #expect(throws: WordFailure.tooLarge(100)) { try Inflate.decode(try Self.bytes("deflate/large.bin")[...], expectedSize: 0, limit: 100) }
    }

    @Test func zipMembersAreReadAndChecked() throws {
        let zip = try ZipArchive(try Self.bytes("deflate/members.zip"))
        #expect(zip.members.map(\.name) == ["stored.txt", "deflated.txt", "empty.txt", "large.txt"])
        for m in zip.members {
            let data = try zip.data(of: m)
            #expect(data.count == m.size)
        }
        #expect(try zip.data(of: zip.member("stored.txt")!) == zip.data(of: zip.member("deflated.txt")!))
    }

    @Test func aDocumentIsReadAsItsParagraphsInReadingOrder() throws {
        let word = try WordDocument.read(try Self.bytes("features.docx"))
        let text = String(decoding: word.text, as: UTF8.self)
        #expect(text == """
        第一段正文。
        修订新增文字。
        第3页
        上行
        下行\t末
        甲格
        乙格
        框外续。
        框内文字
        链接A&B<C>
        脚注文字。

        """)
        // Soft breaks are lines of one paragraph: 下行 is the fourth paragraph's third character.
        let source = SourceText(utf8: word.text, encoding: .docx, word: word)
        #expect(source.unit == .paragraph)
        func offset(_ s: String) -> Int { Array(text.utf8).firstRange(of: Array(s.utf8))!.lowerBound }
        #expect(source.position(of: offset("下行")) == SourcePosition(line: 4, column: 4))
        #expect(source.position(of: offset("末")) == SourcePosition(line: 4, column: 7))
        // A text box's paragraph follows the paragraph that holds it; footnotes follow the body.
        #expect(source.position(of: offset("框内")) == SourcePosition(line: 8, column: 1))
        #expect(source.position(of: offset("脚注")) == SourcePosition(line: 10, column: 1))
    }

    /// Each seed's Word draft (scripts/make-word-fixtures.py: a paragraph a line, lines cut into
    /// runs) gives the findings of the seed's text, at the same places.
    @Test func seedDraftsGiveTheSeedsFindings() throws {
        let linter = try Self.linter()
        for name in Repo.seedNames {
            let text = linter.lint([InputFile(path: "seeds/" + name, fileSystemPath: Repo.seeds.appendingPathComponent(name).path)])
            let draft = Self.fixtures.appendingPathComponent("seeds/" + name.replacingOccurrences(of: ".txt", with: ".docx"))
            let word = linter.lint([InputFile(path: "draft.docx", fileSystemPath: draft.path)])
            #expect(word.inputErrors.isEmpty)
            func key(_ d: Diagnostic) -> String { "\(d.rule) \(d.start) \(d.end) \(d.message.zh) \(d.suggestion ?? "")" }
            #expect(!text.files[0].diagnostics.isEmpty)
            #expect(text.files[0].diagnostics.map(key) == word.files[0].diagnostics.map(key), "\(name)")
            #expect(text.files[0].characters == word.files[0].characters)
            #expect(word.files[0].source.unit == PositionUnit.paragraph && word.files[0].encoding == SourceEncoding.docx)
            // A run that writes nothing into the document keeps its paragraphs' places only.
            var plain = linter
            plain.keepsWordDocuments = false
            let kept = plain.lint([InputFile(path: "draft.docx", fileSystemPath: draft.path)]).files[0]
            #expect(kept.source.word == nil && kept.source.unit == PositionUnit.paragraph)
            #expect(kept.diagnostics.map(key) == word.files[0].diagnostics.map(key))
        }
    }

    /// A part may name WordprocessingML with another prefix, or as its default namespace: it is
    /// read the same. newslint writes only into parts that name it `w:`, and says so otherwise.
    @Test func otherPrefixesAreReadTheSame() throws {
        let linter = try Self.linter()
        let original = try Self.bytes("seeds/003_a2c041b2b8083ec5.docx")
        let zip = try ZipArchive(original)
        let xml = String(decoding: try zip.part("word/document.xml")!, as: UTF8.self)
        let renamed = xml.replacingOccurrences(of: "<w:", with: "<ns0:").replacingOccurrences(of: "</w:", with: "</ns0:")
            .replacingOccurrences(of: " w:", with: " ns0:").replacingOccurrences(of: "xmlns:w=", with: "xmlns:ns0=")
        let unprefixed = xml.replacingOccurrences(of: "<w:", with: "<").replacingOccurrences(of: "</w:", with: "</")
            .replacingOccurrences(of: "xmlns:w=", with: "xmlns=")
        func lint(_ bytes: [UInt8]) throws -> FileReport {
            let dir = try TemporaryDirectory()
            let path = try dir.write("draft.docx", bytes)
            let report = linter.lint([InputFile(path: "draft.docx", fileSystemPath: path)])
            #expect(report.inputErrors.isEmpty, "\(report.inputErrors.first?.message.en ?? "")")
            return report.files[0]
        }
        let expected = try lint(original)
        func key(_ d: Diagnostic) -> String { "\(d.rule) \(d.start) \(d.end)" }
        for variant in [renamed, unprefixed] {
            let file = try lint(zip.rewritten(replacing: ["word/document.xml": Array(variant.utf8)], adding: []))
            #expect(file.diagnostics.map(key) == expected.diagnostics.map(key))
            #expect(throws: WordFailure.self) { try WordReview.commented(file.source.word!, diagnostics: file.diagnostics, lang: .zh) }
        }
        // A part that is not WordprocessingML at all is refused, not read as empty.
        let foreign = xml.replacingOccurrences(of: "http://schemas.openxmlformats.org/wordprocessingml/2006/main", with: "urn:example")
        #expect(throws: WordFailure.self) { try WordDocument.read(zip.rewritten(replacing: ["word/document.xml": Array(foreign.utf8)], adding: [])) }
    }

    @Test func badDocumentsAreRefusedWithTheirReason() throws {
        let cases: [(String, String)] = [
            ("not-a-zip.docx", "不是 Word 文档"),
            ("damaged.docx", "文档已损坏（zip: no end of central directory）"),
            ("corrupt.docx", "文档已损坏"),
            ("old-format.doc", "另存为 .docx"),
            ("encrypted.docx", "文档已加密"),
            ("encrypted-member.docx", "文档已加密"),
            ("no-document.docx", "缺少 word/document.xml"),
            ("bad-xml.docx", "word/document.xml 不是格式正确的 XML"),
            ("entities.docx", "document type declaration"),
            ("bomb.docx", "zip 炸弹"),
        ]
        for (name, reason) in cases {
            let path = Self.fixtures.appendingPathComponent("bad/" + name).path
            let before = try Self.bytes("bad/" + name)
            let report = try Self.linter().lint([InputFile(path: name, fileSystemPath: path)])
            #expect(report.files.isEmpty, "\(name)")
            #expect(report.inputErrors.first?.message.zh.contains(reason) == true, "\(name): \(report.inputErrors.first?.message.zh ?? "no error")")
            #expect(try Self.bytes("bad/" + name) == before)
        }
    }

    /// The reviewed copy: one comment a finding, the text unchanged, every part but those that
    /// must change kept byte for byte.
    @Test func theReviewedCopyHasACommentOnEachFinding() throws {
        let linter = try Self.linter()
        let draft = Self.fixtures.appendingPathComponent("seeds/000_1f9a82e85afd0d46.docx")
        let report = linter.lint([InputFile(path: "draft.docx", fileSystemPath: draft.path)])
        let file = report.files[0], word = file.source.word!
        let copy = try WordReview.commented(word, diagnostics: file.diagnostics, path: file.path, lang: .zh)
        let reviewed = try WordDocument.read(copy)
        #expect(reviewed.text == word.text)
        let zip = try ZipArchive(copy), original = word.archive
        let comments = String(decoding: try zip.part("word/comments.xml")!, as: UTF8.self)
        #expect(comments.components(separatedBy: "<w:comment ").count - 1 == file.diagnostics.count)
        #expect(comments.contains("[metric-arithmetic]") && comments.contains("建议：增长33.4倍") && comments.contains("w:author=\"newslint\""))
        for m in original.members where !["word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"].contains(m.name) {
            #expect(zip.bytes[zip.member(m.name)!.record] == original.bytes[m.record], "\(m.name)")
        }
        #expect(String(decoding: try zip.part("[Content_Types].xml")!, as: UTF8.self).contains("/word/comments.xml"))
        #expect(String(decoding: try zip.part("word/_rels/document.xml.rels")!, as: UTF8.self).contains("relationships/comments"))
        // Every part that changed or was added is well-formed XML.
        for name in ["word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"] {
            var scanner = try XMLScanner(try zip.part(name)!, part: name)
            while try scanner.next() != nil {}
        }
        // Each comment is anchored on its finding's text.
        let xml = String(decoding: try zip.part("word/document.xml")!, as: UTF8.self)
        for (k, d) in file.diagnostics.enumerated() where d.start.line == d.end.line {
            let id = k + 1
            let inner = xml.components(separatedBy: "<w:commentRangeStart w:id=\"\(id)\"/>")[1].components(separatedBy: "<w:commentRangeEnd w:id=\"\(id)\"/>")[0]
            let shown = inner.components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst().map { $0.components(separatedBy: "</w:t>")[0] }.joined()
            #expect(shown == d.excerpt, "\(d.rule)")
        }
        // Comments already in the document keep theirs, and new ones take fresh ids.
        let again = try WordReview.commented(reviewed, diagnostics: file.diagnostics, path: file.path, lang: .en)
        let both = String(decoding: try ZipArchive(again).part("word/comments.xml")!, as: UTF8.self)
        #expect(both.components(separatedBy: "<w:comment ").count - 1 == 2 * file.diagnostics.count)
        #expect(both.contains("w:id=\"\(2 * file.diagnostics.count)\""))
    }

    /// A finding in a footnote or a text box is commented at the note's mark or the box's
    /// drawing in the body (LibreOffice loads no comment inside a note and drops one in a box);
    /// its fix is still made where the text is.
    @Test func findingsInNotesAndBoxesAreCommentedAtTheirMarks() throws {
        let linter = try Self.linter()
        let file = linter.lint([InputFile(path: "notes.docx", fileSystemPath: Self.fixtures.appendingPathComponent("notes.docx").path)]).files[0]
        #expect(file.diagnostics.map(\.excerpt) == ["「可爱的中国」", "「甲」", "「乙」", "「丙」"])
        let copy = try ZipArchive(try WordReview.commented(file.source.word!, diagnostics: file.diagnostics, path: file.path, lang: .zh))
        let body = String(decoding: try copy.part("word/document.xml")!, as: UTF8.self)
        let notes = String(decoding: try copy.part("word/footnotes.xml")!, as: UTF8.self)
        let comments = String(decoding: try copy.part("word/comments.xml")!, as: UTF8.self)
        #expect(!notes.contains("commentRange") && body.components(separatedBy: "<w:commentRangeStart").count - 1 == 4)
        #expect(comments.contains("注释中：“「丙」”") && comments.contains("文本框中：“「乙」”"))
        // The footnote's comment sits on the character before its mark: 。
        #expect(body.contains("<w:commentRangeStart w:id=\"5\"/><w:r><w:t xml:space=\"preserve\">。</w:t></w:r><w:commentRangeEnd w:id=\"5\"/>"))
        let (fixed, applied) = try WordReview.tracked(file.source.word!, fixes: file.diagnostics)
        #expect(applied.count == 4)
        #expect(String(decoding: try ZipArchive(fixed).part("word/footnotes.xml")!, as: UTF8.self).contains("<w:delText xml:space=\"preserve\">「丙」</w:delText>"))
    }

    /// Safe fixes as tracked changes: read back, the document says what the fixed text says.
    @Test func fixesAreTrackedChanges() throws {
        let linter = try Self.linter()
        let draft = Self.fixtures.appendingPathComponent("seeds/002_95b150d32cc6734e.docx")
        let file = linter.lint([InputFile(path: "draft.docx", fileSystemPath: draft.path)]).files[0]
        let (text, applied) = Fixer.apply(file)
        #expect(applied.count == 2)
        let (bytes, tracked) = try WordReview.tracked(file.source.word!, fixes: applied)
        #expect(tracked.count == 2)
        let fixed = try WordDocument.read(bytes)
        #expect(fixed.text == text)
        let xml = String(decoding: try ZipArchive(bytes).part("word/document.xml")!, as: UTF8.self)
        #expect(xml.contains("<w:delText xml:space=\"preserve\">.20</w:delText>"))
        #expect(xml.contains("<w:ins w:id=\"3\" w:author=\"newslint\"><w:r><w:t xml:space=\"preserve\">7·20</w:t></w:r></w:ins>"))
    }
}

/// The Word workflow from the command line: positions as paragraphs, the reviewed copy, its
/// refusals, and folders searched for drafts.
@Suite("Word documents from the command line")
struct WordCommandLineTests {
    @Test func theTextReportNamesParagraphs() throws {
        let dir = try TemporaryDirectory()
        let draft = try dir.write("draft.docx", try WordDocumentTests.bytes("seeds/003_a2c041b2b8083ec5.docx"))
        let r = runTool([draft, "--no-color"], in: dir.path)
        #expect(r.code == 1)
        #expect(r.out.contains("draft.docx:段97:12: error: 大陆横排不用直角引号"))
        let en = runTool([draft, "--no-color", "--lang", "en", "--format", "json"], in: dir.path)
        #expect(en.out.contains("\"unit\": \"paragraph\"") && en.out.contains("\"encoding\": \"docx\""))
        // A folder is searched for drafts too; Word's owner file of an open draft is not a draft.
        try dir.write("~$draft.docx", [0x05, 0x65, 0x64, 0x69, 0x74, 0x6F, 0x72])
        let folder = runTool([".", "--no-color"], in: dir.path)
        #expect(folder.code == 1 && folder.out.contains("draft.docx:段97:12:"))
        // An old binary .doc in a folder is reported, not skipped.
        try dir.write("old.doc", try WordDocumentTests.bytes("bad/old-format.doc"))
        let old = runTool([".", "--no-color"], in: dir.path)
        #expect(old.code == 2 && old.err.contains("old.doc") && old.err.contains("另存为 .docx"))
    }

    @Test func theReviewedCopyIsWrittenAndItsMisusesRefused() throws {
        let dir = try TemporaryDirectory()
        let bytes = try WordDocumentTests.bytes("seeds/003_a2c041b2b8083ec5.docx")
        let draft = try dir.write("draft.docx", bytes)
        try dir.write("page.txt", "正文。\n")
        let r = runTool(["--format", "docx", "--output", "reviewed.docx", draft], in: dir.path)
        #expect(r.code == 1)
        let copy = Array(try Data(contentsOf: dir.url.appendingPathComponent("reviewed.docx")))
        #expect(try String(decoding: ZipArchive(copy).part("word/comments.xml")!, as: UTF8.self).contains("[quote-style]"))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: draft))) == bytes)
        #expect(runTool(["--format", "docx", draft], in: dir.path).code == 2)
        #expect(runTool(["--format", "docx", "-o", "x.docx", draft, "page.txt"], in: dir.path).code == 2)
        #expect(runTool(["--format", "docx", "-o", "x.docx", "page.txt"], in: dir.path).code == 2)
        let same = runTool(["--format", "docx", "-o", draft, draft], in: dir.path)
        #expect(same.code == 2)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: draft))) == bytes)
        // A bad draft: exit 2 with the reason, and no copy written.
        let bad = try dir.write("bad.docx", try WordDocumentTests.bytes("bad/damaged.docx"))
        let b = runTool(["--format", "docx", "-o", "bad-reviewed.docx", bad], in: dir.path)
        #expect(b.code == 2 && b.err.contains("bad.docx") && b.err.contains("文档已损坏"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("bad-reviewed.docx").path))
    }

    @Test func fixWritesTrackedChangesIntoTheDraft() throws {
        let dir = try TemporaryDirectory()
        let draft = try dir.write("draft.docx", try WordDocumentTests.bytes("seeds/003_a2c041b2b8083ec5.docx"))
        let r = runTool(["fix", draft], in: dir.path)
        #expect(r.code == 0, "\(r.err)")
        let xml = String(decoding: try ZipArchive(Array(try Data(contentsOf: URL(fileURLWithPath: draft)))).part("word/document.xml")!, as: UTF8.self)
        // The span crosses two runs: each run's part is deleted in its own w:del, then one w:ins.
        #expect(xml.contains("<w:delText xml:space=\"preserve\">「可爱的</w:delText></w:r></w:del><w:del w:id=\"2\" w:author=\"newslint\"><w:r><w:delText xml:space=\"preserve\">中国」</w:delText>"))
        #expect(xml.contains("w:author=\"newslint\"><w:r><w:t xml:space=\"preserve\">“可爱的中国”</w:t>"))
        // Linted again, the draft reads as fixed: the insertion is text, the deletion is not.
        #expect(!runTool([draft, "--no-color"], in: dir.path).out.contains("quote-style"))
    }
}
