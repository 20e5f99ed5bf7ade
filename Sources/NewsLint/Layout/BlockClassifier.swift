/// Gives every block its kind, first on its own text, then with its neighbours
/// (a title run before a byline is kicker + headline; the lines of an advertisement).
struct BlockClassifier {
    let source: SourceText
    /// How credits are read: the house style's roles.
    let credits: Credits

    /// Longest block whose whole text is looked at; longer blocks are prose.
    static let shortBlockBytes = 1200
    /// Longest block, in characters, that can be anything but prose (a caption, a masthead line…).
    static let longestNonProse = 100
    /// Longest caption the layout recognises (over a photo credit); `caption-placement` judges length.
    static let longestCaption = 300

    func classify(_ blocks: inout [Block]) {
        var titleCandidates = Set<Int>()
        for i in blocks.indices {
            let (kind, title) = ownKind(blocks[i], next: i + 1 < blocks.count ? blocks[i + 1] : nil)
            blocks[i].kind = kind
            if title { titleCandidates.insert(i) }
        }
        // A byline that says what its people did (`本报记者 刘士安 李泓冰整理`) right after prose closes it.
        for i in blocks.indices.dropFirst() where blocks[i].kind == .byline && blocks[i - 1].kind.isProse
            && credits.style.action(ending: source.bytes, blocks[i].range) != nil {
            blocks[i].kind = .credit
        }
        let opening = titleBlocks(blocks, titles: &titleCandidates)
        absorbAdvertisementLines(&blocks, titles: &titleCandidates)
        resolveTitles(&blocks, titles: titleCandidates, opening: opening)
    }

    /// The longest line, in characters, read as a title by where it stands (a title block can be
    /// long: `打好发展组合拳 走出振兴新路子（在习近平新时代中国特色社会主义思想指引下）`).
    static let longestTitleLine = 80

    /// Title blocks found by where they stand, whatever their punctuation (`天津东丽：扶上马，送一程，
    /// 做后盾`): up to three lines that stop short of a sentence's end, directly over a byline, a
    /// dateline lead or an author; and, in copy written a paragraph a line, the first such lines of
    /// a run over its prose, since a blank line there parts stories. Returns the titles that open
    /// a run, which are an article's titles even when there is one.
    private func titleBlocks(_ blocks: [Block], titles: inout Set<Int>) -> Set<Int> {
        func titleLike(_ j: Int) -> Bool {
            let b = blocks[j]
            guard b.lines.count == 1, b.markdownLevel == 0, b.kind == .body || b.kind == .headline,
                  b.range.count <= 3 * Self.longestTitleLine else { return false }
            let n = UTF8Scan.scalarCount(source.bytes, b.range)
            guard n <= Self.longestTitleLine else { return false }
            // A title holds no full stop (`会议召开。代表们见证了…` is a sentence cut short).
            if ByteSearch.contains(Self.fullStop, in: source.bytes, b.range) { return false }
            // A short label over a title ends on a colon: `市场监管总局：`.
            if n <= 12, [ch("："), ch(":")].contains(UTF8Scan.scalar(before: b.range.upperBound, in: source.bytes)) { return true }
            return !Paragraph.endsFinished(source.bytes, b.range) && !endsWithClauseMark(b.range)
        }
        for i in blocks.indices where [.byline, .datelineLead, .commentaryAuthor].contains(blocks[i].kind) {
            var j = i - 1
            while j >= 0, i - j <= 3, titleLike(j), blocks[j + 1].blankLinesBefore == 0 || j + 1 == i {
                titles.insert(j)
                if blocks[j].blankLinesBefore > 0 { break }
                j -= 1
            }
        }
        // Copy written a paragraph a line parts its stories by blank lines, short runs too (a photo's
        // title, caption and credit).
        var opening = Set<Int>()
        let paragraphALine = blocks.contains(where: \.paragraphALine)
        for i in blocks.indices where paragraphALine && (i == 0 || blocks[i].blankLinesBefore > 0) {
            var j = i
            while j < blocks.count, j - i < 4, j == i || blocks[j].blankLinesBefore == 0, titleLike(j) { j += 1 }
            // Titles over more of the same run.
            guard j > i, j < blocks.count, blocks[j].blankLinesBefore == 0 else { continue }
            for k in i..<j { titles.insert(k); opening.insert(k) }
        }
        return opening
    }

    /// Whether a text ends on a clause mark (、，：；), which no title does.
    private func endsWithClauseMark(_ r: Range<Int>) -> Bool {
        Heading.endsNoTitle.contains(UTF8Scan.scalar(before: r.upperBound, in: source.bytes))
    }

