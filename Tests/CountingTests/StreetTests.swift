import Hardware
import Simulator
import Testing

@Suite("Street model")
struct StreetTests {
    @Test("the same seed gives the same crossings; another seed does not")
    func deterministic() {
        func crossings(_ seed: UInt64) -> [GroundTruthCrossing] {
            var street = Street(scenario: .springWeekday, seed: seed)
            return street.drainCrossings(upTo: 13 * 3600).filter { $0.time.nanoseconds >= 12 * 3_600_000_000_000 }
        }
        #expect(crossings(5) == crossings(5))
        #expect(crossings(5) != crossings(6))
    }

    @Test("a shopping street is quiet at night, busy at noon, busier on Saturday")
    func dailyAndWeeklyProfile() {
        func count(_ scenario: StreetScenario, hour: Double) -> Int {
            var street = Street(scenario: scenario, seed: 3)
            _ = street.drainCrossings(upTo: hour * 3600)
            return street.drainCrossings(upTo: (hour + 1) * 3600).count
        }
        let night = count(.springWeekday, hour: 3)
        let noon = count(.springWeekday, hour: 12)
        #expect(night * 10 < noon)
        var saturday = StreetScenario.springWeekday
        saturday.start = StreetScenario.localMidnight(year: 2026, month: 4, day: 18, utcOffsetHours: 2)
        #expect(count(saturday, hour: 12) > noon * 5 / 4)
    }

    @Test("the crowded Saturday has groups, children and lingering people in its ground truth")
    func hardCases() {
        var street = Street(scenario: .crowdedSaturday, seed: 1)
        let crossings = street.drainCrossings(upTo: 15 * 3600).filter { $0.time.nanoseconds > 14 * 3_600_000_000_000 }
        #expect(crossings.contains { $0.groupSize >= 3 })
        #expect(crossings.contains { $0.kind == .child })
        #expect(crossings.contains { $0.lingering })
        #expect(Set(crossings.map(\.direction)) == [.in, .out])
    }

    @Test("the hot afternoon's pavement reaches over 42 °C and frames come in 0.25 °C steps")
    func hotPavement() {
        var street = Street(scenario: .hotSummerAfternoon, seed: 1)
        var frame: [Float] = []
        street.renderThermal(into: &frame, atSeconds: 15.5 * 3600, quantized: true)
        #expect(frame.count == 64)
        let median = frame.sorted()[32]
        #expect(median > 42)
        #expect(frame.allSatisfy { ($0 * 4).rounded() == $0 * 4 })
    }

    @Test("the building's shadow cools a dry pavement, not a wet one")
    func shadeInTheRain() {
        // The median of the three shaded columns (the shadow has reached the fourth at 16 h) and of
        // the three sunlit ones, without sensor noise.
        func shadeAndSun(rain: [ClosedRange<Double>]) -> (shade: Float, sun: Float) {
            var scenario = StreetScenario.springWeekday
            scenario.rainHours = rain
            scenario.sensorNoise = 0
            var street = Street(scenario: scenario, seed: 1)
            var frame: [Float] = []
            street.renderThermal(into: &frame, atSeconds: 16 * 3600, quantized: false)
            func median(_ columns: ClosedRange<Int>) -> Float {
                let values = (0..<64).filter { columns.contains($0 % 8) }.map { frame[$0] }.sorted()
                return values[values.count / 2]
            }
            return (median(0...2), median(5...7))
        }
        let dry = shadeAndSun(rain: [])
        #expect(dry.sun - dry.shade > 3)
        let wet = shadeAndSun(rain: [15.5...16.5])
        #expect(abs(wet.sun - wet.shade) < 1)
    }

    @Test("every built-in and held-out street is found by its own name, and no name is taken twice")
    func namedScenarios() {
        let all = StreetScenario.builtIn + StreetScenario.heldOut
        #expect(Set(all.map(\.name)).count == all.count)
        for scenario in all { #expect(StreetScenario.named(scenario.name)?.name == scenario.name) }
        #expect(StreetScenario.named("no-such-street") == nil)
    }

    @Test("the world's scenes: 8×8 frames and alternating beam edges")
    func scenes() {
        let world = StreetWorld(scenario: .crowdedSaturday, seed: 2)
        let start = MonotonicInstant(nanoseconds: 15 * 3_600_000_000_000)
        let frame = world.thermalScene.frame(at: start)
        #expect(frame.count == 64)
        let edges = world.beamScene.edges(beam: 0, from: start, to: start.advanced(by: .seconds(600)))
        #expect(edges.count > 20)
        #expect(zip(edges, edges.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(world.drainGroundTruth(upTo: start.advanced(by: .seconds(600))).count > 20)
    }
}
