/// `byline-format`: bylines, datelines, photo credits and `□` authors in the house style.
///
/// The house style is data (`Rules/house-style.json`, built in as the default): the role words,
/// their order, whether a space stands between 本报讯 and （, the length of names. Each finding
/// lists what is wrong and carries the byline rewritten in the house style as its suggestion.
/// Wire datelines (`新华社…电（…）`) and `本报…电（…）` datelines are checked for bracket width
/// and closing, not spacing (copy scraped from the web loses it) nor names (a wire's are its own).
public struct BylineFormatRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "byline-format",
        name: LocalizedText(zh: "署名与电头格式", en: "Format of bylines and datelines"),
        rationale: LocalizedText(
            zh: "署名、电头和摄影署名按本报体例书写：电头括号用全角“（）”，“本报讯”与括号之间是否空格全版一致；姓名为2～4个汉字，角色词后必有姓名，同一署名不重复，记者在前、通讯员在后，署名中不用标点。体例数据在 Rules/house-style.json。",
            en: "Bylines, datelines and photo credits follow the house style: full-width brackets （） in datelines, the house spacing between 本报讯 and its bracket throughout the page, names of 2 to 4 Han characters, a name after every role word, no name twice, reporters before correspondents, no punctuation. The style is data in Rules/house-style.json."),
        severity: .error,
        options: [
            RuleOptionDescription("houseStyle", default: "{}", LocalizedText(
                zh: "覆盖体例中的键（roles、roleOrder、localDateline、spaceBeforeDatelineBracket、nameLength、roster）",
                en: "overrides keys of the house style (roles, roleOrder, localDateline, spaceBeforeDatelineBracket, nameLength, roster)")),
        ],
        triggering: [
            // Seed 002 line 90.
            RuleExample("⟦本报讯 (记者段美如 通讯员段玉明)⟧ 2022年我市推进高速公路项目共9个。"),
            // Seed 004 line 449: a space the house style does not have.
            RuleExample("⟦本报讯 （记者付凯明）⟧ 3月28日，文昌街道的新一届党组织班子全部产生。"),
            RuleExample("⟦本报讯（通讯员宁果 记者付凯明）⟧连日来，宁郭镇创新发展举措。"),
            // ASCII brackets in every form of dateline, with one name or several, a wire's too.
            RuleExample("⟦本报北京3月5日电  (记者张伟、刘洋)⟧记者从有关部门获悉，今年春耕进展顺利。"),
            RuleExample("⟦新华社北京6月2日电 (记者王平 李娜)⟧国务院日前发布通知。"),
            RuleExample("⟦本报讯（记者付凯明 付凯明）⟧连日来，宁郭镇创新发展举措。"),
            RuleExample("⟦本报记者 郭树勋 本报通讯员⟧\n\n正文第一段。"),
            RuleExample("⟦本报通讯员 张放 本报记者 郭树勋⟧\n\n正文第一段。"),
            RuleExample("⟦本报记者:郭树勋⟧\n\n正文第一段。"),
            RuleExample("⟦本报记者 郭树勋勋勋勋⟧\n\n正文第一段。"),
            RuleExample("⟦本报讯（⟧记者付凯明 近日，示范区家长学校开讲。"),
            RuleExample("走访企业。⟦本报记者 摄⟧"),
            RuleExample("⟦□⟧\n\n正文第一段。", allowsIndent: false),
            RuleExample("⟦本报讯 （记者付凯明）⟧近日，示范区家长学校开讲。", options: #"{"houseStyle": {"spaceBeforeDatelineBracket": false}}"#),
            RuleExample("⟦本报讯（记者付凯明）⟧近日，示范区家长学校开讲。", options: #"{"houseStyle": {"spaceBeforeDatelineBracket": true}}"#),
        ],
        nonTriggering: [
            RuleExample("本报记者 郭树勋 本报通讯员 张放\n\n正文第一段。"),
            RuleExample("本报讯（通讯员宁果）连日来，宁郭镇创新发展举措。"),
            RuleExample("本报讯（记者段美如 通讯员段玉明）2022年我市推进高速公路项目共9个。"),
            RuleExample("走访企业。本报记者 吉亚南 摄"),
            RuleExample("中交一公局沿太行高速二标梁场箱梁台座正在预制作业。\n段玉明 摄"),
            RuleExample("□赵国松\n\n正文第一段。"),
            RuleExample("本报记者 王  浩\n\n正文第一段。"),
            // Wire and scraped datelines are not the house's: their spacing and names are theirs.
            RuleExample("新华社北京7月3日电 （记者梅常伟）中央军委晋升上将军衔仪式3日在北京八一大楼举行。"),
            RuleExample("新华社北京6月2日电  （记者王平 李娜）国务院日前发布通知。"),
            // Credits of other papers: a role after the names, a name spaced to three widths.
            RuleExample("本报记者 刘士安 李泓冰整理\n\n正文第一段。"),
            RuleExample("本报记者 胡 健整理\n\n正文第一段。"),
            RuleExample("文/图  本报记者 张三\n\n正文第一段。"),
            RuleExample("本报北京3月5日讯（记者张伟）记者从农业农村部获悉，今年春耕进展顺利。"),
            RuleExample("本报科伦坡7月3日电 （记者白元琪）读者会3日在斯里兰卡首都科伦坡举行。"),
            RuleExample("本报讯 （记者付凯明）近日，示范区家长学校开讲。", options: #"{"houseStyle": {"spaceBeforeDatelineBracket": true}}"#),
        ]
    )

    let style: HouseStyle

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        style = try HouseStyle.load(options: options)
    }

    public var configurationSummary: LocalizedText? {
        LocalizedText(zh: "体例：" + style.summary.zh, en: "House style: " + style.summary.en)
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let datelines = document.paragraphs.compactMap { p -> (Paragraph, Dateline)? in
            guard p.kind == .datelineLead, let d = Dateline(p.text, style: style) else { return nil }
            return (p, d)
        }
        let houseFormCount = datelines.filter { $0.1.isLocal && $0.1.spaced == style.spaceBeforeDatelineBracket }.count
        for (p, d) in datelines {
            if let f = judge(d, in: p, othersInHouseForm: houseFormCount) { findings.append(f) }
        }
        for (i, block) in document.blocks.enumerated() {
            guard let people = document.peopleText(ofBlock: i) else { continue }
            let parse = BylineParse(people, style: style)
            switch block.kind {
            case .byline:
                let problems = parse.problems(style)
                if !problems.isEmpty {
                    findings.append(Finding(range: block.range, message: Messages.byline(problems), suggestion: parse.rewritten(style, compact: false),
                                            fixIsSafe: isSafe(parse)))
                }
            case .photoCredit:
                var problems = parse.problems(style)
                if parse.names.isEmpty { problems = [Messages.creditWithoutName] }
                if !problems.isEmpty {
                    let fixed = parse.names.isEmpty ? nil : parse.rewritten(style, compact: false) + " 摄"
                    findings.append(Finding(range: block.range, message: Messages.byline(problems), suggestion: fixed))
                }
            case .commentaryAuthor:
                var problems = parse.problems(style)
                if parse.names.isEmpty { problems = [Messages.authorWithoutName] }
                if !problems.isEmpty {
                    findings.append(Finding(range: block.range, message: Messages.byline(problems),
                                            suggestion: parse.names.isEmpty ? nil : "□" + parse.rewritten(style, compact: false)))
                }
            default:
                break
            }
        }
        return findings
    }

    private func judge(_ d: Dateline, in p: Paragraph, othersInHouseForm: Int) -> Finding? {
        var problems: [LocalizedText] = []
        if d.asciiBrackets { problems.append(Messages.asciiBrackets) }
        if d.isLocal && d.spaced != style.spaceBeforeDatelineBracket {
            let others = othersInHouseForm > 0
            problems.append(Messages.spacing(style, pageAgrees: others))
        }
        if !d.closed { problems.append(Messages.unclosed) }
        if d.isLocal { problems += d.people.problems(style) }
        guard !problems.isEmpty else { return nil }
        // Local datelines take the house spacing; others keep theirs (only their brackets are judged).
        let gap = d.isLocal ? (style.spaceBeforeDatelineBracket ? " " : "") : (d.spaced ? " " : "")
        let people = d.isLocal ? d.people.rewritten(style, compact: true) : d.content
        let suggestion = d.closed ? d.head + gap + "（" + people + "）" : nil
        return Finding(range: p.sourceRange(0..<d.end), message: Messages.byline(problems), suggestion: suggestion,
                       fixIsSafe: isSafe(d.people))
    }

    /// A rewrite is safe when it changes only form (brackets, spacing, order, punctuation), not
    /// who is named: every name is a valid one and none is dropped.
    func isSafe(_ parse: BylineParse) -> Bool {
        !parse.entries.contains { $0.names.isEmpty } && parse.names.allSatisfy { BylineParse.isName($0, style) }
            && Set(parse.names).count == parse.names.count
    }

    // MARK: - Messages

    enum Messages {
        static func byline(_ problems: [LocalizedText]) -> LocalizedText {
            LocalizedText(zh: "署名不合体例：" + problems.map(\.zh).joined(separator: "；"),
                          en: "byline not in the house style: " + problems.map(\.en).joined(separator: "; "))
        }

        static let asciiBrackets = LocalizedText(zh: "电头括号应为全角“（）”", en: "dateline brackets are full-width （）")
        static let unclosed = LocalizedText(zh: "电头括号不成对", en: "the dateline's bracket is not closed")
        static let creditWithoutName = LocalizedText(zh: "摄影署名缺少姓名", en: "the photo credit names no one")
        static let authorWithoutName = LocalizedText(zh: "作者署名缺少姓名", en: "the author line names no one")

        static func spacing(_ style: HouseStyle, pageAgrees: Bool) -> LocalizedText {
            let zhPage = pageAgrees ? "（本版其他电头也是如此）" : ""
            let enPage = pageAgrees ? " (as the page's other datelines are)" : ""
            if style.spaceBeforeDatelineBracket {
                return LocalizedText(zh: "“\(style.localDateline)”与“（”之间应空一格\(zhPage)", en: "a space goes between \(style.localDateline) and （\(enPage)")
            }
            return LocalizedText(zh: "“\(style.localDateline)”与“（”之间不空格\(zhPage)", en: "no space goes between \(style.localDateline) and （\(enPage)")
        }
    }
}