    /// A short block's text as bytes (its lines joined), or nil for a long block.
    private func bytes(_ block: Block) -> [UInt8]? {
        let r = block.range
        guard r.count <= Self.shortBlockBytes else { return nil }
        if block.lines.count == 1 { return Array(source.bytes[r]) }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        for line in block.lines { out += source.bytes[line] }
        return out
    }

    /// The kind a block has by its own text, and whether it is a title to be resolved
    /// (kicker, headline or subheading) once its neighbours are known. The tests run on the
    /// block's bytes and scalars; a String is made only for the few that parse people or addresses.
    private func ownKind(_ block: Block, next: Block?) -> (BlockKind, Bool) {
        if block.markdownLevel == 1 { return (.headline, true) }
        if block.markdownLevel > 1 { return (.subheading, false) }
        if isDateline(block.lines[0]) { return (.datelineLead, false) }
        // Everything but prose is short: long blocks are prose (but a credit may list many names).
        let rangeScalars = UTF8Scan.scalarCount(source.bytes, block.range)
        if let kind = credits.closingNote(source.bytes, block.range) { return (kind, false) }
        if rangeScalars > Self.longestNonProse {
            // Only a caption over its photo credit may be longer.
            guard rangeScalars <= Self.longestCaption, creditFollows(next), let bytes = bytes(block),
                  isCaption(block, scalars: UTF8Scan.scalars(bytes), next: next) else { return (.body, false) }
            return (.caption, false)
        }
        // Most short blocks of hard-wrapped pages are prose: a finished sentence with a comma in it.
        if rangeScalars > Heading.maxScalars && block.blankLinesBefore < 2 && !creditFollows(next) && looksLikeProse(block) { return (.body, false) }
        guard let bytes = bytes(block) else { return (.body, false) }
        let scalars = UTF8Scan.scalars(bytes)
        var text: String { String(decoding: bytes, as: UTF8.self) }

        if isMasthead(block) { return (.masthead, false) }
        if Self.advertisementLabels.contains(bytes) || isAdvertisementMarker(block) { return (.advertisement, false) }
        if Address.mayBeAddressLine(bytes, 0..<bytes.count), Address.isAddressLine(text) { return (.sourceNote, false) }
        if let inner = UTF8Scan.insideBrackets(bytes) {
            if Self.sourceLeads.contains(where: { bytes[inner].starts(with: $0) }) { return (.sourceNote, false) }
            if Self.affiliationLeads.contains(where: { bytes[inner].starts(with: $0) }) { return (.authorAffiliation, false) }
            if Self.photoWords.contains(where: { ByteSearch.contains($0, in: bytes, inner) })
                && Self.photoSourceEnds.contains(where: { ByteSearch.hasSuffix($0, bytes, inner) }) {
                return (.photoSourceNote, false)
            }
        }
        // `□赵国松`: an author; a longer line after ■ is a deck under a headline (`■…■…`).
        if bytes.starts(with: Self.hollowSquare) || bytes.starts(with: Self.blackSquare) {
            if scalars.count <= 9 && !scalars.contains(where: { Self.bylineBreaks.contains($0) }) { return (.commentaryAuthor, false) }
            if scalars.count <= Self.longestTitleLine { return (.subheading, false) }
        }
        if rangeScalars <= Heading.maxScalars {
            let r = block.range
            if ByteSearch.hasSuffix(Credits.photoMark, source.bytes, r), credits.parse(text, photo: true) != nil { return (.photoCredit, false) }
            if credits.roleMarks.contains(where: { ByteSearch.contains($0, in: source.bytes, r) }), credits.parse(text, photo: false) != nil {
                return (.byline, false)
            }
        }
        // Malformed bylines and credits are still bylines and credits (for byline-format to judge):
        // a short line opening with a role word and holding no sentence punctuation.
        if scalars.count <= 30, credits.roleBytes.contains(where: { bytes.starts(with: $0) }),
           !scalars.contains(where: { Self.bylineBreaks.contains($0) }) {
            return (ByteSearch.hasSuffix(Credits.photoMark, source.bytes, block.range) ? .photoCredit : .byline, false)
        }
        if Self.summaryLabels.contains(bytes) { return (.subheading, false) }
        // A line over a photo credit is its caption, even without a full stop.
        if creditFollows(next) && isCaption(block, scalars: scalars, next: next) { return (.caption, false) }
        if Heading.looksLikeTitle(scalars) { return (.headline, true) }
        if isCaption(block, scalars: scalars, next: next) { return (.caption, false) }
        return (.body, false)
    }

