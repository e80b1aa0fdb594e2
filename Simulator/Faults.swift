/// A failure the simulator can inject into one simulated device (the list at the end of
/// docs/sensors.md). Any test or scenario switches faults on and off per device.
public enum Fault: String, Hashable, Sendable, CaseIterable {
    /// The chip does not acknowledge its address: unplugged, unpowered.
    case unplugged
    /// The chip acknowledges its address but NACKs data bytes (busy).
    case nackOnData
    /// Answers carry a wrong checksum (one bit flipped in the checksum byte).
    case crcCorruption
    /// The chip never has new data (data-ready stays 0; seesaw answers 0xFFFF).
    case notReady
    /// The chip keeps answering the same value (a value stuck for hours).
    case frozenValue
    /// The bus hangs: every transfer on it times out (a stuck SDA line).
    case busTimeout
    /// Read answers come back shorter than asked (the rest 0xFF, as an idle bus reads).
    case shortRead
}

/// The faults switched on for one device, plus one-shot events.
public struct FaultSet: Hashable, Sendable {
    public var active: Set<Fault> = []
    public init(_ active: Set<Fault> = []) { self.active = active }
    public func contains(_ fault: Fault) -> Bool { active.contains(fault) }
}
