/// The regular expressions of rule packs (`forbid` entries' `pattern`), matched in time linear
/// in the text: the pattern is compiled to a small program that is run over the text once, all
/// its alternatives side by side (a Pike machine), so that no pattern, however it nests, can
/// backtrack for minutes over a long paragraph.
///
/// Syntax: literal characters; `.` (any character but a line break); classes `[…]`, `[^…]` with
/// ranges; `\d \D \s \S \w \W`, `\p{Han}` and `\P{Han}`; `\n \t`, `\uXXXX`, `\u{…}` and an
/// escaped punctuation mark for itself; groups `(…)` and `(?:…)`; alternation `|`; the
/// quantifiers `* + ? {m} {m,} {m,n}`, each also lazy with `?`; anchors `^` and `$` (the start
/// and end of a paragraph). Back-references, look-around and inline flags cannot be matched in
/// linear time and are refused with a message.
///
/// A match is what a backtracking engine would find: the leftmost, and among those the one the
/// pattern prefers (greedy or lazy quantifiers, the first alternative that fits). One corner
/// differs: a repeated group that can match nothing (`(a?)*`), where backtracking engines stop
/// an empty repetition by rules of their own; here such a repetition is simply not taken twice.
public struct Pattern: Sendable {
    public let source: String
    private let program: [Instruction]
    private let sets: [ScalarClass]
    /// Literal texts of which every match begins with one (nil: no such list). A text that holds
    /// none of them cannot match, and is not run.
    public let requiredPrefixes: [[UInt8]]?

    /// Why a pattern was refused.
    public struct SyntaxError: Error, Sendable {
        public let message: LocalizedText
        public let offset: Int
    }

