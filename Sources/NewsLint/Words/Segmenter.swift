/// A word of a text, as the segmenter reads it.
public struct Word: Sendable, Equatable {
    /// Byte range in the text that was segmented.
    public let range: Range<Int>
    /// Whether the lexicon lists it (a Han word); false for a Han character it does not know
    /// and for runs of digits, Latin letters or marks.
    public let isKnown: Bool
    public let kind: Kind

    public enum Kind: Sendable, Equatable {
        /// Han characters: a listed word, or one character.
        case han
        /// Digits, Latin letters and the marks inside a number (`1.46`, `GDP`, `5G`).
        case alphanumeric
        /// One punctuation mark or symbol.
        case mark
    }
}

/// Finds the most probable words of a text over a lexicon, as jieba does: for each run of Han
/// characters, every word the lexicon has at every position (a DAG), then the path whose words'
/// log-probabilities add up highest, computed from the run's end. A character the lexicon does
/// not know stands alone, at the cost of a word seen once: names and rare words come out as
/// single characters. White space separates words and is no word itself.
public struct Segmenter: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// The words of UTF-8 `text`, in order.
    public func words(in text: [UInt8]) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(text.count / 4)
        // Scalars and where each starts, for the runs of Han characters.
        var scalars: [UInt32] = [], starts: [Int] = []
        var best: [Float] = [], next: [Int] = []
        text.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (v, len) = UTF8Scan.decode(p, at: i)
                if Scalar.isHan(v) {
                    scalars.removeAll(keepingCapacity: true)
                    starts.removeAll(keepingCapacity: true)
                    var k = i
                    while k < p.count, case let (u, l) = UTF8Scan.decode(p, at: k), Scalar.isHan(u) {
                        scalars.append(u)
                        starts.append(k)
                        k += l
                    }
                    starts.append(k)
                    segmentHan(scalars, starts, &best, &next, into: &out)
                    i = k
                } else if Self.isAlphanumeric(v) {
                    var k = i + len
                    while k < p.count, case let (u, l) = UTF8Scan.decode(p, at: k),
                          Self.isAlphanumeric(u) || (Self.isNumberMark(u) && k + l < p.count && Self.isAlphanumeric(UTF8Scan.decode(p, at: k + l).0)) {
                        k += l
                    }
                    out.append(Word(range: i..<k, isKnown: false, kind: .alphanumeric))
                    i = k
                } else {
                    if !Scalar.isSpace(v) { out.append(Word(range: i..<(i + len), isKnown: false, kind: .mark)) }
                    i += len
                }
            }
        }
        return out
    }

    /// The best path through one run of Han characters.
    private func segmentHan(_ s: [UInt32], _ starts: [Int], _ best: inout [Float], _ next: inout [Int], into out: inout [Word]) {
        let n = s.count
        best.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        best.append(contentsOf: repeatElement(0, count: n + 1))
        next.append(contentsOf: repeatElement(0, count: n + 1))
        let longest = lexicon.longest
        var i = n - 1
        while i >= 0 {
            // One character always fits: a listed one at its cost, else as unknown.
            var h = Lexicon.extend(0, s[i])
            let single = lexicon.lookUp(h)
            var top = (single.flatMap { $0 == Lexicon.prefixOnly ? nil : $0 } ?? lexicon.unknownCost) + best[i + 1]
            var end = i + 1
            if single != nil {
                var j = i + 1
                while j < n && j - i < longest {
                    h = Lexicon.extend(h, s[j])
                    guard let c = lexicon.lookUp(h) else { break }
                    j += 1
                    if c != Lexicon.prefixOnly, c + best[j] > top {
                        top = c + best[j]
                        end = j
                    }
                }
            }
            best[i] = top
            next[i] = end
            i -= 1
        }
        var k = 0
        while k < n {
            let e = next[k]
            let known = e > k + 1 || (lexicon.lookUp(Lexicon.extend(0, s[k])).map { $0 != Lexicon.prefixOnly } ?? false)
            out.append(Word(range: starts[k]..<starts[e], isKnown: known, kind: .han))
            k = e
        }
    }

    static func isAlphanumeric(_ v: UInt32) -> Bool {
        Scalar.isASCIIDigit(v) || Scalar.isASCIILetter(v) || (v >= 0xFF10 && v <= 0xFF19) || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A)
    }

    /// Marks that stay inside a number or code when a digit or letter follows: `1.46`, `1,334`, `COVID-19`.
    static func isNumberMark(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x2C || v == 0x2D || v == 0xFF0E
    }
}
