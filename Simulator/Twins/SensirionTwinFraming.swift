import Hardware

/// What the SEN5x and SHT4x twins need beyond Hardware's Sensirion framing (`sensirionFrame`,
/// `sensirionStringWords`): reading a command pointer and encoding a value as a word.
enum SensirionTwinFraming {
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
