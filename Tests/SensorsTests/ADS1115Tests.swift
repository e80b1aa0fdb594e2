import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("ADS1115 soil probe")
struct ADS1115Tests {
    let address = I2CAddress(0x48 as UInt8)
    let calibration = SoilProbeCalibration(dryVoltage: 2.8, wetVoltage: 1.2, wetContent: 50)

    @Test("datasheet vector: AIN0 ±4.096 V 128 SPS single-shot → 0xC383; raw 0x4000 = 2.048 V")
    func configAndVolts() {
        #expect(ads1115SingleShotConfig(input: .ain0, gain: .fullScale4_096, dataRate: .sps128) == 0xC383)
        #expect(ads1115Volts(raw: 0x4000, gain: .fullScale4_096) == 2.048)
        #expect(ads1115Volts(raw: -32768, gain: .fullScale0_256) == -0.256)
    }

    @Test("gains are found by their full scale, as a config writes them")
    func gainByFullScale() {
        #expect(ADS1115Gain(fullScale: 4.096) == .fullScale4_096)
        #expect(ADS1115Gain(fullScale: 0.256) == .fullScale0_256)
        #expect(ADS1115Gain(fullScale: 5.0) == nil)
    }

    @Test("config word per channel, gain and rate", arguments: [
        (ADS1115Input.ain3, ADS1115Gain.fullScale6_144, ADS1115DataRate.sps8, UInt16(0xF103)),
        (.ain1, .fullScale0_256, .sps860, 0xDBE3),
        (.ain2, .fullScale2_048, .sps250, 0xE5A3),
    ])
    func configWords(input: ADS1115Input, gain: ADS1115Gain, rate: ADS1115DataRate, expected: UInt16) {
        #expect(ads1115SingleShotConfig(input: input, gain: gain, dataRate: rate) == expected)
    }

    @Test("two-point calibration: linear between the points, clamped and flagged beyond", arguments: [
        (2.8, 0.0, false), (1.2, 50.0, false), (2.0, 25.0, false), (3.1, 0.0, true), (-2.0, 100.0, true),
    ])
    func calibrationMaths(volts: Double, percent: Double, outOfRange: Bool) {
        let result = calibration.waterContent(volts: volts)
        #expect(abs(result.percent - percent) < 1e-9)
        #expect(result.outOfRange == outOfRange)
    }

    @Test("a calibration with one voltage twice is invalid and flags every reading instead of dividing by zero")
    func invalidCalibration() {
        let broken = SoilProbeCalibration(dryVoltage: 2, wetVoltage: 2)
        #expect(!broken.isValid)
        #expect(broken.waterContent(volts: 2) == (0, true))
    }

    @Test("byte-exact: config write, wait 1/SPS, poll OS, read conversion")
    func byteExact() async throws {
        let bus = ScriptedBus()
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        bus.expectWriteRead(address, [0x01], reply: [0x85, 0x83])
        bus.expectWrite(address, [0x01, 0xC3, 0x83])
        bus.expectWriteRead(address, [0x01], reply: [0x43, 0x83])  // still converting
        bus.expectWriteRead(address, [0x01], reply: [0xC3, 0x83])
        bus.expectWriteRead(address, [0x00], reply: [0x40, 0x00])
        let sensor = ADS1115SoilProbe(id: "soil", bus: bus, clock: clock, calibration: calibration)
        try await sensor.start()
        let readings = try await sensor.sample()
        #expect(readings.value(.voltage) == 2.048)
        #expect(abs(try #require(readings.value(.soilMoisture)) - 23.5) < 1e-9)
        #expect(clock.now() == MonotonicInstant.zero + .nanoseconds(7_813_000 + 1_953_250))
        bus.verify()
    }

    @Test("against the twin: the probe voltage of the drying soil, per channel and gain", arguments: [
        (ADS1115Input.ain0, ADS1115Gain.fullScale4_096, ADS1115DataRate.sps128), (.ain3, .fullScale6_144, .sps8), (.ain1, .fullScale4_096, .sps860),
    ])
    func matchesTwin(input: ADS1115Input, gain: ADS1115Gain, rate: ADS1115DataRate) async throws {
        let channel = input.rawValue
        let bench = SimulationBench()
        let probe = SoilProbeInput(soil: SoilDrying(seed: 11))
        bench.bus.attach(ADS1115Twin(inputs: [channel: probe.input, (channel + 1) % 4: { _ in 0.5 }]), at: address)
        let sensor = ADS1115SoilProbe(id: "soil", bus: bench.bus, clock: bench.clock, input: input, gain: gain, dataRate: rate, calibration: calibration)
        try await sensor.start()
        for _ in 0..<3 {
            bench.advance(by: .seconds(86_400))
            let startedAt = bench.clock.now()
            let readings = try await sensor.sample()
            let expected = probe.voltage(at: startedAt.advanced(by: rate.conversionTime))
            let lsb = gain.fullScale / 32768
            #expect(abs(try #require(readings.value(.voltage)) - expected) <= lsb)
            let percent = probe.soil.waterContent(at: startedAt)
            #expect(abs(try #require(readings.value(.soilMoisture)) - percent) < 0.05)
        }
    }

    @Test("the twin resets its config to 0x8583")
    func twinResetValue() throws {
        let bench = SimulationBench()
        bench.bus.attach(ADS1115Twin(inputs: [:]), at: address)
        #expect(try bench.bus.writeRead(address, [0x01], readCount: 2) == [0x85, 0x83])
    }

    @Test("under every fault the driver throws, and reads again once it is cleared", arguments: readFailingFaults)
    func faultAndRecovery(fault: Fault) async throws {
        let bench = SimulationBench()
        bench.bus.attach(ADS1115Twin(inputs: [0: { _ in 2.0 }]), at: address)
        let sensor = ADS1115SoilProbe(id: "soil", bus: bench.bus, clock: bench.clock, calibration: calibration)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        #expect(await bench.firstError(from: sensor) != nil)
        bench.bus.setFault(fault, false, at: address)
        #expect(try await bench.firstReadings(from: sensor).value(.voltage) == 2.0)
    }

    @Test("a brown-out resets the config; the next sample writes it again and reads correctly")
    func brownOut() async throws {
        let bench = SimulationBench()
        let twin = ADS1115Twin(inputs: [0: { _ in 1.5 }])
        bench.bus.attach(twin, at: address)
        let sensor = ADS1115SoilProbe(id: "soil", bus: bench.bus, clock: bench.clock, calibration: calibration)
        _ = try await sensor.sample()
        bench.bus.powerCycle(at: address)
        #expect(twin.config == 0x8583)
        #expect(try await sensor.sample().value(.voltage) == 1.5)
    }
}
