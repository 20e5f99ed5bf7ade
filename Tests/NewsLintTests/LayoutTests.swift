import Foundation
import Testing
@testable import NewsLint
@testable import NewsLintCommand

@Suite("Layout model: blocks, paragraphs, articles, sentences")
struct LayoutTests {
    /// Every block of the five seeds, classified: the listing is checked in under Golden/.
    /// Set NEWSLINT_UPDATE_GOLDEN=1 to rewrite it after a deliberate change, then review the diff.
    @Test(arguments: Repo.seedNames)
    func seedBlocksMatchGoldenListing(_ name: String) throws {
        let document = Document(path: name, text: try Repo.seedText(name))
        let listing = document.blockListing()
        let goldenURL = Repo.golden.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".blocks"))
        if ProcessInfo.processInfo.environment["NEWSLINT_UPDATE_GOLDEN"] == "1" {
            try listing.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(listing == golden, "block listing of \(name) changed; see `newslint layout seeds/\(name)`")
    }

    /// A page written a paragraph a line, as a CMS exports it (the shape of 人民日报's pages in the
    /// development corpus; the text is the project's own): title blocks over datelines and
    /// bylines, a deck, a subheading, closing credits and notes, a photo item.
    @Test func pageOfAParagraphALineMatchesGoldenListing() throws {
        let url = Repo.root.appendingPathComponent("Tests/NewsLintTests/Pages/cms-page.txt")
        let document = Document(path: "cms-page.txt", text: try String(contentsOf: url, encoding: .utf8))
        let listing = document.blockListing()
        let goldenURL = Repo.golden.appendingPathComponent("cms-page.blocks")
        if ProcessInfo.processInfo.environment["NEWSLINT_UPDATE_GOLDEN"] == "1" {
            try listing.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(listing == golden, "see `newslint layout Tests/NewsLintTests/Pages/cms-page.txt`")
        // Five stories, each with its own title.
        #expect(document.articles.count == 5)
        #expect(document.articles.allSatisfy { $0.hasHeadline })
    }

    func kinds(_ text: String) -> [BlockKind] {
        Document(path: "t", text: text).blocks.map(\.kind)
    }

    /// The layout reads credits by the run's house style: a role the paper adds is a role in the
    /// layout too, not only in byline-format.
    @Test func theLayoutReadsCreditsByTheHouseStyle() throws {
        let text = "标题在这里\n\n本报驻站记者 王小明\n\n正文第一段写在这里，内容很长很长。\n"
        #expect(!Document(path: "t", text: text).blocks.contains { $0.kind == .byline })
        let json = try JSONParser.parse(Array(#"{"roles": ["本报驻站记者", "本报记者", "记者"]}"#.utf8))
        let style = try HouseStyle.decode(json, over: .builtIn, file: "t", keyPath: "")
        let document = Document(path: "t", source: SourceText(text), credits: Credits(style: style))
        #expect(document.blocks.contains { $0.kind == .byline })
        // End to end, from the rules folder's house style.
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        var house = try String(contentsOf: Repo.root.appendingPathComponent("Rules/house-style.json"), encoding: .utf8)
        house = house.replacingOccurrences(of: #""roles": ["#, with: #""roles": ["本报驻站记者", "#)
        try dir.write("Rules/house-style.json", house)
        try dir.write("a.txt", "本报驻站记者 王小明 本报驻站记者 王小明\n")
        let r = runTool(["--format", "json", "a.txt"], in: dir.path)
        #expect(r.out.contains("“王小明”重复署名"))
        #expect(runTool(["layout", "a.txt"], in: dir.path).out.contains(" byline "))  // `layout` shows what the lint sees
    }

    /// Lines that close an article without a closing mark: credits and labelled sources.
    @Test func creditsAndSourcesCloseAnArticle() throws {
        let body = "正文第一段写在这里，内容很长很长。\n\n"
        for (line, kind) in [("（本报记者李晓宏、殷淼、杨俊、强薇、丁雪真、刘军国、丁子、赵益普、于洋、朱东君）", BlockKind.credit),
                             ("（本报伦敦电）", .credit), ("（新华社北京5月22日电）", .credit), ("（执笔：张三）", .credit), ("制图：王\u{A0}婷", .credit),
                             ("版式设计：张丹峰", .credit), ("数据来源：国家统计局", .sourceNote)] {
            let kinds = Document(path: "t", text: body + line + "\n").blocks.map(\.kind)
            #expect(kinds == [.body, kind], "\(line): \(kinds)")
        }
        #expect(Document(path: "t", text: body + "设计：要把握好方向，做好每一件事。\n").blocks.last?.kind == .body)
        // The next article's title after a credit is no headline inside a sentence.
        // One paragraph a line, as a CMS export writes: the credit under the last paragraph.
        let page = "前一篇正文写在这里，内容很长很长。\n版式设计：张丹峰\n\n第一条高速铁路\n京津城际 陆地飞行（新中国的“第一”·交通篇）\n"
            + "2008年8月1日12时35分，随着列车从北京南站驶出，京津城际铁路开通运营。\n"
        let report = try Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [("t", page)])
        #expect(report.files[0].diagnostics.filter { $0.rule == "caption-placement" }.isEmpty)
    }

    /// Credits of wire services and other papers, with the no-break space a CMS export writes.
    @Test func wireCreditsWithANoBreakSpaceAreCredits() throws {
        let credits = Credits.builtIn
        #expect(credits.parse("新华社记者\u{A0}金良快摄", photo: true) == [Credits.Credit(role: "新华社记者", name: "金良快")])
        #expect(credits.parse("本报记者\u{A0}\u{A0}王浩 通讯员\u{3000}李四", photo: false)?.map(\.name) == ["王浩", "李四"])
        #expect(BylineParse("新华社记者 金良快", style: .builtIn).entries == [BylineParse.Entry(role: "新华社记者", names: ["金良快"])])
        let text = "跆拳道赛场上高手云集，比赛十分激烈，观众热情高涨。\n\n图为比赛现场。\n新华社记者\u{A0}金良快摄\n"
        let report = try Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [("t", text)])
        #expect(report.files[0].diagnostics.filter { $0.rule == "byline-format" || $0.rule == "caption-placement" }.isEmpty)
        #expect(Document(path: "t", text: text).blocks.contains { $0.kind == .photoCredit })
    }

    @Test func classifiesEachKindOfBlock() {
        #expect(kinds("文昌街道\n\n# 创新引领促发展\n\n本报记者 郭树勤 本报通讯员 靳冬\n\n正文第一段，内容很长很长。")
                == [.kicker, .headline, .byline, .body])
        #expect(kinds("## 核心提示\n\n正文。") == [.subheading, .body])
        #expect(kinds("本报讯（记者付凯明）3月28日，文昌街道的新一届党组织班子全部产生。") == [.datelineLead])
        #expect(kinds("本报北京1月2日电（记者王浩）会议召开。") == [.datelineLead])
        #expect(kinds("新华社北京7月3日电 （记者梅常伟）仪式举行。") == [.datelineLead])
        #expect(kinds("正文结束。\n\n\n\n重温入党誓词。\n\n正文继续。") == [.body, .caption, .body])
        #expect(kinds("走访企业。本报记者 吉亚南 摄") == [.caption, .photoCredit])
        #expect(kinds("建设者正在进行钢筋笼连接。\n段玉明 摄") == [.caption, .photoCredit])
        #expect(kinds("（本栏照片均由文昌街道提供）") == [.photoSourceNote])
        #expect(kinds("(本栏图片除署名外均由周庄镇提供)") == [.photoSourceNote])
        #expect(kinds("编辑:金桂香 | 校对:谢欣汝 | 组版:许建林") == [.masthead])
        #expect(kinds("推动党的创新理论落地见效\n\n□赵国松\n\n正文。") == [.headline, .commentaryAuthor, .body])
        #expect(kinds("（作者单位：河南理工大学）") == [.authorAffiliation])
        #expect(kinds("（来源：人民网）") == [.sourceNote])
        #expect(kinds("年中回馈 价格更低\n\n活动时间:7月14日至16日 咨询电话:13903892238\n\n广告")
                == [.advertisement, .advertisement, .advertisement])
        #expect(kinds("正文第一段。\n\n党建+基层治理 锻造党建高质量\n\n正文第二段。") == [.body, .subheading, .body])
    }

    /// The cheap test before `Address.isAddressLine` lets every address line through.
    @Test func addressLinesPassTheCheapTest() {
        let lines = ["http://www.example.cn", "https://a.b/c", "www.dahe.cn", "〔https://news.example.cn/1〕", "（www.example.cn）", "(http://a.cn)",
                     "<https://a.cn>", "［www.a.cn］", "[http://a.cn]", "本报讯 http://a.cn", "（来源：www.a.cn）", "h", ""]
        for line in lines {
            let bytes = Array(line.utf8)
            if Address.isAddressLine(line) { #expect(Address.mayBeAddressLine(bytes, 0..<bytes.count), "\(line)") }
        }
        #expect(lines.filter { Address.isAddressLine($0) }.count == 9)
        #expect(!Address.mayBeAddressLine(Array("本报讯（记者）".utf8), 0..<21))
    }

    @Test func splitsAHeadingOffHardWrappedProse() {
        let text = "教育强区强力推进\n去年，示范区韩公教育园区一\n期工程建成投用，中心幼儿园、实"
        let document = Document(path: "t", text: text)
        #expect(document.blocks.map(\.kind) == [.subheading, .body])
        #expect(document.blocks[1].firstLine == 1)
    }

    @Test func joinsHardWrappedLinesAndColumnBreaksIntoOneParagraph() throws {
        let document = Document(path: "004", text: try Repo.seedText("004_6f37aac55d80145d.txt"))
        // Lines 17-18 hold `投入 120 万` / `元`; lines 22 and 24 hold `基层党` / `建、` across a column break.
        let p = try #require(document.paragraphs.first { $0.string.contains("120 万元") })
        #expect(p.kind == .body)
        let text = p.string
        func sourceSpan(_ needle: String) throws -> (SourcePosition, SourcePosition) {
            let r = try #require(p.text.firstRange(of: Array(needle.utf8)))
            let s = p.sourceRange(r)
            return (document.source.position(of: s.lowerBound), document.source.position(of: s.upperBound))
        }
        #expect(text.contains("优先划拨经费、优先采购配备。去年，该区投入 120 万元，规划新建了10个村级党建阵地"))
        let figure = try sourceSpan("120 万元")
        #expect(figure.0 == SourcePosition(line: 17, column: 16))
        #expect(figure.1 == SourcePosition(line: 18, column: 2))
        let broken = try sourceSpan("党建、无用房")
        #expect(broken.0 == SourcePosition(line: 22, column: 17))
        #expect(broken.1 == SourcePosition(line: 24, column: 6))
        // Every byte of the joined text maps back to the same byte in the source.
        for (k, byte) in p.text.enumerated() where byte != 0x20 || !p.segments.contains(where: { $0.synthetic }) {
            #expect(document.source.bytes[p.sourceOffset(k)] == byte)
        }
    }

    @Test func mapsAYearSplitAcrossLines() throws {
        let document = Document(path: "004", text: try Repo.seedText("004_6f37aac55d80145d.txt"))
        let p = try #require(document.paragraphs.first { $0.string.contains("2017年继续把保障") })
        let r = try #require(p.text.firstRange(of: Array("2017年".utf8)))
        let s = p.sourceRange(r)
        #expect(document.source.position(of: s.lowerBound) == SourcePosition(line: 112, column: 13))
        #expect(document.source.position(of: s.upperBound) == SourcePosition(line: 113, column: 2))
    }

    @Test func paragraphRecordsWhatInterruptsIt() throws {
        // Seed 003: a caption stands between `对照创建目` and `标，年终公示创建结果。`.
        let document = Document(path: "003", text: try Repo.seedText("003_a2c041b2b8083ec5.txt"))
        let p = try #require(document.paragraphs.first { $0.string.contains("对照创建目标,年终公示创建结果。") })
        #expect(p.interruptions.map { document.blocks[$0].kind } == [.caption])
        #expect(document.blocks[p.interruptions[0]].firstLine + 1 == 41)
    }

    @Test func latinWordsWrappedAcrossLinesGetASpace() {
        let document = Document(path: "t", text: "这是一段很长的正文，提到了 New\nYork 和 S104\n道路。")
        let p = document.paragraphs[0]
        #expect(p.string == "这是一段很长的正文，提到了 New York 和 S104道路。")
    }

    @Test func sentencesEndAfterClosingMarks() {
        let document = Document(path: "t", text: "他说：“好！”我们走吧。真的吗？是的……还有半句")
        let p = document.paragraphs[0]
        let sentences = p.sentences().map { String(decoding: p.text[$0], as: UTF8.self) }
        #expect(sentences == ["他说：“好！”", "我们走吧。", "真的吗？", "是的……", "还有半句"])
    }

    @Test func articlesFollowTheBlocksNotOnlyTheirOrder() throws {
        // Seed 002: a headline and byline inside an unfinished sentence stay in its article.
        let document = Document(path: "002", text: try Repo.seedText("002_95b150d32cc6734e.txt"))
        let first = try #require(document.articles.first)
        let lines = first.blocks.map { document.blocks[$0].firstLine + 1 }
        #expect(lines.contains(21) && lines.contains(23) && lines.contains(25))
        #expect(!lines.contains(3))  // the masthead belongs to no article
        #expect(document.articles.count == 2)
    }
}

