import Counting
import Hardware
import Testing

@Suite("Motion continuity: crossings need a track seen in enough frames")
struct MinimumHitsTests {
    /// A walker is seen in about 25 frames; a blob that crosses in a handful of frames is counted
    /// only when no minimum is asked for (the price: very fast cyclists need `minimumHits` ≤ 5).
    @Test("a walker counts whatever the minimum; a blob seen in a few frames only without one", arguments: [
        (steps: 27, minimumHits: 0, expected: ["in"]), (steps: 27, minimumHits: 5, expected: ["in"]),
        (steps: 9, minimumHits: 0, expected: ["in"]), (steps: 9, minimumHits: 12, expected: []),
    ])
    func fewFrames(steps: Int, minimumHits: Int, expected: [String]) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(minimumHits: minimumHits))
        let names = builder.run(&counter, steps: steps, bodies: walk(from: -0.5, to: 8.5, steps: steps))
        #expect(names == expected)
    }
}
