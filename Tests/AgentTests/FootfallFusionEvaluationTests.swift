import Agent
import Counting
import Simulator
import Testing

/// On a hot summer evening the pavement passes through body temperature and the thermal counter
/// goes blind for an hour or more; the beam pair, calibrated on the afternoon, fills that in.
@Suite("Footfall: low-contrast windows filled in from the beams")
struct FootfallFusionEvaluationTests {
    /// 15:00–19:30 of the hot summer afternoon: calibration in the afternoon, blind from about 18 h.
    @Test("the evening's count is far closer to the truth with the beams than without")
    func eveningIsFilledIn() throws {
        let result = FootfallEvaluation.run(.init(
            scenario: .hotSummerAfternoon, duration: .seconds(4.5 * 3600), startOffset: .seconds(15 * 3600), seed: 3))
        #expect(result.fusesBeams)
        for direction in result.directions {
            let total = result.total(direction)
            let thermalError = Double(total.thermal - total.truth) / Double(total.truth)
            #expect(thermalError < -0.12, "the thermal counter alone misses the blind hour")
            #expect(abs(try #require(result.totalError(direction))) < 0.08)
        }
    }
}
