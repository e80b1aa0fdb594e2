import Counting
import Hardware
import Simulator
import Testing

@Suite("A larger thermal array")
struct LargerArrayTests {
    /// Ten minutes of a `side` × `side` array over a pavement at body temperature, nobody there:
    /// every pixel is its noise (0.3 °C, in 0.25 °C steps). Returns the crossings counted.
    func noiseOnly(noiseSigmas: Float, side: Int) -> Int {
        var builder = FrameBuilder(pavement: 31, seed: 7)
        builder.width = side
        builder.height = side
        var counter = ThermalCounterLike(ThermalCounterConfiguration(width: side, height: side, noiseSigmas: noiseSigmas))
        var counted = 0
        for _ in 0..<6000 { counted += counter.feed(builder.frame([]), at: builder.nextTime()).count }
        return counted
    }

    /// A 16 × 16 frame has four times as many pixels as 8 × 8 that can cross the noise threshold
    /// by chance, and a track can be chained from them. On a pavement at body temperature the
    /// 8 × 8 counter chains a few (the quiet Sunday's counts of nobody, docs/counting.md).
    @Test("pixel noise on a 16 × 16 array counts about as often as on 8 × 8, not twenty times as often")
    func thresholdRisesWithThePixels() {
        let small = noiseOnly(noiseSigmas: 3, side: 8)
        let large = noiseOnly(noiseSigmas: 3, side: 16)
        #expect(large <= 2 * small + 2, "\(large) on 16 × 16 against \(small) on 8 × 8")
        // Left at 3 σ (2.5 σ set for 8 × 8 is 3.0 σ on 16 × 16), the same noise counts many more.
        let unscaled = noiseOnly(noiseSigmas: Float((9 - 2 * log(4.0)).squareRoot()), side: 16)
        #expect(unscaled >= 5 * max(large, small, 1), "\(unscaled) at 3 σ against \(large)")
    }

    /// The first minute of a `width` × `height` array over a cool pavement, nobody there, its
    /// noise (0.3 °C) not quantised, as larger arrays report it. Returns the crossings counted.
    func firstMinuteOfNoise(width: Int, height: Int, seed: UInt64) -> Int {
        var random = SeededRandom(seed: seed)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(width: width, height: height))
        var frame = [Float](repeating: 0, count: width * height)
        var counted = 0
        for index in 1...600 {
            for pixel in frame.indices { frame[pixel] = Float(18 + random.gaussian(standardDeviation: 0.3)) }
            counted += counter.feed(frame, at: MonotonicInstant(nanoseconds: UInt64(index) * 100_000_000)).count
        }
        return counted
    }

    /// Each pixel's noise is first learnt from the 30 learning frames, and on thousands of pixels
    /// some of those estimates come out far too low: those pixels then read their own noise as
    /// people until the running estimate catches up.
    @Test("a large array's first minute over an empty pavement counts nobody", arguments: [(64, 64), (80, 64)])
    func firstMinuteCountsNobody(width: Int, height: Int) {
        for seed: UInt64 in [1, 2] {
            #expect(firstMinuteOfNoise(width: width, height: height, seed: seed) == 0, "\(width) × \(height), seed \(seed)")
        }
    }

    @Test("walkers on a 16 × 16 array are counted one each, in and out")
    func walkersCounted() {
        var builder = FrameBuilder(pavement: 16, seed: 3)
        builder.width = 16
        builder.height = 16
        var counter = ThermalCounterLike(ThermalCounterConfiguration(width: 16, height: 16))
        var names: [String] = []
        for index in 0..<12 {
            let inward = index % 2 == 0
            names += builder.run(&counter, warmUp: index == 0 ? 60 : 10, steps: 27) { step in
                let y = -1 + 18 * Double(step) / 26
                return [FrameBuilder.Body(
                    x: 6.5 + Double(index % 3), y: inward ? y : 16 - y, radiusX: 1.4, radiusY: 0.9)]
            }
        }
        #expect(names.filter { $0 == "in" }.count == 6)
        #expect(names.filter { $0 == "out" }.count == 6)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