    /// The largest program a pattern may compile to (a bounded repeat is copied out).
    static let maximumProgram = 20_000

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = Parser(scalars: Array(source.unicodeScalars.map(\.value)))
        let node = try parser.parseWhole()
        var compiler = Compiler()
        try compiler.emit(node)
        compiler.program.append(.match)
        guard compiler.program.count <= Self.maximumProgram else {
            throw SyntaxError(message: LocalizedText(zh: "正则表达式展开后过大（重复次数太多），请改写", en: "the pattern is too large once its repeats are counted out; rewrite it"), offset: 0)
        }
        program = compiler.program
        sets = compiler.sets
        requiredPrefixes = node.prefixes.flatMap { list in
            list.contains(where: \.isEmpty) ? nil : list.map { scalars in
                var bytes: [UInt8] = []
                for v in scalars { UTF8Scan.append(v, to: &bytes) }
                return bytes
            }
        }
    }

    /// The non-overlapping, non-empty matches in `text` (UTF-8), as byte ranges.
    public func matches(in text: [UInt8]) -> [Range<Int>] {
        if let prefixes = requiredPrefixes, !prefixes.contains(where: { ByteSearch.contains($0, in: text, 0..<text.count) }) { return [] }
        var out: [Range<Int>] = []
        var from = 0
        var machine = Machine(count: program.count)
        while from <= text.count, let m = first(in: text, from: from, machine: &machine) {
            if m.isEmpty {
                from = m.upperBound < text.count ? m.upperBound + UTF8Scan.decode(text, at: m.upperBound).1 : text.count + 1
            } else {
                out.append(m)
                from = m.upperBound
            }
        }
        return out
    }

    // MARK: - The machine

    enum Instruction: Sendable {
        case scalar(UInt32)
        case set(Int)
        case any
        /// Try `preferred` first, then `other`.
        case split(preferred: Int, other: Int)
        case jump(Int)
        case textStart
        case textEnd
        case match
    }

    /// Thread lists reused across runs: a program counter each, and the match start it carries.
    struct Machine {
        var current: [(pc: Int, start: Int)] = []
        var next: [(pc: Int, start: Int)] = []
        /// The generation in which each instruction was last added, so each is added once a step.
        var mark: [Int]
        var generation = 0
        var stack: [Int] = []

        init(count: Int) { mark = [Int](repeating: -1, count: count) }
    }

    /// The first match at or after `from`.
    private func first(in text: [UInt8], from: Int, machine m: inout Machine) -> Range<Int>? {
        m.current.removeAll(keepingCapacity: true)
        var found: Range<Int>?
        var pos = from
        m.generation += 1  // the threads at `pos`; each instruction is added once a position
        add(&m.current, pc: 0, start: pos, at: pos, text, &m.mark, &m.stack, m.generation)
        while !m.current.isEmpty {
            let atEnd = pos >= text.count
            let (v, len) = atEnd ? (0, 1) : UTF8Scan.decode(text, at: pos)
            m.generation += 1
            m.next.removeAll(keepingCapacity: true)
            for thread in m.current {
                switch program[thread.pc] {
                case let .scalar(s):
                    if !atEnd && v == s { add(&m.next, pc: thread.pc + 1, start: thread.start, at: pos + len, text, &m.mark, &m.stack, m.generation) }
                case let .set(k):
                    if !atEnd && sets[k].contains(v) { add(&m.next, pc: thread.pc + 1, start: thread.start, at: pos + len, text, &m.mark, &m.stack, m.generation) }
                case .any:
                    if !atEnd && v != 0x0A && v != 0x0D { add(&m.next, pc: thread.pc + 1, start: thread.start, at: pos + len, text, &m.mark, &m.stack, m.generation) }
                case .match:
                    found = thread.start..<pos
                default:
                    break
                }
                // A match cuts off every thread the pattern prefers less.
                if case .match = program[thread.pc] { break }
            }
            swap(&m.current, &m.next)
            if atEnd { break }
            pos += len
            // A match may also start here, after (less preferred than) those already running.
            if found == nil { add(&m.current, pc: 0, start: pos, at: pos, text, &m.mark, &m.stack, m.generation) }
        }
        return found
    }

    /// Adds a thread at `pc`, following jumps, splits and anchors (in the pattern's order of
    /// preference) to the instructions that read a character or match.
    private func add(_ list: inout [(pc: Int, start: Int)], pc: Int, start: Int, at pos: Int, _ text: [UInt8],
                     _ mark: inout [Int], _ stack: inout [Int], _ generation: Int) {
        // An explicit stack: a long run of nested repeats must not overflow the call stack.
        stack.append(pc)
        while let pc = stack.popLast() {
            guard mark[pc] != generation else { continue }
            mark[pc] = generation
            switch program[pc] {
            case let .jump(to): stack.append(to)
            case let .split(preferred, other):
                stack.append(other)
                stack.append(preferred)
            case .textStart: if pos == 0 { stack.append(pc + 1) }
            case .textEnd: if pos >= text.count { stack.append(pc + 1) }
            default: list.append((pc, start))
            }
        }
    }
}

/// A set of scalars written as a class: ranges, negated or not.
struct ScalarClass: Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ v: UInt32) -> Bool {
        ranges.contains { $0.contains(v) } != negated
    }

    static let digit = ScalarClass(ranges: [0x30...0x39], negated: false)
    static let space = ScalarClass(ranges: [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x3000...0x3000], negated: false)
    static let word = ScalarClass(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF], negated: false)
    /// The Han script's ideographs: the unified blocks, their extensions and the compatibility ones, and 〇.
    static let han = ScalarClass(ranges: [0x3007...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F], negated: false)
}

