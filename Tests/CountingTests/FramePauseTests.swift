import Counting
import Hardware
import Testing

/// Frames that stop for a while and then go on: dropped by the bus, or a recording stitched from
/// several.
@Suite("A pause between frames")
struct FramePauseTests {
    @Test("a walker seen before a pause does not cross with someone seen after it")
    func noCrossingOverAPause() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        // Someone walks in; the frames stop while they are at row 3.2, before the line's band.
        var names = builder.feed(&counter, frames: 60)
        names += builder.feed(&counter, frames: 12, bodies: walk(from: -0.5, to: 3.2, steps: 12))
        // Five seconds later someone is beyond the band, walking on out of view.
        builder.frameIndex += 50
        names += builder.feed(&counter, frames: 12, bodies: walk(from: 4.9, to: 8.5, steps: 12))
        #expect(names.isEmpty, "nobody was seen crossing")
        #expect(counter.counter.pausesResumed == 1)
    }

    @Test("after half an hour without frames, a pavement the sun has warmed on one side is learnt again")
    func warmedPavement() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        #expect(builder.teachSingles(&counter, count: 4, firstColumn: 2.5, columns: 2).count == 4)
        builder.frameIndex += 18_000
        // The left half now lies in the sun, 4 °C warmer.
        func sunlit(_ frame: [Float]) -> [Float] {
            frame.enumerated().map { index, value in index % 8 < 4 ? value + 4 : value }
        }
        var names: [String] = []
        for _ in 0..<60 { names += counter.feed(sunlit(builder.frame([])), at: builder.nextTime()) }
        for x in [1.5, 5.5] {
            let across = walk(from: -0.5, to: 8.5, steps: 27, x: x, temperature: 32)
            for step in 0..<27 { names += counter.feed(sunlit(builder.frame(across(step))), at: builder.nextTime()) }
            for _ in 0..<20 { names += counter.feed(sunlit(builder.frame([])), at: builder.nextTime()) }
        }
        #expect(names == ["in", "in"])
    }

    @Test("half a second of dropped frames is no pause: the walker is counted once")
    func droppedFrames() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        var names = builder.feed(&counter, frames: 60)
        let across = walk(from: -0.5, to: 8.5, steps: 27)
        for step in 0..<27 {
            let frame = builder.frame(across(step))
            // Frames 12 to 16 (0.5 s, the walker in the line's band) never arrive.
            if !(12...16).contains(step) { names += counter.feed(frame, at: builder.nextTime()) } else { _ = builder.nextTime() }
        }
        names += builder.feed(&counter, frames: 20)
        #expect(names == ["in"])
        #expect(counter.counter.pausesResumed == 0)
    }

    @Test("a pause of exactly the longest is none; a tenth of a second more is one", arguments: [
        (seconds: 2.0, pauses: 0), (seconds: 2.1, pauses: 1),
    ])
    func atTheLimit(seconds: Double, pauses: Int) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        _ = builder.feed(&counter, frames: 40)
        builder.frameIndex += Int((seconds * 10).rounded()) - 1
        _ = builder.feed(&counter, frames: 1)
        #expect(counter.counter.pausesResumed == pauses)
        #expect(counter.counter.isReady == (pauses == 0))
    }

    @Test("a frame rate of (almost) none never pauses, and does not trap")
    func noFrameRate() {
        var configuration = ThermalCounterConfiguration()
        configuration.framesPerSecond = 1e-12
        var counter = ThermalCounter(configuration: configuration)
        for second in [0.0, 1, 1e9] { _ = counter.process([Float](repeating: 14, count: 64), at: MonotonicInstant(nanoseconds: UInt64(second * 1e9))) }
        #expect(counter.pausesResumed == 0)
    }

    @Test("the longest pause is as long as a lost track is remembered, at the array's frame rate", arguments: [
        (fps: 10.0, seconds: 2.0), (fps: 1, seconds: 20), (fps: 64, seconds: 1.875),
    ])
    func longestPause(fps: Double, seconds: Double) {
        let counter = ThermalCounter(configuration: ThermalCounterConfiguration().atFrameRate(fps))
        #expect(counter.longestFramePauseSeconds == seconds)
    }
}
