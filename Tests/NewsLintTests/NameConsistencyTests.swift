import Foundation
import Testing
@testable import NewsLint

@Suite("name-consistency: names across pages and editions")
struct NameConsistencyTests {
    func lint(_ texts: [(String, String)], options: String? = nil) throws -> LintReport {
        let json = try options.map { try JSONParser.parse(Array($0.utf8)) }
        let rule = try NameConsistencyRule(options: RuleOptions(json))
        return Linter(rules: [ConfiguredRule(rule: rule, severity: .error)]).lint(texts: texts.map { (path: $0.0, text: $0.1) })
    }

    /// The character data against confusions common in names and in proofreading: each pair
    /// must look or sound alike, by the Unicode Han data or by Rules/confusable-characters.tsv.
    @Test func commonConfusionsOfNameCharactersAreAlike() {
        let pairs = ["勋勤", "王玉", "己已", "已巳", "人入", "未末", "土士", "日曰", "戊戌", "斌彬", "峰锋", "浩皓",
                     "婷亭", "琳林", "娟鹃", "杰洁", "明铭", "崇祟", "治冶", "侯候", "拔拨", "凯恺", "俊峻", "瑶遥",
                     "琪祺", "炜玮", "颖颍", "茜倩", "莹滢", "萍苹", "晖辉", "煜昱", "焱炎", "弈奕", "昊吴", "瑾谨",
                     "霞瑕", "鸿洪", "翔祥", "涛焘", "毅艺", "荣蓉", "红虹", "燕艳", "菁箐"]
        let missing = pairs.filter { p in
            let v = p.unicodeScalars.map(\.value)
            let (look, sound) = HanCharacters.likeness(v[0], v[1])
            return !look && !sound
        }
        #expect(missing.isEmpty, "not alike: \(missing)")
        // A pair of the file is alike both ways round, and not with a third character.
        #expect(HanCharacters.lookAlike(ch("入"), ch("人")) && HanCharacters.lookAlike(ch("人"), ch("入")))
        #expect(!HanCharacters.lookAlike(ch("人"), ch("八")))
    }

    @Test func theRarerFormIsReportedInItsOwnFileWithTheOthersAsRelated() throws {
        let report = try lint([
            ("edition-1/page-1.txt", "本报记者 郭树勋\n\n正文。"),
            ("edition-1/page-2.txt", "本报记者 郭树勋 本报通讯员 张放\n\n正文。"),
            ("edition-2/page-1.txt", "正文。\n\n本报记者 郭树勤\n\n正文。"),
        ])
        #expect(report.files[0].diagnostics.isEmpty && report.files[1].diagnostics.isEmpty)
        let d = try #require(report.files[2].diagnostics.first)
        #expect(d.start == SourcePosition(line: 3, column: 6) && d.end == SourcePosition(line: 3, column: 9))
        #expect(d.suggestion == "郭树勋")
        #expect(d.related.map { "\($0.path):\($0.position)" } == ["edition-1/page-1.txt:1:6", "edition-1/page-2.txt:1:6"])
        #expect(d.message.zh.contains("勤/勋 形近"))
    }

