import Hardware

/// Why a driver could not deliver a reading. Bus errors keep their ``I2CError``; the other cases
/// are what the chip said (or failed to say) at the protocol level.
public enum SensorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transfer failed on the bus.
    case bus(I2CError)
    /// A checksum in the answer did not match (a corrupted word or frame).
    case crcMismatch(what: String)
    /// The chip has no new value yet (data-ready flag 0, seesaw 0xFFFF).
    case notReady
    /// The answer is well-formed but impossible (a wrong header, a value out of physics).
    case implausible(String)
    /// The chip answered with another identity than the one configured.
    case wrongIdentity(expected: String, found: String)
    /// A GPIO line failed.
    case gpio(GPIOError)
    /// The sensor cannot be used at all: its bus does not open, it has no driver.
    case unavailable(String)

    public var description: String {
        switch self {
        case .bus(let error): "\(error)"
        case .crcMismatch(let what): "CRC mismatch in \(what)"
        case .notReady: "no new data ready"
        case .implausible(let why): "implausible answer: \(why)"
        case .wrongIdentity(let expected, let found): "expected \(expected), found \(found)"
        case .gpio(let error): "\(error)"
        case .unavailable(let why): why
        }
    }

    /// True for errors that come from the wiring or the chip not answering at all.
    public var isNoAcknowledge: Bool {
        if case .bus(let error) = self, case .noAcknowledge = error.kind { return true }
        return false
    }
}

extension SensorError {
    /// Wraps bus errors; passes sensor errors through; anything else becomes `.unavailable`.
    public init(_ error: any Error) {
        switch error {
        case let error as SensorError: self = error
        case let error as I2CError: self = .bus(error)
        case let error as GPIOError: self = .gpio(error)
        default: self = .unavailable("\(error)")
        }
    }
}
