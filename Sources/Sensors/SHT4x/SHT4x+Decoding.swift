/// One SHT4x measurement, decoded from `T_hi T_lo CRC RH_hi RH_lo CRC` (docs/sensors.md).
public struct SHT4xMeasurement: Hashable, Sendable {
    /// °C.
    public var temperature: Double
    /// %RH, clamped to 0…100 as the datasheet prescribes (the raw formula runs from −6 to 119).
    public var relativeHumidity: Double

    /// A measurement of known values.
    public init(temperature: Double, relativeHumidity: Double) {
        self.temperature = temperature
        self.relativeHumidity = relativeHumidity
    }

    /// Decodes the 6-byte answer of a measurement command.
    ///
    /// - Throws: ``SensorError/crcMismatch(what:)`` when a word's CRC is wrong,
    ///   ``SensorError/implausible(_:)`` when the answer is not 6 bytes.
    public init(decoding bytes: [UInt8]) throws(SensorError) {
        guard bytes.count == 6 else { throw .implausible("SHT4x measurement: \(bytes.count) bytes, expected 6") }
        let words = try sensirionWords(bytes, what: "SHT4x measurement")
        self.init(temperature: sht4xTemperature(raw: words[0]), relativeHumidity: sht4xRelativeHumidity(raw: words[1]))
    }
}

/// T = −45 + 175·t/65535 °C (SHT4x datasheet §4.6).
public func sht4xTemperature(raw: UInt16) -> Double {
    -45 + 175 * Double(raw) / 65535
}

/// RH = −6 + 125·h/65535 %, clamped to 0…100 (SHT4x datasheet §4.6: the formula can leave the
/// physical range; crop it).
public func sht4xRelativeHumidity(raw: UInt16) -> Double {
    min(max(-6 + 125 * Double(raw) / 65535, 0), 100)
}

/// The serial number from the 6-byte answer to 0x89 (two words, high word first).
public func sht4xSerialNumber(decoding bytes: [UInt8]) throws(SensorError) -> UInt32 {
    guard bytes.count == 6 else { throw .implausible("SHT4x serial: \(bytes.count) bytes, expected 6") }
    let words = try sensirionWords(bytes, what: "SHT4x serial")
    return UInt32(words[0]) << 16 | UInt32(words[1])
}

/// `0E5A1C3B`-style rendering of a 32-bit serial number.
func hexSerial(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
