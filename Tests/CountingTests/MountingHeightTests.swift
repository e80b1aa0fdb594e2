import Counting
import Hardware
import Simulator
import Testing

/// A box hung higher than the built-in scenarios' 4 m sees each person on a smaller share of a
/// pixel: someone whose body lies across two pixels reads faint in both, and next to another
/// person that faint patch is weighed with them (``ThermalCounterConfiguration/joinsFaintFringes``).
@Suite("People seen from a sensor mounted high")
struct MountingHeightTests {
    /// Counts two hours of the spring street from 11:00 under a sensor at 5 m (both directions)
    /// with each configuration, on the same frames, against the street's own log of who crossed.
    static func count(_ configurations: [ThermalCounterConfiguration]) -> (truth: Int, counted: [Int]) {
        var scenario = StreetScenario.springWeekday
        scenario.mountingHeight = 5
        var street = Street(scenario: scenario, seed: 4)
        var counters = configurations.map { ThermalCounter(configuration: $0) }
        var counted = [Int](repeating: 0, count: counters.count)
        var truth = 0
        var frame = [Float](repeating: 0, count: 64)
        let start = 11.0 * 3600, end = 13.0 * 3600
        for index in 0..<Int((end - start) * 10) {
            let seconds = start + Double(index) / 10
            street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
            let crossings = street.drainCrossings(upTo: seconds)
            // Whoever crossed while the background was being learnt is nobody's to count.
            if counters[0].isReady { truth += crossings.count }
            let time = MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))
            for c in counters.indices {
                counters[c].process(frame, at: time) { _ in counted[c] += 1 }
            }
        }
        return (truth, counted)
    }

    @Test("at 5 m on a spring midday, faint patches next to a person are weighed with them, and far fewer people are lost")
    func faintNeighboursAtFiveMetres() {
        let result = Self.count([ThermalCounterConfiguration(joinsFaintFringes: false), ThermalCounterConfiguration()])
        let errors = result.counted.map { Double($0 - result.truth) / Double(result.truth) }
        // Dropped as a fringe, a member of a group who reads faint is lost from the group's mass.
        #expect(errors[0] < -0.1, "dropping faint patches loses people at 5 m: \(errors[0])")
        #expect(errors[1] > errors[0] + 0.05, "dropped \(errors[0]), joined \(errors[1])")
        #expect(abs(errors[1]) < 0.08, "joined: \(errors[1])")
    }
}
