/// Splits source text into blocks: runs of non-blank lines, further split where page
/// export glued different things together (a heading on the line above hard-wrapped prose,
/// an indented new paragraph, a photo credit after its caption, a paragraph that ends on a
/// short line inside a hard-wrapped run).
struct BlockSplitter {
    let source: SourceText
    /// How credits are read: the house style's roles.
    let credits: Credits
    /// Lines that suppression directives occupy: treated as blank.
    let ignoredLines: Set<Int>

    struct Line {
        let index: Int
        let range: Range<Int>  // trimmed content
        let indented: Bool
    }

    func split() -> [Block] {
        var blocks: [Block] = []
        var run: [Line] = []  // one buffer for every run: cleared, not reallocated
        var blanks = 0
        var blanksBeforeRun = 0
        for index in 0..<source.lineCount {
            if let line = trimmedLine(index), !ignoredLines.contains(index) {
                if run.isEmpty { blanksBeforeRun = blanks }
                run.append(line)
                blanks = 0
            } else {
                if !run.isEmpty { emit(run, blanksBefore: blanksBeforeRun, into: &blocks); run.removeAll(keepingCapacity: true) }
                blanks += 1
            }
        }
        if !run.isEmpty { emit(run, blanksBefore: blanksBeforeRun, into: &blocks) }
        return blocks
    }

    private func trimmedLine(_ index: Int) -> Line? {
        let full = source.lineRange(index)
        let trimmed = UTF8Scan.trimmingSpaces(source.bytes, full)
        if trimmed.isEmpty { return nil }
        return Line(index: index, range: trimmed, indented: trimmed.lowerBound > full.lowerBound)
    }

    /// Whether two thirds of the lines stand alone: each ends a sentence, or holds no sentence or
    /// clause mark at all (a title, an item of a list). A column cuts lines mid-sentence.
    private func linesStandAlone(_ run: [Line], ends: [Bool]) -> Bool {
        var alone = 0
        for (line, ended) in zip(run, ends) {
            if ended { alone += 1; continue }
            var i = line.range.lowerBound, marked = false
            while i < line.range.upperBound, !marked {
                let (v, len) = UTF8Scan.decode(source.bytes, at: i)
                marked = Heading.breaksNoTitle.contains(v) || v == ch("、")
                i += len
            }
            if !marked { alone += 1 }
        }
        return 3 * alone >= 2 * run.count
    }

    /// The widest column page export wraps at, in display columns (50 Han characters).
    static let widestColumn = 100

    /// Whether two thirds of the widths lie within a fifth (or 4 columns) of their median: the
    /// lines of one column, justified or not.
    static func clustered(_ widths: ArraySlice<Int>) -> Bool {
        let median = widths.sorted()[widths.count / 2]
        let near = widths.filter { abs($0 - median) <= max(4, median / 5) }.count
        return 3 * near >= 2 * widths.count
    }

    /// A line's width as typeset (see `DisplayWidth`), the measure of hard-wrapped lines. It is
    /// taken only where a decision needs it: most lines never are measured.
    private func width(_ line: Line) -> Int {
        DisplayWidth.of(source.bytes, line.range, typeset: true)
    }

    /// Cuts one run of non-blank lines into pieces (at an indented line, after a heading over
    /// prose, after a sentence that ends on a short line) and each piece into blocks.
    ///
    /// A run comes in one of two shapes. Page export hard-wraps paragraphs at a column: its lines
    /// but the last are about as wide as the column (or as two columns, beside a photo), and most
    /// stop mid-sentence. A CMS export writes a paragraph a line: lines run wider than any column,
    /// or two thirds of them end a sentence, or their widths scatter and each line stands alone
    /// (a list of names, titles over short paragraphs). There every line is a paragraph (or a title, a
    /// credit) of its own. In a hard-wrapped run a line joins the next unless it ends a sentence
    /// short of the column or is a heading over prose.
    private func emit(_ run: [Line], blanksBefore: Int, into blocks: inout [Block]) {
        // Each line's width and whether it ends a sentence, found once for the run.
        let widths = run.count > 1 ? run.map(width) : []
        let ends = run.count > 1 ? run.map { endsSentence($0.range) } : []
        let widest = widths.max() ?? 0
        let paragraphALine = run.count > 1 && (widest > Self.widestColumn
            || (run.count >= 3 && 3 * ends.dropLast().filter { $0 }.count >= 2 * (run.count - 1))
            || (run.count >= 4 && !Self.clustered(widths.dropLast()) && linesStandAlone(run, ends: ends)))
        func breaksAfter(_ i: Int, pieceStart: Int) -> Bool {
            paragraphALine
                || (i == pieceStart && isHeadingOverProse(run[i], next: run[i + 1]))
                || (ends[i] && widths[i] < widest - 2)
        }
        var first = true
        var pieceStart = 0
        for i in run.indices {
            if i > pieceStart && run[i].indented {
                emitPiece(run[pieceStart..<i], blanksBefore: blanksBefore, paragraphALine: paragraphALine, first: &first, into: &blocks)
                pieceStart = i
            }
            guard i < run.count - 1 else { continue }
            if breaksAfter(i, pieceStart: pieceStart) {
                emitPiece(run[pieceStart...i], blanksBefore: blanksBefore, paragraphALine: paragraphALine, first: &first, into: &blocks)
                pieceStart = i + 1
            }
        }
        if pieceStart < run.count { emitPiece(run[pieceStart...], blanksBefore: blanksBefore, paragraphALine: paragraphALine, first: &first, into: &blocks) }
    }

