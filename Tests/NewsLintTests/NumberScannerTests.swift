import Foundation
import Testing
@testable import NewsLint

@Suite("Number parsing")
struct NumberScannerTests {
    func figures(_ text: String) -> [Figure] { NumberScanner.figures(in: Array(text.utf8)) }

    func one(_ text: String) throws -> Figure {
        let all = figures(text)
        #expect(all.count == 1, "\(text): \(all.map(\.value))")
        return try #require(all.first)
    }

    func source(_ text: String, _ f: Figure) -> String {
        String(decoding: Array(text.utf8)[f.range], as: UTF8.self)
    }

    /// Values are read from an integer mantissa where it is exact; they must equal what parsing
    /// the decimal text gives, for every digit count, width and separator.
    @Test func valuesEqualTheParsedDecimalText() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for round in 0..<3000 {
            let whole = String((0..<(1 + next(17))).map { k in Character(String(k == 0 ? 1 + next(9) : next(10))) })
            let fraction = String((0..<next(9)).map { _ in Character(String(next(10))) })
            let ascii = fraction.isEmpty ? whole : whole + "." + fraction
            var written = ascii
            if round % 3 == 1 {  // full width
                written = String(String.UnicodeScalarView(ascii.unicodeScalars.map { $0 == "." ? "．" : Unicode.Scalar($0.value - 0x30 + 0xFF10)! }))
            }
            let f = try one("共\(written)吨。")
            #expect(f.value == Double(ascii)!, "\(written)")
            #expect(f.decimals == fraction.count)
        }
        // Thousands separators, and numbers too long for an exact mantissa.
        #expect(try one("1,334,567人").value == 1_334_567)
        #expect(try one("共123456789012345678901234吨").value == Double("123456789012345678901234")!)
        #expect(try one("0.12345678901234567890123456吨").value == Double("0.12345678901234567890123456")!)
    }

    @Test func multipliersAndUnits() throws {
        let a = try one("财政收入425万元")
        #expect(a.value == 4_250_000 && a.unit == "元" && !a.approximate)
        #expect(a.interval == Interval(4_245_000, 4_255_000))
        let b = try one("跃升至1.46亿元")
        #expect(b.value == 146_000_000 && b.decimals == 2)
        #expect(b.interval.low == 145_500_000 && b.interval.high == 146_500_000)
        let c = try one("总额10亿零817万元")
        #expect(c.value == 1_008_170_000 && c.unit == "元")
        #expect(source("总额10亿零817万元", c) == "10亿零817万元")
    }

    @Test func widthsSeparatorsAndSpaces() throws {
        #expect(try one("比例为４０％").value == 40)
        #expect(try one("比例为４０％").unit == "%")
        #expect(try one("１．４６亿元").value == 146_000_000)
        #expect(try one("税收1,334万元").value == 13_340_000)
        // A figure split by page export: `投入 120 万\n元`, joined as `投入 120 万元`.
        let text = "该区投入 120 万元，规划"
        let f = try one(text)
        #expect(f.value == 1_200_000 && f.unit == "元")
        #expect(source(text, f) == "120 万元")
    }

    @Test func percentagesAndPoints() throws {
        let p = try one("增长8.2%").interval
        #expect(abs(p.low - 8.15) < 1e-9 && abs(p.high - 8.25) < 1e-9)
        #expect(try one("提高16个百分点").unit == "百分点")
        #expect(try one("占百分之三十").value == 30)
        #expect(try one("占百分之三十").unit == "%")
    }

    @Test func approximationWordsWidenTheInterval() throws {
        let a = try one("投入资金50余万元")
        #expect(a.approximate && a.interval.low == 500_000 && a.interval.high > 550_000)
        let b = try one("吸纳群众1.9万余人")
        #expect(b.approximate && b.unit == "人")
        let c = try one("约100亿元")
        #expect(c.approximate && c.interval.contains(95e8) && c.interval.contains(105e8))
        let d = try one("覆盖率在 88%以上")
        #expect(d.approximate && d.interval.contains(95))
        let e = try one("增加村集体经济收入近30万元")
        #expect(e.approximate && e.interval.contains(28e4) && !e.interval.contains(31e4))
    }

    @Test func chineseNumerals() throws {
        #expect(NumberScanner.chineseValue("三十五") == 35)
        #expect(NumberScanner.chineseValue("两百") == 200)
        #expect(NumberScanner.chineseValue("一点五") == 1.5)
        #expect(NumberScanner.chineseValue("二〇二一") == 2021)
        #expect(NumberScanner.chineseValue("十") == 10)
        #expect(NumberScanner.chineseValue("三万五千") == 35000)
        let m = try one("增长三十多倍")
        #expect(m.unit == "倍" && m.value == 30 && m.approximate)
        let q = try one("降低到原来的四分之一")
        #expect(q.unit == "分数" && q.value == 0.25 && q.interval == Interval(exactly: 0.25))
        #expect(try one("占三分之二").value == 2.0 / 3.0)
        // Numerals inside words are not figures.
        #expect(figures("坚持“一村一品”，落实“三会一课”").isEmpty)
    }

    @Test func codesAreNotFigures() {
        #expect(figures("S104道路两侧").isEmpty)
        #expect(figures("G20峰会").isEmpty)
    }

    @Test func yearsAndCountsKeepTheirUnits() {
        let f = figures("2022年创成农村四星支部2个、三星5个")
        #expect(f.map(\.unit) == ["年", "个", "个"])
        #expect(f.map(\.value) == [2022, 2, 5])
    }

    @Test func intervalArithmetic() throws {
        let quotient: Interval? = Interval(145.5, 146.5) / Interval(4.245, 4.255)
        let q = try #require(quotient)
        #expect(q.low > 34.19 && q.high < 34.52)
        #expect(Interval(1, 2).overlaps(Interval(2, 3)))
        #expect(!Interval(1, 2).overlaps(Interval(2.1, 3)))
    }
}
