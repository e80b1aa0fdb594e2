import Agent
import Hardware
import Journal
import Simulator
import Testing
import Uplink

/// A thermal counter that cannot see people (pavement as warm as a body) says so upstream.
@Suite("Footfall low-contrast warning")
struct LowContrastTests {
    func warnings(pavement: Double) async throws -> [String] {
        let (box, hardware, clock) = try thermalCounterBox(
            scene: UniformThermalScene(background: pavement, sensorTemperature: 30))
        let journal = MemoryJournal(cursors: ["stdout", "kept"])
        let agent = BoxAgent(
            boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(1)),
            windows: BoxAssembly.windows(for: box), journal: journal, uplinks: [], logger: quietLogger)
        await agent.run(until: clock.now().advanced(by: .seconds(200)))
        return try journal.readUnacknowledged(cursor: "kept", limit: .max).compactMap {
            if case .health(let event) = $0.payload, event.kind == "footfall.low_contrast" { event.message } else { nil }
        }
    }

    @Test func pavementAtBodyTemperatureIsReportedPerWindow() async throws {
        let messages = try await warnings(pavement: 32)
        #expect(messages.count >= 2)
        #expect(messages.first?.hasPrefix("window 2026-06-01T00:0") == true)
        #expect(messages.first?.contains("% of frames with body/pavement contrast below the noise") == true)
    }

    @Test func coolPavementGivesNoWarning() async throws {
        #expect(try await warnings(pavement: 14).isEmpty)
    }
}
