// Sensirion's word framing, shared by the drivers (Sensors) and the chip twins (Simulator):
// a pure encoding of the wire format, like the I2C operations themselves.

/// Sensirion's CRC-8 over one 2-byte word: polynomial 0x31 (x⁸+x⁵+x⁴+1), init 0xFF, no reflection,
/// no final xor. Datasheet vector: CRC(0xBE 0xEF) = 0x92. Used by SPS30, SEN5x and SHT4x.
public func sensirionCRC8(_ bytes: some Sequence<UInt8>) -> UInt8 {
    var crc: UInt8 = 0xFF
    for byte in bytes {
        crc ^= byte
        for _ in 0..<8 {
            crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x31 : crc << 1
        }
    }
    return crc
}

/// Frames 16-bit words as Sensirion sends them: each word big-endian, followed by its CRC.
public func sensirionFrame(_ words: [UInt16]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(words.count * 3)
    for word in words {
        let pair = [UInt8(word >> 8), UInt8(word & 0xFF)]
        bytes += pair
        bytes.append(sensirionCRC8(pair))
    }
    return bytes
}

/// The words of an ASCII string as Sensirion chips send it: two characters a word, followed by
/// NULs up to `words` words (a string that fills every word has no NUL, as the SPS30 product type).
public func sensirionStringWords(_ text: String, words: Int) -> [UInt16] {
    var bytes = Array(text.utf8.prefix(words * 2))
    bytes += Array(repeating: 0, count: words * 2 - bytes.count)
    return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
}
