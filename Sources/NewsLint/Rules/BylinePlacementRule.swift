/// `byline-placement`: every article has a byline, and bylines and headlines stand where the
/// page puts them.
///
/// Checks: an article with body text and no byline, dateline lead or `□` author; a byline or
/// headline after the body it belongs to while the file's other articles put them first; two
/// bylines of one article that name different people. Where page export puts every headline
/// after its body (seed 004), the file gets one note instead of one finding per article; so it
/// does where two or more full articles have no byline (an export that dropped the credits, a CMS
/// that keeps them in a field of their own): a missing byline is a warning only on a page whose
/// other full articles all have one. An editor's note (`编者按`, `开栏的话`) needs none.
/// A headline or byline inside an unfinished sentence is `caption-placement`'s to report.
public struct BylinePlacementRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "byline-placement",
        name: LocalizedText(zh: "署名与标题的位置", en: "Placement of bylines and headlines"),
        rationale: LocalizedText(
            zh: "每篇稿件要有署名、电头或作者；标题和署名排在正文之前；同一篇稿件的两处署名应一致。版面导出常把标题放到正文之后，整页如此时只提示一次；采编系统导出的稿件常把署名放在另外的字段，只有本版其他稿件都有署名时，缺署名才警告。编者按不需署名。",
            en: "Every article has a byline, a dateline or an author; headlines and bylines come before the body; two bylines of one article agree. Page export often puts headlines after the body: when a whole page does, it is noted once. A CMS export often keeps bylines in a field of its own, so a missing byline is a warning only when the page's other articles all have one. An editor's note needs none."),
        severity: .warning,
        triggering: [
            RuleExample("# 坚守初心谋发展\n\n⟦正文第一段写完了，这是一⟧段很长的正文。\n\n正文第二段。"),
            // Seed 000: the second article's byline and headline after its body, the first's before.
            RuleExample("# 创新引领促发展\n\n本报记者 郭树勋\n\n第一篇正文。\n\n（本栏照片均由文昌街道提供）\n\n第二篇正文。\n\n⟦本报记者 郭树勋 本报通讯员 樊艺芳⟧\n\n⟦# 坚守初心谋发展 接续奋斗开新局⟧", allowsIndent: false),
            RuleExample("# 标题\n\n本报记者 郭树勋\n\n⟦本报讯（记者付凯明）近日，示范区家长学校开讲。⟧"),
            // Copy written a paragraph a line: one story without a byline on a page whose other has one.
            RuleExample("春耕进展顺利\n本报北京3月5日电  （记者张伟）记者从农业农村部获悉，今年春耕进展顺利，全国已完成春播粮食面积一成以上，各地农机手已经下地作业，农资供应总体充足。\n各地农机手已经下地作业。\n\n书香满城\n⟦城区新开了三家书店，读者⟧纷纷前往选购图书，书店里人头攒动，不少家长带着孩子一起挑选绘本和科普读物，店员们忙着整理书架、推荐新书。\n书店还举办了读书分享会。"),
            // Two full articles, neither with a byline: one note for the page, at the first.
            RuleExample("# 第一篇标题\n\n⟦第一篇正文第一段，写在这⟧里。\n\n第一篇正文第二段。\n\n# 第二篇标题\n\n第二篇正文第一段。\n\n第二篇正文第二段。"),
        ],
        nonTriggering: [
            RuleExample("# 标题\n\n本报记者 郭树勋\n\n正文第一段。"),
            RuleExample("# 推动党的创新理论落地见效\n\n□赵国松\n\n正文第一段。"),
            RuleExample("本报讯（记者付凯明）近日，示范区家长学校开讲。\n\n示范区家长学校开讲"),
            // Credited at the end: a credit, or the note of the author's post.
            RuleExample("# 标题\n\n正文第一段。\n\n正文第二段。\n\n（本报记者汪晓东、李昌禹）"),
            RuleExample("# 标题\n\n正文第一段。\n\n正文第二段。\n\n（作者为中国驻吉尔吉斯斯坦大使）"),
            // A brief or an excerpt: one paragraph, no byline needed.
            RuleExample("# 标题\n\n正文只有一段。"),
            RuleExample("# 标题\n\n本报记者 郭树勋\n\n本报讯（记者郭树勋）近日，示范区家长学校开讲。"),
            // A title block over a wire dateline, after another story (a paragraph a line).
            RuleExample("春耕进展顺利\n本报北京3月5日电  （记者张伟）记者从农业农村部获悉，今年春耕进展顺利，全国已完成春播粮食面积一成以上，各地农机手已经下地作业，农资供应总体充足。\n各地农机手已经下地作业。\n\n受国务院委托\n多部门部署春季农业生产\n新华社北京3月5日电  （记者王平）有关部门日前部署春季农业生产工作。\n通知要求各地抓好落实。"),
            // Credited at the end by the people who wrote it up; an editor's note.
            RuleExample("打好种业翻身仗\n种子是农业的“芯片”。近年来，我省育成新品种一百余个。\n下一步，我们将加快建设种质资源库。\n本报记者 韩 冰 林晓晨整理"),
            RuleExample("经济形势怎么看\n开栏的话\n前三季度主要经济数据近日发布，经济运行总体平稳、稳中有进，本版今起推出系列报道，回应读者关切，敬请关注。\n欢迎读者来信来电，提出意见建议。"),
        ]
    )

    let style: HouseStyle

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        style = try HouseStyle.load(rulesDirectory: options.rulesDirectory)
    }

    /// What credits an article: a byline, a dateline, an author, a closing credit, or the note of
    /// its author's post (`（作者为…）`, whose name the page header carries).
    static let bylineKinds: Set<BlockKind> = [.byline, .datelineLead, .commentaryAuthor, .credit, .authorAffiliation]
    static let titleKinds: Set<BlockKind> = [.headline, .kicker]

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let blocks = document.blocks
        // Blocks standing inside an unfinished sentence are caption-placement's.
        let interrupting = Set(document.paragraphs.flatMap(\.interruptions))
        var leading = 0
        var trailing: [[Int]] = []  // per article, the headlines and bylines after its last prose
        // Prose paragraphs per article (a paragraph counts for every article holding one of its blocks).
        var articleOf = [Int](repeating: -1, count: blocks.count)
        for (n, article) in document.articles.enumerated() { for b in article.blocks { articleOf[b] = n } }
        var proseParagraphs = [Int](repeating: 0, count: document.articles.count)
        var missing: [Finding] = [], bylined = 0
        for p in document.paragraphs where p.kind.isProse {
            for n in Set(p.blocks.map { articleOf[$0] }) where n >= 0 { proseParagraphs[n] += 1 }
        }
        for (n, article) in document.articles.enumerated() {
            let prose = article.blocks.filter { blocks[$0].kind.isProse }
            guard let firstProse = prose.first, let lastProse = prose.last else { continue }
            // A full article (a headline and two paragraphs or more) needs a byline; a brief or an
            // excerpt may have none.
            if proseParagraphs[n] >= 2, article.hasHeadline, !isEditorsNote(article, document) {
                if article.blocks.contains(where: { Self.bylineKinds.contains(blocks[$0].kind) }) {
                    bylined += 1
                } else {
                    let line = blocks[firstProse].lines[0]
                    let end = UTF8Scan.offset(document.source.bytes, scalars: 12, after: line.lowerBound, limit: line.upperBound)
                    missing.append(Finding(range: line.lowerBound..<end, message: Messages.noByline))
                }
            }
            let titles = article.blocks.filter { Self.titleKinds.contains(blocks[$0].kind) && !interrupting.contains($0) }
            if titles.contains(where: { $0 < firstProse }) { leading += 1 }
            let late = article.blocks.filter {
                $0 > lastProse && !interrupting.contains($0) && (Self.titleKinds.contains(blocks[$0].kind) || blocks[$0].kind == .byline)
            }
            if !late.isEmpty { trailing.append(late) }
            findings += disagreements(article, document)
        }
        // Copy from a CMS may carry bylines in a field of their own, so a missing byline is a
        // warning only against a page whose other full articles all have one.
        if missing.count == 1 && bylined > 0 {
            findings += missing
        } else if !missing.isEmpty {
            findings.append(Finding(range: missing[0].range, message: Messages.pageWithoutBylines(missing.count, of: missing.count + bylined), severity: .note))
        }
        if leading == 0 && trailing.count >= 2 {
            // The whole page puts headlines after bodies: page export, noted once.
            let first = trailing[0][0]
            findings.append(Finding(range: blocks[first].range, message: Messages.pageOrder(trailing.count), severity: .note))
        } else if leading > 0 {
            for late in trailing {
                for b in late {
                    findings.append(Finding(range: blocks[b].range, message: blocks[b].kind == .byline ? Messages.lateByline : Messages.lateHeadline))
                }
            }
        }
        return findings
    }

    /// An editor's note (`编者按：…`, `开栏的话`) speaks for the paper and carries no byline.
    private func isEditorsNote(_ article: Article, _ document: Document) -> Bool {
        article.blocks.prefix(6).contains { b in
            let block = document.blocks[b]
            guard block.kind.isProse || BlockKind.titles.contains(block.kind) else { return false }
            return Self.editorsNoteLabels.contains { ByteSearch.hasPrefix($0, document.source.bytes, block.range) }
        }
    }

    static let editorsNoteLabels = ["编者按", "编者的话", "开栏的话", "编后"].map(UTF8Scan.bytes)

    /// Two bylines of one article (a byline and a dateline's brackets, say) naming different people.
    private func disagreements(_ article: Article, _ document: Document) -> [Finding] {
        var seen: [(block: Int, names: Set<String>)] = []
        var out: [Finding] = []
        for b in article.blocks {
            let block = document.blocks[b]
            var names: [String] = []
            switch block.kind {
            case .byline: names = BylineParse(document.peopleText(ofBlock: b) ?? "", style: style).names
            case .datelineLead: names = document.dateline(atBlock: b, style: style)?.people.names ?? []
            default: continue
            }
            let set = Set(names)
            guard !set.isEmpty else { continue }
            if let earlier = seen.first(where: { !$0.names.isSubset(of: set) && !set.isSubset(of: $0.names) }) {
                let earlierNames = earlier.names.sorted().joined(separator: "、"), theseNames = set.sorted().joined(separator: "、")
                let range = block.kind == .datelineLead ? block.lines[0] : block.range
                out.append(Finding(range: range, message: Messages.disagree(earlierNames, theseNames),
                                   related: [(document.blocks[earlier.block].range.lowerBound, LocalizedText(zh: "另一处署名", en: "the other byline"))]))
            }
            seen.append((b, set))
        }
        return out
    }

    // MARK: - Messages

    enum Messages {
        static let noByline = LocalizedText(zh: "这篇稿件没有署名、电头或作者", en: "this article has no byline, dateline or author")
        static let lateByline = LocalizedText(zh: "署名排在正文之后，本版其他稿件的署名都在正文之前", en: "the byline follows its body, while the page's other articles put it first")
        static let lateHeadline = LocalizedText(zh: "标题排在正文之后，本版其他稿件的标题都在正文之前", en: "the headline follows its body, while the page's other articles put it first")

        static func pageOrder(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "本版 \(n) 篇稿件的标题都排在正文之后，多半是版面导出的顺序；请核对每个标题与正文的对应",
                          en: "all \(n) articles of this page have their headline after the body, most likely the order of page export; check that each headline matches its body")
        }

        static func pageWithoutBylines(_ n: Int, of total: Int) -> LocalizedText {
            if n == total {
                return LocalizedText(zh: "本版 \(n) 篇稿件都没有署名、电头或作者，多半是导出时丢了署名；请核对每篇稿件的署名",
                                     en: "none of the \(n) articles of this page has a byline, dateline or author, most likely lost in export; check each article's credits")
            }
            return LocalizedText(zh: "本版 \(total) 篇稿件中有 \(n) 篇没有署名、电头或作者，署名可能在另外的字段里；请核对这些稿件的署名",
                                 en: "\(n) of the \(total) articles of this page have no byline, dateline or author, which may stand in a field of their own; check these articles' credits")
        }

        static func disagree(_ a: String, _ b: String) -> LocalizedText {
            LocalizedText(zh: "同一篇稿件的两处署名不一致：\(a) 与 \(b)", en: "two bylines of one article disagree: \(a) and \(b)")
        }
    }
}
