import Counting
import Hardware
import Testing

@Suite("Person mass in units of a learnt contrast")
struct LearntContrastTests {
    /// Single walkers on a cold pavement, then on a pavement that has warmed to within 4 °C of
    /// them (a sunny spell): each is still one person, although their blobs lost three quarters
    /// of their heat.
    @Test("singles stay one person each when the contrast drops", arguments: [false, true])
    func contrastDrops(learnsContrast: Bool) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(learnsContrast: learnsContrast))
        var names: [String] = []
        for index in 0..<8 {
            if index == 4 {
                // Two minutes of warming and one still minute: the background follows where nobody is.
                for step in 1...1800 {
                    builder.pavement = 14 + 12 * min(Double(step) / 1200, 1)
                    names += counter.feed(builder.frame([]), at: builder.nextTime())
                }
            }
            let inward = index % 2 == 0
            names += builder.run(&counter, warmUp: index == 0 ? 60 : 10, steps: 27, bodies: walk(
                from: inward ? -0.5 : 8.5, to: inward ? 8.5 : -0.5, steps: 27, x: 3.5 + Double(index % 2)))
        }
        #expect(names.filter { $0 == "in" }.count == 4)
        #expect(names.filter { $0 == "out" }.count == 4)
    }

    @Test("with a learnt contrast, a cool walker on a hot pavement is counted once")
    func coolWalker() {
        var builder = FrameBuilder(pavement: 48)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(learnsContrast: true))
        let names = builder.run(&counter, steps: 27, bodies: walk(from: 8.5, to: -0.5, steps: 27, temperature: 35))
        #expect(names == ["out"])
    }
}
