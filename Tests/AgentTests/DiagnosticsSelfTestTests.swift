#if canImport(Glibc)
import Glibc
#endif
import Agent
import Hardware
import Sensors
import Simulator
import Testing

/// The built-in box on a freshly wired simulated board, on a virtual clock a second after power-on.
private func simulatedBox(seed: UInt64 = 1) throws -> (BoxConfig, BoardConfig, SimulatedHardware, VirtualClock) {
    let (box, board) = try ConfigLoader.loadBuiltIn()
    let clock = VirtualClock(start: june1)
    let hardware = SimulatedHardware(board: board, clock: clock, seed: seed)
    hardware.wire(box)
    clock.advance(by: .seconds(1))
    return (box, board, hardware, clock)
}

private func selfTest(
    _ box: BoxConfig, _ board: BoardConfig, on hardware: any HardwareBackend, stateDirectory: String? = nil
) async -> SelfTestReport {
    let state = stateDirectory ?? temporaryDirectory("sensorbox-selftest")
    defer { if stateDirectory == nil { removeTree(state) } }
    return await SelfTest.run(box: box, board: board, hardware: hardware, stateDirectory: state)
}

/// The I2C sensors of the built-in box that `wire` puts twins behind (not the footfall ones).
private let wiredSensors = ["pm", "climate", "soil-a", "soil-b"]