    /// The blocks of one piece: its lines, less a photo credit on a line of its own or at the end
    /// of a caption's line, and less a line that is only a web address or a closing credit or
    /// source, which are blocks of their own.
    private func emitPiece(_ piece: ArraySlice<Line>, blanksBefore: Int, paragraphALine: Bool, first: inout Bool, into blocks: inout [Block]) {
        // A piece is nearly always one block: room for all its lines at once.
        var lines: [Range<Int>] = []
        lines.reserveCapacity(piece.count)
        var firstLine = piece.first!.index
        var indented = piece.first!.indented
        func flush(_ blanks: Int) {
            if lines.isEmpty { return }
            blocks.append(Block(kind: .body, lines: lines, firstLine: firstLine, blankLinesBefore: blanks,
                                indented: indented, markdownLevel: markdownLevel(lines[0]), paragraphALine: paragraphALine))
            lines = []
        }
        for line in piece {
            if piece.count > 1 && (isAddressLine(line.range) || isClosingNote(line.range)) {
                flush(first ? blanksBefore : 0); first = false
                lines = [line.range]
                firstLine = line.index; indented = line.indented
                flush(0)
                continue
            }
            if let creditStart = trailingCreditStart(line.range) {
                if creditStart > line.range.lowerBound {
                    // The caption's part: the line starts trimmed, so only its end has spaces to drop.
                    lines.append(UTF8Scan.trimmingSpaces(source.bytes, line.range.lowerBound..<creditStart))
                }
                flush(first ? blanksBefore : 0); first = false
                lines = [creditStart..<line.range.upperBound]
                firstLine = line.index; indented = false
                flush(0)
                continue
            }
            if lines.isEmpty { firstLine = line.index; indented = line.indented }
            lines.append(line.range)
        }
        flush(first ? blanksBefore : 0)
        first = false
    }

    private func string(_ r: Range<Int>) -> String { source.string(r) }

    /// A line that closes an article without a closing mark (`版式设计：张丹峰`, `（本报伦敦电）`),
    /// which copy of one paragraph a line puts under the last paragraph with no blank line.
    private func isClosingNote(_ r: Range<Int>) -> Bool {
        credits.closingNote(source.bytes, r) != nil
    }

    /// A short, unpunctuated first line over a wider line of prose: `教育强区强力推进` / `去年，…`.
    private func isHeadingOverProse(_ line: Line, next: Line) -> Bool {
        guard line.range.count <= 90, width(line) + 6 <= width(next) else { return false }
        let text = string(line.range)
        if text.hasPrefix("本报") || text.hasPrefix("新华社") { return false }
        return Heading.looksLikeTitle(text)
    }

