/// The eight words of SEN5x "read measured values" (0x03C4), decoded (docs/sensors.md, "SEN5x").
///
/// A quantity the chip does not know yet (0xFFFF for unsigned words, 0x7FFF for signed ones) is
/// `nil`: never a zero, which would be a plausible clean-air value. The NOx index is unknown for
/// about 10 s after start, and always on a SEN54 (it has no NOx sensor).
public struct SEN5xValues: Hashable, Sendable {
    /// µg/m³
    public var pm1_0: Double?
    /// µg/m³
    public var pm2_5: Double?
    /// µg/m³
    public var pm4_0: Double?
    /// µg/m³
    public var pm10: Double?
    /// %RH
    public var relativeHumidity: Double?
    /// °C
    public var temperature: Double?
    /// Sensirion VOC index, 1…500.
    public var vocIndex: Double?
    /// Sensirion NOx index, 1…500.
    public var noxIndex: Double?

    /// - Throws: ``SensorError/implausible(_:)`` unless there are exactly eight words.
    public init(words: [UInt16]) throws(SensorError) {
        guard words.count == 8 else { throw .implausible("SEN5x values: \(words.count) words, expected 8") }
        pm1_0 = sen5xUnsigned(words[0], scale: 10)
        pm2_5 = sen5xUnsigned(words[1], scale: 10)
        pm4_0 = sen5xUnsigned(words[2], scale: 10)
        pm10 = sen5xUnsigned(words[3], scale: 10)
        relativeHumidity = sen5xSigned(words[4], scale: 100)
        temperature = sen5xSigned(words[5], scale: 200)
        vocIndex = sen5xSigned(words[6], scale: 10)
        noxIndex = sen5xSigned(words[7], scale: 10)
    }
}

/// An unsigned SEN5x word ÷ `scale`, or `nil` for the "unknown" sentinel 0xFFFF.
public func sen5xUnsigned(_ word: UInt16, scale: Double) -> Double? {
    word == 0xFFFF ? nil : Double(word) / scale
}

/// A signed SEN5x word ÷ `scale`, or `nil` for the "unknown" sentinel 0x7FFF.
public func sen5xSigned(_ word: UInt16, scale: Double) -> Double? {
    word == 0x7FFF ? nil : Double(Int16(bitPattern: word)) / scale
}

/// The SEN5x device status register (0xD206), as quality flags on its readings.
public struct SEN5xStatus: Hashable, Sendable {
    /// The 32-bit register.
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 21: fan speed out of range (a warning; clears itself).
    public var fanSpeedWarning: Bool { rawValue & (1 << 21) != 0 }
    /// Bit 19: fan cleaning running; PM values are frozen meanwhile.
    public var fanCleaning: Bool { rawValue & (1 << 19) != 0 }
    /// Bit 7: gas (VOC/NOx) sensor error.
    public var gasSensorError: Bool { rawValue & (1 << 7) != 0 }
    /// Bit 6: RH/T sensor error.
    public var humidityTemperatureError: Bool { rawValue & (1 << 6) != 0 }
    /// Bit 5: laser failure.
    public var laserError: Bool { rawValue & (1 << 5) != 0 }
    /// Bit 4: fan failure (blocked or broken).
    public var fanError: Bool { rawValue & (1 << 4) != 0 }

    /// The flags for readings of particulate matter.
    public var particulateFlags: QualityFlags {
        var flags: QualityFlags = []
        if fanSpeedWarning || fanError { flags.insert(.fanError) }
        if fanCleaning { flags.insert(.fanCleaning) }
        if laserError { flags.insert(.laserError) }
        return flags
    }

    /// The flags for RH and temperature readings.
    public var climateFlags: QualityFlags { humidityTemperatureError ? .sensorError : [] }

    /// The flags for VOC and NOx index readings.
    public var gasFlags: QualityFlags { gasSensorError ? .sensorError : [] }
}
