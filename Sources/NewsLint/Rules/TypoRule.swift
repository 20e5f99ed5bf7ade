/// `typo`: a character that turns a word into a non-word, where a sound-alike or look-alike one
/// makes a common word that the text around it supports (错别字: 衣法 → 依法, 左顾又盼 → 左顾右盼).
///
/// The judging is `TypoFinder`'s (Words/): set phrases one character off, and pairs of characters
/// the segmenter could only cut apart that clean text never prints together. Its data is counted
/// from clean published text (`scripts/generate-typo-data.py`). A word the editors add to
/// `.lint.json`'s `words` or the rules folder's `words.txt` is a word, and never reported.
public struct TypoRule: Rule, DocumentRule {
    public static let description = RuleDescription(
        id: "typo",
        name: LocalizedText(zh: "错别字", en: "Wrong characters"),
        rationale: LocalizedText(
            zh: "拼音输入法常打出同音字，字形相近的字也容易混。一个字使词变得不成词，而换成音近或形近的字就成了常用词、并且与上下文的搭配在规范文本中常见时，报为疑似错字：成语和固定词组错一个字（左顾又盼、幻境保护），或只能切成单字、规范文本中从不相连的两个字（衣法）。姓氏开头的、地名用字（村、镇、街……）之前的、带数字的字组不作判断；易错词包已经指出的词不重复报。编辑可以把人名、地名等专名加到 .lint.json 的 words 或规则目录的 words.txt，加入的词不会被报。",
            en: "A pinyin input method often types a character of the same sound, and look-alike characters are easily swapped. A character is reported when it makes a word a non-word, while a sound-alike or look-alike one makes a common word whose company clean text shows often: a set phrase with one character wrong (左顾又盼, 幻境保护), or two characters that can only be read as single ones and that clean text never prints together (衣法). A pair starting with a surname, before a place ending (村, 镇, 街 …) or holding a numeral is not judged, and a word the misspelling pack names is not reported twice. Editors add names, places and other proper names to .lint.json's words or the rules folder's words.txt, and those are never reported."),
        severity: .warning,
        triggering: [
            RuleExample("各地要⟦衣法⟧做好安全生产工作。"),
            RuleExample("游客们⟦左顾又盼⟧，不知该往哪里走。"),
            RuleExample("他把分寸拿捏得⟦洽到好处⟧，全面推进⟦幻境保护⟧和生态修复。"),
            // Across a hard wrap: the paragraph is judged, not the line.
            RuleExample("今天上午，来自全国各地的游客们站在广场中央⟦左顾\n又盼⟧，不知该往哪里走才能找到入口。"),
        ],
        nonTriggering: [
            RuleExample("各地要依法做好安全生产工作，游客们左顾右盼，全面推进环境保护。"),
            // Names of places, a form clean text prints, two words side by side, a word of its own.
            RuleExample("大驾村实行党员积分管理制度，宫殿气势恢弘，同为他做了视频会诊，把球踢出界外。"),
            // A name with a numeral, a number with its classifier.
            RuleExample("丹麦国王腓特烈十世会见王毅，排名提升88位至第三十三位。"),
        ],
        defersTo: ["misspelling"]
    )

    let finder: TypoFinder

    public init(options: RuleOptions) throws(ConfigurationError) {
        try options.allowOnly(Self.description.options.map(\.name))
        let dir = options.rulesDirectory
        func text(_ name: String) throws(ConfigurationError) -> ([UInt8], String) {
            try RuleData.file(name, in: dir)!
        }
        let (table, tableFile) = try text("character-bigrams.b64")
        let bigrams: CharacterBigrams
        do { bigrams = try CharacterBigrams(table: table) } catch {
            throw ConfigurationError(file: tableFile, keyPath: "",
                                     message: LocalizedText(zh: "字频表已损坏：请用 scripts/generate-typo-data.py 重新生成", en: "the character counts are damaged: generate them again with scripts/generate-typo-data.py"))
        }
        // The built-in table's 1.3 MB of base64 are read once: their pages go back to the system.
        if tableFile == RuleData.builtInName("character-bigrams.b64"), let text = RuleData.builtIn("character-bigrams.b64") { RuleData.release(text) }
        finder = TypoFinder(bigrams: bigrams, setPhrases: try text("set-phrases.tsv").0, publishedPhrases: try text("published-phrases.tsv").0,
                            names: try NameContexts.load(rulesDirectory: dir))
    }

    public func check(_ document: Document) -> [Finding] {
        let lexicon = document.lexicon ?? .builtIn
        var findings: [Finding] = []
        for p in document.paragraphs where p.kind.isProse || p.kind == .caption || BlockKind.titles.contains(p.kind) {
            for s in finder.suspects(in: p.text, decoded: p.scalarText, lexicon: lexicon) {
                findings.append(Finding(range: p.sourceRange(s.range), message: Messages.suspect(s), suggestion: s.likely, fixIsSafe: false))
            }
        }
        return findings
    }

    enum Messages {
        static func suspect(_ s: TypoFinder.Suspect) -> LocalizedText {
            LocalizedText(zh: "“\(s.written)”疑为“\(s.likely)”之误（\(s.from)/\(s.to) \(s.soundAlike ? "音近" : "形近")）",
                          en: "“\(s.written)” may be a slip for “\(s.likely)” (\(s.from)/\(s.to) \(s.soundAlike ? "sound alike" : "look alike"))")
        }
    }
}
