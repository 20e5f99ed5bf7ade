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

/// How lines end in a file.
public enum LineEnding: String, Sendable {
    case lf, crlf, cr, mixed, none
}

/// The decoded text of one file: UTF-8 bytes (BOM removed) and a table of line starts.
/// Offsets everywhere in the engine are UTF-8 byte offsets into `bytes`; they become
/// line and column only when a diagnostic is reported.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset where each line's content starts.
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (its terminator excluded).
    public let lineEnds: [Int]
    public let encoding: SourceEncoding
    public let lineEnding: LineEnding

    public init(utf8 bytes: [UInt8], encoding: SourceEncoding = .utf8) {
        self.bytes = bytes
        self.encoding = encoding
        var starts = [0]
        var ends: [Int] = []
        var sawLF = false, sawCRLF = false, sawCR = false
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b == 0x0A {
                    ends.append(i)
                    starts.append(i + 1)
                    sawLF = true
                } else if b == 0x0D {
                    ends.append(i)
                    if i + 1 < n && p[i + 1] == 0x0A {
                        i += 1
                        sawCRLF = true
                    } else {
                        sawCR = true
                    }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        ends.append(bytes.count)
        // A final line terminator does not open another line.
        if starts.count > 1 && starts.last == bytes.count {
            starts.removeLast()
            ends.removeLast()
        }
        self.lineStarts = starts
        self.lineEnds = ends
        let kinds = [sawLF, sawCRLF, sawCR].filter { $0 }.count
        if kinds > 1 { lineEnding = .mixed } else if sawCRLF { lineEnding = .crlf } else if sawCR { lineEnding = .cr } else if sawLF { lineEnding = .lf } else { lineEnding = .none }
    }

    public init(_ string: String) {
        self.init(utf8: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based index of the line holding byte `offset` (binary search).
    public func lineIndex(containing offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// 1-based line and scalar column of byte `offset`. An offset inside a line terminator
    /// is reported at the end of that line's content.
    public func position(of offset: Int) -> SourcePosition {
        let index = lineIndex(containing: offset)
        let start = lineStarts[index]
        let clamped = min(offset, lineEnds[index])
        return SourcePosition(line: index + 1, column: UTF8Scan.scalarCount(bytes, start..<clamped) + 1)
    }

    /// Byte range of line `index`'s content (0-based).
    public func lineRange(_ index: Int) -> Range<Int> { lineStarts[index]..<lineEnds[index] }

    /// The text of line `index` (0-based), without its terminator.
    public func lineString(_ index: Int) -> String {
        String(decoding: bytes[lineRange(index)], as: UTF8.self)
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Number of characters an editor would count: Unicode scalars that are not white space.
    public var characterCount: Int {
        var n = 0
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (v, len) = UTF8Scan.decode(p, at: i)
                if !(Scalar.isSpace(v) || v == 0x0A || v == 0x0D) { n += 1 }
                i += len
            }
        }
        return n
    }
}