@Suite("Paragraphs across interruptions")
struct ParagraphJoinTests {
    @Test func aSentenceContinuesAfterAnInterruptionAndBeyond() {
        // The sentence runs from the first block, past the caption, through two more blocks.
        let text = "检查《党支部工作记录本》《党员管理，这是一段很长很长很长很长很长很长很长很长很长很长的正文\n\n\n\n定期召开推进会。\n\n手册》使用情况，查看阵地建设，这也是很长很长很长很长很长很长很长很长的正文\n\n情况，检查结束。"
        let document = Document(path: "t", text: text)
        let prose = document.paragraphs.filter { $0.kind.isProse }
        #expect(prose.count == 1)
        #expect(prose[0].blocks.count == 3)
        #expect(prose[0].interruptions.count == 1)
        #expect(prose[0].string.hasSuffix("的正文情况，检查结束。"))
    }

    @Test func aBlockOpeningWithAClosingQuoteContinuesTheParagraph() {
        let text = "“在新的起点上继续推动文化繁荣、建设文化强国，是我们在新时代新的文化使命。\n\n”8月3日，总书记出席座谈会并发表重要讲话。"
        let prose = Document(path: "t", text: text).paragraphs.filter { $0.kind.isProse }
        #expect(prose.count == 1)
        #expect(prose[0].string.contains("文化使命。”8月3日"))
    }
}