    static let advertisementLabels = ["广告", "（广告）", "(广告)"].map(UTF8Scan.bytes)
    /// Labels over an article's summary or note: `核心提示`, `核心阅读`, `编者按`.
    static let summaryLabels = ["核心提示", "核心阅读", "阅读提示", "内容提要", "编者按", "编者的话"].flatMap { [$0, $0 + ":", $0 + "："] }.map(UTF8Scan.bytes)
    /// What opens a bracketed source note (`（来源：…）`) or author's affiliation (`（作者单位：…）`).
    static let sourceLeads = ["来源", "稿件来源", "据", "原载", "转自", "本文来源", "摘编自", "摘自", "选自", "节选自"].map(UTF8Scan.bytes)
    static let affiliationLeads = ["作者单位", "作者系", "作者为"].map(UTF8Scan.bytes)
    /// A bracketed note on where photos come from: `（图片由…提供）`, `（照片…摄）`.
    static let photoWords = ["照片", "图片", "图"].map(UTF8Scan.bytes)
    static let photoSourceEnds = ["提供", "摄"].map(UTF8Scan.bytes)
    static let hollowSquare = UTF8Scan.bytes("□"), blackSquare = UTF8Scan.bytes("■")
    /// Sentence and clause marks, which bylines do not hold.
    static let bylineBreaks = ScalarSet("。，、；！？")
    static let captionOpeningMarks = ScalarSet("、，,。")
    static let localNews = UTF8Scan.bytes("本报讯")

    /// `本报讯…`, or an agency, a place and a date, then 电 or 讯: `本报北京1月2日电`, `新华社北京7月3日电`.
    private func isDateline(_ line: Range<Int>) -> Bool {
        var bytes = source.bytes[line]
        // `据新华社北京1月27日电`: another agency's dispatch, shortened.
        if bytes.starts(with: Credits.reported), Credits.dispatchers.contains(where: { bytes.dropFirst(Credits.reported.count).starts(with: $0) }) {
            bytes = bytes.dropFirst(Credits.reported.count)
        }
        let line = bytes.startIndex..<line.upperBound
        if bytes.starts(with: Self.localNews) { return true }
        guard let agency = Credits.dispatchers.first(where: { bytes.starts(with: $0) }) else { return false }
        let head = source.string(line.lowerBound + agency.count..<min(line.upperBound, line.lowerBound + agency.count + 48))
        let rest = head.unicodeScalars.prefix(16)
        // 电, or 讯 after a place and date (`本报北京3月5日讯`).
        guard let dian = rest.firstIndex(where: { $0 == "电" || $0 == "讯" }) else { return false }
        let before = rest[rest.startIndex..<dian]
        return before.contains("日") || before.isEmpty
    }

    static let editor = UTF8Scan.bytes("编辑")
    static let mastheadCompanions = ["校对", "组版", "|", "美编"].map(UTF8Scan.bytes)
    static let advertisementMarkers = ["咨询电话", "联系电话", "订购热线", "服务热线", "活动时间:", "活动时间：", "活动地址"].map(UTF8Scan.bytes)

    private func isMasthead(_ block: Block) -> Bool {
        let bytes = source.bytes, r = block.range
        guard let at = ByteSearch.find(Self.editor, in: bytes, r), at + 6 < r.upperBound,
              bytes[at + 6] == UInt8(ascii: ":") || bytes[r].dropFirst(at + 6 - r.lowerBound).starts(with: UTF8Scan.bytes("：")) else {
            return false
        }
        return Self.mastheadCompanions.contains { ByteSearch.contains($0, in: bytes, r) } && UTF8Scan.scalarCount(bytes, r) <= 80
    }

    private func isAdvertisementMarker(_ block: Block) -> Bool {
        let bytes = source.bytes, r = block.range
        if Self.advertisementMarkers.contains(where: { ByteSearch.contains($0, in: bytes, r) }) { return true }
        return containsMobileNumber(bytes, r)
    }