    private func endsSentence(_ r: Range<Int>) -> Bool {
        var end = r.upperBound
        let bytes = source.bytes
        while end > r.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: end)
            let (v, _) = UTF8Scan.decode(bytes, at: s)
            if Scalar.isClosingMark(v) { end = s; continue }
            return Scalar.isSentenceEnd(v)
        }
        return false
    }

    /// Where a photo credit starts on this line: the whole line (`段玉明 摄`), or the part after
    /// a caption's final mark (`走访企业。本报记者 吉亚南 摄`).
    private func trailingCreditStart(_ r: Range<Int>) -> Int? {
        guard r.count <= 400, ByteSearch.hasSuffix(Credits.photoMark, source.bytes, r) else { return nil }
        let text = string(r)
        if credits.parse(text, photo: true) != nil { return r.lowerBound }
        // Find the last sentence-ending mark and try the rest as a credit.
        let bytes = source.bytes
        var i = r.upperBound
        while i > r.lowerBound {
            let s = UTF8Scan.previousScalarStart(bytes, before: i)
            let (v, len) = UTF8Scan.decode(bytes, at: s)
            if Scalar.isSentenceEnd(v) || (Scalar.isClosingMark(v) && v != 0x29 && v != 0xFF09) {
                var start = s + len
                while start < r.upperBound, Scalar.isSpace(UTF8Scan.decode(bytes, at: start).0) {
                    start += UTF8Scan.decode(bytes, at: start).1
                }
                guard start < r.upperBound else { return nil }
                let rest = string(start..<r.upperBound)
                // A credit, or a malformed one (`本报记者 摄`, a bare `摄`) for byline-format to report.
                let lenient = rest.unicodeScalars.count <= 20
                    && (rest == "摄" || credits.roles.contains { rest.utf8.starts(with: $0.utf8) })
                return credits.parse(rest, photo: true) != nil || lenient ? start : nil
            }
            i = s
        }
        return nil
    }

    /// A line that is only a web address, perhaps in brackets: `〔https://…〕`.
    private func isAddressLine(_ r: Range<Int>) -> Bool {
        guard r.count >= 8, r.count <= 600, Address.mayBeAddressLine(source.bytes, r) else { return false }
        return Address.isAddressLine(string(r))
    }

    private func markdownLevel(_ r: Range<Int>) -> Int {
        var level = 0
        var i = r.lowerBound
        while i < r.upperBound && source.bytes[i] == UInt8(ascii: "#") { level += 1; i += 1 }
        // Runs longer than Markdown's six are still headings in exported copy (`######## 人民日报…`).
        guard level > 0, i < r.upperBound, source.bytes[i] == UInt8(ascii: " ") else { return 0 }
        return min(level, 6)
    }
}

/// What a title looks like: short, with no sentence punctuation.
enum Heading {
    static let maxScalars = 40

    static func looksLikeTitle(_ text: String) -> Bool {
        looksLikeTitle(text.unicodeScalars.map(\.value))
    }

    static let endsNoTitle = ScalarSet("。，、；：:;,")
    static let breaksNoTitle = ScalarSet("。；，,;")
    static let opensNoTitle = ScalarSet("、，,")

    static func looksLikeTitle(_ scalars: [UInt32]) -> Bool {
        guard scalars.count <= maxScalars, let last = scalars.last, let first = scalars.first else { return false }
        // Titles end without sentence or clause punctuation (a closing quote or ！？ is fine),
        // hold no sentence or clause breaks, do not start inside a quotation, and balance.
        if endsNoTitle.contains(last) { return false }
        if scalars.contains(where: { breaksNoTitle.contains($0) }) { return false }
        if Scalar.isClosingMark(first) || opensNoTitle.contains(first) { return false }
        if !Scalar.isBalanced(scalars) { return false }
        // Needs some Han text, and is not just a number.
        return scalars.contains { Scalar.isHan($0) }
    }
}

/// Web addresses standing alone on a line.
enum Address {
    /// Whether `bytes[r]` can be only a web address, a cheap test before `isAddressLine`: an
    /// address opens with `h` or `w`, at once or after a bracket of one or three bytes.
    static func mayBeAddressLine(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        func opens(at k: Int) -> Bool {
            k < r.count && (bytes[r.lowerBound + k] == UInt8(ascii: "h") || bytes[r.lowerBound + k] == UInt8(ascii: "w"))
        }
        return opens(at: 0) || opens(at: 1) || opens(at: 3)
    }

    static func isAddressLine(_ text: String) -> Bool {
        var t = Substring(text)
        for (open, close) in [("〔", "〕"), ("（", "）"), ("(", ")"), ("<", ">"), ("［", "］"), ("[", "]")]
        where t.hasPrefix(open) && t.hasSuffix(close) {
            t = t.dropFirst().dropLast()
            break
        }
        guard ["http://", "https://", "www."].contains(where: { t.utf8.starts(with: $0.utf8) }) else { return false }
        return !t.unicodeScalars.contains { Scalar.isSpace($0.value) }
    }
}
