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
    /// `百分点` for percentage points; `.none` when there is none.
    public let unit: Unit
    /// Whether an approximation word (约, 近, 余, 多, 左右, 以上…) qualifies the figure.
    public let approximate: Bool
    /// Digits after the decimal point as written.
    public let decimals: Int
    /// Whether the unit counts whole things (found by the scanner with the unit).
    public var countsThings: Bool { unit.countsThings }

    public var isPercent: Bool { unit == .percent }
}

extension Figure {
    /// The unit after a number, as a value: its text (`元`, `个`, `%`, `倍`, `百分点`, empty for none)
    /// and whether it counts whole things. Units compare by their text, as bytes: String `==` on two
    /// different Chinese strings first checks whether they are canonically equivalent, a few hundred
    /// instructions each time, and the metric checks compare units for every pair of figures.
    /// A string literal is a unit to compare with (`figure.unit == "人"`).
    public struct Unit: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let text: String
        /// Whether the unit counts whole things (`个`, `人`, `项`…: `NumberScanner.countUnits`), as the
        /// scanner found it; a unit made from a literal, for comparing, says false.
        public let countsThings: Bool

        public init(_ text: String, countsThings: Bool = false) {
            self.text = text
            self.countsThings = countsThings
        }

        public init(stringLiteral text: String) { self.init(text) }

        public static let none = Unit("")
        public static let percent = Unit("%")
        public static let multiple = Unit("倍")
        public static let percentagePoints = Unit("百分点")
        public static let fraction = Unit("分数")

        @inline(__always)
        public static func == (a: Unit, b: Unit) -> Bool { UTF8Scan.sameBytes(a.text, b.text) }

        public var description: String { text }
    }
}
