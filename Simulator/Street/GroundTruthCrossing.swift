import Hardware

/// One person crossing the counting line under the sensor, as the street model knows it: the
/// truth the counters are measured against.
public struct GroundTruthCrossing: Hashable, Sendable {
    /// When the person's centre passed the line, on the simulation's monotonic clock.
    public var time: MonotonicInstant
    public var direction: StreetDirection
    /// The party the person walked with (same id = walked together) and its size.
    public var group: Int
    public var groupSize: Int
    public var kind: PedestrianKind
    /// Whether the party stopped under the sensor before or after crossing.
    public var lingering: Bool

    public init(
        time: MonotonicInstant, direction: StreetDirection, group: Int, groupSize: Int, kind: PedestrianKind,
        lingering: Bool
    ) {
        self.time = time
        self.direction = direction
        self.group = group
        self.groupSize = groupSize
        self.kind = kind
        self.lingering = lingering
    }
}

/// An edge of one of the street's two break-beams (beam 0 is met first walking `in`).
public struct StreetBeamEdge: Hashable, Sendable {
    public var beam: Int
    public var event: GPIOEdgeEvent

    public init(beam: Int, event: GPIOEdgeEvent) {
        self.beam = beam
        self.event = event
    }
}