    /// An 11-digit mainland mobile number (1[3-9]xxxxxxxxx) not part of a longer number.
    private func containsMobileNumber(_ digits: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            guard UTF8Scan.isDigit(digits[i]) else { i += 1; continue }
            var j = i
            while j < r.upperBound && UTF8Scan.isDigit(digits[j]) { j += 1 }
            if j - i == 11 && digits[i] == UInt8(ascii: "1") && digits[i + 1] >= UInt8(ascii: "3") { return true }
            i = j
        }
        return false
    }

    /// A caption is one short sentence standing where a photo was (two or more blank lines
    /// before it in page export), or directly followed by a photo credit.
    private func isCaption(_ block: Block, scalars: [UInt32], next: Block?) -> Bool {
        guard let last = scalars.last, let first = scalars.first else { return false }
        var end = scalars.count
        var mark = last
        while Scalar.isClosingMark(mark), end > 0 {
            end -= 1
            if end == 0 { break }
            mark = scalars[end - 1]
        }
        // A caption stands on its own: it opens with no closing mark and its pairs balance.
        if Scalar.isClosingMark(first) || Self.captionOpeningMarks.contains(first) { return false }
        if !Scalar.isBalanced(scalars) { return false }
        var sentences = 0
        for v in scalars where Scalar.isSentenceEnd(v) { sentences += 1 }
        if creditFollows(next) { return sentences <= 3 }
        return block.blankLinesBefore >= 2 && Scalar.isSentenceEnd(mark) && sentences <= 2 && scalars.count <= 60
    }

    /// Ends a sentence and holds a comma: prose, not a title, label, credit or note.
    private func looksLikeProse(_ block: Block) -> Bool {
        let bytes = source.bytes, r = block.range
        let last = UTF8Scan.scalar(before: r.upperBound, in: bytes)
        guard last == 0x3002 || last == 0xFF01 || last == 0xFF1F else { return false }
        return ByteSearch.contains(Self.fullWidthComma, in: bytes, r) || bytes[r].contains(0x2C)
    }

    static let fullWidthComma = UTF8Scan.bytes("，")
    static let fullStop = UTF8Scan.bytes("。")

    /// Whether the next block is a photo credit on the next line or after one blank line.
    private func creditFollows(_ next: Block?) -> Bool {
        guard let n = next, n.blankLinesBefore <= 1, n.range.count <= 120,
              ByteSearch.hasSuffix(Credits.photoMark, source.bytes, n.range) else { return false }
        return credits.parse(source.string(n.range), photo: true) != nil
    }

    /// Title-like lines just before an advertisement marker belong to the advertisement
    /// (`报业车展 值得信赖` … `活动时间:…` … `广告`).
    private func absorbAdvertisementLines(_ blocks: inout [Block], titles: inout Set<Int>) {
        for i in blocks.indices where blocks[i].kind == .advertisement {
            var j = i - 1
            while j >= 0 && (titles.contains(j) || blocks[j].kind == .advertisement) {
                if titles.contains(j) { blocks[j].kind = .advertisement; titles.remove(j) }
                j -= 1
            }
        }
    }

    /// A run of titles before a byline, a dateline lead, a `□` author or the end of the page,
    /// or a run of two or more, is kickers then a headline; a lone title before prose is a
    /// subheading. A `——` line continues the headline as its subtitle.
    private func resolveTitles(_ blocks: inout [Block], titles: Set<Int>, opening: Set<Int>) {
        var i = 0
        while i < blocks.count {
            guard titles.contains(i) else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count && titles.contains(j + 1) { j += 1 }
            let after = j + 1 < blocks.count ? blocks[j + 1].kind : nil
            let leadsArticle = after == nil || after == .byline || after == .datelineLead || after == .commentaryAuthor
            let explicit = (i...j).contains { blocks[$0].markdownLevel == 1 || opening.contains($0) }
            if j > i || leadsArticle || explicit {
                // A `——` line continues the headline as its subtitle; a deck (`■…■…`) under it is a
                // subheading of the title block.
                func isDeck(_ k: Int) -> Bool { ByteSearch.hasPrefix(Self.blackSquare, source.bytes, blocks[k].range) }
                var headline = j
                while headline > i && (source.string(blocks[headline].range).hasPrefix("——") || isDeck(headline)) { headline -= 1 }
                for k in i...j { blocks[k].kind = isDeck(k) && k > headline ? .subheading : k < headline ? .kicker : .headline }
            } else if after == .body, blocks[i].lines.count == 1, blocks[j + 1].lines.count >= 2,
                      let column = blocks[j + 1].lines.map({ DisplayWidth.of(source.bytes, $0, typeset: true) }).max(),
                      DisplayWidth.of(source.bytes, blocks[i].range, typeset: true) >= column - 4,
                      !source.string(blocks[i].range).unicodeScalars.contains(where: { Scalar.isSpace($0.value) }) {
                // (A two-part title `党建+基层治理 锻造党建高质量` has a space; a prose line has none.)
                // A full-width line of a hard-wrapped column, cut off by a column break: prose.
                blocks[i].kind = .body
            } else {
                blocks[i].kind = .subheading
            }
            i = j + 1
        }
    }
}
