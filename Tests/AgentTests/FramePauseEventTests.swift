import Agent
import Hardware
import Journal
import Simulator
import Testing

/// A box whose frames stop for a while without a read error says so upstream.
@Suite("Footfall frames paused")
struct FramePauseEventTests {
    /// Runs the box for 30 s, then `meanwhile`, then 30 s more; returns its `footfall.frames_paused` events.
    func pausedEvents(meanwhile: (VirtualClock, SimulatedHardware, BoxAgent) async -> Void) async throws -> [HealthEvent] {
        let (box, hardware, clock) = try thermalCounterBox(
            scene: UniformThermalScene(background: 15, sensorTemperature: 25))
        let journal = MemoryJournal(cursors: ["stdout", "kept"])
        let agent = BoxAgent(
            boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(1)),
            windows: BoxAssembly.windows(for: box), journal: journal, uplinks: [], logger: quietLogger)
        await agent.run(until: clock.now().advanced(by: .seconds(30)))
        await meanwhile(clock, hardware, agent)
        await agent.run(until: clock.now().advanced(by: .seconds(30)))
        return try journal.readUnacknowledged(cursor: "kept", limit: .max).compactMap {
            if case .health(let event) = $0.payload, event.kind == "footfall.frames_paused" { event } else { nil }
        }
    }

    @Test func aStallOfFiveSecondsIsReportedOnce() async throws {
        // Five seconds pass without the box reading a frame.
        let paused = try await pausedEvents { clock, _, _ in clock.advance(by: .seconds(5)) }
        #expect(paused.count == 1)
        #expect(paused.first?.sensor?.description == "door")
        #expect(paused.first?.message == "no frame for over 2 s: the counter starts again and learns the pavement from its next 30 frames")
    }

    @Test func aCameraRestartedAfterFailedReadsIsNoPause() async throws {
        // Unplugged for ten seconds: the reads fail, the camera is restarted, and its tracker with it.
        let paused = try await pausedEvents { clock, hardware, agent in
            let bus = hardware.simulatedBus(named: "i2c-1")
            bus?.setFault(.unplugged, at: 0x68)
            await agent.run(until: clock.now().advanced(by: .seconds(10)))
            bus?.clearFaults(at: 0x68)
        }
        #expect(paused.isEmpty, "\(paused)")
    }
}
