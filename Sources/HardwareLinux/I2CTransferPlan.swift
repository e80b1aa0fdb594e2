import CSensorboxLinux
import Hardware

/// How one ``I2CBus/transaction(_:_:)`` is carried by an i2c-dev adapter — a pure decision made
/// from the operations and the adapter's `I2C_FUNCS`, so it is tested without a kernel.
enum I2CTransferPlan: Equatable, Sendable {
    /// An empty transaction: nothing goes on the wire.
    case nothing
    /// `I2C_SLAVE` + `write()`: one `S addr+W … P`.
    case plainWrite([UInt8])
    /// `I2C_SLAVE` + `read()`: one `S addr+R … P`.
    case plainRead(count: Int)
    /// `I2C_RDWR`: all operations in one combined transaction with repeated starts.
    case combined([I2COperation])
    /// libi2c `i2c_smbus_read_i2c_block_data`: `S addr+W command Sr addr+R data P`.
    case smbusReadBlock(command: UInt8, count: Int)
    /// libi2c `i2c_smbus_write_i2c_block_data`: `S addr+W command data P`.
    case smbusWriteBlock(command: UInt8, data: [UInt8])
    /// libi2c `i2c_smbus_write_byte`: `S addr+W value P`.
    case smbusWriteByte(UInt8)

    /// The longest message i2c-dev accepts: `I2C_RDWR` rejects longer ones with EINVAL and
    /// `read()`/`write()` silently cut them to this length (drivers/i2c/i2c-dev.c, a literal there,
    /// not in a uapi header).
    static let maximumMessageLength = 8192
    /// SMBus blocks carry at most 32 bytes after the command byte (`I2C_SMBUS_BLOCK_MAX`).
    static let smbusBlockMaximum = Int(CSHIM_I2C_SMBUS_BLOCK_MAX)
    /// `I2C_RDWR` takes at most this many messages (`I2C_RDWR_IOCTL_MAX_MSGS`).
    static let maximumMessageCount = Int(CSHIM_I2C_RDWR_IOCTL_MAX_MSGS)

    /// Decides how to carry `operations` to `address` on an adapter with `functionality`.
    ///
    /// With plain I2C a single write or read uses `write()`/`read()` (each its own START…STOP) and
    /// anything else `I2C_RDWR`. Without it (SMBus-only adapters such as i2c-stub or some PC
    /// controllers) only what SMBus can express is carried; everything else is refused before
    /// touching the wire, with a message that says what was asked.
    static func plan(
        _ operations: [I2COperation], to address: I2CAddress, on busName: String,
        functionality: I2CFunctionality
    ) throws(I2CError) -> I2CTransferPlan {
        for case .read(let count) in operations {
            precondition(count >= 0, "I2C read of a negative byte count")
        }
        if operations.isEmpty { return .nothing }
        if functionality.contains(.plainI2C) {
            return try plainPlan(operations, to: address, on: busName)
        }
        if let plan = smbusPlan(operations, functionality: functionality) { return plan }
        throw I2CError(
            .unsupported, address: address, operation: "transaction on \(busName)",
            detail: "the adapter has no plain-I2C support (I2C_FUNC_I2C missing, I2C_FUNCS = \(functionality)); "
                + "over SMBus it can only do \(smbusOffer(functionality)); asked for: \(summary(of: operations))")
    }

    private static func plainPlan(
        _ operations: [I2COperation], to address: I2CAddress, on busName: String
    ) throws(I2CError) -> I2CTransferPlan {
        guard operations.count <= maximumMessageCount else {
            throw I2CError(
                .unsupported, address: address, operation: "I2C_RDWR on \(busName)",
                detail: "\(operations.count) messages in one transaction; the kernel takes at most \(maximumMessageCount)")
        }
        for operation in operations where operation.byteCount > maximumMessageLength {
            throw I2CError(
                .unsupported, address: address, operation: "transaction on \(busName)",
                detail: "a message of \(operation.byteCount) bytes; i2c-dev carries at most \(maximumMessageLength) per message")
        }
        switch (operations.count, operations[0]) {
        case (1, .write(let bytes)): return .plainWrite(bytes)
        case (1, .read(let count)): return .plainRead(count: count)
        default: return .combined(operations)
        }
    }

    /// The SMBus call that does exactly `operations`, if the adapter has it.
    private static func smbusPlan(_ operations: [I2COperation], functionality: I2CFunctionality) -> I2CTransferPlan? {
        switch operations.count {
        case 1:
            guard case .write(let bytes) = operations[0], let command = bytes.first else { return nil }
            if bytes.count == 1 {
                return functionality.contains(.smbusWriteByte) ? .smbusWriteByte(command) : nil
            }
            guard bytes.count <= smbusBlockMaximum + 1, functionality.contains(.smbusWriteI2CBlock) else { return nil }
            return .smbusWriteBlock(command: command, data: Array(bytes.dropFirst()))
        case 2:
            guard case .write(let bytes) = operations[0], bytes.count == 1,
                case .read(let count) = operations[1], (1...smbusBlockMaximum).contains(count),
                functionality.contains(.smbusReadI2CBlock)
            else { return nil }
            return .smbusReadBlock(command: bytes[0], count: count)
        default:
            return nil
        }
    }

    /// What an SMBus-only adapter with `functionality` can still carry, in words.
    private static func smbusOffer(_ functionality: I2CFunctionality) -> String {
        var offers: [String] = []
        if functionality.contains(.smbusReadI2CBlock) {
            offers.append("a register read (write 1 byte, then read 1…\(smbusBlockMaximum) bytes)")
        }
        if functionality.contains(.smbusWriteByte) { offers.append("a write of 1 byte") }
        if functionality.contains(.smbusWriteI2CBlock) { offers.append("a write of 2…\(smbusBlockMaximum + 1) bytes") }
        return offers.isEmpty ? "none of the transfers sensorbox uses" : offers.joined(separator: ", ")
    }

    /// `write 2 bytes, then read 60 bytes`-style description of a transaction.
    static func summary(of operations: [I2COperation]) -> String {
        operations.map { operation in
            switch operation {
            case .write(let bytes): "write \(bytes.count) byte\(bytes.count == 1 ? "" : "s")"
            case .read(let count): "read \(count) byte\(count == 1 ? "" : "s")"
            }
        }.joined(separator: ", then ")
    }
}

extension I2COperation {
    /// The number of bytes the message carries.
    var byteCount: Int {
        switch self {
        case .write(let bytes): bytes.count
        case .read(let count): count
        }
    }
}
