import Synchronization

/// A logical paragraph: the text of one or more blocks joined across hard wraps and column
/// breaks, with a map from every byte of the joined text back to the source.
/// Rules search `text` and report `sourceRange(_:)`, never offsets in joined text.
/// A class, immutable: every rule walks the paragraphs, and a struct of four arrays was copied
/// (four references counted up and down) at each step of each walk.
/// Its text decoded into scalars (`scalarText`) is made on first use and kept, for every rule that
/// compares characters to share.
public final class Paragraph: Sendable {
    /// A run of joined text copied from one place in the source.
    public struct Segment: Sendable {
        public let textStart: Int
        public let sourceStart: Int
        public let length: Int
        /// A space the join inserted between two wrapped Latin words; it maps to the line break.
        public let synthetic: Bool
    }

    public let kind: BlockKind
    /// Indices (in `Document.blocks`) of the blocks whose text this paragraph joins.
    public let blocks: [Int]
    /// Blocks of other kinds that stand between the joined parts (a caption inside a sentence).
    public let interruptions: [Int]
    public let text: [UInt8]
    public let segments: [Segment]
    private let decoded = Mutex<ScalarText?>(nil)

    /// The text as scalars with their offsets, decoded once.
    public var scalarText: ScalarText {
        decoded.withLock { cached in
            if let t = cached { return t }
            let t = ScalarText(text)
            cached = t
            return t
        }
    }

    init(kind: BlockKind, blocks: [Int], interruptions: [Int], text: [UInt8], segments: [Segment]) {
        self.kind = kind
        self.blocks = blocks
        self.interruptions = interruptions
        self.text = text
        self.segments = segments
    }

    /// Source byte offset of joined-text offset `offset` (an offset at the end maps to the end).
    public func sourceOffset(_ offset: Int) -> Int {
        if offset >= text.count, let last = segments.last {
            return last.synthetic ? last.sourceStart : last.sourceStart + last.length
        }
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].textStart <= offset { lo = mid } else { hi = mid - 1 }
        }
        let s = segments[lo]
        return s.synthetic ? s.sourceStart : s.sourceStart + (offset - s.textStart)
    }

    /// Source range of a joined-text range; the end maps from the last byte inside the range,
    /// so a range that ends at a line's last character does not run into the next line.
    public func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(range.lowerBound)
        guard range.upperBound > range.lowerBound else { return start..<start }
        let end = sourceOffset(range.upperBound - 1) + 1
        return start..<max(start, end)
    }

    public var string: String { String(decoding: text, as: UTF8.self) }

    /// Offset in `text` where the source byte `offset` was copied to, if it was.
    public func textOffset(ofSource offset: Int) -> Int? {
        for s in segments where !s.synthetic && offset >= s.sourceStart && offset < s.sourceStart + s.length {
            return s.textStart + (offset - s.sourceStart)
        }
        return nil
    }

    /// Whether text ends a sentence (with 。！？… or ；：, possibly followed by closing quotes or
    /// brackets): a paragraph that does not may continue after a column break.
    static func endsFinished(_ text: [UInt8]) -> Bool { endsFinished(text, 0..<text.count) }

    /// The same for a part of `bytes` that begins at a character's start.
    static func endsFinished(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: end)
            let (v, _) = UTF8Scan.decode(bytes, at: s)
            if Scalar.isSpace(v) { end = s; continue }
            if Scalar.isClosingMark(v) { end = s; continue }
            if Scalar.isSentenceEnd(v) || v == 0xFF1B || v == 0xFF1A || v == 0x3B { return true }
            return false
        }
        return true
    }

    /// Sentences as ranges of `text`: each ends after 。！？ or an ellipsis and any closing
    /// quotes or brackets that follow; a trailing unfinished part is a sentence too.
    public func sentences() -> [Range<Int>] {
        var result: [Range<Int>] = []
        text.withUnsafeBufferPointer { p in
            var start = 0
            var i = 0
            let n = p.count
            while i < n {
                if UTF8Scan.leadsIdeograph(p[i]) { i += 3; continue }  // an ideograph ends no sentence
                let (v, len) = UTF8Scan.decode(p, at: i)
                i += len
                guard Scalar.isSentenceEnd(v) else { continue }
                // Swallow repeated ends (！？, ……) and closing marks.
                while i < n {
                    let (w, l) = UTF8Scan.decode(p, at: i)
                    if Scalar.isSentenceEnd(w) || (Scalar.isClosingMark(w) && w != 0x22 && w != 0x27) { i += l } else { break }
                }
                result.append(start..<i)
                // Skip white space before the next sentence.
                while i < n {
                    let (w, l) = UTF8Scan.decode(p, at: i)
                    if Scalar.isSpace(w) { i += l } else { break }
                }
                start = i
            }
            if start < n { result.append(start..<n) }
        }
        return result
    }
}

