import Hardware
import Sensors
import Simulator
import Testing

/// Byte-exact frames of the SPS30 driver against a scripted bus.
@Suite("SPS30 frames")
struct SPS30FrameTests {
    let address: I2CAddress = 0x69
    let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 1_780_000_000))

    var startSequence: [ScriptedBus.Step] {
        [
            .write(address, [0xD3, 0x04]),                  // device reset
            .write(address, [0x01, 0x04]),                  // stop measurement
            .write(address, [0xD1, 0x00]),                  // firmware version pointer…
            .read(address, [0x02, 0x02, sensirionCRC8([0x02, 0x02])]),  // …2.2
            .write(address, [0x00, 0x10, 0x03, 0x00, 0xAC]),  // start measurement, float
        ]
    }

    @Test func startResetsStopsReadsFirmwareAndStartsFloatMode() async throws {
        let bus = ScriptedBus(startSequence)
        let sps30 = SPS30(id: "pm", bus: bus, clock: clock)
        try await sps30.start()
        bus.verify()
        // reset 100 ms + 400 ms settle + stop 20 ms + start 20 ms, all on the injected clock
        #expect(clock.now() == MonotonicInstant.zero.advanced(by: .milliseconds(540)))
    }

    @Test func sampleReadsStatusThenDataReadyThenValues() async throws {
        let bus = ScriptedBus(startSequence + [
            .write(address, [0xD2, 0x06]),
            .read(address, [0x00, 0x20, 0x07, 0x00, 0x00, 0x81]),   // status: bit 21 fan speed
            .write(address, [0x02, 0x02]),
            .read(address, [0x00, 0x01, 0xB0]),                     // data ready
            .write(address, [0x03, 0x00]),
            .read(address, SPS30DecodingTests.answer),
        ])
        let sps30 = SPS30(id: "pm", bus: bus, clock: clock)
        try await sps30.start()
        let readings = try await sps30.sample()
        bus.verify()
        #expect(readings.count == 10)
        let pm25 = try #require(readings.first { $0.quantity == .massConcentrationPM2_5 })
        #expect(abs(pm25.value - 1.11157) < 1e-5)
        #expect(pm25.unit == .microgramsPerCubicMetre)
        #expect(pm25.quality.contains(.fanError))
        #expect(pm25.quality.contains(.warmUp))  // 9 particles/cm³: 30 s until stable
        #expect(sps30.lastStatus == .fanSpeedWarning)
    }

    @Test func notReadyIsNoReadingThenAnErrorAfterRepeatedPolls() async throws {
        let notReady: [ScriptedBus.Step] = [.write(address, [0x02, 0x02]), .read(address, [0x00, 0x00, 0x81])]
        let bus = ScriptedBus(startSequence + [
            .write(address, [0xD2, 0x06]), .read(address, [0x00, 0x00, 0x81, 0x00, 0x00, 0x81]),
        ] + notReady + notReady + notReady + notReady)
        let sps30 = SPS30(id: "pm", bus: bus, clock: clock)
        try await sps30.start()
        for _ in 0..<3 { #expect(try await sps30.sample().isEmpty) }
        await #expect(throws: SensorError.notReady) { try await sps30.sample() }
        bus.verify()
    }

    @Test func sleepingChipIsWokenTwiceThenReset() async throws {
        let bus = ScriptedBus([
            .failingWrite(address, [0xD3, 0x04], .noAcknowledge(.address)),  // asleep: interface off
            .failingWrite(address, [0x11, 0x03], .noAcknowledge(.address)),  // first wake-up: NACKed by design
            .write(address, [0x11, 0x03]),                                    // second wake-up
        ] + startSequence)
        try await SPS30(id: "pm", bus: bus, clock: clock).start()
        bus.verify()
    }

    @Test func identityFrames() async throws {
        let serial = sensirionFrame(sensirionStringWords("ABCD1234", words: 16))
        let bus = ScriptedBus([
            .write(address, [0xD0, 0x02]),
            .read(address, [0x30, 0x30, 0xF6, 0x30, 0x38, 0x4F, 0x30, 0x30, 0xF6, 0x30, 0x30, 0xF6]),
            .write(address, [0xD0, 0x33]), .read(address, serial),
            .write(address, [0xD1, 0x00]), .read(address, [0x02, 0x02, sensirionCRC8([0x02, 0x02])]),
        ])
        let identity = try await SPS30(id: "pm", bus: bus, clock: clock).identify()
        bus.verify()
        #expect(identity == SensorIdentity(product: "00080000", serial: "ABCD1234", firmware: "2.2"))
    }

    @Test func fanCleaningCommandFrame() async throws {
        let bus = ScriptedBus([.write(address, [0x56, 0x07])])
        let sps30 = SPS30(id: "pm", bus: bus, clock: clock)
        try await sps30.startFanCleaning()
        bus.verify()
    }

    @Test func autoCleaningIntervalFrame() async throws {
        let bus = ScriptedBus([.write(address, [0x80, 0x04, 0x00, 0x09, 0x09, 0x3A, 0x80, 0xA7])])
        try await SPS30(id: "pm", bus: bus, clock: clock).setAutoCleaningInterval(604_800)
        bus.verify()
    }
}
