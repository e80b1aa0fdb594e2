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

    /// 28 °C: cold-weather clothes in the shade; 35 °C: sun-warmed clothes and hair.
    @Test("a pavement as warm as some people's apparent temperature is flagged low-contrast",
          arguments: [28.0, 31.0, 35.0])
    func crossOver(pavement: Double) throws {
        let (taken, _) = statistics(pavement: pavement)
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

    @Test("a sunny strip as warm as people is that share of the window hidden, though most of the frame is clear")
    func warmStrip() throws {
        // Three columns of eight in the sun at 31 °C, the rest in a building's shadow at 14 °C.
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounter()
        for _ in 0..<200 {
            var frame = builder.frame([])
            for row in 0..<8 {
                for column in 0..<3 { frame[row * 8 + column] += 17 }
            }
            _ = counter.process(frame, at: builder.nextTime())
        }
        let taken = counter.takeContrastStatistics()
        #expect(taken.lowContrastFraction == 0)
        #expect(abs(try #require(taken.lowContrastPixelFraction) - 3.0 / 8) < 0.01)
        #expect(abs(try #require(taken.hiddenShare) - 3.0 / 8) < 0.01)
    }

    @Test("taking the statistics starts a new window")
    func takeResets() {
        var (_, counter) = statistics(pavement: 31)
        let empty = counter.takeContrastStatistics()
        #expect(empty.frames == 0)
        #expect(empty.lowContrastFraction == nil && empty.lowContrastPixelFraction == nil)
    }
}

@Suite("People seen only faintly, per window")
struct FaintCrossingStatisticsTests {
    /// One person walking through, `temperature` °C on an 8 °C pavement (9.5 °C: an umbrella in
    /// the rain, seen only through the faint threshold; 30 °C: a person in full contrast).
    func statistics(temperature: Double) -> ContrastStatistics {
        var builder = FrameBuilder(pavement: 8)
        var counter = ThermalCounterLike(ThermalCounterConfiguration())
        let counted = builder.run(&counter, warmUp: 60, steps: 27) { step in
            [FrameBuilder.Body(x: 3.5, y: -1.5 + 11 * Double(step) / 26, radiusX: 1.5, radiusY: 1.5, temperature: temperature)]
        }
        #expect(counted == ["in"])
        return counter.counter.takeContrastStatistics()
    }

    @Test("an umbrella is a faint crossing, and the window counts as hidden")
    func umbrella() {
        let taken = statistics(temperature: 9.5)
        #expect(taken.crossings == 1 && taken.faintCrossings == 1)
        #expect(taken.hiddenShare == 1)
    }

    @Test("faint people weigh three times in the hidden share: the whole gap to the beams lies with them")
    func weighted() {
        // 10 of 40 people faint, in a window without low-contrast frames: three quarters hidden.
        let quarter = ContrastStatistics(frames: 9000, pixels: 576_000, crossings: 40, faintCrossings: 10)
        #expect(abs((quarter.hiddenShare ?? 0) - 0.75) < 1e-9)
        // A third or more faint: wholly hidden; nobody faint: the low-contrast pixel share alone.
        #expect(ContrastStatistics(frames: 9000, pixels: 576_000, crossings: 30, faintCrossings: 10).hiddenShare == 1)
        #expect(
            ContrastStatistics(frames: 9000, pixels: 576_000, lowContrastPixels: 57_600, crossings: 30, faintCrossings: 0)
                .hiddenShare == 0.1)
        #expect(ContrastStatistics(frames: 0, lowContrastFrames: 0, crossings: 3, faintCrossings: 3).hiddenShare == nil)
        // Statistics kept by frames alone (no pixel counts) fall back on the frame share.
        #expect(ContrastStatistics(frames: 9000, lowContrastFrames: 900, crossings: 30, faintCrossings: 0).hiddenShare == 0.1)
    }

    @Test("a person in full contrast is not")
    func clear() {
        let taken = statistics(temperature: 30)
        #expect(taken.crossings == 1 && taken.faintCrossings == 0)
        #expect(taken.hiddenShare == 0)
    }
}
