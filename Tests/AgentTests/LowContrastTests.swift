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
        let board = try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "board")
        let box = try ConfigLoader.decodeBox("""
            [box]
            id = "contrast-test"
            board = "simulator"
            [[sensor]]
            id = "door"
            type = "amg8833"
            bus = "i2c-1"
            address = 0x68
            window = "1m"
            [[uplink]]
            type = "stdout"
            """, file: "box", board: board)
        let clock = VirtualClock(start: june1)
        let hardware = SimulatedHardware(board: board, clock: clock, seed: 1)
        let bus = try #require(hardware.simulatedBus(named: "i2c-1"))
        bus.attach(AMG8833Twin(scene: UniformThermalScene(background: pavement, sensorTemperature: 30)), at: 0x68)
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
