import Counting
import Hardware
import Testing

@Suite("Counting one person per track while one person's mass is learnt")
struct PersonWarmUpTests {
    @Test("a pair after six singles: two people, or one track while still warming up", arguments: [
        (warmUp: 0, expected: ["in", "in"]), (warmUp: 10, expected: ["in"]),
    ])
    func pairAfterSingles(warmUp: Int, expected: [String]) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(personWarmUpTracks: warmUp))
        for index in 0..<6 {
            let inward = index % 2 == 0
            _ = builder.run(&counter, warmUp: index == 0 ? 60 : 5, steps: 27, bodies: walk(
                from: inward ? -0.5 : 8.5, to: inward ? 8.5 : -0.5, steps: 27, x: 2.5 + Double(index % 3)))
        }
        let pair = builder.run(&counter, warmUp: 5, steps: 27) { step in
            let y = -0.5 + 9 * Double(step) / 26
            return [FrameBuilder.Body(x: 2.9, y: y), FrameBuilder.Body(x: 4.5, y: y)]
        }
        #expect(pair == expected)
    }
}
