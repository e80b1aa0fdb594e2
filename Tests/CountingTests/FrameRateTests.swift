import Counting
import Hardware
import Testing

@Suite("Arrays faster or slower than 10 fps")
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

    /// An hour over a pavement at body temperature, nobody there. A first step as long as a
    /// cyclist's at 2 or 3 fps reaches far along the axis, and one jump between two noise pixels
    /// across the line counted: 320 and 342 an hour against 19 and 48 with the settings for
    /// 10 fps, before such a track had to be seen a third time (66 and 114 since).
    @Test("pixel noise under a 2- or 3-fps array counts at most a few times as often with the settings for its rate", arguments: [2, 3])
    func noiseUnderASlowArray(framesPerSecond: Int) {
        func counted(_ settings: ThermalCounterConfiguration) -> Int {
            var builder = FrameBuilder(pavement: 31, noise: 0.3 * (Double(framesPerSecond) / 10).squareRoot(), seed: 7)
            var counter = ThermalCounterLike(settings)
            var crossings = 0
            for index in 0..<(3600 * framesPerSecond) {
                let time = MonotonicInstant(nanoseconds: UInt64(index) * 1_000_000_000 / UInt64(framesPerSecond))
                crossings += counter.feed(builder.frame([]), at: time).count
            }
            return crossings
        }
        let settings = ThermalCounterConfiguration()
        let adapted = counted(settings.atFrameRate(Double(framesPerSecond)))
        let asAtTen = counted(settings)
        #expect(adapted <= 4 * asAtTen + 10, "\(adapted) an hour for \(framesPerSecond) fps against \(asAtTen) as for 10 fps")
    }

    /// At 10 fps a track that takes over a lost one has its velocity: a step that is long from
    /// where the track started but within the gate of where it was predicted is no long first
    /// step, and the crossing counts at once.
    @Test("a walker found again after fading for half a second at 10 fps counts as they cross")
    func foundAgainAtTenFPS() {
        var rows = (0..<8).map { 0.35 * Double($0) }
        let faded = rows.count
        rows += [4.5, 7.13]
        var builder = FrameBuilder(pavement: 16, seed: 3)
        var counter = ThermalCounterLike()
        var names: [String] = []
        for _ in 0..<40 { names += counter.feed(builder.frame([]), at: builder.nextTime()) }
        for (index, row) in rows.enumerated() {
            if index == faded {
                for _ in 0..<5 { names += counter.feed(builder.frame([]), at: builder.nextTime()) }
            }
            names += counter.feed(builder.frame([FrameBuilder.Body(x: 3.5, y: row)]), at: builder.nextTime())
        }
        for _ in 0..<20 { names += counter.feed(builder.frame([]), at: builder.nextTime()) }
        #expect(names == ["in"])
    }

    @Test("settings for 10 fps are left as they are at 10 fps, and a slow array's first step is at most half the frame")
    func tenFPSUnchanged() {
        #expect(ThermalCounterConfiguration().atFrameRate(2).firstStepGate == 0.5)
        #expect(ThermalCounterConfiguration().atFrameRate(10) == ThermalCounterConfiguration())
        #expect(ThermalCounterConfiguration(width: 32, height: 24).atFrameRate(10) == ThermalCounterConfiguration(width: 32, height: 24))
    }

    @Test("a track first seen inside the band takes its side from its motion below 3.6 fps", arguments: [
        (1.0, true), (3.5, true), (3.7, false), (5.0, false), (10.0, false),
    ])
    func sideFromMotionBelow(framesPerSecond: Double, infers: Bool) {
        #expect(ThermalCounterConfiguration().atFrameRate(framesPerSecond).infersSideAtBirth == infers)
    }

    @Test("frames are binned to about 10 fps from 15 fps on", arguments: [
        (1.0, 1), (4.0, 1), (10.0, 1), (14.0, 1), (15.0, 2), (16.0, 2), (20.0, 2), (32.0, 3), (64.0, 6),
    ])
    func binning(framesPerSecond: Double, binnedFrames: Int) {
        #expect(ThermalCounterConfiguration().atFrameRate(framesPerSecond).binnedFrames == binnedFrames)
    }

    /// Frames at `framesPerSecond` (noise 0.3 °C × √(fps / 10)): 40 frames of pavement (the
    /// background is learnt from the first 30 at any rate), then each walk of `walks` (a body's
    /// row per frame, in order), with a second of pavement after each.
    func crossings(
        framesPerSecond: Int, settings: ThermalCounterConfiguration, walks: [[Double]], x: Double = 3.5
    ) -> [String] {
        var builder = FrameBuilder(pavement: 16, noise: 0.3 * (Double(framesPerSecond) / 10).squareRoot(), seed: 3)
        var counter = ThermalCounterLike(settings)
        var index = 0
        func next() -> MonotonicInstant {
            index += 1
            return MonotonicInstant(nanoseconds: UInt64(index) * 1_000_000_000 / UInt64(framesPerSecond))
        }
        var names: [String] = []
        for _ in 0..<40 { names += counter.feed(builder.frame([]), at: next()) }
        for (number, rows) in walks.enumerated() {
            for row in rows {
                names += counter.feed(builder.frame([FrameBuilder.Body(x: x + Double(number % 3), y: row)]), at: next())
            }
            for _ in 0..<framesPerSecond { names += counter.feed(builder.frame([]), at: next()) }
        }
        return names
    }

    /// A cyclist at 6 m/s under a 4-fps array moves 2.35 px a frame on 8 × 8, further than the
    /// 10-fps gate lets a fresh track (no velocity yet) take its first step.
    @Test("cyclists under a 4-fps array are counted when the settings are for 4 fps, missed with those for 10")
    func cyclistsAtFourFPS() {
        let ride = (0..<5).map { -0.7 + 2.35 * Double($0) }
        let walks = (0..<8).map { $0 % 2 == 0 ? ride : ride.map { 8 - $0 } }
        let settings = ThermalCounterConfiguration()
        let adapted = crossings(framesPerSecond: 4, settings: settings.atFrameRate(4), walks: walks)
        let asAtTen = crossings(framesPerSecond: 4, settings: settings, walks: walks)
        #expect(adapted.filter { $0 == "in" }.count >= 3 && adapted.filter { $0 == "out" }.count >= 3, "\(adapted)")
        #expect(asAtTen.count <= 2, "\(asAtTen)")
    }

    /// Under a 2-fps array a walker moves 1.75 px a frame, wider than the hysteresis band
    /// (1 px on 8 × 8): someone can be seen first inside it. At 10 fps a track born there is part
    /// of someone already counted (a pair parting), and must not count. The crossing counts on
    /// the third sight, still across.
    @Test("a walker first seen inside the band counts under a 2-fps array, not with the settings for 10 fps")
    func firstSeenInsideTheBand() {
        let fromTheBand = (0..<4).map { 4.0 + 1.75 * Double($0) }
        let walks = [fromTheBand, fromTheBand.map { 8 - $0 }]
        let settings = ThermalCounterConfiguration()
        #expect(crossings(framesPerSecond: 2, settings: settings.atFrameRate(2), walks: walks) == ["in", "out"])
        #expect(crossings(framesPerSecond: 2, settings: settings, walks: walks).isEmpty)
    }
}
