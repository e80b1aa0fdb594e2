import Counting
import Hardware
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("People standing still under the sensor")
struct ParkingTests {
    /// Someone walks in, stands just before the line for 40 s and then walks on; while they
    /// stand, two people pass right next to them, one each way.
    func standingAndPassing(parkingFrames: Int) -> [String: Int] {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(parkingFrames: parkingFrames))
        let names = builder.run(&counter, steps: 10 + 400 + 20) { step in
            var bodies: [FrameBuilder.Body] = []
            let y: Double
            if step < 10 { y = -0.5 + 0.35 * Double(step) }
            else if step < 410 { y = 3.0 + 0.05 * sin(Double(step) / 9) }
            else { y = 3.0 + 0.3 * Double(step - 409) }
            bodies.append(FrameBuilder.Body(x: 4.0, y: min(y, 8.5)))
            // Passers-by 1.6 px to either side, each taking 27 frames to cross the frame.
            if (100..<127).contains(step) {
                bodies.append(FrameBuilder.Body(x: 2.4, y: -0.5 + 9 * Double(step - 100) / 26))
            }
            if (250..<277).contains(step) {
                bodies.append(FrameBuilder.Body(x: 5.6, y: 8.5 - 9 * Double(step - 250) / 26))
            }
            return bodies
        }
        return names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test("the people walking past are counted, and the one who stood is counted once when they walk on")
    func passersByAreNotLost() {
        #expect(standingAndPassing(parkingFrames: 30) == ["in": 2, "out": 1])
    }

    @Test("the same street without parking loses one of them (what parking is for)")
    func withoutParking() {
        #expect(standingAndPassing(parkingFrames: 0) != ["in": 2, "out": 1])
    }

    @Test("a person who stood still for long enough to be parked and then walks back is not counted")
    func walksBack() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 10 + 200 + 12) { step in
            let y: Double
            if step < 10 { y = -0.5 + 0.35 * Double(step) }
            else if step < 210 { y = 3.0 }
            else { y = 3.0 - 0.3 * Double(step - 209) }
            return [FrameBuilder.Body(x: 4.0, y: max(y, -0.5))]
        }
        #expect(names.isEmpty)
    }
}


@Suite("Tracks lost for a moment")
struct LostTrackTests {
    /// A walker who fades to the pavement's temperature for `fadedFrames` frames around the line
    /// (a shadow, a gust of wind through a coat).
    func fadingWalker(lostTrackFrames: Int, fadedFrames: Int) -> [String] {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(lostTrackFrames: lostTrackFrames))
        let first = 12 - fadedFrames / 2
        return builder.run(&counter, steps: 27) { step in
            let temperature = (first..<first + fadedFrames).contains(step) ? 14.0 : 30.0
            return walk(from: -0.5, to: 8.5, steps: 27, temperature: temperature)(step)
        }
    }

    @Test("a walker who fades for a few frames while crossing is found again and counted once")
    func foundAgain() {
        #expect(fadingWalker(lostTrackFrames: 20, fadedFrames: 8) == ["in"])
    }

    @Test("without remembering lost tracks, the same walker is not counted")
    func notFoundWithoutMemory() {
        #expect(fadingWalker(lostTrackFrames: 0, fadedFrames: 8) == [])
    }
}