/// Builds paragraphs from classified blocks.
struct ParagraphBuilder {
    let source: SourceText

    /// Block kinds a sentence may run across when a column break put them in its way.
    /// The most blocks a sentence of copy written a paragraph a line runs across.
    static let longestInterruption = 4
    static let crossable: Set<BlockKind> = [.caption, .photoCredit, .photoSourceNote, .headline, .kicker, .subheading, .byline]

    func build(_ blocks: [Block]) -> [Paragraph] {
        struct Draft { var kind: BlockKind; var blocks: [Int]; var interruptions: [Int] }
        var drafts: [Draft] = []
        /// Index in `drafts` of the last prose paragraph, while it is unfinished and may continue.
        var open: Int?
        var between: [Int] = []
        /// The last prose paragraph, while nothing but photos (captions, credits) followed it.
        var lastProse: Int?
        for (i, block) in blocks.enumerated() {
            if block.kind.isProse {
                let target: Int
                // A paragraph never begins with a closing mark or a clause mark: `”8月3日…` after a
                // column break continues the paragraph before it, even one that ended a sentence.
                if block.kind == .body, open == nil, let last = lastProse, startsWithContinuation(block) {
                    open = last
                }
                if block.kind == .body, let o = open {
                    drafts[o].blocks.append(i)
                    drafts[o].interruptions += between
                    target = o
                } else {
                    drafts.append(Draft(kind: block.kind, blocks: [i], interruptions: []))
                    target = drafts.count - 1
                }
                between = []
                open = endsFinished(block) || isFigureLabel(block) ? nil : target
                lastProse = target
            } else {
                drafts.append(Draft(kind: block.kind, blocks: [i], interruptions: []))
                if Self.crossable.contains(block.kind) {
                    if open != nil || lastProse != nil { between.append(i) }
                    // Copy of a paragraph a line drops a photo's caption and credit, or a title,
                    // into a sentence, not a column of short lines (a list of names).
                    if let o = open, between.count > Self.longestInterruption, blocks[drafts[o].blocks.last!].paragraphALine { open = nil }
                    if block.kind != .caption && block.kind != .photoCredit { lastProse = nil }
                } else {
                    open = nil
                    lastProse = nil
                    between = []
                }
            }
        }
        return drafts.map { draft in
            // Room for every line and a space between each two, so that the text is not regrown.
            var lineCount = 0, byteCount = 0
            for index in draft.blocks {
                lineCount += blocks[index].lines.count
                for line in blocks[index].lines { byteCount += line.count }
            }
            var text: [UInt8] = []
            text.reserveCapacity(byteCount + lineCount)
            var segments: [Paragraph.Segment] = []
            segments.reserveCapacity(lineCount)
            for index in draft.blocks {
                for line in blocks[index].lines { join(line, into: &text, segments: &segments) }
            }
            return Paragraph(kind: draft.kind, blocks: draft.blocks, interruptions: draft.interruptions,
                             text: text, segments: segments)
        }
    }

    private func startsWithContinuation(_ block: Block) -> Bool {
        let (v, _) = UTF8Scan.decode(source.bytes, at: block.lines[0].lowerBound)
        return (Scalar.isClosingMark(v) && v != 0x22 && v != 0x27) || v == 0x3001 || v == 0xFF0C || v == 0x3002 || v == 0xFF1B
    }

    /// A line of a few characters (`44.42万`, `1120`) is a figure or label of a graphic, not the
    /// first half of a sentence that a column break cut.
    private func isFigureLabel(_ block: Block) -> Bool {
        block.lines.count == 1 && block.range.count <= 24 && UTF8Scan.scalarCount(source.bytes, block.range) <= 8
    }

    private func endsFinished(_ block: Block) -> Bool {
        let last = block.lines[block.lines.count - 1]
        let from = max(last.lowerBound, last.upperBound - 24)
        var start = from
        while start < last.upperBound && !UTF8Scan.isScalarStart(source.bytes[start]) { start += 1 }
        return Paragraph.endsFinished(source.bytes, start..<last.upperBound)
    }

    /// Appends a source line to joined text. Lines join with nothing between them (Chinese
    /// wraps anywhere), except a space between two Latin letters or digits.
    private func join(_ line: Range<Int>, into text: inout [UInt8], segments: inout [Paragraph.Segment]) {
        let bytes = source.bytes
        if let lastByte = text.last, isLatin(lastByte), isLatin(bytes[line.lowerBound]) {
            segments.append(.init(textStart: text.count, sourceStart: line.lowerBound, length: 1, synthetic: true))
            text.append(0x20)
        }
        segments.append(.init(textStart: text.count, sourceStart: line.lowerBound, length: line.count, synthetic: false))
        text.append(contentsOf: bytes[line])
    }

    private func isLatin(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
