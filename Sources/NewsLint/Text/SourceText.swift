/// A 1-based position as editors and tools see it: line, and column counted in Unicode scalars.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// What the first number of a position counts: a text file's lines, or a Word document's
/// paragraphs (in reading order).
public enum PositionUnit: String, Sendable {
    case line, paragraph
}

/// How lines end in a file.
public enum LineEnding: String, Sendable {
    case lf, crlf, cr, mixed, none
}

/// The decoded text of one file: UTF-8 bytes (BOM removed) and a table of line starts.
/// Offsets everywhere in the engine are UTF-8 byte offsets into `bytes`; they become
/// line and column only when a diagnostic is reported.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset where each line's content starts, and where it ends (its terminator excluded).
    /// 32 bits each, sized exactly: a run keeps every file's tables until it reports. Texts of
    /// 4 GiB or more are refused when files are read (`SourceText.maximumBytes`).
    private let starts: [UInt32]
    private let ends: [UInt32]
    /// Scalars before every `checkpointStride`-th byte, kept only for texts with a line longer
    /// than `longLine` (a file of one line, a runaway export): a column there is counted from the
    /// nearest checkpoint, not from the line's start, so that positioning many findings on one
    /// long line stays linear. Empty for ordinary copy, whose paragraphs are far shorter.
    private let checkpoints: [UInt32]
    static let checkpointStride = 1024
    static let longLine = 16 * 1024
    public let encoding: SourceEncoding
    public let lineEnding: LineEnding
    /// Number of characters an editor would count: Unicode scalars that are not white space.
    public let characterCount: Int
    /// For text read from a Word document: where each line stands in its paragraphs. Positions
    /// are then paragraph and column (`unit`); for a text file they are line and column.
    public let paragraphs: ParagraphMap?
    /// The Word document itself, when the run writes into it (`--format docx`, `fix`): its
    /// container and XML are kept only then, as a folder of drafts would otherwise hold them all.
    public let word: WordDocument?

    /// What a position's first number counts.
    public var unit: PositionUnit { paragraphs == nil ? .line : .paragraph }

    /// The largest text whose offsets the line tables hold.
    public static let maximumBytes = Int(UInt32.max) - 1

    /// `characterCount`, when given, is the count that decoding found (`TextDecoder.decode`);
    /// otherwise it is counted here.
    public init(utf8 bytes: [UInt8], encoding: SourceEncoding = .utf8, characterCount: Int? = nil, paragraphs: ParagraphMap? = nil,
                word: WordDocument? = nil) {
        precondition(bytes.count <= Self.maximumBytes, "texts of 4 GiB or more are refused when read")
        self.bytes = bytes
        self.word = word
        self.paragraphs = paragraphs ?? word?.paragraphs
        self.encoding = encoding
        self.characterCount = characterCount ?? UTF8Scan.characterCount(bytes)
        var sawLF = false, sawCRLF = false, sawCR = false
        let (starts, ends) = bytes.withUnsafeBufferPointer { p -> ([UInt32], [UInt32]) in
            let n = p.count
            // Terminators are found with the C library's vectorised memchr: lines are short and
            // many, and a loop over every byte cost more than the rest of reading a file.
            func next(_ byte: UInt8, from: Int) -> Int? { ByteSearch.index(of: byte, in: p, from..<n) }
            let hasCR = next(0x0D, from: 0) != nil
            // Count the terminators first, so that the tables are allocated once at their size.
            var terminators = 0
            var at = 0
            while let lf = next(0x0A, from: at) { terminators += 1; at = lf + 1 }
            if hasCR { for b in p where b == 0x0D { terminators += 1 } }
            var starts: [UInt32] = [0], ends: [UInt32] = []
            starts.reserveCapacity(terminators + 1)
            ends.reserveCapacity(terminators + 1)
            if !hasCR {
                at = 0
                while let lf = next(0x0A, from: at) {
                    ends.append(UInt32(lf))
                    starts.append(UInt32(lf + 1))
                    at = lf + 1
                }
                sawLF = terminators > 0
            } else {
                var i = 0
                while i < n {
                    let b = p[i]
                    if b == 0x0A {
                        ends.append(UInt32(i))
                        starts.append(UInt32(i + 1))
                        sawLF = true
                    } else if b == 0x0D {
                        ends.append(UInt32(i))
                        if i + 1 < n && p[i + 1] == 0x0A {
                            i += 1
                            sawCRLF = true
                        } else {
                            sawCR = true
                        }
                        starts.append(UInt32(i + 1))
                    }
                    i += 1
                }
            }
            ends.append(UInt32(n))
            // A final line terminator does not open another line.
            if starts.count > 1 && Int(starts.last!) == n {
                starts.removeLast()
                ends.removeLast()
            }
            return (starts, ends)
        }
        var longest = 0
        for k in 0..<starts.count { longest = max(longest, Int(ends[k]) - Int(starts[k])) }
        if longest > Self.longLine {
            var table: [UInt32] = []
            table.reserveCapacity(bytes.count / Self.checkpointStride + 1)
            var scalars: UInt32 = 0
            bytes.withUnsafeBufferPointer { p in
                for i in 0..<p.count {
                    if i % Self.checkpointStride == 0 { table.append(scalars) }
                    if UTF8Scan.isScalarStart(p[i]) { scalars += 1 }
                }
            }
            if bytes.count % Self.checkpointStride == 0 { table.append(scalars) }  // the end offset's own entry
            checkpoints = table
        } else {
            checkpoints = []
        }
        self.starts = starts
        self.ends = ends
        let kinds = [sawLF, sawCRLF, sawCR].filter { $0 }.count
        if kinds > 1 { lineEnding = .mixed } else if sawCRLF { lineEnding = .crlf } else if sawCR { lineEnding = .cr } else if sawLF { lineEnding = .lf } else { lineEnding = .none }
    }

    public init(_ string: String) {
        self.init(utf8: Array(string.utf8))
    }

    public var lineCount: Int { starts.count }

    /// 0-based index of the line holding byte `offset` (binary search).
    public func lineIndex(containing offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// 1-based line and scalar column of byte `offset`. An offset inside a line terminator
    /// is reported at the end of that line's content. For a Word document's text, the paragraph
    /// and the column within it.
    public func position(of offset: Int) -> SourcePosition {
        let index = lineIndex(containing: offset)
        let range = lineRange(index)
        let clamped = min(offset, range.upperBound)
        let column = scalars(range.lowerBound..<clamped) + 1
        if let p = paragraphs, !p.paragraph.isEmpty {
            let k = min(index, p.paragraph.count - 1)
            return SourcePosition(line: Int(p.paragraph[k]), column: Int(p.column[k]) + column)
        }
        return SourcePosition(line: index + 1, column: column)
    }

    /// The number of scalars in `range`, in time bounded by the checkpoint stride.
    func scalars(_ range: Range<Int>) -> Int {
        guard !checkpoints.isEmpty, range.count > 2 * Self.checkpointStride else { return UTF8Scan.scalarCount(bytes, range) }
        func before(_ offset: Int) -> Int {
            let k = offset / Self.checkpointStride
            return Int(checkpoints[k]) + UTF8Scan.scalarCount(bytes, k * Self.checkpointStride..<offset)
        }
        return before(range.upperBound) - before(range.lowerBound)
    }

    /// Byte range of line `index`'s content (0-based).
    public func lineRange(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(ends[index]) }

    /// The text of line `index` (0-based), without its terminator.
    public func lineString(_ index: Int) -> String {
        String(decoding: bytes[lineRange(index)], as: UTF8.self)
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
