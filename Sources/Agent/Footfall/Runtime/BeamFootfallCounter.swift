import Aggregation
import Counting
import Hardware
import Sensors

/// A pair of break-beam (or PIR) inputs as a footfall counter: each tick takes the edges the
/// kernel stamped since the last one, in time order, and the order in which the beams were
/// broken gives the direction.
final class BeamFootfallCounter: Sensor, FootfallCounter {
    let id: SensorID
    let model = "beam pair"
    let samplingInterval: Duration
    private let pair: BeamPair
    private let clock: any BoxClock
    private var counter: BeamPairCounter
    private var tallies: FootfallTallies

    init(id: SensorID, pair: BeamPair, clock: any BoxClock, debounce: Duration, directions: [String],
         windowSeconds: Int64, profile: PrivacyProfile, randomness: FootfallRandomness,
         samplingInterval: Duration = .milliseconds(250), sharing shared: SharedBeamCounts? = nil) {
        self.id = id
        self.pair = pair
        self.clock = clock
        self.samplingInterval = samplingInterval
        let names = directions.count == 2 ? directions : ["in", "out"]
        self.counter = BeamPairCounter(debounce: debounce, positiveName: names[0], negativeName: names[1])
        self.tallies = FootfallTallies(
            counter: id, directions: names, windowSeconds: windowSeconds, profile: profile, randomness: randomness,
            maximumGap: samplingInterval * 8, sharing: shared)
    }

    func start() async throws {
        tallies.interrupted()
        try pair.start()
    }

    func sample() async throws -> [Reading] {
        let edges: [BeamPair.Edge]
        do {
            edges = try pair.poll()
        } catch {
            tallies.interrupted()
            throw error
        }
        let now = clock.now()
        for edge in edges {
            guard let line = BeamLine(rawValue: edge.line.rawValue) else { continue }
            counter.process(BeamLineEdge(line: line, event: edge.event)) { tallies.record($0.direction, at: $0.time, clock: clock) }
        }
        counter.advance(to: now) { tallies.record($0.direction, at: $0.time, clock: clock) }
        tallies.observed(now: now, clock: clock)
        return []
    }

    func identify() async throws -> SensorIdentity { SensorIdentity(product: "beam pair") }

    func release(completedBy now: WallTime) throws -> [FootfallRelease] {
        try tallies.release(completedBy: now)
    }
}
