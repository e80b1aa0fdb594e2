/// The seesaw's moisture answer (touch channel 0, uint16 big-endian), checked
/// (docs/sensors.md, "Adafruit STEMMA soil sensor").
///
/// - Returns: the capacitive count (about 200 dry … 2000 wet).
/// - Throws: ``SensorError/notReady`` for 0xFFFF (read too early, or unpowered),
///   ``SensorError/implausible(_:)`` for a spike above 4095 (the caller retries).
public func seesawMoisture(decoding bytes: [UInt8]) throws(SensorError) -> UInt16 {
    guard bytes.count == 2 else { throw .implausible("seesaw moisture: \(bytes.count) bytes, expected 2") }
    let value = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    if value == 0xFFFF { throw .notReady }
    guard value <= 4095 else { throw .implausible("seesaw moisture spike \(value)") }
    return value
}

/// The seesaw's temperature answer: 16.16 fixed point, big-endian, top byte masked with 0x3F
/// (Adafruit's driver does the same: the top bits are not part of the value).
///
/// - Throws: ``SensorError/notReady`` for 0x3FFFFFFF after masking (read too early).
public func seesawTemperature(decoding bytes: [UInt8]) throws(SensorError) -> Double {
    guard bytes.count == 4 else { throw .implausible("seesaw temperature: \(bytes.count) bytes, expected 4") }
    let raw = UInt32(bytes[0] & 0x3F) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
    if raw == 0x3FFF_FFFF { throw .notReady }
    return Double(raw) / 65536
}
