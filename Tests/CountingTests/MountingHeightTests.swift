import Counting
import Hardware
import Simulator
import Testing

/// A box hung higher than the built-in scenarios' 4 m sees each person on a smaller share of a
/// pixel; the foreground threshold follows (``ThermalCounterConfiguration/foregroundPeakQuantile``).
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

    @Test("at 5 m the threshold comes down to how small people look, and fewer people are lost")
    func thresholdFollowsMounting() {
        let result = Self.count([ThermalCounterConfiguration(foregroundPeakQuantile: 0), ThermalCounterConfiguration()])
        let errors = result.counted.map { Double($0 - result.truth) / Double(result.truth) }
        // With the threshold fixed at a fifth of the body contrast, people covering less of a
        // pixel than that are seen only as faint, and groups lose members.
        #expect(errors[0] < -0.1, "the fixed threshold loses people at 5 m: \(errors[0])")
        #expect(errors[1] > errors[0] + 0.03, "fixed \(errors[0]), following \(errors[1])")
        #expect(errors[1] < 0.03, "and the lower threshold does not make people up: \(errors[1])")
    }
}
