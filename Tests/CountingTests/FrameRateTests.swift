import Counting
import Hardware
import Testing

@Suite("Arrays faster than 10 fps")
struct FrameRateTests {
    /// Ten minutes over a pavement at body temperature, nobody there, at `framesPerSecond`: the
    /// noise of each frame grows with the square root of the rate (0.3 °C at 10 fps, 0.42 °C at
    /// 20). Returns the crossings counted.
    func noiseOnly(framesPerSecond: Int, binned: Bool) -> Int {
        var builder = FrameBuilder(pavement: 31, noise: 0.3 * (Double(framesPerSecond) / 10).squareRoot(), seed: 7)
        let settings = ThermalCounterConfiguration()
        var counter = ThermalCounterLike(binned ? settings.atFrameRate(Double(framesPerSecond)) : settings)
        var counted = 0
        for index in 0..<(600 * framesPerSecond) {
            let time = MonotonicInstant(nanoseconds: UInt64(index) * 1_000_000_000 / UInt64(framesPerSecond))
            counted += counter.feed(builder.frame([]), at: time).count
        }
        return counted
    }

    /// Walkers in and out by turns at `framesPerSecond`, each crossing in 2.7 s, at columns 2 to 5.
    func walkers(framesPerSecond: Int, binned: Bool, count: Int = 12, seconds: Double = 2.7) -> [String] {
        var builder = FrameBuilder(pavement: 16, noise: 0.3 * (Double(framesPerSecond) / 10).squareRoot(), seed: 3)
        let settings = ThermalCounterConfiguration()
        var counter = ThermalCounterLike(binned ? settings.atFrameRate(Double(framesPerSecond)) : settings)
        var index = 0
        func next() -> MonotonicInstant {
            index += 1
            return MonotonicInstant(nanoseconds: UInt64(index) * 1_000_000_000 / UInt64(framesPerSecond))
        }
        var names: [String] = []
        let steps = Int(seconds * Double(framesPerSecond))
        for walker in 0..<count {
            let inward = walker % 2 == 0
            let path = walk(from: inward ? -0.5 : 8.5, to: inward ? 8.5 : -0.5, steps: steps, x: 2 + Double(walker % 4))
            for _ in 0..<(walker == 0 ? 6 : 1) * framesPerSecond { names += counter.feed(builder.frame([]), at: next()) }
            for step in 0..<steps { names += counter.feed(builder.frame(path(step)), at: next()) }
        }
        for _ in 0..<(2 * framesPerSecond) { names += counter.feed(builder.frame([]), at: next()) }
        return names
    }

    @Test("walkers and runners under a 20 or 30 fps array are counted one each, in and out",
          arguments: [20, 30], [2.7, 0.8])
    func moversCounted(framesPerSecond: Int, seconds: Double) {
        let names = walkers(framesPerSecond: framesPerSecond, binned: true, seconds: seconds)
        #expect(names.filter { $0 == "in" }.count == 6, "\(names)")
        #expect(names.filter { $0 == "out" }.count == 6, "\(names)")
    }

    /// A 30-fps frame is noisier than a 10-fps one, and there are three times as many of them to
    /// chain noise pixels into tracks. Binned in threes, they are one 10-fps frame each.
    @Test("pixel noise at 30 fps, binned to 10 fps, counts fewer crossings of nobody than frame by frame")
    func noiseIsBinned() {
        let tenFPS = noiseOnly(framesPerSecond: 10, binned: true)
        let binned = noiseOnly(framesPerSecond: 30, binned: true)
        let unbinned = noiseOnly(framesPerSecond: 30, binned: false)
        #expect(binned < unbinned, "\(binned) binned against \(unbinned) frame by frame")
        #expect(binned <= 2 * tenFPS + 2, "\(binned) at 30 fps against \(tenFPS) at 10 fps")
    }

    @Test("frames are binned to about 10 fps from 15 fps on", arguments: [
        (1.0, 1), (4.0, 1), (10.0, 1), (14.0, 1), (15.0, 2), (16.0, 2), (20.0, 2), (32.0, 3), (64.0, 6),
    ])
    func binning(framesPerSecond: Double, binnedFrames: Int) {
        #expect(ThermalCounterConfiguration().atFrameRate(framesPerSecond).binnedFrames == binnedFrames)
    }
}
