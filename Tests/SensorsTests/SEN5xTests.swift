import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("SEN5x")
struct SEN5xTests {
    let address = I2CAddress(0x69 as UInt8)

    @Test("decoding: scales, signed temperature, sentinels become nil (never zero)")
    func decodesValues() throws {
        let values = try SEN5xValues(words: [0x0064, 0x0087, 0xFFFF, 0x00C8, 0x1388, 0xFC18, 0x03E8, 0x7FFF])
        #expect(values.pm1_0 == 10.0)
        #expect(values.pm2_5 == 13.5)
        #expect(values.pm4_0 == nil)
        #expect(values.pm10 == 20.0)
        #expect(values.relativeHumidity == 50.0)
        #expect(values.temperature == -5.0)
        #expect(values.vocIndex == 100.0)
        #expect(values.noxIndex == nil)
    }

    @Test("status bits map to quality flags", arguments: [
        (1 << 21, .fanError), (1 << 19, .fanCleaning), (1 << 5, .laserError), (1 << 4, .fanError), (0, []),
    ] as [(UInt32, QualityFlags)])
    func statusFlags(bits: UInt32, flags: QualityFlags) {
        #expect(SEN5xStatus(rawValue: bits).particulateFlags == flags)
    }

    @Test("gas and RH/T errors flag only their own readings")
    func subSensorErrors() {
        let status = SEN5xStatus(rawValue: 1 << 7)
        #expect(status.gasFlags == .sensorError)
        #expect(status.climateFlags == [])
        #expect(SEN5xStatus(rawValue: 1 << 6).climateFlags == .sensorError)
    }

    @Test("byte-exact: reset, start, data-ready, values, status")
    func byteExactFrames() async throws {
        let bus = ScriptedBus()
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        bus.expectWrite(address, [0xD3, 0x04])
        bus.expectWrite(address, [0x00, 0x21])
        bus.expectWrite(address, [0x02, 0x02])
        bus.expectRead(address, reply: [0x00, 0x01, 0xB0])
        bus.expectWrite(address, [0x03, 0xC4])
        bus.expectRead(address, reply: [0x00, 0x64, 0, 0x00, 0x87, 0, 0x00, 0x96, 0, 0x00, 0xC8, 0,
                                         0x13, 0x88, 0, 0x11, 0x94, 0, 0x03, 0xE8, 0, 0x7F, 0xFF, 0].withFixedCRCs())
        bus.expectWrite(address, [0xD2, 0x06])
        bus.expectRead(address, reply: [0x00, 0x00, 0x81, 0x00, 0x20, 0].withFixedCRCs())
        let sensor = SEN5x(id: "air", bus: bus, clock: clock)
        try await sensor.start()
        let readings = try await sensor.sample()
        #expect(readings.value(.massConcentrationPM2_5) == 13.5)
        #expect(readings.value(.temperature) == 22.5)
        #expect(readings.value(.noxIndex) == nil)
        #expect(readings.count == 7)
        #expect(readings.first { $0.quantity == .massConcentrationPM10 }?.quality == [.laserError, .warmUp])  // first seconds
        bus.verify()
    }

