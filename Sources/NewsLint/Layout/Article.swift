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
        /// Closes the current article before a new one's dateline or byline at block i, which takes
        /// with it the title run standing right over it after a blank line (`受习近平总书记委托` /
        /// `李克强到湖北武汉考察指导…` / `新华社武汉1月27日电…`): those titles are the new article's.
        func closeBefore(_ i: Int) {
            // The blocks since the last prose are consecutive: every block but mastheads and
            // advertisements joins the current article.
            var k = current.blocks.count
            while k > 0, BlockKind.titles.contains(blocks[current.blocks[k - 1]].kind) { k -= 1 }
            var moved: [Int] = []
            if k > 0, k < current.blocks.count, blocks[current.blocks[k]].blankLinesBefore > 0, blocks[i].blankLinesBefore == 0 {
                moved = Array(current.blocks[k...])
                current.blocks.removeLast(moved.count)
                current.hasHeadline = current.blocks.contains { blocks[$0].kind == .kicker || blocks[$0].kind == .headline }
            }
            close()
            current.blocks = moved
            current.hasHeadline = moved.contains { blocks[$0].kind == .kicker || blocks[$0].kind == .headline }
        }
        for (i, block) in blocks.enumerated() {
            switch block.kind {
            case .masthead, .advertisement:
                close()
                continue
            case .datelineLead:
                if current.hasProse { closeBefore(i) }
            case .commentaryAuthor:
                if current.hasProse { closeBefore(i) }
            case .byline:
                if current.hasProse && current.hasByline && !openBefore(i) { closeBefore(i) }
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
