/// A set of scalars tested per character in hot loops: a bitmap for the Basic Multilingual
/// Plane (no hashing), a Set for the rest.
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []
    /// The last bytes of the members' encodings beyond ASCII: continuation bytes, 64 values, one
    /// bit each.
    private var lastBytes: UInt64 = 0

    public init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        for v in scalars { insert(v) }
    }

    public init(_ string: String) {
        self.init(string.unicodeScalars.map(\.value))
    }

    public mutating func insert(_ v: UInt32) {
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
        if v >= 0x80 { lastBytes |= 1 << UInt64(v & 0x3F) }
    }

    /// The first member in `text[from...]` (`from` a scalar start): where it starts, where it ends,
    /// and its value. Scalars are stepped over by their lead bytes, and one is decoded only when its
    /// last byte is the last byte of some member: in Chinese text that is a continuation byte,
    /// one of 64, so for a set of a few characters most scalars are passed without decoding.
    @inline(__always)
    public func next(in text: UnsafeBufferPointer<UInt8>, from: Int) -> (start: Int, end: Int, scalar: UInt32)? {
        let n = text.count
        var i = from
        while i < n {
            let b = text[i]
            let end: Int
            if b &- 0xE0 < 0x10 {  // three bytes: Han characters and CJK punctuation, tested first
                end = i &+ 3
            } else if b < 0x80 {
                i &+= 1
                if contains(UInt32(b)) { return (i &- 1, i, UInt32(b)) }
                continue
            } else {
                end = i &+ (b < 0xE0 ? 2 : 4)
            }
            guard end <= n else { return nil }
            if lastBytes >> UInt64(text[end - 1] & 0x3F) & 1 != 0 {
                let v = UTF8Scan.decode(text, at: i).0
                if contains(v) { return (i, end, v) }
            }
            i = end
        }
        return nil
    }

    @inline(__always)
    public func contains(_ v: UInt32) -> Bool {
        v < 0x10000 ? bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : astral.contains(v)
    }

    @inline(__always)
    public func contains(_ u: Unicode.Scalar) -> Bool { contains(u.value) }
}
