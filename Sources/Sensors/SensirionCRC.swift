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

/// Checks and strips the CRC of every word of a Sensirion answer.
///
/// - Throws: ``SensorError/crcMismatch(what:)`` naming the word, or ``SensorError/implausible(_:)``
///   when the length is not a multiple of three.
public func sensirionWords(_ bytes: [UInt8], what: String) throws(SensorError) -> [UInt16] {
    guard bytes.count % 3 == 0 else {
        throw .implausible("\(what): \(bytes.count) bytes is not a whole number of words")
    }
    var words: [UInt16] = []
    words.reserveCapacity(bytes.count / 3)
    var index = 0
    while index < bytes.count {
        let pair = bytes[index..<index + 2]
        guard sensirionCRC8(pair) == bytes[index + 2] else {
            throw .crcMismatch(what: "\(what), word \(index / 3)")
        }
        words.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
        index += 3
    }
    return words
}

/// The ASCII string in a sequence of Sensirion words, up to the first NUL.
public func sensirionString(_ words: [UInt16]) -> String {
    var bytes: [UInt8] = []
    for word in words {
        for byte in [UInt8(word >> 8), UInt8(word & 0xFF)] {
            if byte == 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
