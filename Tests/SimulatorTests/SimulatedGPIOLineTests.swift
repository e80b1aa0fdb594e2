import Hardware
import Testing
@testable import Simulator

@Suite("SimulatedGPIOLine")
struct SimulatedGPIOLineTests {
    let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
    func at(_ milliseconds: Int) -> MonotonicInstant { MonotonicInstant.zero + .milliseconds(milliseconds) }

    @Test("edges arrive once each, with the time they happened, and the level follows them")
    func edgesAndLevel() throws {
        let scene = RecordedBeamScene(interruptions: [[(at(100), .milliseconds(50)), (at(300), .milliseconds(20))]])
        let line = SimulatedGPIOLine(name: "sim:17", scene: scene, beam: 0, clock: clock)
        #expect(try line.level())
        clock.advance(to: at(120))
        #expect(try !line.level())
        #expect(try line.readEvents() == [GPIOEdgeEvent(.falling, at: at(100))])
        #expect(try line.readEvents().isEmpty)
        clock.advance(to: at(300))
        #expect(try line.readEvents() == [GPIOEdgeEvent(.rising, at: at(150)), GPIOEdgeEvent(.falling, at: at(300))])
        #expect(try !line.level())
        clock.advance(to: at(1000))
        #expect(try line.readEvents() == [GPIOEdgeEvent(.rising, at: at(320))])
        #expect(try line.level())
    }

    @Test("the second beam of the scene is independent of the first")
    func secondBeam() throws {
        let scene = RecordedBeamScene(interruptions: [[(at(100), .milliseconds(50))], [(at(400), .milliseconds(50))]])
        let line = SimulatedGPIOLine(name: "sim:27", scene: scene, beam: 1, clock: clock)
        clock.advance(to: at(1000))
        #expect(try line.readEvents().map(\.timestamp) == [at(400), at(450)])
    }

    @Test("an injected failure is thrown until cleared, and no edge is lost meanwhile")
    func failure() throws {
        let scene = RecordedBeamScene(interruptions: [[(at(100), .milliseconds(50))]])
        let line = SimulatedGPIOLine(name: "sim:17", scene: scene, beam: 0, clock: clock)
        let error = GPIOError(operation: "read events", errno: 5, detail: "simulated")
        line.setFailure(error)
        clock.advance(to: at(200))
        #expect(throws: error) { try line.readEvents() }
        line.setFailure(nil)
        #expect(try line.readEvents().count == 2)
    }
}
