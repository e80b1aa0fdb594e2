import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("Seesaw soil sensor")
struct SeesawSoilTests {
    let address = I2CAddress(0x36 as UInt8)

    @Test("datasheet examples: 00 19 00 00 = 25.0 °C, 03 E8 = 1000")
    func decodesExamples() throws {
        #expect(try seesawTemperature(decoding: [0x00, 0x19, 0x00, 0x00]) == 25.0)
        #expect(try seesawMoisture(decoding: [0x03, 0xE8]) == 1000)
    }

    @Test("the top byte of the temperature is masked with 0x3F")
    func masksTemperature() throws {
        #expect(try seesawTemperature(decoding: [0xC0, 0x19, 0x80, 0x00]) == 25.5)
    }

    @Test("too-early answers are not-ready, spikes are implausible (never a value)")
    func sentinels() {
        #expect(throws: SensorError.notReady) { try seesawMoisture(decoding: [0xFF, 0xFF]) }
        #expect(throws: SensorError.notReady) { try seesawTemperature(decoding: [0xFF, 0xFF, 0xFF, 0xFF]) }
        #expect(throws: SensorError.implausible("seesaw moisture spike 4096")) { try seesawMoisture(decoding: [0x10, 0x00]) }
    }

    @Test("byte-exact: reset, hardware id, moisture, temperature — each write, 5 ms, separate read")
    func byteExact() async throws {
        let bus = ScriptedBus()
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        bus.expectWrite(address, [0x00, 0x7F, 0xFF])
        bus.expectWrite(address, [0x00, 0x01])
        bus.expectRead(address, reply: [0x55])
        bus.expectWrite(address, [0x0F, 0x10])
        bus.expectRead(address, reply: [0x03, 0xE8])
        bus.expectWrite(address, [0x00, 0x04])
        bus.expectRead(address, reply: [0x00, 0x19, 0x00, 0x00])
        let sensor = SeesawSoil(id: "soil", bus: bus, clock: clock)
        try await sensor.start()
        let readings = try await sensor.sample()
        #expect(readings.value(.soilMoistureRaw) == 1000)
        #expect(readings.value(.temperature) == 25)
        #expect(clock.now() == MonotonicInstant.zero + .milliseconds(515))
        bus.verify()
    }

    @Test("a chip that is not a seesaw is refused at start")
    func wrongIdentity() async {
        let bus = ScriptedBus()
        bus.expectWrite(address, [0x00, 0x7F, 0xFF])
        bus.expectWrite(address, [0x00, 0x01])
        bus.expectRead(address, reply: [0x12])
        let sensor = SeesawSoil(id: "soil", bus: bus, clock: VirtualClock(start: WallTime(secondsSinceEpoch: 0)))
        await #expect(throws: SensorError.wrongIdentity(expected: "seesaw hardware id 0x55", found: "0x12")) { try await sensor.start() }
        bus.verify()
    }

    @Test("against the twin: moisture follows the drying soil, temperature the weather")
    func matchesTwin() async throws {
        let bench = SimulationBench()
        let soil = SoilDrying(seed: 9)
        let weather = DiurnalWeather(seed: 9)
        let twin = SeesawSoilTwin(soil: soil, weather: weather)
        bench.bus.attach(twin, at: address)
        let sensor = SeesawSoil(id: "soil", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        var counts: [Double] = []
        for _ in 0..<4 {
            bench.advance(by: .seconds(6 * 3600))
            let readings = try await sensor.sample()
            let count = try #require(readings.value(.soilMoistureRaw))
            #expect(count == Double(twin.moistureCount(at: bench.clock.now())))
            #expect(abs(try #require(readings.value(.temperature)) - max(0, weather.temperature(at: bench.clock.now()))) < 0.001)
            counts.append(count)
        }
        #expect(counts == counts.sorted(by: >), "the soil dries between waterings")
    }

    @Test("spikes are retried up to three times", arguments: [(2, true), (3, true), (4, false)])
    func spikeRetries(spikes: Int, succeeds: Bool) async throws {
        let bench = SimulationBench()
        let twin = SeesawSoilTwin(soil: .constant(25), weather: .constant(temperature: 15, humidity: 50))
        bench.bus.attach(twin, at: address)
        let sensor = SeesawSoil(id: "soil", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        twin.injectSpikes(spikes)
        if succeeds {
            #expect(try await sensor.sample().value(.soilMoistureRaw) == 1100)
        } else {
            await #expect(throws: SensorError.implausible("seesaw moisture spike 65000")) { try await sensor.sample() }
        }
    }

    // A short read cannot be told from a value on the seesaw (no checksum; the low byte reads 0xFF,
    // a valid count), so it is not in this list; QualityMonitor's range and stuck checks are the net.
    @Test("under every detectable fault the driver throws, and reads again once it is cleared",
          arguments: readFailingFaults.filter { $0 != .shortRead })
    func faultAndRecovery(fault: Fault) async throws {
        let bench = SimulationBench()
        bench.bus.attach(SeesawSoilTwin(soil: .constant(25), weather: .constant(temperature: 15, humidity: 50)), at: address)
        let sensor = SeesawSoil(id: "soil", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        #expect(await bench.firstError(from: sensor) != nil)
        bench.bus.setFault(fault, false, at: address)
        #expect(try await bench.firstReadings(from: sensor).value(.soilMoistureRaw) == 1100)
    }

    @Test("a brown-out makes the chip deaf for 500 ms, then it reads again (no state to restore)")
    func brownOut() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SeesawSoilTwin(soil: .constant(25), weather: .constant(temperature: 15, humidity: 50)), at: address)
        let sensor = SeesawSoil(id: "soil", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.powerCycle(at: address)
        await #expect(throws: SensorError.self) { try await sensor.sample() }
        bench.advance(by: .milliseconds(500))
        #expect(try await sensor.sample().value(.soilMoistureRaw) == 1100)
        try await sensor.recover()
        #expect(try await sensor.sample().value(.soilMoistureRaw) == 1100)
    }
}
