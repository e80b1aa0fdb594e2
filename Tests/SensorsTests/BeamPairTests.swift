import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("BeamPair")
struct BeamPairTests {
    let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))

    func at(_ milliseconds: Int) -> MonotonicInstant { MonotonicInstant.zero + .milliseconds(milliseconds) }

    func pair(_ scene: RecordedBeamScene, debounce: Duration = .milliseconds(5)) -> (BeamPair, SimulatedGPIOLine, SimulatedGPIOLine) {
        let first = SimulatedGPIOLine(name: "sim:17", scene: scene, beam: 0, clock: clock)
        let second = SimulatedGPIOLine(name: "sim:27", scene: scene, beam: 1, clock: clock)
        return (BeamPair(first: first, second: second, debounce: debounce, clock: clock), first, second)
    }

    @Test("a person walking through beam 1 then beam 2: four edges in time order")
    func walkerInOrder() throws {
        let scene = RecordedBeamScene(interruptions: [
            [(at(1000), .milliseconds(400))],
            [(at(1250), .milliseconds(400))],
        ])
        let (beams, _, _) = pair(scene)
        try beams.start()
        clock.advance(to: at(3000))
        let edges = try beams.poll()
        #expect(edges.map { "\($0.line)-\($0.edge)" } == ["first-falling", "second-falling", "first-rising", "second-rising"])
        #expect(edges.map(\.timestamp) == [at(1000), at(1250), at(1400), at(1650)])
    }

    @Test("contact bounce collapses to one edge, at the moment the line settled")
    func bounce() throws {
        let scene = RecordedBeamScene(beams: [
            [GPIOEdgeEvent(.falling, at: at(100)), GPIOEdgeEvent(.rising, at: at(101)), GPIOEdgeEvent(.falling, at: at(102)),
             GPIOEdgeEvent(.rising, at: at(500))],
            [],
        ])
        let (beams, _, _) = pair(scene)
        try beams.start()
        clock.advance(to: at(1000))
        let edges = try beams.poll()
        #expect(edges == [
            BeamPair.Edge(line: .first, edge: .falling, timestamp: at(102)),
            BeamPair.Edge(line: .first, edge: .rising, timestamp: at(500)),
        ])
    }

    @Test("a pulse shorter than the debounce time is dropped with both its edges", arguments: [1, 4])
    func glitch(milliseconds: Int) throws {
        let scene = RecordedBeamScene(interruptions: [[], [(at(200), .milliseconds(milliseconds))]])
        let (beams, _, _) = pair(scene)
        try beams.start()
        clock.advance(to: at(1000))
        #expect(try beams.poll().isEmpty)
    }

    @Test("a pulse as long as the debounce time is kept")
    func pulseAtDebounce() throws {
        let scene = RecordedBeamScene(interruptions: [[], [(at(200), .milliseconds(5))]])
        let (beams, _, _) = pair(scene)
        try beams.start()
        clock.advance(to: at(1000))
        #expect(try beams.poll().count == 2)
    }

    @Test("an edge younger than the debounce time waits for the next poll; nothing is lost or reordered")
    func holdsBackYoungEdges() throws {
        let scene = RecordedBeamScene(interruptions: [
            [(at(100), .milliseconds(50))],
            [(at(148), .milliseconds(50))],
        ])
        let (beams, _, _) = pair(scene)
        try beams.start()
        clock.advance(to: at(152))
        let early = try beams.poll()
        #expect(early.map(\.timestamp) == [at(100)])
        clock.advance(to: at(400))
        let late = try beams.poll()
        #expect(late.map(\.timestamp) == [at(148), at(150), at(198)])
        #expect(late.map(\.line) == [.second, .first, .second])
    }

    @Test("many polls give the same edges as one")
    func pollingCadenceDoesNotMatter() throws {
        let interruptions: [[(start: MonotonicInstant, duration: Duration)]] = [
            stride(from: 0, to: 10, by: 1).map { (at(100 + $0 * 300), .milliseconds(120)) },
            stride(from: 0, to: 10, by: 1).map { (at(160 + $0 * 300), .milliseconds(3 + $0 * 10)) },
        ]
        let (once, _, _) = pair(RecordedBeamScene(interruptions: interruptions))
        try once.start()
        clock.advance(to: at(5000))
        let all = try once.poll()

        let clock2 = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        let scene = RecordedBeamScene(interruptions: interruptions)
        let often = BeamPair(
            first: SimulatedGPIOLine(name: "a", scene: scene, beam: 0, clock: clock2),
            second: SimulatedGPIOLine(name: "b", scene: scene, beam: 1, clock: clock2), clock: clock2)
        try often.start()
        var collected: [BeamPair.Edge] = []
        for step in 1...500 {
            clock2.advance(to: at(step * 10))
            collected += try often.poll()
        }
        #expect(collected == all)
        #expect(all.count == 20 + 18, "the 3 ms pulse on the second line is a glitch")
    }

    @Test("a failing line is reported as a GPIO error, and works again afterwards")
    func lineFailure() throws {
        let scene = RecordedBeamScene(interruptions: [[(at(100), .milliseconds(50))], []])
        let (beams, first, _) = pair(scene)
        try beams.start()
        first.setFailure(GPIOError(operation: "read events", errno: 19, detail: "gpiochip gone"))
        clock.advance(to: at(300))
        #expect(throws: SensorError.gpio(GPIOError(operation: "read events", errno: 19, detail: "gpiochip gone"))) { try beams.poll() }
        first.setFailure(nil)
        #expect(try beams.poll().count == 2)
    }
}
