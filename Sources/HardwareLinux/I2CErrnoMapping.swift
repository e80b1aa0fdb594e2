import Glibc
import Hardware

extension I2CError.Kind {
    /// What an errno from an i2c-dev call means on the wire (STYLE.md §4, after linux-embedded-hal's
    /// table and the kernel's Documentation/i2c/fault-codes.rst):
    ///
    /// | errno | meaning |
    /// |---|---|
    /// | `ENXIO` | nobody acknowledged the address |
    /// | `ENODEV`, `EREMOTEIO` | a data byte was not acknowledged (some adapters, e.g. i2c-bcm2835, also report an address NACK this way) |
    /// | `EAGAIN` | arbitration lost to another controller |
    /// | `ETIMEDOUT` | the transfer did not finish in time (stuck SDA/SCL, endless clock stretching) |
    /// | `EIO`, `EBUSY`, `EINVAL` | the adapter or its driver failed |
    /// | `EOPNOTSUPP` | the adapter cannot do this kind of transfer |
    /// | anything else | other |
    public init(errno: Errno) {
        switch errno.rawValue {
        case ENXIO: self = .noAcknowledge(.address)
        case ENODEV, EREMOTEIO: self = .noAcknowledge(.data)
        case EAGAIN: self = .arbitrationLoss
        case ETIMEDOUT: self = .timeout
        case EIO, EBUSY, EINVAL: self = .bus
        case EOPNOTSUPP: self = .unsupported
        default: self = .other
        }
    }
}

extension I2CError {
    /// The error for a failed i2c-dev call: the kind from the errno table above, with the errno and
    /// the operation kept so that a log line names the exact call.
    public init(errno: Errno, address: I2CAddress?, operation: String, detail: String? = nil) {
        self.init(
            Kind(errno: errno), address: address, operation: operation, errno: errno.rawValue,
            detail: detail ?? Self.defaultDetail(for: errno, address: address))
    }

    /// A hint for people, for the codes whose cause is usually known in the field.
    static func defaultDetail(for errno: Errno, address: I2CAddress?) -> String {
        let chip = address.map { "the chip at \($0)" } ?? "the chip"
        switch errno.rawValue {
        case ENXIO:
            return "\(chip) did not answer its address: unplugged, unpowered, asleep or busy (\(errno.name))"
        case ENODEV, EREMOTEIO:
            return "\(chip) did not acknowledge (\(errno.name)): busy, or absent on adapters that do not tell address from data NACKs"
        case ETIMEDOUT:
            return "the bus did not finish the transfer in time (\(errno.name)): a stuck line or long clock stretching"
        default:
            return errno.description
        }
    }
}
