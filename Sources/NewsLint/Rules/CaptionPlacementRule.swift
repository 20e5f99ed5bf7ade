/// `caption-placement`: captions, credits, notes, headlines and bylines where they belong.
///
/// Page export drops a photo's caption wherever the photo stood, often in the middle of a
/// sentence. The layout model joins a sentence across whatever interrupts it; this rule reports
/// each caption, photo credit, photo-source note, headline, kicker or byline that stands inside
/// an unfinished sentence, a photo credit cut off from its caption, a photo-source note with no
/// caption before it, and captions that break the house style (unterminated, empty, too long).
/// A column break with nothing between the halves of a sentence is not an error.
public struct CaptionPlacementRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "caption-placement",
        name: LocalizedText(zh: "图片说明与标题的位置", en: "Placement of captions, credits and headlines"),
        rationale: LocalizedText(
            zh: "图片说明、摄影署名、图片来源说明、标题和署名不能插在一句话中间；摄影署名紧跟图片说明；“本栏照片均由…提供”放在本栏最后一幅图片的说明之后；图片说明以句号结束，不超过规定长度。",
            en: "A caption, photo credit, photo-source note, headline or byline must not stand inside a sentence; a photo credit follows its caption; a photo-source note follows the last caption of its section; captions end with a full stop and keep to the house length."),
        severity: .error,
        options: [
            RuleOptionDescription("maxLength", default: "100", LocalizedText(zh: "图片说明的最大字数", en: "longest caption, in characters")),
            RuleOptionDescription("requireFullStop", default: "true", LocalizedText(zh: "图片说明必须以句号（。！？）结束", en: "captions end with a sentence mark (。！？)")),
        ],
        triggering: [
            // Seed 003: the caption splits 目标.
            RuleExample("第四步：亮，公示创建成果、亮点做法等正面清单和整改落实情况，对照创建目\n\n\n\n⟦定期召开“五星”支部创建推进会。⟧\n\n标，年终公示创建结果。"),
            // Seed 002: a headline and a byline inside one sentence, each reported.
            RuleExample("修武县委、县政府响亮提出“巩固好基础”的奋斗目标，一系列生态立县、智\n\n⟦周庄镇 党建引领激活乡村振兴 一池春水⟧\n\n⟦本报记者 梁智玲⟧\n\n造强县、旅游兴县的发展战略正在紧锣密鼓谋划中。"),
            // Hard-wrapped page text: a caption with its credit between two wrapped lines.
            RuleExample("该区坚持“一村一品牌”的原则，科\n学制订基层党建阵地发展规划，每\n个党建阵地搭建服务平台，建立服\n\n⟦示范区党工委副书记与富力地产集团总经理签约。⟧张双杰 摄\n\n务站，规范服务群众标准。"),
            // A credit after prose, away from any caption.
            RuleExample("会议在北京召开。与会代表围绕乡村振兴、基层治理等议题展开讨论。会议形成了广泛共识。会议要求各地结合实际抓好落实。\n\n⟦本报记者 吉亚南 摄⟧\n\n据悉，会议为期两天。"),
            RuleExample("第一段正文写完了。\n\n\n\n党群共建美丽家园。\n\n（本栏照片均由文昌街道提供）\n\n⟦（本栏照片均由文昌街道提供）⟧"),
            RuleExample("第一段正文写完了。\n\n⟦（本栏照片均由文昌街道提供）⟧", allowsIndent: false),
            RuleExample("正文写完了。\n\n⟦河南省公路工程局的建设者正在操作挤压机进行钢筋笼连接⟧\n段玉明 摄"),
            // Copy written a paragraph a line: a caption and its credit dropped into a sentence.
            RuleExample("会议在北京召开。来自全国各地的代表齐聚一堂，共同见证了在这里举行的\n⟦图为工作人员在检查设备运行情况。⟧\n新华社记者 李明摄\n隆重的开幕仪式，与会代表纷纷表示深受鼓舞。\n会议为期两天，议程安排紧凑，代表们将分组讨论。"),
            RuleExample("正文写完了。\n\n\n\n⟦党群共建美丽家园，村民在广场上跳舞。⟧", options: #"{"maxLength": 12}"#),
        ],
        nonTriggering: [
            // A column break inside a sentence with nothing between the halves (seed 002).
            RuleExample("周庄镇党委创新提出“1+3+N”基层治理模式，不断增强基层党\n\n组织的创造力、凝聚力和战斗力，让群众成为乡村建设的主体。"),
            // Captions between complete paragraphs and at the end of an article (seed 000).
            RuleExample("营造了文明幸福的良好氛围。\n\n\n\n“四好农村路”田间穿行。\n\n\n\n姚郭庄村游园。\n\n（本栏照片均由文昌街道提供）"),
            RuleExample("走访企业。本报记者 吉亚南 摄\n\n正文从这里开始。"),
            RuleExample("正文写完了。\n\n\n\n周庄镇农村党组织书记抓基层党建述职评议考核会。\n\n本报记者 吉亚南 摄"),
            RuleExample("中交一公局沿太行高速二标梁场箱梁台座正在预制作业。\n段玉明 摄"),
            RuleExample("示范区将以更加积极的态度，让企业在示范区安心投资。\n 示范区党工委副书记、管委会主任陈湘（前左）与富力地产\n集团郑州（河南）公司总经理高峰代表双方签约。张双杰 摄", allowsIndent: false),
            RuleExample("正文写完了。\n\n\n\n党群共建美丽家园，村民在广场上跳舞。", options: #"{"maxLength": 40}"#),
            // The same caption between two paragraphs; a title block and a deck over a dateline.
            RuleExample("会议在北京召开。来自全国各地的代表齐聚一堂，共同见证了开幕仪式。\n图为工作人员在检查设备运行情况。\n新华社记者 李明摄\n与会代表纷纷表示深受鼓舞，会议为期两天。\n会议议程安排紧凑，代表们将分组讨论。"),
            RuleExample("春节假期首日全国客运平稳有序\n■铁路、公路、民航运送旅客同比增长■各地服务区保障有力\n新华社北京2月4日电  （记者陈嘉禾）记者4日从交通运输部获悉，春节假期首日全国客运总体平稳有序。\n据介绍，铁路部门当日加开旅客列车三百余列。"),
            RuleExample("正文写完了。\n\n河南省公路工程局的建设者正在操作挤压机进行钢筋笼连接\n段玉明 摄", options: #"{"requireFullStop": false}"#),
        ]
    )

    /// Longest caption in characters (house style).
    let maxLength: Int
    /// Whether captions end with a sentence mark (。！？).
    let requireFullStop: Bool

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        maxLength = try options.int("maxLength", default: 100, range: 4...1000)
        requireFullStop = try options.bool("requireFullStop", default: true)
    }

    /// Kinds that must not stand inside a sentence. Subheadings are left out: a lone title line
    /// inside a sentence is more often a misread wrapped line than a misplaced heading.
    static let intruders: Set<BlockKind> = [.caption, .photoCredit, .photoSourceNote, .headline, .kicker, .byline]

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<Int>()
        for p in document.paragraphs where p.kind.isProse && !p.interruptions.isEmpty {
            for (before, after) in zip(p.blocks, p.blocks.dropFirst()) where after > before + 1 {
                let between = p.interruptions.filter { $0 > before && $0 < after }
                for k in between where Self.intruders.contains(document.blocks[k].kind) {
                    // A credit attached to a caption that is reported already goes with it.
                    if document.blocks[k].kind == .photoCredit && k > 0 && reported.contains(k - 1)
                        && isAttached(credit: document.blocks[k], to: document.blocks[k - 1]) { continue }
                    if let f = intrusion(k, before: before, after: after, in: p, document) {
                        findings.append(f)
                        reported.insert(k)
                    }
                }
            }
        }
        checkCreditsAndNotes(document, skipping: reported, into: &findings)
        checkCaptions(document, into: &findings)
        return findings
    }

    /// The finding for block `k` standing between the two halves of a sentence.
    private func intrusion(_ k: Int, before: Int, after: Int, in p: Paragraph, _ document: Document) -> Finding? {
        let blocks = document.blocks
        guard let seam = p.textOffset(ofSource: blocks[after].lines[0].lowerBound) else { return nil }
        let head = context(p.text, endingAt: seam)
        let tail = context(p.text, startingAt: seam)
        let word = splitWord(p.text, at: seam)
        let block = blocks[k]
        let lastOfBefore = blocks[before].lines[blocks[before].lines.count - 1].upperBound
        let beforeEnd = UTF8Scan.previousScalarStart(document.source.bytes, before: lastOfBefore)
        return Finding(
            range: block.range,
            message: Messages.intrusion(block.kind, head: head, tail: tail, word: word),
            related: [
                (beforeEnd, LocalizedText(zh: "句子的前半在这里中断", en: "the sentence breaks off here")),
                (blocks[after].lines[0].lowerBound, LocalizedText(zh: "句子的后半从这里接上", en: "the sentence goes on here")),
            ])
    }

    /// Photo credits away from any caption; photo-source notes with no caption in their section.
    private func checkCreditsAndNotes(_ document: Document, skipping reported: Set<Int>, into findings: inout [Finding]) {
        let blocks = document.blocks
        var captionsSinceNote = 0
        var previousNote: String?
        for (i, block) in blocks.enumerated() {
            switch block.kind {
            case .caption:
                captionsSinceNote += 1
            case .photoCredit:
                if reported.contains(i) { continue }
                let attached = i > 0 && blocks[i - 1].kind == .caption && isAttached(credit: block, to: blocks[i - 1])
                if !attached { findings.append(Finding(range: block.range, message: Messages.detachedCredit)) }
            case .photoSourceNote:
                let text = document.source.string(block.range)
                if reported.contains(i) {
                    // Already reported inside a sentence.
                } else if captionsSinceNote == 0 && previousNote == text {
                    findings.append(Finding(range: block.range, message: Messages.repeatedNote))
                } else if captionsSinceNote == 0 {
                    findings.append(Finding(range: block.range, message: Messages.noteWithoutCaption))
                }
                captionsSinceNote = 0
                previousNote = text
            case .headline, .kicker, .datelineLead, .commentaryAuthor, .masthead, .advertisement:
                // A new section starts; a note later on needs captions of its own.
                if block.kind != .kicker && block.kind != .headline { previousNote = nil }
            default:
                break
            }
        }
    }

    /// Captions against the house style: empty, unterminated, too long.
    private func checkCaptions(_ document: Document, into findings: inout [Finding]) {
        for block in document.blocks where block.kind == .caption {
            let scalars = document.source.string(block.range).unicodeScalars
            let letters = scalars.filter { Scalar.isHan($0.value) || Scalar.isASCIILetter($0.value) || Scalar.isASCIIDigit($0.value) }.count
            if letters == 0 {
                findings.append(Finding(range: block.range, message: Messages.emptyCaption))
                continue
            }
            if scalars.count > maxLength {
                findings.append(Finding(range: block.range, message: Messages.longCaption(scalars.count, limit: maxLength)))
            }
            if requireFullStop, let end = scalars.last(where: { !Scalar.isClosingMark($0.value) }), !Scalar.isSentenceEnd(end.value) {
                let text = document.source.string(block.range)
                findings.append(Finding(range: block.range, message: Messages.unterminatedCaption, suggestion: text + "。", fixIsSafe: block.lines.count == 1))
            }
        }
    }

    /// A credit on the caption's own line, or on a line after it with at most one blank line between.
    private func isAttached(credit: Block, to caption: Block) -> Bool {
        credit.firstLine - caption.lastLine <= 2
    }

    /// Up to 8 characters of `text` before `offset`.
    private func context(_ text: [UInt8], endingAt offset: Int) -> String {
        let start = UTF8Scan.offset(text, scalars: 8, before: offset)
        return (start > 0 ? "…" : "") + String(decoding: text[start..<offset], as: UTF8.self)
    }

    /// Up to 8 characters of `text` from `offset`.
    private func context(_ text: [UInt8], startingAt offset: Int) -> String {
        let end = UTF8Scan.offset(text, scalars: 8, after: offset)
        return String(decoding: text[offset..<end], as: UTF8.self) + (end < text.count ? "…" : "")
    }

    /// The two Han characters on either side of the seam, when both are Han: the word most
    /// likely cut in two (`目|标`).
    private func splitWord(_ text: [UInt8], at seam: Int) -> String? {
        guard seam > 0, seam < text.count else { return nil }
        let a = UTF8Scan.scalar(before: seam, in: text), b = UTF8Scan.decode(text, at: seam).0
        guard Scalar.isHan(a), Scalar.isHan(b), let x = Unicode.Scalar(a), let y = Unicode.Scalar(b) else { return nil }
        return String(Character(x)) + String(Character(y))
    }

    // MARK: - Messages

    enum Messages {
        static func name(_ kind: BlockKind) -> (zh: String, en: String) {
            switch kind {
            case .caption: return ("图片说明", "a caption")
            case .photoCredit: return ("摄影署名", "a photo credit")
            case .photoSourceNote: return ("图片来源说明", "a photo-source note")
            case .headline: return ("标题", "a headline")
            case .kicker: return ("引题", "a kicker")
            case .byline: return ("署名", "a byline")
            default: return ("这段文字", "this block")
            }
        }

        static func intrusion(_ kind: BlockKind, head: String, tail: String, word: String?) -> LocalizedText {
            let n = name(kind)
            let zhWord = word.map { "，拆开了“\($0)”" } ?? ""
            let enWord = word.map { ", splitting “\($0)”" } ?? ""
            return LocalizedText(
                zh: "\(n.zh)插在一句话中间：“\(head)”与“\(tail)”本是一句\(zhWord)；应移到句子之外",
                en: "\(n.en) stands inside a sentence: “\(head)” and “\(tail)” are one sentence\(enWord); move it out of the sentence")
        }

        static let detachedCredit = LocalizedText(
            zh: "摄影署名没有紧跟图片说明：应与图片说明同行或在其下一行",
            en: "photo credit is not attached to a caption: it belongs on the caption's line or the line after it")
        static let noteWithoutCaption = LocalizedText(
            zh: "图片来源说明前面没有图片说明：应放在本栏最后一幅图片的说明之后",
            en: "photo-source note with no caption before it: it belongs after the last caption of its section")
        static let repeatedNote = LocalizedText(
            zh: "同一栏的图片来源说明重复出现", en: "the photo-source note is repeated for the same section")
        static let emptyCaption = LocalizedText(zh: "图片说明没有内容", en: "the caption is empty")
        static let unterminatedCaption = LocalizedText(
            zh: "图片说明没有以句号结束", en: "the caption does not end with a full stop")

        static func longCaption(_ n: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "图片说明有 \(n) 字，超过 \(limit) 字的限度", en: "the caption has \(n) characters, over the limit of \(limit)")
        }
    }
}
