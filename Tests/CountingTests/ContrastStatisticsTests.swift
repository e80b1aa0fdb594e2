import Counting
import Hardware
import Testing

@Suite("Low-contrast hint per window")
struct ContrastStatisticsTests {
    /// Feeds `frames` empty frames of a pavement at `pavement` °C and returns the statistics.
    private func statistics(pavement: Double, frames: Int = 200) -> (ContrastStatistics, ThermalCounter) {
        var builder = FrameBuilder(pavement: pavement)
        var counter = ThermalCounter()
        for _ in 0..<frames { _ = counter.process(builder.frame([]), at: builder.nextTime()) }
        return (counter.takeContrastStatistics(), counter)
    }

    @Test("a pavement at the body's apparent temperature is flagged low-contrast")
    func crossOver() throws {
        let (taken, _) = statistics(pavement: 31)
        // Learning frames are not counted: only frames compared with a background.
        #expect(taken.frames == 200 - ThermalCounterConfiguration().learningFrames)
        let fraction = try #require(taken.lowContrastFraction)
        #expect(fraction > 0.95)
    }

    @Test("a cold or a hot pavement is not flagged", arguments: [5.0, 14.0, 48.0])
    func clearContrast(pavement: Double) throws {
        let (taken, _) = statistics(pavement: pavement)
        #expect(try #require(taken.lowContrastFraction) == 0)
    }

    @Test("taking the statistics starts a new window")
    func takeResets() {
        var (_, counter) = statistics(pavement: 31)
        let empty = counter.takeContrastStatistics()
        #expect(empty.frames == 0)
        #expect(empty.lowContrastFraction == nil)
    }
}

@Suite("Averaging two frames before segmentation")
struct FrameAveragingTests {
    @Test("a walker and a cyclist are still counted once with two frames averaged", arguments: [
        (steps: 27, expected: "in"),  // a walker, about 0.35 px per frame
        (steps: 7, expected: "in"),   // a cyclist, about 1.5 px per frame
    ])
    func movers(steps: Int, expected: String) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(averagedFrames: 2))
        let names = builder.run(&counter, steps: steps, bodies: walk(from: -0.5, to: 8.5, steps: steps))
        #expect(names == [expected])
    }

    @Test("a faint umbrella 1.5 °C above a wet pavement is counted when the threshold follows the noise")
    func faintUmbrella() {
        // An umbrella seen from above: close to the air, barely warmer than the wet pavement, but
        // wide (about 3 px across from a 4 m mount).
        var builder = FrameBuilder(pavement: 8)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(averagedFrames: 2))
        let names = builder.run(&counter, steps: 27) { step in
            let y = -1.5 + 11 * Double(step) / 26
            return [FrameBuilder.Body(x: 4, y: y, radiusX: 1.5, radiusY: 1.5, temperature: 9.5)]
        }
        #expect(names == ["in"])
    }
}