extension Pattern {
    indirect enum Node {
        case empty
        case scalar(UInt32)
        case set(ScalarClass)
        case any
        case textStart, textEnd
        case sequence([Node])
        case alternatives([Node])
        case repeated(Node, min: Int, max: Int?, greedy: Bool)

        /// Literal texts of which every match begins with one; nil when that cannot be said.
        var prefixes: [[UInt32]]? {
            switch self {
            case .empty, .textStart, .textEnd: return [[]]
            case let .scalar(v): return [[v]]
            case .set, .any: return nil
            case let .alternatives(list):
                var out: [[UInt32]] = []
                for n in list {
                    guard let p = n.prefixes else { return nil }
                    out += p
                }
                return out
            case let .repeated(n, min, _, _):
                return min >= 1 ? n.prefixes : nil
            case let .sequence(list):
                // Literal scalars are joined while each item's prefixes are whole (a literal item).
                var out: [[UInt32]] = [[]]
                for n in list {
                    switch n {
                    case .textStart, .textEnd, .empty: continue
                    case let .scalar(v):
                        out = out.map { $0 + [v] }
                        continue
                    default:
                        guard let p = n.prefixes else { return out.contains(where: \.isEmpty) ? nil : out }
                        if out == [[]] { return p }
                        return out
                    }
                }
                return out
            }
        }
    }

    struct Parser {
        let scalars: [UInt32]
        var i = 0

        func error(_ zh: String, _ en: String) -> SyntaxError {
            SyntaxError(message: LocalizedText(zh: zh, en: en), offset: i)
        }

        mutating func parseWhole() throws(SyntaxError) -> Node {
            let node = try alternatives(depth: 0)
            if i < scalars.count { throw error("多出的 `)`", "an unmatched `)`") }
            return node
        }

        mutating func alternatives(depth: Int) throws(SyntaxError) -> Node {
            guard depth < 100 else { throw error("括号嵌套过深", "groups nested too deeply") }
            var list = [try sequence(depth: depth)]
            while i < scalars.count && scalars[i] == 0x7C {  // |
                i += 1
                list.append(try sequence(depth: depth))
            }
            return list.count == 1 ? list[0] : .alternatives(list)
        }

        mutating func sequence(depth: Int) throws(SyntaxError) -> Node {
            var items: [Node] = []
            while i < scalars.count && scalars[i] != 0x7C && scalars[i] != 0x29 {  // | )
                var atom = try self.atom(depth: depth)
                while i < scalars.count, let (min, max) = try quantifier() {
                    if case .repeated = atom { throw error("量词不能直接叠加，请加括号", "a quantifier cannot follow another; add a group") }
                    var greedy = true
                    if i < scalars.count && scalars[i] == 0x3F { greedy = false; i += 1 }  // lazy
                    else if i < scalars.count && scalars[i] == 0x2B { throw error("不支持占有量词", "possessive quantifiers are not supported") }
                    switch atom {
                    case .textStart, .textEnd: throw error("锚点不能重复", "an anchor cannot be repeated")
                    default: break
                    }
                    atom = .repeated(atom, min: min, max: max, greedy: greedy)
                }
                items.append(atom)
            }
            return items.isEmpty ? .empty : items.count == 1 ? items[0] : .sequence(items)
        }

        /// `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}` at `i`, if one stands there.
        mutating func quantifier() throws(SyntaxError) -> (Int, Int?)? {
            switch scalars[i] {
            case 0x2A: i += 1; return (0, nil)
            case 0x2B: i += 1; return (1, nil)
            case 0x3F: i += 1; return (0, 1)
            case 0x7B:
                let start = i
                i += 1
                guard let min = number() else { i = start; return nil }  // a literal `{`
                var max: Int? = min
                if i < scalars.count && scalars[i] == 0x2C {
                    i += 1
                    max = number()
                }
                guard i < scalars.count && scalars[i] == 0x7D else { throw error("`{` 缺少匹配的 `}`", "`{` without its `}`") }
                i += 1
                if let max, max < min { throw error("重复次数的上限小于下限", "a repeat's upper bound is below its lower bound") }
                if min > 1000 || (max ?? 0) > 1000 { throw error("重复次数不能超过 1000", "a repeat count cannot exceed 1000") }
                return (min, max)
            default: return nil
            }
        }

