import Hardware
import Simulator
import Synchronization
import Testing
@testable import Sensors

/// Passes transactions through to a bus and records them.
final class RecordingBus: I2CBus {
    let inner: any I2CBus
    private let log = Mutex<[(I2CAddress, [I2COperation])]>([])
    init(_ inner: any I2CBus) { self.inner = inner }
    var name: String { inner.name }
    var capabilities: I2CCapabilities { inner.capabilities }
    var transactions: [(I2CAddress, [I2COperation])] { log.withLock { $0 } }

    func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        log.withLock { $0.append((address, operations)) }
        return try inner.transaction(address, operations)
    }
}

@Suite("ChipProbe")
struct ChipProbeTests {
    func address(_ raw: UInt8) -> I2CAddress { I2CAddress(raw) }

    @Test("identifies every twin on a shared bus, with serials, and nothing else")
    func identifiesEveryTwin() async throws {
        let bench = SimulationBench()
        bench.bus.attach(PMSA003ITwin(air: .constant(pm2_5: 4), poweredOnAt: .zero), at: address(0x12))
        bench.bus.attach(SeesawSoilTwin(soil: .constant(20), weather: .constant(temperature: 10, humidity: 50)), at: address(0x36))
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: 10, humidity: 50), serialNumber: 0x1234_ABCD), at: address(0x44))
        bench.bus.attach(ADS1115Twin(inputs: [:]), at: address(0x48))
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 15, sensorTemperature: 21)), at: address(0x68))
        bench.bus.attach(SEN5xTwin(air: .constant(pm2_5: 4), weather: .constant(temperature: 10, humidity: 50)), at: address(0x69))
        bench.advance(by: .seconds(5))
        let found = await ChipProbe(bus: bench.bus, clock: bench.clock).scan()
        #expect(found == [
            DetectedChip(address: address(0x12), model: "PMSA003I"),
            DetectedChip(address: address(0x36), model: "seesaw soil"),
            DetectedChip(address: address(0x44), model: "SHT4x", serial: "1234ABCD"),
            DetectedChip(address: address(0x48), model: "ADS1115"),
            DetectedChip(address: address(0x68), model: "AMG8833"),
            DetectedChip(address: address(0x69), model: "SEN55", serial: "8A1F3C2D91B6E074"),
        ])
    }

    @Test("an AMG8833 at the breakout default 0x69 is told apart from the Sensirion chips")
    func amg8833At0x69() async throws {
        let bench = SimulationBench()
        let twin = AMG8833Twin(scene: UniformThermalScene(background: 15, sensorTemperature: -4))
        bench.bus.attach(twin, at: address(0x69))
        try await AMG8833(id: "t", bus: bench.bus, address: address(0x69), clock: bench.clock).start()
        #expect(await ChipProbe(bus: bench.bus, clock: bench.clock).probe(address(0x69)) == DetectedChip(address: address(0x69), model: "AMG8833"))
    }

    @Test("an empty bus reports nothing, and only Sensirion addresses ever saw a write")
    func emptyBus() async {
        let bench = SimulationBench()
        let bus = RecordingBus(bench.bus)
        #expect(await ChipProbe(bus: bus, clock: bench.clock).scan().isEmpty)
        let written = Set(bus.transactions.filter { $0.1.contains { if case .write = $0 { true } else { false } } }.map(\.0.rawValue))
        #expect(written == [0x44, 0x45, 0x69])
    }

    @Test("a device that answers garbage is not identified")
    func garbage() async {
        let bus = ScriptedBus()
        bus.expectRead(address(0x12), reply: Array(repeating: 0xA5, count: 32))
        #expect(await ChipProbe(bus: bus, clock: VirtualClock(start: WallTime(secondsSinceEpoch: 0))).probe(address(0x12)) == nil)
        bus.verify()
    }

    @Test("byte-exact SPS30 probe: product type 0xD002 → \"00080000\", then the serial")
    func sps30() async {
        let bus = ScriptedBus()
        let sps30 = address(0x69)
        bus.expectWrite(sps30, [0xD0, 0x02])
        bus.expectRead(sps30, reply: [0x30, 0x30, 0xF6, 0x30, 0x38, 0x4F, 0x30, 0x30, 0xF6, 0x30, 0x30, 0xF6])
        bus.expectWrite(sps30, [0xD0, 0x33])
        var serial = Array("A1B2C3D4E5F60718".utf8)
        serial += Array(repeating: 0, count: 32 - serial.count)
        bus.expectRead(sps30, reply: stride(from: 0, to: 32, by: 2).flatMap { [serial[$0], serial[$0 + 1], sensirionCRC8(serial[$0...$0 + 1])] })
        let found = await ChipProbe(bus: bus, clock: VirtualClock(start: WallTime(secondsSinceEpoch: 0))).probe(sps30)
        #expect(found == DetectedChip(address: sps30, model: "SPS30", serial: "A1B2C3D4E5F60718"))
        bus.verify()
    }

    @Test("the SPS30 twin is identified by its product type, with its serial")
    func sps30Twin() async {
        let bench = SimulationBench()
        bench.bus.attach(SPS30Twin(air: UrbanAirScenario(seed: 1), clock: bench.clock), at: address(0x69))
        let found = await ChipProbe(bus: bench.bus, clock: bench.clock).scan()
        #expect(found == [DetectedChip(address: address(0x69), model: "SPS30", serial: "8A2F3B1C9D0E4A57")])
    }

    @Test("on an SMBus-only adapter the register chips are still found")
    func smbusOnly() async {
        let bench = SimulationBench(capabilities: [.smbusI2CBlock])
        bench.bus.attach(ADS1115Twin(inputs: [:]), at: address(0x49))
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 15, sensorTemperature: 21)), at: address(0x68))
        let found = await ChipProbe(bus: bench.bus, clock: bench.clock).scan()
        #expect(found.map(\.model) == ["ADS1115", "AMG8833"])
    }
}