    @Test func soundAlikesCountAndTheRegistryDecides() throws {
        // 付凯铭 / 付凯明: 铭 and 明 sound alike; 付凯明 is in the roster, so even once against once it wins.
        let report = try lint([("a.txt", "本报讯（记者付凯明）正文。"), ("b.txt", "本报讯（记者付凯铭）正文。")])
        #expect(report.files[0].diagnostics.isEmpty)
        #expect(report.files[1].diagnostics.first?.message.zh.contains("音近") == true)
        // Without the roster's word, once against once is no evidence.
        let tie = try lint([("a.txt", "本报讯（记者孙凯明）正文。"), ("b.txt", "本报讯（记者孙凯铭）正文。")])
        #expect(tie.files.allSatisfy { $0.diagnostics.isEmpty })
        // `known` names are evidence too.
        let known = try lint([("a.txt", "本报讯（记者孙凯明）正文。"), ("b.txt", "本报讯（记者孙凯铭）正文。")], options: #"{"known": ["孙凯明"]}"#)
        #expect(known.files[1].diagnostics.count == 1)
    }

    @Test func aRareFormNearTwoNamesTakesTheBetterAttestedOne() throws {
        // 石放 is one character from 石敏 (放/敏 look alike) and from 石芳 (放/芳 sound alike). The
        // choice must not hang on the order of a dictionary, which changes from process to process.
        func page(_ name: String) -> String { "本报记者 \(name)\n\n正文。" }
        let more = try lint((0..<4).map { ("a\($0).txt", page("石敏")) } + (0..<3).map { ("b\($0).txt", page("石芳")) }
                            + [("c.txt", page("石放"))])
        let d = try #require(more.files.last?.diagnostics.first)
        #expect(d.suggestion == "石敏" && d.message.zh.contains("出现 4 次"))
        let tied = try lint((0..<3).map { ("a\($0).txt", page("石芳")) } + (0..<3).map { ("b\($0).txt", page("石敏")) }
                            + [("c.txt", page("石放"))])
        #expect(tied.files.last?.diagnostics.first?.suggestion == "石敏")  // equal evidence: the names' order
    }

    @Test func aLargeGroupIsComparedByRadicalAndByReading() throws {
        // Eleven names of the form 石•: more than the judge compares pair by pair, so it compares
        // within radicals (放/敏 look alike) and within readings across radicals (铭/明 sound alike).
        func page(_ name: String) -> String { "本报记者 \(name)\n\n正文。" }
        let common = ["石敏", "石敏", "石敏", "石敏", "石明", "石明", "石明", "石明"]
        let others = ["石磊", "石林", "石涛", "石伟", "石静", "石丽", "石强"]
        let names = common + others + ["石放", "石铭"]
        let report = try lint(names.enumerated().map { ("p\($0.offset).txt", page($0.element)) })
        let found = report.files.flatMap { file in file.diagnostics.map { "\(file.path) \($0.suggestion ?? "")" } }
        #expect(found == ["p\(names.count - 2).txt 石敏", "p\(names.count - 1).txt 石明"])
    }

    @Test func theRosterOfTheRulesFolderIsTheRegistry() throws {
        // An editor's house-style.json in the rules folder brings its roster: 孙凯铭 is staff.
        let dir = try TemporaryDirectory()
        var style = try String(contentsOf: Repo.root.appendingPathComponent("Rules/house-style.json"), encoding: .utf8)
        style = style.replacingOccurrences(of: #""roster": ["#, with: #""roster": ["孙凯铭", "#)
        try dir.write("house-style.json", style)
        let rule = try NameConsistencyRule(options: RuleOptions(nil, rulesDirectory: dir.path))
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: .error)])
            .lint(texts: [("a.txt", "本报讯（记者孙凯明）正文。"), ("b.txt", "本报讯（记者孙凯铭）正文。")])
        #expect(report.files[0].diagnostics.map(\.suggestion) == ["孙凯铭"])
        #expect(report.files[1].diagnostics.isEmpty)
    }

    /// An editor's names.json in the rules folder: its titles mark names, and bad data is a
    /// configuration error naming the file and the key.
    @Test func theRulesFolderNamesDataIsRead() throws {
        let dir = try TemporaryDirectory()
        // Neither 掌柜 nor the surname 鞠 is in the built-in data, and no word of speech stands here.
        try dir.write("names.json", #"{"surnames": "鞠", "titles": ["掌柜"], "speech": ["讲"]}"#)
        let rule = try NameConsistencyRule(options: RuleOptions(nil, rulesDirectory: dir.path))
        let text = "掌柜鞠大福在店里忙。掌柜鞠大福在算账。掌柜鞠大福在进货。\n\n掌柜鞠大富在门口迎客。"
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: .error)]).lint(texts: [("a.txt", text)])
        #expect(report.files[0].diagnostics.map(\.suggestion) == ["鞠大福"])
        let builtIn = try NameConsistencyRule(options: RuleOptions(nil))
        #expect(Linter(rules: [ConfiguredRule(rule: builtIn, severity: .error)]).lint(texts: [("a.txt", text)]).files[0].diagnostics.isEmpty)
        try dir.write("names.json", #"{"surnames": 3}"#)
        #expect {
            _ = try NameConsistencyRule(options: RuleOptions(nil, rulesDirectory: dir.path))
        } throws: { error in
            let e = error as? ConfigurationError
            return e?.file.hasSuffix("names.json") == true && e?.keyPath == "surnames"
        }
    }

    @Test func differentPeopleAreNotTypos() throws {
        // 段美如 / 段玉明 differ in two characters; 张放 / 张欣 in characters neither alike in look nor sound.
        let report = try lint([("a.txt", "本报讯（记者段美如 通讯员段玉明）正文。"), ("b.txt", "本报记者 张放\n\n正文。\n\n本报记者 张欣\n\n正文。")])
        #expect(report.files.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test func namesAfterTitlesInRunningText() throws {
        let document = Document(path: "t", text: "周庄镇党委书记崔全星说，要抓好党建。管委会主任陈湘，富力地产总经理高峰出席签约仪式。")
        let names = NameExtractor(document: document).occurrences().map(\.name)
        #expect(Set(names) == ["崔全星", "陈湘", "高峰"])
        let list = Document(path: "t", text: "后南谢村李胜利、金炉村赵成国、南霍村贾顺心、北魏村乔继忠4人荣登榜单。书记讲党课。村委会、村民代表参加。")
        #expect(NameExtractor(document: list).occurrences().map(\.name) == ["李胜利", "赵成国", "贾顺心", "乔继忠", "金炉村", "南霍村", "北魏村"])
        let counted = Document(path: "t", text: "组织评选，张宏伟、李红、王建国3人获奖。")
        #expect(NameExtractor(document: counted).occurrences().map(\.name) == ["张宏伟", "李红", "王建国"])
        // Organisations and places where the copy marks them; common nouns are not names.
        let orgs = Document(path: "t", text: "编辑:金桂香 | 校对:谢欣汝\n\n成立了焦作小果猿无花果产业合作社，北官庄村、宁郭村等村集体经济收入增加，乡村旅游项目“垦农小院”开园。")
        #expect(NameExtractor(document: orgs).occurrences().map(\.name) == ["金桂香", "谢欣汝", "焦作小果猿无花果产业合作社", "北官庄村", "宁郭村", "垦农小院"])
    }

    @Test func similarityDataLoads() {
        #expect(HanCharacters.table.count > 8000)
        #expect(HanCharacters.lookAlike(0x52E4, 0x52CB))  // 勤 勋
        #expect(!HanCharacters.lookAlike(0x67F4, 0x6A0A))  // 柴 樊
        #expect(HanCharacters.soundAlike(0x94ED, 0x660E))  // 铭 明
        #expect(!HanCharacters.soundAlike(0x653E, 0x6B23))  // 放 欣
    }

    @Test func manyNamesInManyFiles() throws {
        // 20,000 names in 400 files (the benchmark times this; here it must simply work).
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧".unicodeScalars)
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰飞鹏辉斌宇浩凯健俊帆".unicodeScalars)
        var texts: [(String, String)] = []
        var n = 0
        for f in 0..<400 {
            var lines: [String] = []
            for _ in 0..<50 {
                let name = String(String.UnicodeScalarView([surnames[n % surnames.count], given[(n / surnames.count) % given.count], given[(n / (surnames.count * given.count)) % given.count]]))
                lines.append("本报记者 \(name)\n\n正文。")
                n += 1
            }
            texts.append(("page-\(f).txt", lines.joined(separator: "\n\n")))
        }
        let report = try lint(texts)
        #expect(report.files.count == 400)
    }

    @Test func referenceEditionsCountButAreNotReported() throws {
        let dir = try TemporaryDirectory()
        try dir.write("archive/2025-01-01.txt", "本报记者 孙凯明\n\n正文。\n\n本报记者 孙凯明\n\n正文。\n\n本报记者 孙凯明\n\n正文。")
        let options = try JSONParser.parse(Array(#"{"reference": ["archive"]}"#.utf8))
        let rule = try NameConsistencyRule(options: RuleOptions(options, baseDirectory: dir.path))
        let report = Linter(rules: [ConfiguredRule(rule: rule, severity: .error)]).lint(texts: [("today.txt", "本报记者 孙凯铭\n\n正文。")])
        #expect(report.files.map(\.path) == ["today.txt"])
        #expect(report.files[0].diagnostics.first?.suggestion == "孙凯明")
        #expect(report.files[0].diagnostics.first?.severity == .warning, "frequency alone is evidence for a warning")
        // A missing reference edition is a configuration error at its key path.
        let bad = try JSONParser.parse(Array(#"{"reference": ["nowhere"]}"#.utf8))
        #expect(throws: ConfigurationError.self) { try NameConsistencyRule(options: RuleOptions(bad, keyPath: "rules.name-consistency.options", baseDirectory: dir.path)) }
        do { _ = try NameConsistencyRule(options: RuleOptions(bad, keyPath: "rules.name-consistency.options", baseDirectory: dir.path)) } catch {
            #expect(error.keyPath == "rules.name-consistency.options.reference[0]")
        }
    }
}
