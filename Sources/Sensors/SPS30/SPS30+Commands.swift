/// The I2C commands of the Sensirion SPS30 (datasheet v1.0 D1, §6.3). Each is a 16-bit pointer
/// sent big-endian without CRC; arguments follow as CRC-framed words.
public enum SPS30Command: UInt16, Sendable, CaseIterable {
    /// §6.3.1 Start measurement; argument 0x0300 (float) or 0x0500 (uint16, firmware ≥ 2.0). Wait 20 ms.
    case startMeasurement = 0x0010
    /// §6.3.2 Stop measurement, back to idle. Wait 20 ms.
    case stopMeasurement = 0x0104
    /// §6.3.3 Read data-ready flag: `00 0x CRC`, x = 1 when new values are ready.
    case readDataReadyFlag = 0x0202
    /// §6.3.4 Read measured values (clears the data-ready flag): 60 bytes in float mode.
    case readMeasuredValues = 0x0300
    /// §6.3.5 Sleep (from idle only; the I2C interface switches off). Wait 5 ms. Firmware ≥ 2.0.
    case sleep = 0x1001
    /// §6.3.6 Wake-up: the first one after sleep is NACKed by design, send it twice. Wait 5 ms.
    case wakeUp = 0x1103
    /// §6.3.7 Start fan cleaning (measurement mode only; 10 s, values frozen). Wait 5 ms.
    case startFanCleaning = 0x5607
    /// §6.3.8 Read/write the auto-cleaning interval (uint32 seconds, 0 = off). Wait 20 ms after a write.
    case autoCleaningInterval = 0x8004
    /// §6.3.9 Product type: ASCII "00080000".
    case readProductType = 0xD002
    /// §6.3.10 Serial number: ASCII, up to 32 characters including the NUL.
    case readSerialNumber = 0xD033
    /// §6.3.11 Firmware version: major, minor.
    case readFirmwareVersion = 0xD100
    /// §6.3.12 Device status register, uint32. Firmware ≥ 2.2.
    case readDeviceStatusRegister = 0xD206
    /// §6.3.13 Clear the device status register. Wait 5 ms. Firmware ≥ 2.0.
    case clearDeviceStatusRegister = 0xD210
    /// §6.3.14 Device reset, back to idle. Wait ≤ 100 ms.
    case deviceReset = 0xD304

    /// The command bytes on the wire.
    public var bytes: [UInt8] { sensirionCommandBytes(rawValue) }

    /// How long the chip needs after the command before it accepts the next one.
    public var executionTime: Duration {
        switch self {
        case .startMeasurement, .stopMeasurement, .autoCleaningInterval: .milliseconds(20)
        case .sleep, .wakeUp, .startFanCleaning, .clearDeviceStatusRegister: .milliseconds(5)
        case .deviceReset: .milliseconds(100)
        default: .zero
        }
    }
}

/// Output format of a measurement (argument of ``SPS30Command/startMeasurement``).
public enum SPS30OutputFormat: UInt16, Sendable {
    /// Big-endian IEEE-754 floats: 60-byte answers.
    case float = 0x0300
    /// Unsigned 16-bit integers: 30-byte answers (firmware ≥ 2.0).
    case uint16 = 0x0500

    /// Bytes of a full answer to ``SPS30Command/readMeasuredValues``.
    public var responseLength: Int { self == .float ? 60 : 30 }
}

/// The SPS30 device status register (§4.4): each set bit is a warning the chip raises itself.
public struct SPS30Status: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 21: fan speed out of range (too high or too low); clears itself.
    public static let fanSpeedWarning = SPS30Status(rawValue: 1 << 21)
    /// Bit 5: laser current out of range; clears itself.
    public static let laserFailure = SPS30Status(rawValue: 1 << 5)
    /// Bit 4: fan switched on but 0 rpm. Not self-clearing per datasheet `[?]`: cleared with
    /// ``SPS30Command/clearDeviceStatusRegister`` or a reset; re-raised while the fault lasts.
    public static let fanFailure = SPS30Status(rawValue: 1 << 4)

    public var description: String {
        var parts: [String] = []
        if contains(.fanSpeedWarning) { parts.append("fan speed out of range") }
        if contains(.laserFailure) { parts.append("laser failure") }
        if contains(.fanFailure) { parts.append("fan failure (0 rpm)") }
        return parts.isEmpty ? "ok" : parts.joined(separator: ", ")
    }
}
