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
        _ = builder.teachSingles(&counter, count: 6, firstColumn: 2.5, columns: 3)
        let pair = builder.run(&counter, warmUp: 5, steps: 27, bodies: pairAbreast(steps: 27))
        #expect(pair == expected)
    }
}
