import Counting
import Hardware
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The two sums `replay` judges the counting axis by.
@Suite("How far tracks moved")
struct TrackMotionTests {
    @Test("a walker across the line adds one track, its path along the axis")
    func walkerAcrossTheLine() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        #expect(builder.run(&counter, steps: 27, bodies: walk(from: -0.5, to: 8.5, steps: 27, x: 3.7)) == ["in"])
        let motion = counter.counter.trackMotion
        #expect(motion.tracks == 1)
        #expect(motion.along > 5, "\(motion)")
        #expect(motion.across < 1, "\(motion)")
    }

    @Test("someone pacing along the line for five minutes is no crowd walking along it")
    func pacing() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 3000) { step in
            [FrameBuilder.Body(x: 3.7 + 1.2 * sin(Double(step) / 40), y: 2.2)]
        }
        #expect(names.isEmpty)
        let motion = counter.counter.trackMotion
        #expect(motion.tracks < TrackMotion.minimumTracks, "\(motion)")
        #expect(!motion.mostlyAcross(), "\(motion)")
    }
}
