import Glibc

/// A Linux error number, captured right after the failing call (after swift-system's `Errno`).
///
/// Kept as a strong type so that an errno cannot be confused with a return value or a count, and
/// so that logs show `ENXIO` rather than `6`.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw `errno` value.
    public let rawValue: Int32

    /// Wraps an errno value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The current thread's `errno`. Read it immediately after the failing call: anything in
    /// between (an allocation, a log line) may overwrite it.
    static var current: Errno { Errno(rawValue: Glibc.errno) }

    /// `EINTR`: a signal arrived during the call; every wrapper retries.
    static let interrupted = Errno(rawValue: EINTR)
    /// `ENOENT`: no such file (a missing `/dev/i2c-N`).
    static let noSuchFile = Errno(rawValue: ENOENT)

    /// The symbolic name (`ENXIO`) for the codes sensorbox meets, else `errno N`.
    public var name: String {
        switch rawValue {
        case EINTR: "EINTR"
        case ENOENT: "ENOENT"
        case EACCES: "EACCES"
        case EPERM: "EPERM"
        case ENXIO: "ENXIO"
        case ENODEV: "ENODEV"
        case EREMOTEIO: "EREMOTEIO"
        case EAGAIN: "EAGAIN"
        case ETIMEDOUT: "ETIMEDOUT"
        case EIO: "EIO"
        case EBUSY: "EBUSY"
        case EINVAL: "EINVAL"
        case EOPNOTSUPP: "EOPNOTSUPP"
        case ENOTTY: "ENOTTY"
        case EBADF: "EBADF"
        case ENOMEM: "ENOMEM"
        case EPROTO: "EPROTO"
        case EMSGSIZE: "EMSGSIZE"
        default: "errno \(rawValue)"
        }
    }

    /// The C library's message for this code (`strerror`).
    public var message: String {
        guard let text = strerror(rawValue) else { return name }
        return String(cString: text)
    }

    public var description: String { "\(name) (\(message))" }
}
