import Hardware

/// A driver as the sampling scheduler sees it.
///
/// A sensor is owned by one scheduler task: it is not shared, so it need not be `Sendable`.
/// `init` does no I/O; ``start()`` brings the chip into measuring state; ``sample()`` reads once;
/// ``recover()`` is what the supervisor calls after repeated failures (a soft reset and restart),
/// so a swapped or browned-out chip comes back without restarting the agent.
public protocol Sensor: AnyObject {
    /// The sensor's name in the box config.
    var id: SensorID { get }
    /// A short model name for people (`SPS30`, `SHT4x`).
    var model: String { get }
    /// How often the scheduler calls ``sample()``.
    var samplingInterval: Duration { get }

    /// Brings the chip from power-on (or unknown) state into measuring state.
    func start() async throws
    /// Reads once. Returns no readings when the chip has nothing new (not an error once);
    /// throws when the read failed.
    func sample() async throws -> [Reading]
    /// Recovers from repeated failures: soft reset, restart. The default calls ``start()``.
    func recover() async throws
    /// Reads what identifies the chip (product, serial, firmware), for `scan` and `selftest`.
    func identify() async throws -> SensorIdentity
}

extension Sensor {
    public func recover() async throws { try await start() }
}

/// What a chip says about itself.
public struct SensorIdentity: Hashable, Sendable, CustomStringConvertible {
    public var product: String
    public var serial: String?
    public var firmware: String?

    public init(product: String, serial: String? = nil, firmware: String? = nil) {
        self.product = product
        self.serial = serial
        self.firmware = firmware
    }

    public var description: String {
        var text = product
        if let serial { text += " serial \(serial)" }
        if let firmware { text += " firmware \(firmware)" }
        return text
    }
}
