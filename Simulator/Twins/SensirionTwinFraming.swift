/// Sensirion's word framing as the twins speak it: each 16-bit word big-endian, then a CRC-8
/// (polynomial 0x31, init 0xFF, no reflection, no final xor; datasheet vector CRC(BE EF) = 92).
///
/// The Simulator depends only on Hardware (DESIGN.md), so it cannot use the drivers' CRC in
/// Sensors. That is deliberate beyond layering: a twin that borrowed the driver's CRC would hide a
/// shared bug; two implementations checked against the same datasheet vectors catch it.
enum SensirionTwinFraming {
    static func crc(_ high: UInt8, _ low: UInt8) -> UInt8 {
        var crc: UInt8 = 0xFF
        for byte in [high, low] {
            crc ^= byte
            for _ in 0..<8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x31 : crc << 1 }
        }
        return crc
    }

    /// `hi lo CRC` per word.
    static func frame(_ words: [UInt16]) -> [UInt8] {
        var bytes: [UInt8] = []
        for word in words {
            let (high, low) = (UInt8(word >> 8), UInt8(word & 0xFF))
            bytes += [high, low, crc(high, low)]
        }
        return bytes
    }

    /// An ASCII string as words, NUL-padded to `words` words (Sensirion product names and serials;
    /// a string that fills them exactly, like the SPS30 product type, has no NUL).
    static func stringWords(_ text: String, words: Int) -> [UInt16] {
        var bytes = Array(text.utf8.prefix(words * 2))
        bytes += Array(repeating: 0, count: words * 2 - bytes.count)
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    /// The command pointer in the first two bytes of a write, if there are two.
    static func command(_ bytes: [UInt8]) -> UInt16? {
        guard bytes.count >= 2 else { return nil }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    /// Rounds and clamps a physical value to a 16-bit word of the given signedness.
    static func word(_ value: Double, signed: Bool) -> UInt16 {
        let rounded = value.rounded()
        if signed {
            // 0x7FFF is the "unknown" sentinel: a real value saturates one below it.
            return UInt16(bitPattern: Int16(min(max(rounded, -32768), 32766)))
        }
        return UInt16(min(max(rounded, 0), 65534))
    }
}
