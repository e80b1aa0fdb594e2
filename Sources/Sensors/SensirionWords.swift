import Hardware

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
