/// An article: the blocks that belong to one story on the page, in source order.
/// Page export puts headlines and bylines before or after the body, so grouping follows
/// what the blocks are, not only where they stand.
public struct Article: Sendable {
    /// Indices into `Document.blocks`.
    public internal(set) var blocks: [Int] = []
    public internal(set) var hasHeadline = false
    public internal(set) var hasByline = false
    public internal(set) var hasProse = false
}

struct ArticleGrouper {
    /// Groups blocks into articles. Mastheads and advertisements belong to no article.
    /// `unfinished(i)` tells whether the prose paragraph last seen before block i is
    /// still open (a title or byline inside an unfinished sentence stays in its article).
    func group(_ blocks: [Block], openBefore: (Int) -> Bool) -> [Article] {
        var articles: [Article] = []
        var current = Article()
        func close() {
            if !current.blocks.isEmpty { articles.append(current) }
            current = Article()
        }
        for (i, block) in blocks.enumerated() {
            switch block.kind {
            case .masthead, .advertisement:
                close()
                continue
            case .datelineLead:
                if current.hasProse { close() }
            case .commentaryAuthor:
                if current.hasProse { close() }
            case .byline:
                if current.hasProse && current.hasByline && !openBefore(i) { close() }
            case .kicker, .headline:
                let startsTitleRun = i == 0 || (blocks[i - 1].kind != .kicker && blocks[i - 1].kind != .headline)
                if startsTitleRun && current.hasProse && current.hasHeadline && !openBefore(i) { close() }
            default:
                break
            }
            current.blocks.append(i)
            switch block.kind {
            case .kicker, .headline: current.hasHeadline = true
            case .byline, .commentaryAuthor: current.hasByline = true
            case .body, .datelineLead:
                current.hasProse = true
                if block.kind == .datelineLead { current.hasByline = true }
            case .photoSourceNote, .sourceNote:
                // 本栏照片均由…提供 closes its section of the page, and a source note (来源：…) its
                // article, unless it stands inside a sentence.
                if !openBefore(i) { close() }
            case .credit:
                // A credit closes its article, which it credits.
                current.hasByline = true
                if !openBefore(i) { close() }
            default: break
            }
        }
        close()
        return articles
    }
}
