import Hardware

/// One 32-byte Plantower PMSA003I frame, decoded (docs/sensors.md, "Plantower PMSA003I").
///
/// Big-endian: `42 4D`, length 28, PM1.0/PM2.5/PM10 standard (CF=1), the same atmospheric,
/// six particle counts per 0.1 L, version, error code, and a 16-bit sum of bytes 0–29.
public struct PMSA003IFrame: Hashable, Sendable {
    /// PM1.0, PM2.5, PM10 in µg/m³.
    public struct MassConcentrations: Hashable, Sendable {
        /// PM1.0, µg/m³.
        public var pm1_0: UInt16
        /// PM2.5, µg/m³.
        public var pm2_5: UInt16
        /// PM10, µg/m³.
        public var pm10: UInt16
    }

    /// With the factory's "standard particle" calibration (CF=1).
    public var standard: MassConcentrations
    /// Under atmospheric environment: the values for outdoor air.
    public var atmospheric: MassConcentrations
    /// Particles above 0.3, 0.5, 1.0, 2.5, 5.0 and 10 µm per 0.1 L of air.
    public var particleCounts: [UInt16]
    /// Firmware version byte.
    public var version: UInt8
    /// Error byte: nonzero means the sensor reports a fault.
    public var errorCode: UInt8

    /// Decodes and checks a frame.
    ///
    /// - Throws: ``SensorError/notReady`` for an all-zero frame (the sensor is still starting up),
    ///   ``SensorError/implausible(_:)`` for a wrong header or length,
    ///   ``SensorError/crcMismatch(what:)`` when the checksum does not match.
    public init(decoding bytes: [UInt8]) throws(SensorError) {
        guard bytes.count == 32 else { throw .implausible("PMSA003I frame: \(bytes.count) bytes, expected 32") }
        // After power-up the sensor answers zeros for a few seconds (docs/sensors.md: sluggish).
        if bytes.allSatisfy({ $0 == 0 }) { throw .notReady }
        guard bytes[0] == 0x42, bytes[1] == 0x4D else {
            throw .implausible("PMSA003I frame header \(hexBytes(bytes[0..<2])), expected 42 4D")
        }
        func word(_ index: Int) -> UInt16 { UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) }
        guard word(2) == 28 else { throw .implausible("PMSA003I frame length \(word(2)), expected 28") }
        guard pmsa003iChecksum(bytes[0..<30]) == word(30) else { throw .crcMismatch(what: "PMSA003I frame checksum") }
        standard = MassConcentrations(pm1_0: word(4), pm2_5: word(6), pm10: word(8))
        atmospheric = MassConcentrations(pm1_0: word(10), pm2_5: word(12), pm10: word(14))
        particleCounts = (0..<6).map { word(16 + 2 * $0) }
        version = bytes[28]
        errorCode = bytes[29]
    }
}

/// The frame checksum: the 16-bit sum of the bytes before it (bytes 0–29).
public func pmsa003iChecksum(_ bytes: some Sequence<UInt8>) -> UInt16 {
    bytes.reduce(UInt16(0)) { $0 &+ UInt16($1) }
}

