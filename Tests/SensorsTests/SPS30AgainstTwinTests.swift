import Hardware
import Sensors
import Simulator
import Testing

/// The SPS30 driver against its register-level twin: values, faults, recovery.
@Suite("SPS30 driver against the twin")
struct SPS30AgainstTwinTests {
    let address: I2CAddress = 0x69
    let clock = VirtualClock(start: WallTime(iso8601: "2026-06-01T07:00:00Z")!)
    let bus: SimulatedI2CBus
    let twin: SPS30Twin
    let driver: SPS30

    init() {
        bus = SimulatedI2CBus(name: "sim", clock: clock)
        twin = SPS30Twin(air: UrbanAirScenario(seed: 11), clock: clock, serialNumber: "SIM42")
        bus.attach(twin, at: address)
        driver = SPS30(id: "pm", bus: bus, clock: clock)
    }

    /// Advances a second and samples, as the scheduler does.
    func tick() async throws -> [Reading] {
        clock.advance(by: .seconds(1))
        return try await driver.sample()
    }

    @Test func valuesMatchTheScenarioWithinFloatPrecision() async throws {
        try await driver.start()
        for _ in 0..<40 { _ = try await tick() }
        let readings = try await tick()
        let truth = twin.trueValues(at: clock.now())
        #expect(readings.count == 10)
        for (reading, expected) in zip(readings, truth) {
            #expect(abs(reading.value - expected) <= abs(expected) * 1e-6)
            #expect(!reading.quality.contains(.warmUp))
        }
    }

    @Test func firstSecondsAreFlaggedWarmUp() async throws {
        try await driver.start()
        let first = try await tick()
        #expect(first.allSatisfy { $0.quality.contains(.warmUp) })
    }

    @Test func identityFromTheTwin() async throws {
        #expect(try await driver.identify() == SensorIdentity(product: "00080000", serial: "SIM42", firmware: "2.2"))
    }

    @Test func startWakesASleepingChip() async throws {
        try bus.write(address, [0x10, 0x01])
        #expect(twin.mode == .sleep)
        try await driver.start()
        #expect(try await tick().count == 10)
    }

    @Test("a fault is reported while active and the driver reads again once it clears",
          arguments: [Fault.unplugged, .nackOnData, .crcCorruption, .busTimeout, .shortRead, .notReady])
    func faultReportedThenCleared(fault: Fault) async throws {
        try await driver.start()
        _ = try await tick()
        bus.setFault(fault, at: address)
        var error: (any Error)?
        for _ in 0..<5 where error == nil {
            do { _ = try await tick() } catch let caught { error = caught }
        }
        let reported = try #require(error)
        switch fault {
        case .unplugged: #expect(SensorError(reported).isNoAcknowledge)
        case .crcCorruption, .shortRead:
            guard case .crcMismatch = SensorError(reported) else { Issue.record("\(reported)"); break }
        case .notReady: #expect(SensorError(reported) == .notReady)
        // Like every driver, the SPS30 reports bus failures as SensorError.bus with the I2CError kept.
        case .busTimeout:
            guard case .bus(let error) = SensorError(reported) else { Issue.record("\(reported)"); break }
            #expect(error.kind == .timeout)
        default:
            guard case .bus(let error) = SensorError(reported) else { Issue.record("\(reported)"); break }
            #expect(error.kind == .noAcknowledge(.data))
        }
        bus.clearFaults(at: address)
        #expect(try await tick().count == 10)
    }

    @Test func frozenValuesRepeatExactly() async throws {
        try await driver.start()
        for _ in 0..<10 { _ = try await tick() }
        bus.setFault(.frozenValue, at: address)
        let first = try await tick().map(\.value)
        for _ in 0..<5 { #expect(try await tick().map(\.value) == first) }
        bus.clearFaults(at: address)
        #expect(try await tick().map(\.value) != first)
    }

    @Test func silentResetIsDetectedAndRecovered() async throws {
        try await driver.start()
        _ = try await tick()
        bus.powerCycle(at: address)  // brown-out: measurement stopped, nothing says so
        await #expect(throws: SensorError.notReady) {
            for _ in 0..<5 { _ = try await tick() }
        }
        try await driver.recover()
        #expect(try await tick().count == 10)
    }

    @Test func statusBitsBecomeQualityFlags() async throws {
        twin.setStatusBits(1 << 5)
        try await driver.start()
        let readings = try await tick()
        #expect(readings.allSatisfy { $0.quality.contains(.laserError) })
        #expect(driver.lastStatus == .laserFailure)
    }

    @Test func aShortFanStallIsFlaggedWhileItLastsNotForEver() async throws {
        twin.setStatusBits(1 << 4)  // fan stopped: bit 4 latches in the register
        try await driver.start()
        #expect(try await tick().allSatisfy { $0.quality.contains(.fanError) })
        twin.setStatusBits(1 << 4, false)  // it turns again
        for _ in 0..<60 { _ = try await tick() }  // the next status read, a minute later
        #expect(try await tick().allSatisfy { !$0.quality.contains(.fanError) })
    }

    @Test func fanCleaningFlagsReadingsForTenSeconds() async throws {
        try await driver.start()
        for _ in 0..<10 { _ = try await tick() }
        try await driver.startFanCleaning()
        #expect(try await tick().allSatisfy { $0.quality.contains(.fanCleaning) })
        for _ in 0..<10 { _ = try await tick() }
        #expect(try await tick().allSatisfy { !$0.quality.contains(.fanCleaning) })
    }
}
