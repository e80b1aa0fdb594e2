import Hardware

/// One 8×8 thermal image from an AMG8833. It lives in RAM only: the counting pipeline turns it
/// into crossings, and no frame, or part of one, is ever stored or sent (DESIGN.md, privacy).
public struct ThermalFrame: Sendable, Equatable {
    /// Pixels per row.
    public static let width = 8
    /// Rows.
    public static let height = 8

    /// 64 pixel temperatures in °C, row-major, as the sensor numbers them (pixel n at 0x80 + 2n).
    public var pixels: [Float]
    /// The sensor's own temperature, °C.
    public var thermistor: Float
    /// When the frame was read, on the monotonic clock.
    public var time: MonotonicInstant

    /// A frame of exactly 64 pixels (fewer is a programmer error).
    public init(pixels: [Float], thermistor: Float, time: MonotonicInstant) {
        precondition(pixels.count == Self.width * Self.height, "an AMG8833 frame has 64 pixels")
        self.pixels = pixels
        self.thermistor = thermistor
        self.time = time
    }

    /// The pixel at `row`, `column` (0-based).
    public subscript(row: Int, column: Int) -> Float { pixels[row * Self.width + column] }
}

/// A pixel register pair (low byte first): 12-bit **two's complement**, 0.25 °C per LSB.
///
/// Older libraries decoded pixels as sign-magnitude, like the thermistor, and showed about
/// 500 °C below zero for every sub-zero pixel in winter (docs/sensors.md). The upper four bits of
/// the high byte are not part of the value and read 0; anything else is a corrupted read.
public func amg8833PixelTemperature(low: UInt8, high: UInt8) throws(SensorError) -> Float {
    guard high & 0xF0 == 0 else { throw .implausible("AMG8833 pixel high byte has bits above bit 11 (a corrupted read; the byte is not shown: it is part of a frame)") }
    let raw12 = UInt16(high) << 8 | UInt16(low)
    // Shift the 12-bit sign into bit 15, then arithmetic-shift back: sign extension.
    let value = Int16(bitPattern: raw12 << 4) >> 4
    return Float(value) * 0.25
}

/// The thermistor register pair (0x0E low, 0x0F high): 12-bit **sign-magnitude**, 0.0625 °C per LSB.
public func amg8833ThermistorTemperature(low: UInt8, high: UInt8) throws(SensorError) -> Float {
    guard high & 0xF0 == 0 else { throw .implausible("AMG8833 thermistor high byte \(hex(high)) has bits above bit 11") }
    let raw12 = UInt16(high) << 8 | UInt16(low)
    let magnitude = Float(raw12 & 0x07FF) * 0.0625
    return raw12 & 0x0800 != 0 ? -magnitude : magnitude
}

/// The 64 pixels of a 128-byte pixel block read from 0x80.
public func amg8833Pixels(decoding bytes: [UInt8]) throws(SensorError) -> [Float] {
    guard bytes.count == 128 else { throw .implausible("AMG8833 pixels: \(bytes.count) bytes, expected 128") }
    var pixels: [Float] = []
    pixels.reserveCapacity(64)
    for index in 0..<64 {
        pixels.append(try amg8833PixelTemperature(low: bytes[2 * index], high: bytes[2 * index + 1]))
    }
    return pixels
}
