import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("PMSA003I")
struct PMSA003ITests {
    let address = I2CAddress(0x12 as UInt8)
    /// docs/sensors.md example frame.
    static let exampleFrame: [UInt8] = [
        0x42, 0x4D, 0x00, 0x1C, 0x00, 0x05, 0x00, 0x08, 0x00, 0x0A, 0x00, 0x05, 0x00, 0x08, 0x00, 0x0A,
        0x04, 0xB0, 0x01, 0x5E, 0x00, 0x3C, 0x00, 0x08, 0x00, 0x02, 0x00, 0x01, 0x97, 0x00, 0x02, 0xCA,
    ]

    @Test("decodes the datasheet example frame")
    func decodesExample() throws {
        let frame = try PMSA003IFrame(decoding: Self.exampleFrame)
        #expect(frame.atmospheric == .init(pm1_0: 5, pm2_5: 8, pm10: 10))
        #expect(frame.standard == .init(pm1_0: 5, pm2_5: 8, pm10: 10))
        #expect(frame.particleCounts == [1200, 350, 60, 8, 2, 1])
        #expect(frame.version == 0x97)
        #expect(pmsa003iChecksum(Self.exampleFrame[0..<30]) == 0x02CA)
    }

    @Test("rejects a bad header, a wrong length, a bad checksum; zeros are not-ready", arguments: [
        (0, 0x43, "header"), (3, 0x1D, "length"), (31, 0xCB, "checksum"),
    ] as [(Int, UInt8, String)])
    func rejectsBrokenFrames(index: Int, byte: UInt8, what: String) {
        var bytes = Self.exampleFrame
        bytes[index] = byte
        #expect(throws: SensorError.self) { try PMSA003IFrame(decoding: bytes) }
        #expect(throws: SensorError.notReady) { try PMSA003IFrame(decoding: Array(repeating: 0, count: 32)) }
    }

    @Test("byte-exact: a plain 32-byte read, or register 0 then read", arguments: [false, true])
    func byteExact(selectsRegisterZero: Bool) async throws {
        let bus = ScriptedBus()
        if selectsRegisterZero {
            bus.expectWriteRead(address, [0x00], reply: Self.exampleFrame)
        } else {
            bus.expectRead(address, reply: Self.exampleFrame)
        }
        let sensor = PMSA003I(id: "pm", bus: bus, clock: VirtualClock(start: WallTime(secondsSinceEpoch: 0)), selectsRegisterZero: selectsRegisterZero)
        let readings = try await sensor.sample()
        #expect(readings.map(\.value) == [5, 8, 10])
        bus.verify()
    }

    @Test("sluggish after power-up: samples give nothing (no error, no wait) until a valid frame, then values match", arguments: [false, true])
    func sluggishStart(selectsRegisterZero: Bool) async throws {
        let bench = SimulationBench()
        let air = ParticulateSource.urban(UrbanAirScenario(seed: 5), clock: bench.clock)
        bench.bus.attach(PMSA003ITwin(air: air, poweredOnAt: bench.clock.now()), at: address)
        let sensor = PMSA003I(id: "pm", bus: bench.bus, clock: bench.clock, selectsRegisterZero: selectsRegisterZero)
        let before = bench.clock.now()
        try await sensor.start()
        #expect(bench.clock.now() == before)  // start does not block the scheduler
        var readings: [Reading] = []
        var emptyTicks = 0
        while readings.isEmpty, emptyTicks < 10 {
            readings = try await sensor.sample()
            if readings.isEmpty {
                emptyTicks += 1
                bench.advance(by: .seconds(1))
            }
        }
        #expect(emptyTicks >= 3)  // the twin's sluggish period
        let second = MonotonicInstant(nanoseconds: bench.clock.now().nanoseconds / 1_000_000_000 * 1_000_000_000)
        #expect(abs(try #require(readings.value(.massConcentrationPM2_5)) - air.sample(at: second).mass.pm2_5) <= 0.5)
    }

    // A NACK on data needs a data byte: only the register-0 variant writes one.
    @Test("under every fault the driver throws, and reads again once it is cleared",
          arguments: readFailingFaults.map { ($0, true) } + readFailingFaults.filter { $0 != .nackOnData }.map { ($0, false) })
    func faultAndRecovery(fault: Fault, selectsRegisterZero: Bool) async throws {
        let bench = SimulationBench()
        bench.advance(by: .seconds(5))
        bench.bus.attach(PMSA003ITwin(air: .constant(pm2_5: 14)), at: address)
        let sensor = PMSA003I(id: "pm", bus: bench.bus, clock: bench.clock, selectsRegisterZero: selectsRegisterZero)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        #expect(await bench.firstError(from: sensor) != nil)
        bench.bus.setFault(fault, false, at: address)
        let readings = try await bench.firstReadings(from: sensor)
        #expect(readings.value(.massConcentrationPM2_5) == 14)
    }

    @Test("after a brown-out the driver's retries ride out the sluggish start by themselves")
    func brownOut() async throws {
        let bench = SimulationBench()
        bench.advance(by: .seconds(5))
        bench.bus.attach(PMSA003ITwin(air: .constant(pm2_5: 14)), at: address)
        let sensor = PMSA003I(id: "pm", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.powerCycle(at: address)
        var readings: [Reading] = []
        for _ in 0..<4 where readings.isEmpty {
            bench.advance(by: .seconds(1))
            readings = try await sensor.sample()  // sluggish frames give nothing, not an error
        }
        #expect(readings.value(.massConcentrationPM2_5) == 14)
    }
}
