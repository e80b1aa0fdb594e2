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

    /// Someone stands on the line while the counter starts (so the first background holds them)
    /// and walks back out of view the way they came; 20 s later, five walkers cross that spot, one
    /// every 8 s. Returns what was counted for the five.
    func walkersAfterStandingAtStart(x: Double = 4.0, healsResidues: Bool = true) -> [String] {
        var builder = FrameBuilder(pavement: 10)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(healsResidues: healsResidues))
        for step in 0..<(100 + 15 + 200) {
            let y = step < 100 ? 4.0 : 4.0 - 0.35 * Double(step - 99)
            _ = counter.feed(builder.frame(y > -1 ? [FrameBuilder.Body(x: x, y: y)] : []), at: builder.nextTime())
        }
        var names: [String] = []
        for step in 0..<(5 * 80) {
            let phase = step % 80
            let bodies = phase < 27 ? [FrameBuilder.Body(x: x, y: -0.5 + 9 * Double(phase) / 26)] : []
            names += counter.feed(builder.frame(bodies), at: builder.nextTime())
        }
        return names
    }

    @Test("where someone stood when the counter started, the pavement is itself again soon after they leave")
    func residueHeals() {
        #expect(walkersAfterStandingAtStart() == Array(repeating: "in", count: 5))
    }

    @Test("also where what they left behind stood out long enough to be taken for someone standing still")
    func parkedResidueHeals() {
        // Half a pixel over, the first background holds more of them: the cold spot they leave
        // is tracked and parked before it heals, and a parked layer no person can be is pavement.
        #expect(walkersAfterStandingAtStart(x: 4.5) == Array(repeating: "in", count: 5))
    }

    @Test("without healing, what the first background took up of them is still there for the walkers")
    func residueStays() {
        #expect(walkersAfterStandingAtStart(healsResidues: false).filter { $0 == "in" }.count < 5)
    }

    /// Someone walks in and stands at row 3; 10 s later a second person walks in and stands
    /// close against them, `apart` pixels beside them (a couple, a parent with a child); after
    /// 60 s they walk on, 5 s apart. Meanwhile walkers pass, one each way.
    func secondStanderJoining(apart: Double) -> [String: Int] {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 650 + 20) { step in
            let first = step < 10 ? -0.5 + 0.35 * Double(step) : (step < 600 ? 3.0 : 3.0 + 0.3 * Double(step - 599))
            var bodies = [FrameBuilder.Body(x: 4.0, y: min(first, 8.5))]
            if step >= 100 {
                let second = step < 112 ? -0.8 + 0.35 * Double(step - 100) : (step < 650 ? 3.0 : 3.0 + 0.3 * Double(step - 649))
                bodies.append(FrameBuilder.Body(x: 4.0 + apart, y: min(second, 8.5)))
            }
            if (300..<327).contains(step) { bodies.append(FrameBuilder.Body(x: 1.8, y: -0.5 + 9 * Double(step - 300) / 26)) }
            if (450..<477).contains(step) { bodies.append(FrameBuilder.Body(x: 6.6, y: 8.5 - 9 * Double(step - 450) / 26)) }
            return bodies
        }
        return names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test("two people standing close together: passers-by are one each, and both are counted when they walk on")
    func twoStandingClose() {
        #expect(secondStanderJoining(apart: 0.3) == ["in": 3, "out": 1])
        #expect(secondStanderJoining(apart: 0.6) == ["in": 3, "out": 1])
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