    @Test("SEN50: PM only — everything else reads unknown and yields no reading")
    func sen50() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SEN5xTwin(variant: .sen50, air: .constant(pm2_5: 5), weather: .constant(temperature: 10, humidity: 50)), at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.advance(by: .seconds(20))
        let readings = try await bench.firstReadings(from: sensor)
        #expect(Set(readings.map(\.quantity)) == [.massConcentrationPM1_0, .massConcentrationPM2_5, .massConcentrationPM4_0, .massConcentrationPM10])
    }

    @Test("against the twin: values match the scenario; NOx appears after ~10 s on a SEN55 only", arguments: [SEN5xTwin.Variant.sen55, .sen54])
    func matchesTwin(variant: SEN5xTwin.Variant) async throws {
        let bench = SimulationBench()
        let air = ParticulateSource.urban(UrbanAirScenario(seed: 3), clock: bench.clock)
        let weather = DiurnalWeather(seed: 4)
        bench.bus.attach(SEN5xTwin(variant: variant, air: air, weather: weather), at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        let first = try await bench.firstReadings(from: sensor)
        #expect(first.value(.noxIndex) == nil)
        let readAt = bench.clock.now()
        #expect(abs(try #require(first.value(.massConcentrationPM2_5)) - air.sample(at: readAt).mass.pm2_5) <= 0.05)
        #expect(abs(try #require(first.value(.relativeHumidity)) - weather.relativeHumidity(at: readAt)) <= 0.01)
        #expect(abs(try #require(first.value(.temperature)) - weather.temperature(at: readAt)) <= 0.005)
        bench.advance(by: .seconds(10))
        let later = try await bench.firstReadings(from: sensor)
        #expect((later.value(.noxIndex) != nil) == (variant == .sen55))
        let identity = try await sensor.identify()
        #expect(identity.product == (variant == .sen55 ? "SEN55" : "SEN54"))
        #expect(identity.serial == "8A1F3C2D91B6E074")
    }

    @Test("fan cleaning: values frozen and flagged for 10 s")
    func fanCleaning() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SEN5xTwin(air: .urban(UrbanAirScenario(seed: 1), clock: bench.clock), weather: DiurnalWeather(seed: 2)), at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        let before = try await bench.firstReadings(from: sensor)
        try await sensor.startFanCleaning()
        let during = try await bench.firstReadings(from: sensor, interval: .seconds(4))
        #expect(during.value(.massConcentrationPM2_5) == before.value(.massConcentrationPM2_5))
        #expect(during.first { $0.quantity == .massConcentrationPM2_5 }?.quality.contains(.fanCleaning) == true)
        let after = try await bench.firstReadings(from: sensor, interval: .seconds(8))
        #expect(after.first { $0.quantity == .massConcentrationPM2_5 }?.quality.contains(.fanCleaning) == false)
    }

    @Test("injected laser failure is flagged on PM readings")
    func laserFailure() async throws {
        let bench = SimulationBench()
        let twin = SEN5xTwin(air: .constant(pm2_5: 5), weather: .constant(temperature: 10, humidity: 50))
        bench.bus.attach(twin, at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        twin.setStatusBits(1 << 5)
        let readings = try await bench.firstReadings(from: sensor)
        #expect(readings.first { $0.quantity == .massConcentrationPM2_5 }?.quality == [.laserError, .warmUp])
        #expect(readings.first { $0.quantity == .temperature }?.quality == [])
    }

    @Test("PM readings of the first 30 s after a start are flagged warm-up, later ones not")
    func warmUp() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SEN5xTwin(air: .constant(pm2_5: 5), weather: .constant(temperature: 10, humidity: 50)), at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        let early = try await bench.firstReadings(from: sensor)
        #expect(early.first { $0.quantity == .massConcentrationPM2_5 }?.quality.contains(.warmUp) == true)
        bench.advance(by: .seconds(31))
        let later = try await bench.firstReadings(from: sensor)
        #expect(later.first { $0.quantity == .massConcentrationPM2_5 }?.quality.contains(.warmUp) == false)
    }

    @Test("under every fault the driver throws, and reads again once it is cleared", arguments: readFailingFaults)
    func faultAndRecovery(fault: Fault) async throws {
        let bench = SimulationBench()
        bench.bus.attach(SEN5xTwin(air: .constant(pm2_5: 12.3), weather: .constant(temperature: 10, humidity: 50)), at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        #expect(await bench.firstError(from: sensor) != nil)
        bench.bus.setFault(fault, false, at: address)
        let readings = try await bench.firstReadings(from: sensor)
        #expect(readings.value(.massConcentrationPM2_5) == 12.3)
    }

    @Test("a brown-out stops the measurement; the driver notices and restarts it by itself")
    func restartsAfterBrownOut() async throws {
        let bench = SimulationBench()
        let twin = SEN5xTwin(air: .constant(pm2_5: 7), weather: .constant(temperature: 10, humidity: 50))
        bench.bus.attach(twin, at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        _ = try await bench.firstReadings(from: sensor)
        bench.bus.powerCycle(at: address)
        #expect(!twin.isMeasuring)
        #expect(await bench.firstError(from: sensor) == .notReady)
        let readings = try await bench.firstReadings(from: sensor)
        #expect(readings.value(.massConcentrationPM2_5) == 7)
    }

    @Test("recover() after a brown-out brings values back at once")
    func recoverAfterBrownOut() async throws {
        let bench = SimulationBench()
        let twin = SEN5xTwin(air: .constant(pm2_5: 7), weather: .constant(temperature: 10, humidity: 50))
        bench.bus.attach(twin, at: address)
        let sensor = SEN5x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.powerCycle(at: address)
        bench.advance(by: .seconds(1))
        try await sensor.recover()
        #expect(twin.isMeasuring)
        let readings = try await bench.firstReadings(from: sensor, attempts: 2)
        #expect(readings.value(.massConcentrationPM2_5) == 7)
    }
}