        mutating func number() -> Int? {
            var n: Int?
            while i < scalars.count, scalars[i] >= 0x30 && scalars[i] <= 0x39 {
                n = min(100_000, (n ?? 0) * 10 + Int(scalars[i] - 0x30))
                i += 1
            }
            return n
        }

        mutating func atom(depth: Int) throws(SyntaxError) -> Node {
            let c = scalars[i]
            i += 1
            switch c {
            case 0x28:  // (
                if i < scalars.count && scalars[i] == 0x3F {  // (?
                    guard i + 1 < scalars.count && scalars[i + 1] == 0x3A else {
                        throw error("不支持环视、命名组和内联选项，只支持 (?:…)", "look-around, named groups and inline flags are not supported; only (?:…) is")
                    }
                    i += 2
                }
                let inner = try alternatives(depth: depth + 1)
                guard i < scalars.count && scalars[i] == 0x29 else { throw error("`(` 缺少匹配的 `)`", "`(` without its `)`") }
                i += 1
                // A group of one repeat stays a group, so that it may be repeated: `(a+)+`.
                if case .repeated = inner { return .sequence([inner]) }
                return inner
            case 0x5B: return .set(try charClass())  // [
            case 0x2E: return .any
            case 0x5E: return .textStart
            case 0x24: return .textEnd
            case 0x2A, 0x2B, 0x3F: throw error("量词前面没有内容", "a quantifier with nothing before it")
            case 0x5C: return try escape(inClass: false)
            default: return .scalar(c)
            }
        }

        /// An escape after `\`: a class (`\d`) or a scalar.
        mutating func escape(inClass: Bool) throws(SyntaxError) -> Node {
            guard i < scalars.count else { throw error("模式以 `\\` 结尾", "the pattern ends with `\\`") }
            let c = scalars[i]
            i += 1
            switch c {
            case 0x64: return .set(.digit)  // d
            case 0x44: return .set(ScalarClass(ranges: ScalarClass.digit.ranges, negated: true))
            case 0x73: return .set(.space)  // s
            case 0x53: return .set(ScalarClass(ranges: ScalarClass.space.ranges, negated: true))
            case 0x77: return .set(.word)  // w
            case 0x57: return .set(ScalarClass(ranges: ScalarClass.word.ranges, negated: true))
            case 0x70, 0x50:  // p{Han}, P{Han}
                let name = "{Han}".unicodeScalars.map(\.value)
                guard i + name.count <= scalars.count, Array(scalars[i..<(i + name.count)]) == name else {
                    throw error("只支持 \\p{Han} 与 \\P{Han}", "only \\p{Han} and \\P{Han} are supported")
                }
                i += name.count
                return .set(ScalarClass(ranges: ScalarClass.han.ranges, negated: c == 0x50))
            case 0x6E: return .scalar(0x0A)  // n
            case 0x74: return .scalar(0x09)  // t
            case 0x72: return .scalar(0x0D)  // r
            case 0x75:  // u
                if i < scalars.count && scalars[i] == 0x7B {
                    i += 1
                    let v = hex(max: 6)
                    guard let v, i < scalars.count, scalars[i] == 0x7D else { throw error("\\u{…} 写法错误", "a malformed \\u{…}") }
                    i += 1
                    return .scalar(v)
                }
                let start = i
                guard let v = hex(max: 4), i - start == 4 else { throw error("\\u 后应有四位十六进制数", "\\u needs four hexadecimal digits") }
                return .scalar(v)
            case 0x31...0x39:
                throw error("不支持反向引用（\\1 等）", "back-references (\\1 …) are not supported")
            default:
                if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    throw error("不支持的转义 `\\\(String(UnicodeScalar(c)!))`", "unsupported escape `\\\(String(UnicodeScalar(c)!))`")
                }
                return .scalar(c)  // `\.`, `\（`: the mark itself
            }
        }

