/// Decodes raw DEFLATE data (RFC 1951), the compression of zip members: stored, fixed-Huffman
/// and dynamic-Huffman blocks. Written here because newslint uses no third-party code and the
/// system's zlib is not on every machine with the toolchain (see docs/word.md).
///
/// A code of up to `Huffman.fastBits` bits is decoded with one look-up in a table indexed by the
/// next bits of the stream; a longer one (rare: the literal/length codes of a draft's XML are
/// mostly 5 to 9 bits) canonically, a bit at a time against the count of codes of each length.
enum Inflate {
    /// Decodes `input`; the output may not exceed `limit` bytes (a zip bomb stops there).
    static func decode(_ input: ArraySlice<UInt8>, expectedSize: Int, limit: Int) throws(WordFailure) -> [UInt8] {
        var state = State(input: Array(input), limit: limit)
        state.output.reserveCapacity(min(expectedSize, limit))
        try state.run()
        return state.output
    }

    /// A canonical Huffman code: how many codes there are of each length, and the symbols in
    /// code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        /// For each value of the next `fastBits` bits (first bit lowest): the symbol whose code
        /// they start with, times 16, plus the code's length; 0 when the code is longer.
        var fast: [UInt16] = []
        static let fastBits = 10

        /// Builds the code from each symbol's code length (0: unused). Over-subscribed sets are
        /// refused; incomplete ones are allowed, as zlib allows them for a single distance code.
        init(lengths: [Int]) throws(WordFailure) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= counts[len]
                if left < 0 { throw WordFailure.damaged("DEFLATE: over-subscribed code lengths") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
            // The canonical codes, in order of length and then symbol; DEFLATE sends a code's
            // first bit first, so the table is indexed by the code's bits reversed.
            fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
            var code = 0, index = 0
            for len in 1...Self.fastBits {
                for _ in 0..<counts[len] {
                    var reversed = 0
                    for b in 0..<len where code & (1 << b) != 0 { reversed |= 1 << (len - 1 - b) }
                    let entry = UInt16(symbols[index] << 4 | len)
                    var fill = reversed
                    while fill < 1 << Self.fastBits {
                        fast[fill] = entry
                        fill += 1 << len
                    }
                    code += 1
                    index += 1
                }
                code <<= 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block gives the code lengths of the code-length code.
    static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let fixed: (literals: Huffman, distances: Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // The fixed code is complete by construction.
        return (try! Huffman(lengths: lengths), try! Huffman(lengths: [Int](repeating: 5, count: 30)))
    }()

    struct State {
        let input: [UInt8]
        let limit: Int
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = limit
        }

        /// Loads whole bytes into the bit buffer until it holds `need` bits, or the data ends.
        @inline(__always) mutating func refill(_ need: Int) {
            while bitCount < need && position < input.count {
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
        }

        mutating func bits(_ need: Int) throws(WordFailure) -> Int {
            refill(need)
            guard bitCount >= need else { throw WordFailure.damaged("DEFLATE: the data ends early") }
            let value = bitBuffer & ((1 << need) - 1)
            bitBuffer >>= need
            bitCount -= need
            return value
        }

        mutating func run() throws(WordFailure) {
            var last = false
            while !last {
                last = try bits(1) == 1
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Inflate.fixed.literals, Inflate.fixed.distances)
                case 2:
                    let (literals, distances) = try dynamicCodes()
                    try codes(literals, distances)
                default: throw WordFailure.damaged("DEFLATE: a block of the reserved type 3")
                }
            }
        }

        mutating func stored() throws(WordFailure) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw WordFailure.damaged("DEFLATE: the data ends early") }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~check & 0xFFFF else { throw WordFailure.damaged("DEFLATE: a stored block's length does not match its check") }
            guard position + length <= input.count else { throw WordFailure.damaged("DEFLATE: the data ends early") }
            guard output.count + length <= limit else { throw WordFailure.tooLarge(limit) }
            output.append(contentsOf: input[position..<(position + length)])
            position += length
        }

        mutating func decode(_ h: Huffman) throws(WordFailure) -> Int {
            refill(Huffman.fastBits)  // enough bits for a look-up, if the data holds them
            let entry = Int(h.fast[bitBuffer & ((1 << Huffman.fastBits) - 1)])
            if entry != 0 && entry & 15 <= bitCount {
                bitBuffer >>= entry & 15
                bitCount -= entry & 15
                return entry >> 4
            }
            var code = 0, first = 0, index = 0
            for len in 1..<16 {
                code |= try bits(1)
                let count = h.counts[len]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw WordFailure.damaged("DEFLATE: a code that the block's table does not hold")
        }

        mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(WordFailure) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    guard output.count < limit else { throw WordFailure.tooLarge(limit) }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let l = symbol - 257
                    guard l < 29 else { throw WordFailure.damaged("DEFLATE: a length code out of range") }
                    let length = Inflate.lengthBase[l] + (try bits(Inflate.lengthExtra[l]))
                    let d = try decode(distances)
                    guard d < 30 else { throw WordFailure.damaged("DEFLATE: a distance code out of range") }
                    let distance = Inflate.distanceBase[d] + (try bits(Inflate.distanceExtra[d]))
                    guard distance <= output.count else { throw WordFailure.damaged("DEFLATE: a distance reaches before the start") }
                    guard output.count + length <= limit else { throw WordFailure.tooLarge(limit) }
                    let from = output.count - distance
                    for k in 0..<length { output.append(output[from + k]) }
                }
            }
        }

        mutating func dynamicCodes() throws(WordFailure) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, lengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw WordFailure.damaged("DEFLATE: too many codes in a block") }
            var lengthLengths = [Int](repeating: 0, count: 19)
            for i in 0..<lengthCount { lengthLengths[Inflate.lengthOrder[i]] = try bits(3) }
            let lengthCode = try Huffman(lengths: lengthLengths)
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(lengthCode)
                if symbol < 16 {
                    lengths.append(symbol)
                    continue
                }
                var repeated = 0, times: Int
                switch symbol {
                case 16:
                    guard let previous = lengths.last else { throw WordFailure.damaged("DEFLATE: a repeat with nothing before it") }
                    repeated = previous
                    times = 3 + (try bits(2))
                case 17: times = 3 + (try bits(3))
                default: times = 11 + (try bits(7))
                }
                guard lengths.count + times <= literalCount + distanceCount else { throw WordFailure.damaged("DEFLATE: code lengths run past their count") }
                lengths += [Int](repeating: repeated, count: times)
            }
            guard lengths[256] != 0 else { throw WordFailure.damaged("DEFLATE: a block without an end code") }
            return (try Huffman(lengths: Array(lengths[0..<literalCount])), try Huffman(lengths: Array(lengths[literalCount...])))
        }
    }
}

/// The CRC-32 of zip members (the polynomial 0xEDB88320, as zlib's `crc32`).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
