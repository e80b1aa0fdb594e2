import CSensorboxLinux
import Hardware

/// What an i2c-dev adapter reported for `I2C_FUNCS`: the kernel's functionality bitmask, read once
/// when the bus is opened (it never changes for an adapter).
///
/// The bits come from `linux/i2c.h` through the C shim; sensorbox only looks at the few that decide
/// how a transaction is carried.
public struct I2CFunctionality: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The `unsigned long` the kernel filled in for `I2C_FUNCS`.
    public let rawValue: UInt

    /// Wraps a functionality bitmask (as read from the kernel, or from `i2cdetect -F` in a test).
    public init(rawValue: UInt) { self.rawValue = rawValue }

    /// `I2C_FUNC_I2C`: plain I2C messages (`I2C_RDWR`, `read()`, `write()`), repeated start, any length.
    public static let plainI2C = I2CFunctionality(rawValue: CSHIM_I2C_FUNC_I2C)
    /// `I2C_FUNC_SMBUS_WRITE_BYTE`: `S addr+W value P`.
    public static let smbusWriteByte = I2CFunctionality(rawValue: CSHIM_I2C_FUNC_SMBUS_WRITE_BYTE)
    /// `I2C_FUNC_SMBUS_READ_I2C_BLOCK`: `S addr+W command Sr addr+R data(≤32) P`.
    public static let smbusReadI2CBlock = I2CFunctionality(rawValue: CSHIM_I2C_FUNC_SMBUS_READ_I2C_BLOCK)
    /// `I2C_FUNC_SMBUS_WRITE_I2C_BLOCK`: `S addr+W command data(≤32) P`.
    public static let smbusWriteI2CBlock = I2CFunctionality(rawValue: CSHIM_I2C_FUNC_SMBUS_WRITE_I2C_BLOCK)

    /// What drivers see (``I2CBus/capabilities``): plain I2C, and SMBus I2C-block access when the
    /// adapter can both read and write blocks (the AMG8833 driver needs both).
    public var capabilities: I2CCapabilities {
        var capabilities: I2CCapabilities = []
        if contains(.plainI2C) { capabilities.insert(.plainI2C) }
        if contains([.smbusReadI2CBlock, .smbusWriteI2CBlock]) { capabilities.insert(.smbusI2CBlock) }
        return capabilities
    }

    /// `0x0c7f0000`-style rendering, as `i2cdetect -F` and the kernel documentation write it.
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