        mutating func hex(max: Int) -> UInt32? {
            var v: UInt32 = 0, n = 0
            while i < scalars.count, n < max, let d = Self.hexDigit(scalars[i]) {
                v = v * 16 + d
                n += 1
                i += 1
            }
            return n > 0 && v <= 0x10FFFF ? v : nil
        }

        static func hexDigit(_ c: UInt32) -> UInt32? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x37
            case 0x61...0x66: return c - 0x57
            default: return nil
            }
        }

        /// A class after `[`, up to its `]`.
        mutating func charClass() throws(SyntaxError) -> ScalarClass {
            var set = ScalarClass(ranges: [], negated: false)
            if i < scalars.count && scalars[i] == 0x5E { set.negated = true; i += 1 }
            var first = true
            while true {
                guard i < scalars.count else { throw error("`[` 缺少匹配的 `]`", "`[` without its `]`") }
                let c = scalars[i]
                if c == 0x5D && !first { i += 1; return set }
                first = false
                i += 1
                var low: UInt32
                if c == 0x5C {
                    switch try escape(inClass: true) {
                    case let .scalar(v): low = v
                    case let .set(inner):
                        guard !inner.negated else { throw error("类中不支持取反的 \\D \\S \\W \\P", "negated classes (\\D, \\S, \\W, \\P) are not supported inside […]") }
                        set.ranges += inner.ranges
                        continue
                    default: continue
                    }
                } else if c == 0x5B && i < scalars.count && scalars[i] == 0x3A {
                    throw error("不支持 POSIX 字符类 [:…:]", "POSIX classes [:…:] are not supported")
                } else {
                    low = c
                }
                if i + 1 < scalars.count && scalars[i] == 0x2D && scalars[i + 1] != 0x5D {  // a range a-z
                    i += 1
                    var high = scalars[i]
                    i += 1
                    if high == 0x5C {
                        guard case let .scalar(v) = try escape(inClass: true) else { throw error("范围的终点不能是字符类", "a range cannot end in a class") }
                        high = v
                    }
                    guard high >= low else { throw error("范围的终点小于起点", "a range whose end is before its start") }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
        }
    }

    struct Compiler {
        var program: [Instruction] = []
        var sets: [ScalarClass] = []

        mutating func emit(_ node: Node) throws(SyntaxError) {
            guard program.count <= Pattern.maximumProgram else {
                throw SyntaxError(message: LocalizedText(zh: "正则表达式展开后过大（重复次数太多），请改写",
                                                         en: "the pattern is too large once its repeats are counted out; rewrite it"), offset: 0)
            }
            switch node {
            case .empty: break
            case let .scalar(v): program.append(.scalar(v))
            case let .set(s):
                sets.append(s)
                program.append(.set(sets.count - 1))
            case .any: program.append(.any)
            case .textStart: program.append(.textStart)
            case .textEnd: program.append(.textEnd)
            case let .sequence(list): for n in list { try emit(n) }
            case let .alternatives(list):
                var jumps: [Int] = []
                for (k, n) in list.enumerated() {
                    if k < list.count - 1 {
                        let split = program.count
                        program.append(.split(preferred: split + 1, other: -1))
                        try emit(n)
                        jumps.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(preferred: split + 1, other: program.count)
                    } else {
                        try emit(n)
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
            case let .repeated(n, min, max, greedy):
                for _ in 0..<min { try emit(n) }
                if let max {
                    // Each optional copy: try it (or, lazily, skip it first), then the next.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.split(preferred: -1, other: -1))
                        try emit(n)
                    }
                    for s in splits { program[s] = branch(s + 1, program.count, greedy) }
                } else {
                    let loop = program.count
                    program.append(.split(preferred: -1, other: -1))
                    try emit(n)
                    program.append(.jump(loop))
                    program[loop] = branch(loop + 1, program.count, greedy)
                }
            }
        }

        func branch(_ body: Int, _ out: Int, _ greedy: Bool) -> Instruction {
            greedy ? .split(preferred: body, other: out) : .split(preferred: out, other: body)
        }
    }
}
