import Hardware

/// A ``BeamScene`` from fixed lists of edges: for tests and hand-built sequences (bounce, glitches,
/// a person walking through two beams). The street model that generates crossings is elsewhere.
public struct RecordedBeamScene: BeamScene {
    /// The edges of beam 0 and beam 1, each sorted by time.
    public var beams: [[GPIOEdgeEvent]]

    /// A scene from the edges of each beam (sorted here).
    public init(beams: [[GPIOEdgeEvent]]) {
        self.beams = beams.map { $0.sorted { $0.timestamp < $1.timestamp } }
    }

    /// Beams that are interrupted (line low) during the given intervals: each interruption is a
    /// falling edge at its start and a rising edge at its end.
    public init(interruptions: [[(start: MonotonicInstant, duration: Duration)]]) {
        self.init(beams: interruptions.map { intervals in
            intervals.flatMap { [GPIOEdgeEvent(.falling, at: $0.start), GPIOEdgeEvent(.rising, at: $0.start + $0.duration)] }
        })
    }

    public func edges(beam index: Int, from: MonotonicInstant, to: MonotonicInstant) -> [GPIOEdgeEvent] {
        guard beams.indices.contains(index) else { return [] }
        return beams[index].filter { $0.timestamp >= from && $0.timestamp < to }
    }
}