@Suite("selftest")
struct DiagnosticsSelfTestTests {
    @Test func builtInBoxPassesOnTheSimulatedBoard() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        let report = await selfTest(box, board, on: hardware)
        for name in ["bus i2c-1 opens", "GPIO chip main exists", "journal directory writable"] {
            #expect(report.check(named: name)?.passed == true, "\(name): \(report.check(named: name)?.detail ?? "missing")")
        }
        for id in wiredSensors {
            let check = try #require(report.check(sensor: id))
            #expect(check.passed, "\(id): \(check.detail)")
            #expect(check.failedAttempts == 0)
        }
        #expect(report.check(sensor: "pm")?.detail.contains("SPS30 serial SPS") == true)
        #expect(report.checks.count == 3 + box.sensors.count)
    }

    @Test func thermalCounterPassesWithAPlausibleFrame() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        let bus = try #require(hardware.simulatedBus(named: "i2c-1"))
        bus.detach(at: 0x68)
        bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 18, sensorTemperature: 24)), at: 0x68)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "footfall-thermal"))
        #expect(check.passed, "\(check.detail)")
        #expect(check.detail.contains("AMG8833"))
    }

    /// The self-test's check of the thermal counter, with the AMG8833 twin looking at `scene`.
    func thermalCheck(looking scene: UniformThermalScene) async throws -> SelfTestCheck {
        let (box, board, hardware, _) = try simulatedBox()
        let bus = try #require(hardware.simulatedBus(named: "i2c-1"))
        bus.detach(at: 0x68)
        bus.attach(AMG8833Twin(scene: scene), at: 0x68)
        return try #require(await selfTest(box, board, on: hardware).check(sensor: "footfall-thermal"))
    }

    @Test func thermalCounterFailsOnAFrameOutOfRange() async throws {
        let check = try await thermalCheck(
            looking: UniformThermalScene(background: 18, sensorTemperature: 24, hotPixels: [[3, 3]], hotTemperature: 120))
        #expect(!check.passed)
        #expect(check.detail.contains("implausible frame"))
        #expect(check.detail.contains("1 of 64 pixels"))
        #expect(!check.detail.contains("120"))
    }

    @Test("the thermal self-test says the frame is plausible, never a pixel's value")
    func thermalSelfTestTellsNoPixel() async throws {
        let check = try await thermalCheck(
            looking: UniformThermalScene(background: 17.75, sensorTemperature: 24, hotPixels: [[3, 3]], hotTemperature: 36.5))
        #expect(check.passed)
        #expect(check.detail.contains("all 64 pixels within"))
        #expect(!check.detail.contains("17.75") && !check.detail.contains("17.8") && !check.detail.contains("36.5"))
    }

    @Test(arguments: wiredSensors)
    func unpluggedSensorFailsAndTheOthersStillPass(_ id: String) async throws {
        let (box, board, hardware, _) = try simulatedBox()
        try hardware.inject(.fault(.unplugged), into: id, of: box)
        let report = await selfTest(box, board, on: hardware)
        let check = try #require(report.check(sensor: id))
        #expect(!check.passed)
        #expect(check.detail.contains("no acknowledge"))
        #expect(!report.passed)
        for other in wiredSensors where other != id {
            #expect(report.check(sensor: other)?.passed == true, "\(other) after \(id) was unplugged")
        }
    }

    @Test func humiditySensorWhereTheParticleSensorIsConfiguredFailsIdentity() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        let bus = try #require(hardware.simulatedBus(named: "i2c-1"))
        bus.detach(at: 0x69)
        bus.attach(SHT4xTwin(weather: DiurnalWeather(seed: 3)), at: 0x69)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "pm"))
        #expect(!check.passed)
        #expect(check.detail.hasPrefix("identity: "))
        #expect(check.detail.contains("SPS30"))
    }

    @Test func particleSensorWithAnotherProductTypeFailsIdentity() async throws {
        let (box, board, hardware, clock) = try simulatedBox()
        let bus = try #require(hardware.simulatedBus(named: "i2c-1"))
        bus.detach(at: 0x69)
        bus.attach(SPS30Twin(air: UrbanAirScenario(seed: 3), clock: clock, productType: "00080001"), at: 0x69)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "pm"))
        #expect(!check.passed)
        #expect(check.detail.hasPrefix("identity: "))
        #expect(check.detail.contains("00080001"))
    }

    @Test func wrongIdentityInjectionFailsTheSensor() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        try hardware.inject(.wrongIdentity, into: "climate", of: box)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "climate"))
        #expect(!check.passed)
        #expect(check.detail.hasPrefix("identity: "))
    }

    @Test func checksumErrorsOnEveryReadFailWithTheCount() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        try hardware.inject(.fault(.crcCorruption), into: "soil-a", of: box)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "soil-a"))
        #expect(!check.passed)
        #expect(check.failedAttempts == 5)
        #expect(check.detail.contains("no reading in 5 attempts"))
    }

    @Test func checksumErrorOnTheSerialNumberIsNamed() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        try hardware.inject(.fault(.crcCorruption), into: "climate", of: box)
        let check = try #require(await selfTest(box, board, on: hardware).check(sensor: "climate"))
        #expect(!check.passed)
        #expect(check.detail.hasPrefix("identity: "))
        #expect(check.detail.contains("CRC mismatch"))
    }

    @Test func journalDirectoryThatCannotBeCreatedFails() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        let state = temporaryDirectory("sensorbox-selftest")
        defer { removeTree(state) }
        // A file where the journal directory should be: mkdir and every file in it fail.
        try #require(system("touch '\(state)/journal'") == 0)
        let report = await selfTest(box, board, on: hardware, stateDirectory: state)
        let check = try #require(report.check(named: "journal directory writable"))
        #expect(!check.passed)
        #expect(check.detail.contains("\(state)/journal"))
        #expect(!report.passed)
    }

    @Test func writableJournalDirectoryIsLeftWithoutTheProbeFile() async throws {
        let (box, board, hardware, _) = try simulatedBox()
        let state = temporaryDirectory("sensorbox-selftest")
        defer { removeTree(state) }
        let report = await selfTest(box, board, on: hardware, stateDirectory: state + "/new/state")
        #expect(report.check(named: "journal directory writable")?.passed == true)
        #expect(access(state + "/new/state/journal", F_OK) == 0)
        #expect(access(state + "/new/state/journal/.selftest-probe", F_OK) != 0)
    }

    @Test func missingBusFailsTheBusAndItsSensors() async throws {
        let (box, board) = try ConfigLoader.loadBuiltIn()
        var busless = board
        busless.i2cBuses = []
        let hardware = SimulatedHardware(board: busless, clock: VirtualClock(start: june1), seed: 1)
        let report = await selfTest(box, board, on: hardware)
        let bus = try #require(report.check(named: "bus i2c-1 opens"))
        #expect(!bus.passed)
        let pm = try #require(report.check(sensor: "pm"))
        #expect(!pm.passed)
        #expect(pm.detail.contains("bus i2c-1 does not open"))
    }
}
