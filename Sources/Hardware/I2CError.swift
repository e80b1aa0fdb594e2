/// The error vocabulary of a bus transfer (after embedded-hal's `ErrorKind`).
///
/// The kind says what happened on the wire; `errno` and `operation` keep the cause so that a
/// log line tells a technician exactly which call failed.
public struct I2CError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which part of a transfer was not acknowledged.
    public enum NoAcknowledgeSource: Sendable, Equatable {
        /// Nobody answered the address: the chip is missing, unpowered, asleep or busy.
        case address
        /// The chip answered its address but refused a data byte.
        case data
    }

    /// What went wrong, in the words of the I2C specification.
    public enum Kind: Sendable, Equatable {
        /// A bus-level fault: the adapter or driver failed (`EIO`, `EBUSY`, `EINVAL`).
        case bus
        /// A NACK (`ENXIO` on the address; `ENODEV`/`EREMOTEIO` on data).
        case noAcknowledge(NoAcknowledgeSource)
        /// Another controller won arbitration (`EAGAIN`).
        case arbitrationLoss
        /// The transfer did not finish in time (`ETIMEDOUT`), e.g. a stuck SDA line.
        case timeout
        /// The adapter cannot do what was asked (no plain-I2C support, message too long).
        case unsupported
        /// Anything else.
        case other
    }

    public var kind: Kind
    /// The 7-bit address of the transfer, when there was one.
    public var address: I2CAddress?
    /// The operation that failed (`"I2C_RDWR"`, `"write"`, `"open /dev/i2c-1"` …).
    public var operation: String
    /// The `errno` the kernel reported, if the failure came from a system call.
    public var errno: Int32?
    /// A sentence for people: what it means and, where known, what to do.
    public var detail: String?

    public init(
        _ kind: Kind, address: I2CAddress? = nil, operation: String, errno: Int32? = nil,
        detail: String? = nil
    ) {
        self.kind = kind
        self.address = address
        self.operation = operation
        self.errno = errno
        self.detail = detail
    }

    /// Whether the chip did not acknowledge, on its address or on data. Code that asks "is the chip
    /// there (awake, not busy)?" must accept both: Linux adapters differ — i2c-bcm2835 on the
    /// Raspberry Pi reports a NACK on the address as `EREMOTEIO`, which maps to data.
    public var isNoAcknowledge: Bool {
        if case .noAcknowledge = kind { return true }
        return false
    }

    public var description: String {
        var text: String
        switch kind {
        case .bus: text = "bus error"
        case .noAcknowledge(.address): text = "no acknowledge on address"
        case .noAcknowledge(.data): text = "no acknowledge on data"
        case .arbitrationLoss: text = "arbitration lost"
        case .timeout: text = "bus timeout"
        case .unsupported: text = "not supported by the adapter"
        case .other: text = "I2C error"
        }
        if let address { text += " at \(address)" }
        text += " (\(operation)"
        if let errno { text += ", errno \(errno)" }
        text += ")"
        if let detail { text += ": \(detail)" }
        return text
    }
}
