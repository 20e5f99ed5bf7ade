/// Gives every block its kind, first on its own text, then with its neighbours
/// (a title run before a byline is kicker + headline; the lines of an advertisement).
struct BlockClassifier {
    let source: SourceText

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
        absorbAdvertisementLines(&blocks, titles: &titleCandidates)
        resolveTitles(&blocks, titles: titleCandidates)
    }

    private func text(_ block: Block) -> String? {
        let r = block.range
        guard r.count <= Self.shortBlockBytes else { return nil }
        if block.lines.count == 1 { return source.string(r) }
        return block.lines.map { source.string($0) }.joined()
    }

    /// The kind a block has by its own text, and whether it is a title to be resolved
    /// (kicker, headline or subheading) once its neighbours are known.
    private func ownKind(_ block: Block, next: Block?) -> (BlockKind, Bool) {
        if block.markdownLevel == 1 { return (.headline, true) }
        if block.markdownLevel > 1 { return (.subheading, false) }
        if isDateline(block.lines[0]) { return (.datelineLead, false) }
        // Everything but prose is short: long blocks are prose.
        let scalars = UTF8Scan.scalarCount(source.bytes, block.range)
        if scalars > Self.longestNonProse {
            // Only a caption over its photo credit may be longer.
            guard scalars <= Self.longestCaption, creditFollows(next), let text = text(block),
                  isCaption(block, text: text, next: next) else { return (.body, false) }
            return (.caption, false)
        }
        // Most short blocks of hard-wrapped pages are prose: a finished sentence with a comma in it.
        if scalars > Heading.maxScalars && block.blankLinesBefore < 2 && !creditFollows(next) && looksLikeProse(block) { return (.body, false) }
        guard let text = text(block) else { return (.body, false) }

        if isMasthead(block) { return (.masthead, false) }
        if Self.advertisementLabels.contains(where: { text.utf8.elementsEqual($0.utf8) }) || isAdvertisementMarker(block) { return (.advertisement, false) }
        if ByteSearch.contains(BlockSplitter.scheme, in: source.bytes, block.range) || ByteSearch.contains(BlockSplitter.www, in: source.bytes, block.range),
           Address.isAddressLine(text) { return (.sourceNote, false) }
        if let inner = bracketed(text) {
            for lead in ["来源", "稿件来源", "据", "原载", "转自", "本文来源"] where inner.hasPrefix(lead) {
                return (.sourceNote, false)
            }
            if inner.hasPrefix("作者单位") || inner.hasPrefix("作者系") || inner.hasPrefix("作者为") {
                return (.authorAffiliation, false)
            }
            if (inner.contains("照片") || inner.contains("图片") || inner.contains("图")) && (inner.hasSuffix("提供") || inner.hasSuffix("摄")) {
                return (.photoSourceNote, false)
            }
        }
        if text.utf8.starts(with: "□".utf8) || text.utf8.starts(with: "■".utf8) {
            if text.unicodeScalars.count <= 30 { return (.commentaryAuthor, false) }
        }
        if scalars <= Heading.maxScalars {
            let r = block.range
            if ByteSearch.hasSuffix(BlockSplitter.she, source.bytes, r), People.parse(text, photo: true) != nil { return (.photoCredit, false) }
            if Self.roleMarks.contains(where: { ByteSearch.contains($0, in: source.bytes, r) }), People.parse(text, photo: false) != nil {
                return (.byline, false)
            }
        }
        // Malformed bylines and credits are still bylines and credits (for byline-format to judge):
        // a short line opening with a role word and holding no sentence punctuation.
        if scalars <= 30, People.roles.contains(where: { text.utf8.starts(with: $0.utf8) }),
           !text.unicodeScalars.contains(where: { "。，、；！？".unicodeScalars.contains($0) }) {
            return (ByteSearch.hasSuffix(BlockSplitter.she, source.bytes, block.range) ? .photoCredit : .byline, false)
        }
        if Self.summaryLabels.contains(where: { text.utf8.elementsEqual($0.utf8) }) { return (.subheading, false) }
        // A line over a photo credit is its caption, even without a full stop.
        if creditFollows(next) && isCaption(block, text: text, next: next) { return (.caption, false) }
        if Heading.looksLikeTitle(text) { return (.headline, true) }
        if isCaption(block, text: text, next: next) { return (.caption, false) }
        return (.body, false)
    }

    /// Every byline role word holds one of these.
    static let roleMarks = ["记者", "通讯员", "实习生"].map(UTF8Scan.bytes)
    static let advertisementLabels = ["广告", "（广告）", "(广告)"]
    static let summaryLabels = ["核心提示", "核心提示:", "核心提示："]
    static let datelineAgencies = ["本报", "新华社", "中新社", "人民日报"].map(UTF8Scan.bytes)
    static let localNews = UTF8Scan.bytes("本报讯")

    /// `本报讯…`, or an agency, a place and a date, then 电: `本报北京1月2日电`, `新华社北京7月3日电`.
    private func isDateline(_ line: Range<Int>) -> Bool {
        let bytes = source.bytes[line]
        if bytes.starts(with: Self.localNews) { return true }
        guard let agency = Self.datelineAgencies.first(where: { bytes.starts(with: $0) }) else { return false }
        let head = source.string(line.lowerBound + agency.count..<min(line.upperBound, line.lowerBound + agency.count + 48))
        let rest = head.unicodeScalars.prefix(16)
        guard let dian = rest.firstIndex(of: "电") else { return false }
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

    /// The inside of a block written wholly in brackets, `（…）` or `(…)`.
    private func bracketed(_ text: String) -> Substring? {
        if (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")")) {
            return text.dropFirst().dropLast()
        }
        return nil
    }

    /// A caption is one short sentence standing where a photo was (two or more blank lines
    /// before it in page export), or directly followed by a photo credit.
    private func isCaption(_ block: Block, text: String, next: Block?) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.last else { return false }
        var end = scalars.endIndex
        var mark = last
        while Scalar.isClosingMark(mark.value), end > scalars.startIndex {
            end = scalars.index(before: end)
            if end == scalars.startIndex { break }
            mark = scalars[scalars.index(before: end)]
        }
        // A caption stands on its own: it opens with no closing mark and its pairs balance.
        if let first = scalars.first, Scalar.isClosingMark(first.value) || "、，,。".unicodeScalars.contains(first) { return false }
        if !Scalar.isBalanced(text) { return false }
        let sentences = scalars.filter { Scalar.isSentenceEnd($0.value) }.count
        if creditFollows(next) { return sentences <= 3 }
        return block.blankLinesBefore >= 2 && Scalar.isSentenceEnd(mark.value) && sentences <= 2 && scalars.count <= 60
    }

    /// Ends a sentence and holds a comma: prose, not a title, label, credit or note.
    private func looksLikeProse(_ block: Block) -> Bool {
        let bytes = source.bytes, r = block.range
        let last = UTF8Scan.scalar(before: r.upperBound, in: bytes)
        guard last == 0x3002 || last == 0xFF01 || last == 0xFF1F else { return false }
        return ByteSearch.contains(Self.fullWidthComma, in: bytes, r) || bytes[r].contains(0x2C)
    }

    static let fullWidthComma = UTF8Scan.bytes("，")

    /// Whether the next block is a photo credit on the next line or after one blank line.
    private func creditFollows(_ next: Block?) -> Bool {
        guard let n = next, n.blankLinesBefore <= 1, n.range.count <= 120,
              ByteSearch.hasSuffix(BlockSplitter.she, source.bytes, n.range) else { return false }
        return People.parse(source.string(n.range), photo: true) != nil
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
    private func resolveTitles(_ blocks: inout [Block], titles: Set<Int>) {
        var i = 0
        while i < blocks.count {
            guard titles.contains(i) else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count && titles.contains(j + 1) { j += 1 }
            let after = j + 1 < blocks.count ? blocks[j + 1].kind : nil
            let leadsArticle = after == nil || after == .byline || after == .datelineLead || after == .commentaryAuthor
            let explicit = (i...j).contains { blocks[$0].markdownLevel == 1 }
            if j > i || leadsArticle || explicit {
                var headline = j
                while headline > i && source.string(blocks[headline].range).hasPrefix("——") { headline -= 1 }
                for k in i...j { blocks[k].kind = k < headline ? .kicker : .headline }
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
