/// A closed interval of real numbers: every stated figure carries its precision, and claims
/// are checked with interval arithmetic, never with an exact comparison.
public struct Interval: Sendable, Equatable, CustomStringConvertible {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    public init(exactly v: Double) { self.init(v, v) }

    public func overlaps(_ other: Interval) -> Bool { low <= other.high && other.low <= high }
    public func contains(_ v: Double) -> Bool { low <= v && v <= high }
    public var middle: Double { (low + high) / 2 }

    public static func / (a: Interval, b: Interval) -> Interval? {
        guard b.low > 0 else { return nil }
        let q = [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high]
        return Interval(q.min()!, q.max()!)
    }

    public static func - (a: Interval, b: Interval) -> Interval { Interval(a.low - b.high, a.high - b.low) }
    public static func * (a: Interval, k: Double) -> Interval { Interval(a.low * k, a.high * k) }
    public static func + (a: Interval, k: Double) -> Interval { Interval(a.low + k, a.high + k) }

    public var description: String { "[\(low), \(high)]" }
}

/// A number stated in copy, with its unit and its precision.
public struct Figure: Sendable, Equatable {
    /// Byte range in the text scanned (a paragraph's joined text): the number, its multiplier
    /// (万/亿), `%` and unit; approximation words are not included.
    public let range: Range<Int>
    /// Start of the figure with a leading approximation word (`约`, `近`…), for context checks.
    public let prefixStart: Int
    /// The value as written, multiplier applied (`1.46亿元` → 146,000,000).
    public let value: Double
    /// The values the figure stands for: its rounding, widened by approximation words.
    public let interval: Interval
    /// Unit after the number: `元`, `个`, `户`…, `%` for percentages, `倍` for multiples,
    /// `百分点` for percentage points; empty when there is none.
    public let unit: String
    /// Whether an approximation word (约, 近, 余, 多, 左右, 以上…) qualifies the figure.
    public let approximate: Bool
    /// Digits after the decimal point as written.
    public let decimals: Int
    /// Whether the unit counts whole things (`个`, `人`, `项`…: `NumberScanner.countUnits`). Set by
    /// the scanner, which finds it with the unit; looking the unit up in that `Set<String>` for each
    /// check would hash Chinese text, which normalises it first.
    public var countsThings = false

    public var isPercent: Bool { hasUnit("%") }

    /// Whether the unit is `u`. Units are compared as bytes: String `==` on two different Chinese
    /// strings first checks whether they are canonically equivalent, a few hundred instructions
    /// each time, and the metric checks compare units for every pair of figures.
    @inline(__always)
    public func hasUnit(_ u: String) -> Bool { UTF8Scan.sameBytes(unit, u) }
}
