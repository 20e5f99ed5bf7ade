import Foundation

/// One file after analysis: its text, blocks, paragraphs and articles.
/// Document rules see one of these; corpus rules see all of a run's.
public struct Document: Sendable {
    public let path: String
    public let source: SourceText
    public let blocks: [Block]
    public let paragraphs: [Paragraph]
    public let articles: [Article]
    /// The lexicon the document's words are found with (nil: the built-in one).
    public let lexicon: Lexicon?

    /// `ignoredLines` (0-based) are read as blank: the lines of suppression comments. `credits`
    /// reads bylines and photo credits by the run's house style.
    public init(path: String, source: SourceText, ignoredLines: Set<Int> = [], credits: Credits = .builtIn, lexicon: Lexicon? = nil) {
        self.path = path
        self.lexicon = lexicon
        self.source = source
        var blocks = BlockSplitter(source: source, credits: credits, ignoredLines: ignoredLines).split()
        BlockClassifier(source: source, credits: credits).classify(&blocks)
        self.blocks = blocks
        let paragraphs = ParagraphBuilder(source: source).build(blocks)
        self.paragraphs = paragraphs
        // For each block, whether a prose paragraph is unfinished just before it.
        var openBefore = [Bool](repeating: false, count: blocks.count)
        for p in paragraphs where p.kind.isProse && p.blocks.count > 1 {
            for (a, b) in zip(p.blocks, p.blocks.dropFirst()) where b > a + 1 {
                for k in (a + 1)..<b { openBefore[k] = true }
            }
        }
        self.articles = ArticleGrouper().group(blocks, openBefore: { openBefore[$0] })
    }

    public init(path: String, text: String) {
        self.init(path: path, source: SourceText(text))
    }

    /// The segmenter over the document's lexicon (the built-in one is read on first use).
    public var segmenter: Segmenter { Segmenter(lexicon: lexicon ?? .builtIn) }

    /// The words of a paragraph (byte ranges in its `text`), found by the segmenter.
    public func words(in paragraph: Paragraph) -> [Word] {
        segmenter.words(in: paragraph.text)
    }

    /// A listing of the blocks, one line each: `first-last kind text`. Used by the golden tests
    /// and `newslint layout`.
    public func blockListing(maxText: Int = 24) -> String {
        var out = ""
        var articleOf = [Int](repeating: 0, count: blocks.count)
        for (n, a) in articles.enumerated() { for b in a.blocks { articleOf[b] = n + 1 } }
        for (i, b) in blocks.enumerated() {
            let lines = b.firstLine == b.lastLine ? "\(b.firstLine + 1)" : "\(b.firstLine + 1)-\(b.lastLine + 1)"
            var text = b.lines.map { source.string($0) }.joined()
            if text.unicodeScalars.count > maxText {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxText))) + "…"
            }
            let article = articleOf[i] == 0 ? "-" : "A\(articleOf[i])"
            let pad = String(repeating: " ", count: max(0, 9 - lines.count))
            let kind = b.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            out += "\(lines)\(pad) \(article.padding(toLength: 4, withPad: " ", startingAt: 0)) \(kind) \(text)\n"
        }
        return out
    }
}
