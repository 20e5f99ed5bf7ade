import Foundation
import Testing
@testable import NewsLint

/// Pack patterns: the same matches a backtracking engine finds, in linear time, and a refusal
/// for what cannot be matched so.
@Suite("Patterns")
struct PatternTests {
    func spans(_ pattern: String, _ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        return try Pattern(pattern).matches(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// What Foundation's (ICU's backtracking) engine finds: the oracle for leftmost-first matches.
    func oracle(_ pattern: String, _ text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .filter { $0.range.length > 0 }.map { ns.substring(with: $0.range) }
    }

    @Test func matchesAsABacktrackingEngineWould() throws {
        let patterns = ["身分证", "身分证|户口薄", "截止(到)?目前", "[甲乙]+丙", "[^，。]{2,4}。", "a.*b", "a.*?b", "(ab|a)(bc|c)?",
                        "\\d+(\\.\\d+)?%", "^第.", "中国$", "(中|中中)+", "x{2}y{1,}", "x{2,3}?", "\\p{Han}{2}\\d",
                        "[a-c\\d]+", "甲?乙??", "(?:零|一)+"]
        let texts = ["请带身分证和户口薄。", "截止目前，截止到目前", "甲乙丙乙丙丙", "一二，三四五六七。八。", "aXbYb ab", "abc abcc ac",
                     "增长3.5%和12%", "第一第二", "中国中国", "中中中国", "xxyy xxxy x", "汉字1 二字22", "abc1-d", "甲乙乙", "零一一零"]
        for p in patterns {
            for t in texts {
                #expect(try spans(p, t) == oracle(p, t), "\(p) on \(t)")
            }
        }
    }

    /// Random patterns over a small alphabet, against the oracle on random texts.
    @Test func randomPatternsMatchAsTheOracleDoes() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Each piece says whether it can match nothing: such a piece is not repeated, since
        // backtracking engines end an empty repetition by rules of their own (see `Pattern`).
        func atom(_ depth: Int) -> (String, Bool) {
            switch next(depth > 2 ? 3 : 6) {
            case 0: return (["甲", "乙", "丙"][next(3)], false)
            case 1: return (".", false)
            case 2: return (["[甲乙]", "[^甲]", "\\d"][next(3)], false)
            case 3:
                let (p, empty) = pattern(depth + 1)
                return ("(" + p + ")", empty)
            case 4:
                let (a, ea) = pattern(depth + 1), (b, eb) = pattern(depth + 1)
                return ("(?:" + a + "|" + b + ")", ea || eb)
            default: return (["甲", "乙"][next(2)], false)
            }
        }
        func pattern(_ depth: Int) -> (String, Bool) {
            var out = "", empty = true
            for _ in 0..<(1 + next(3)) {
                let (a, e) = atom(depth)
                let q = e ? ["", "?", "??"][next(3)] : ["", "", "*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}"][next(10)]
                out += a + q
                empty = empty && (e || ["*", "?", "*?", "??"].contains(q))
            }
            return (out, empty)
        }
        for _ in 0..<400 {
            let p = pattern(0).0
            for _ in 0..<6 {
                let t = String((0..<next(12)).map { _ in ["甲", "乙", "丙", "1", "。"][next(5)] }.joined())
                #expect(try spans(p, t) == oracle(p, t), "\(p) on \(t)")
            }
        }
    }

    /// Issue 19, item 16: patterns that take a backtracking engine minutes run at once here.
    @Test func nestedQuantifiersRunInLinearTime() throws {
        #expect(try spans("(中|中中)+$", String(repeating: "中", count: 5000)).count == 1)
        #expect(try spans("(中|中中)+$", String(repeating: "中", count: 5000) + "国。") .isEmpty)
        #expect(try spans("((a+))+b", String(repeating: "a", count: 20000)).isEmpty)
        #expect(try spans(".*.*.*=", String(repeating: "x", count: 20000)).isEmpty)
        #expect(try spans("中.*国", "中" + String(repeating: "文", count: 100_000)).isEmpty)
    }

    @Test func whatCannotRunInLinearTimeIsRefused() {
        for bad in ["(x)\\1", "(?=x)", "(?!x)", "(?<=x)", "(?i)x", "x{2000}", "(x{1000}){1000}", "a++", "(", ")", "[a", "a{3,1}", "\\q"] {
            #expect(throws: Pattern.SyntaxError.self, "\(bad)") { try Pattern(bad) }
        }
    }

    /// Issue 19, item 19: a text that holds only the second alternative is still searched.
    @Test func thePrefilterKnowsEveryAlternative() throws {
        #expect(try Pattern("身分证|户口薄").requiredPrefixes == [Array("身分证".utf8), Array("户口薄".utf8)])
        #expect(try spans("身分证|户口薄", "只带了户口薄。") == ["户口薄"])
        #expect(try Pattern("截止(到)?目前").requiredPrefixes == [Array("截止".utf8)])
        #expect(try Pattern("(甲|[乙丙])丁").requiredPrefixes == nil)
        #expect(try Pattern("x?y").requiredPrefixes == nil)
    }
}
