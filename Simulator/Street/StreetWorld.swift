import Hardware
import Synchronization

/// A ``Street`` shared by the simulated AMG8833 and the two break-beam lines of a virtual box:
/// hands out a ``ThermalScene`` and a ``BeamScene`` that look at the same people, and the
/// ground-truth log. Requests must not go back in time (the world is generated as it goes).
public final class StreetWorld: Sendable {
    private struct State {
        var street: Street
        var beamEdges: [[GPIOEdgeEvent]] = [[], []]
        var generatedUpTo: Double = 0
    }

    private let state: Mutex<State>
    public let scenario: StreetScenario

    public init(scenario: StreetScenario, seed: UInt64) {
        self.scenario = scenario
        state = Mutex(State(street: Street(scenario: scenario, seed: seed)))
    }

    /// The thermal view of the street (for the AMG8833 twin).
    public var thermalScene: some ThermalScene { StreetThermalScene(world: self) }
    /// The two beams across the street (beam 0 is met first walking `in`).
    public var beamScene: some BeamScene { StreetBeamScene(world: self) }

    /// The crossings up to `time` not returned before, oldest first.
    public func drainGroundTruth(upTo time: MonotonicInstant) -> [GroundTruthCrossing] {
        state.withLock { $0.street.drainCrossings(upTo: Double(time.nanoseconds) / 1e9) }
    }

    fileprivate func frame(at time: MonotonicInstant) -> [Double] {
        state.withLock { state in
            var frame: [Float] = []
            state.street.renderThermal(into: &frame, atSeconds: Double(time.nanoseconds) / 1e9, quantized: false)
            return frame.map(Double.init)
        }
    }

    fileprivate func thermistor(at time: MonotonicInstant) -> Double {
        state.withLock { $0.street.thermistor(atSeconds: Double(time.nanoseconds) / 1e9) }
    }

    fileprivate func edges(beam index: Int, from: MonotonicInstant, to: MonotonicInstant) -> [GPIOEdgeEvent] {
        state.withLock { state in
            let until = Double(to.nanoseconds) / 1e9
            if until > state.generatedUpTo {
                for edge in state.street.drainBeamEdges(upTo: until) {
                    state.beamEdges[edge.beam].append(edge.event)
                }
                state.generatedUpTo = until
            }
            guard state.beamEdges.indices.contains(index) else { return [] }
            let result = state.beamEdges[index].filter { $0.timestamp >= from && $0.timestamp < to }
            state.beamEdges[index].removeAll { $0.timestamp < to }
            return result
        }
    }
}

struct StreetThermalScene: ThermalScene {
    let world: StreetWorld
    var width: Int { world.scenario.width }
    var height: Int { world.scenario.height }
    func frame(at time: MonotonicInstant) -> [Double] { world.frame(at: time) }
    func thermistor(at time: MonotonicInstant) -> Double { world.thermistor(at: time) }
}

struct StreetBeamScene: BeamScene {
    let world: StreetWorld
    func edges(beam index: Int, from: MonotonicInstant, to: MonotonicInstant) -> [GPIOEdgeEvent] {
        world.edges(beam: index, from: from, to: to)
    }
}
