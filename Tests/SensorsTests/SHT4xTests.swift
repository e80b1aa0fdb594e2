import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("SHT4x")
struct SHT4xTests {
    let address = I2CAddress(0x44 as UInt8)

    @Test("datasheet vector 66 66 93 80 00 A2 decodes to 25.00 °C, 56.50 %RH")
    func decodesDatasheetVector() throws {
        let measurement = try SHT4xMeasurement(decoding: [0x66, 0x66, 0x93, 0x80, 0x00, 0xA2])
        #expect(abs(measurement.temperature - 25.00) < 0.01)
        #expect(abs(measurement.relativeHumidity - 56.50) < 0.01)
    }

    @Test("humidity is clamped to 0…100", arguments: [(UInt16(0), 0.0), (UInt16(0xFFFF), 100.0), (UInt16(3145), 0.0)])
    func clampsHumidity(raw: UInt16, expected: Double) {
        #expect(sht4xRelativeHumidity(raw: raw) == expected)
    }

    @Test("a corrupted CRC is rejected")
    func rejectsBadCRC() {
        #expect(throws: SensorError.crcMismatch(what: "SHT4x measurement, word 1")) {
            try SHT4xMeasurement(decoding: [0x66, 0x66, 0x93, 0x80, 0x00, 0xA3])
        }
    }

    @Test("byte-exact: reset, high-precision measurement, serial")
    func byteExactFrames() async throws {
        let bus = ScriptedBus()
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        bus.expectWrite(address, [0x94])
        bus.expectWrite(address, [0xFD])
        bus.expectRead(address, reply: [0x66, 0x66, 0x93, 0x80, 0x00, 0xA2])
        bus.expectWrite(address, [0x89])
        bus.expectRead(address, reply: [0x0E, 0x5A, 0x0C, 0x1C, 0x3B, 0x13].withFixedCRCs())
        let sensor = SHT4x(id: "air", bus: bus, clock: clock)
        try await sensor.start()
        let readings = try await sensor.sample()
        #expect(clock.now() == MonotonicInstant.zero + .milliseconds(20))
        #expect(abs(try #require(readings.value(.temperature)) - 25) < 0.01)
        let identity = try await sensor.identify()
        #expect(identity.serial == "0E5A1C3B")
        bus.verify()
    }

    @Test("against the twin: values match the weather within the chip's resolution", arguments: [SHT4x.Precision.high, .medium, .low])
    func matchesTwin(precision: SHT4x.Precision) async throws {
        let bench = SimulationBench()
        let weather = DiurnalWeather(seed: 7)
        bench.bus.attach(SHT4xTwin(weather: weather), at: address)
        let sensor = SHT4x(id: "air", bus: bench.bus, clock: bench.clock, precision: precision)
        try await sensor.start()
        for _ in 0..<5 {
            bench.advance(by: .seconds(3600))
            let measuredAt = bench.clock.now()
            let readings = try await sensor.sample()
            #expect(abs(try #require(readings.value(.temperature)) - weather.temperature(at: measuredAt)) < 0.01)
            #expect(abs(try #require(readings.value(.relativeHumidity)) - weather.relativeHumidity(at: measuredAt)) < 0.01)
        }
    }

    @Test("reading before the measurement time is NACKed by the twin")
    func twinNacksWhileBusy() throws {
        let bench = SimulationBench()
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: 20, humidity: 50)), at: address)
        try bench.bus.write(address, [0xFD])
        bench.advance(by: .milliseconds(9))
        #expect(throws: I2CError.self) { try bench.bus.read(address, count: 6) }
        bench.advance(by: .milliseconds(1))
        let measurement = try SHT4xMeasurement(decoding: try bench.bus.read(address, count: 6))
        #expect(abs(measurement.temperature - 20) < 0.01)
    }

    @Test("under every fault the driver throws, and reads again once it is cleared", arguments: readFailingFaults)
    func faultAndRecovery(fault: Fault) async throws {
        let bench = SimulationBench()
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: 21.5, humidity: 40)), at: address)
        let sensor = SHT4x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        await #expect(throws: SensorError.self) { try await sensor.sample() }
        bench.bus.setFault(fault, false, at: address)
        let readings = try await sensor.sample()
        #expect(abs(try #require(readings.value(.temperature)) - 21.5) < 0.01)
    }

    @Test("not-ready is reported as notReady, not as a wiring fault")
    func notReadyIsNamed() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: 21.5, humidity: 40)), at: address)
        let sensor = SHT4x(id: "air", bus: bench.bus, clock: bench.clock)
        bench.bus.setFault(.notReady, at: address)
        await #expect(throws: SensorError.notReady) { try await sensor.sample() }
    }

    @Test("after a brown-out the next sample reads correctly")
    func survivesPowerCycle() async throws {
        let bench = SimulationBench()
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: -3.25, humidity: 88)), at: address)
        let sensor = SHT4x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.powerCycle(at: address)
        bench.advance(by: .milliseconds(2))
        let readings = try await sensor.sample()
        #expect(abs(try #require(readings.value(.temperature)) + 3.25) < 0.01)
        #expect(abs(try #require(readings.value(.relativeHumidity)) - 88) < 0.01)
    }
}

extension Array where Element == UInt8 {
    /// Replaces every third byte with the Sensirion CRC of the two before it.
    func withFixedCRCs() -> [UInt8] {
        var bytes = self
        for index in stride(from: 0, to: bytes.count - 2, by: 3) {
            bytes[index + 2] = sensirionCRC8(bytes[index..<index + 2])
        }
        return bytes
    }
}
