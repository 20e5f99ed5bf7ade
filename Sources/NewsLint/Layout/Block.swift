/// What a block of page text is. Raw values are the names used in listings and JSON.
public enum BlockKind: String, Sendable, CaseIterable {
    /// 引题: a short line above a headline (`文昌街道`).
    case kicker
    /// 标题: an article's main title, also a `#` heading and a `——` subtitle line.
    case headline
    /// 小标题: a section heading inside an article (`##`/`###`, `核心提示`, a short title line).
    case subheading
    /// `本报记者 张三 本报通讯员 李四`.
    case byline
    /// `本报讯（记者张三）…`, `本报北京1月2日电（…）`, `新华社…电`: the first paragraph of a news item.
    case datelineLead = "dateline-lead"
    case body
    /// 图片说明: a short sentence standing for a photo.
    case caption
    /// `张三 摄`, `本报记者 吉亚南 摄`.
    case photoCredit = "photo-credit"
    /// `（本栏照片均由…提供）`.
    case photoSourceNote = "photo-source-note"
    /// `（来源：人民网）`, `（据新华社电）`, or a line that is only a web address: where copy came from.
    case sourceNote = "source-note"
    /// `编辑:… | 校对:… | 组版:…`.
    case masthead
    /// `□赵国松`.
    case commentaryAuthor = "commentary-author"
    /// `（作者单位：…）`.
    case authorAffiliation = "author-affiliation"
    /// A credit that closes an article: `（本报记者李晓宏、殷淼）`, `（本报伦敦电）`, `（执笔：张三）`,
    /// `制图：王婷`, `版式设计：张丹峰`.
    case credit
    case advertisement

    /// The kinds of a title block: 引题, 标题, and the subheadings and decks under them.
    static let titles: Set<BlockKind> = [.kicker, .headline, .subheading]

    /// Kinds whose text is running prose (joined across hard wraps and column breaks).
    public var isProse: Bool { self == .body || self == .datelineLead }

    /// Sets of kinds (rules keep several) hash the case, stored in one byte; a string-backed
    /// enum would otherwise hash its raw value, a String, on every look-up.
    public func hash(into hasher: inout Hasher) { hasher.combine(withUnsafeBytes(of: self) { $0[0] }) }
}

/// One unit of page text: the lines between blank lines, or a part of them that the
/// layout split off (a heading above hard-wrapped text, a photo credit after a caption).
public struct Block: Sendable {
    public internal(set) var kind: BlockKind
    /// Byte ranges of the block's lines in the source, each trimmed of surrounding white space.
    public let lines: [Range<Int>]
    /// 0-based index of the block's first source line.
    public let firstLine: Int
    /// Blank lines between this block and the previous one (0 when split from the same paragraph).
    public let blankLinesBefore: Int
    /// Whether the first line was indented in the source.
    public let indented: Bool
    /// Markdown heading level (`#` = 1), or 0.
    public let markdownLevel: Int
    /// Whether the block comes from a run of lines written a paragraph a line (a CMS export),
    /// not hard-wrapped at a column width (page export): there a line that stops short of a
    /// sentence's end is a title or a label, not a wrapped sentence.
    public let paragraphALine: Bool

    /// Byte range from the first line's start to the last line's end.
    public var range: Range<Int> { lines[0].lowerBound..<lines[lines.count - 1].upperBound }
    public var lastLine: Int { firstLine + lines.count - 1 }
}
