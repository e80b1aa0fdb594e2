/// One part of an I2C transaction: the controller writes bytes, or reads a number of bytes.
public enum I2COperation: Sendable, Hashable, CustomStringConvertible {
    /// `addr+W b0 b1 …`
    case write([UInt8])
    /// `addr+R` followed by `count` bytes from the target.
    case read(count: Int)

    public var description: String {
        switch self {
        case .write(let bytes): "W[\(hexBytes(bytes))]"
        case .read(let count): "R\(count)"
        }
    }
}

/// What an adapter can do beyond SMBus.
public struct I2CCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Plain I2C: combined transactions with repeated start, any message length (`I2C_FUNC_I2C`).
    public static let plainI2C = I2CCapabilities(rawValue: 1 << 0)
    /// SMBus I2C-block reads and writes of up to 32 bytes after an 8-bit command.
    public static let smbusI2CBlock = I2CCapabilities(rawValue: 1 << 1)
}

/// An I2C bus: the only way a driver talks to its chip (after embedded-hal's `I2c` trait).
///
/// There is one required operation, ``transaction(_:_:)``: a list of write and read messages sent
/// to one address as a single transaction (`S … Sr … P`), which maps 1:1 to Linux `I2C_RDWR`.
/// Transactions on one bus never interleave: an implementation serialises them. Everything else
/// here is a convenience built on that operation.
public protocol I2CBus: Sendable {
    /// A name for people and logs, such as `i2c-1` or `sim-i2c-0`.
    var name: String { get }

    /// What the adapter supports. Drivers that can do without plain I2C (the AMG8833 with four
    /// block reads) ask; all others simply get ``I2CError/Kind/unsupported`` from a transaction.
    var capabilities: I2CCapabilities { get }

    /// Performs `operations` as one transaction to `address`: START, each operation separated by a
    /// repeated START, then STOP.
    ///
    /// - Returns: the bytes of every `.read` operation, in order.
    func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]]
}

extension I2CBus {
    public var capabilities: I2CCapabilities { [.plainI2C, .smbusI2CBlock] }

    /// `S addr+W bytes P`
    public func write(_ address: I2CAddress, _ bytes: [UInt8]) throws(I2CError) {
        _ = try transaction(address, [.write(bytes)])
    }

    /// `S addr+R b0 … b(count-1) P`
    public func read(_ address: I2CAddress, count: Int) throws(I2CError) -> [UInt8] {
        try transaction(address, [.read(count: count)]).first ?? []
    }

    /// `S addr+W bytes Sr addr+R b0 … b(count-1) P` — a register read with repeated start, as
    /// register chips (AMG8833, ADS1115) expect.
    public func writeRead(_ address: I2CAddress, _ bytes: [UInt8], readCount count: Int) throws(I2CError) -> [UInt8] {
        try transaction(address, [.write(bytes), .read(count: count)]).last ?? []
    }

    /// `S addr+W bytes P`, wait, `S addr+R b0 … P` — two separate transactions with a pause between,
    /// as Sensirion chips and the seesaw need (they do not support a repeated start and need time to
    /// prepare the answer). Other transactions on the bus may run during the wait.
    public func writeWaitRead(
        _ address: I2CAddress, _ bytes: [UInt8], wait: Duration, readCount count: Int, clock: any BoxClock
    ) async throws -> [UInt8] {
        try write(address, bytes)
        try await clock.sleep(for: wait)
        return try read(address, count: count)
    }
}
