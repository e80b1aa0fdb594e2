import Aggregation
import Agent
import Hardware
import Journal
import Sensors
import Simulator
import Testing
import Uplink

/// The pipeline end to end on the simulated bus: SPS30 twin → driver → windows → journal → uplink.
@Suite("Box agent pipeline")
struct BoxAgentTests {
    let clock = VirtualClock(start: WallTime(iso8601: "2026-06-01T08:00:00Z")!)
    let bus: SimulatedI2CBus
    let journal = MemoryJournal(cursors: ["stdout", "kept"])  // "kept" never acknowledges: the test reads everything
    let sink = MemoryLineSink()
    let agent: BoxAgent
    let address: I2CAddress = 0x69

    init() {
        bus = SimulatedI2CBus(name: "sim-i2c-1", clock: clock)
        bus.attach(SPS30Twin(air: UrbanAirScenario(seed: 5), clock: clock), at: address)
        agent = BoxAgent(
            boxID: "test-box", clock: clock, sensors: [SPS30(id: "pm", bus: bus, clock: clock)],
            windows: ["pm": 60], journal: journal,
            uplinks: [LineProtocolUplink(boxID: "test-box", sink: sink)], logger: quietLogger)
    }

    func run(for duration: Duration) async {
        await agent.run(until: clock.now().advanced(by: duration))
    }

    func aggregates() throws -> [Aggregate] {
        try journal.readUnacknowledged(cursor: "kept", limit: .max).compactMap { if case .aggregate(let a) = $0.payload { a } else { nil } }
    }

    func healthKinds() throws -> [String] {
        try journal.readUnacknowledged(cursor: "kept", limit: .max).compactMap { if case .health(let h) = $0.payload { h.kind } else { nil } }
    }

    @Test func minuteWindowsWithStatistics() async throws {
        await run(for: .seconds(300))
        let pm25 = try aggregates().filter { $0.quantity == .massConcentrationPM2_5 }
        #expect(pm25.count == 5)
        for (index, window) in pm25.enumerated() {
            #expect(window.windowStart == WallTime(iso8601: "2026-06-01T08:00:00Z")! + .seconds(60 * index))
            #expect(window.windowSeconds == 60)
            #expect(window.minimum <= window.mean && window.mean <= window.maximum)
            #expect(window.timeSynchronized)
        }
        // Start-up (reset, stop, start) takes 0.54 s and the first value is ready a second later,
        // so the 1 s samples at 0 s and 1 s find nothing: 58 readings in the first minute.
        #expect(pm25.map(\.count) == [58, 60, 60, 60, 60])
        #expect(pm25[1].coverageSeconds == 60)
        #expect(pm25[0].quality.contains(.warmUp))
        #expect(!pm25[2].quality.contains(.warmUp))
        #expect(sink.lines.count(where: { $0.hasPrefix("pm2_5,box=test-box,sensor=pm,unit=ug/m3,window=60s mean=") }) == 5)
        #expect(try journal.acknowledgedSequence(cursor: "stdout") == journal.lastSequence)
    }

    @Test("every injected fault: reported, the agent keeps running, readings resume once it clears",
          arguments: [Fault.unplugged, .nackOnData, .crcCorruption, .notReady, .busTimeout, .shortRead])
    func faultAndRecovery(fault: Fault) async throws {
        await run(for: .seconds(120))
        bus.setFault(fault, at: address)
        await run(for: .seconds(30))
        bus.clearFaults(at: address)
        await run(for: .seconds(150))
        let kinds = try healthKinds()
        #expect(kinds.contains("sensor.failed"))
        #expect(kinds.contains("sensor.recovered"))
        let health = try #require(agent.sensorHealth.first)
        #expect(health.state == .running)
        #expect(health.totalErrors > 0)
        let pm25 = try aggregates().filter { $0.quantity == .massConcentrationPM2_5 }
        #expect(pm25.count == 5)
        let faulty = pm25[2]  // 08:02 – 08:03 held the fault
        #expect(faulty.coverageSeconds < 60)
        #expect(faulty.quality.contains(.degraded))
        #expect(pm25[4].count == 60)
    }

    @Test func silentChipResetIsRecoveredWithoutRestartingTheAgent() async throws {
        await run(for: .seconds(90))
        bus.powerCycle(at: address)
        await run(for: .seconds(90))
        let health = try #require(agent.sensorHealth.first)
        #expect(health.recoveries >= 1)
        #expect(health.state == .running)
        let last = try #require(try aggregates().last { $0.quantity == .massConcentrationPM2_5 })
        #expect(last.windowStart == WallTime(iso8601: "2026-06-01T08:02:00Z")!)
        #expect(last.count > 40)
    }

    @Test func unpluggedAtStartIsRetriedWithBackoffAndJoinsLater() async throws {
        bus.setFault(.unplugged, at: address)
        await run(for: .seconds(60))
        let failures = try #require(agent.sensorHealth.first).totalErrors
        #expect(failures < 10)  // backoff: not 60 attempts in a minute
        bus.clearFaults(at: address)
        await run(for: .seconds(180))
        #expect(try #require(agent.sensorHealth.first).state == .running)
        #expect(try aggregates().contains { $0.windowStart == WallTime(iso8601: "2026-06-01T08:03:00Z")! })
    }
}

@Suite("Box agent when the journal refuses appends")
struct BoxAgentDiskFullTests {
    @Test func recordsWaitBoundedAndTheLossIsReported() async throws {
        let clock = VirtualClock(start: WallTime(iso8601: "2026-06-01T08:00:00Z")!)
        let bus = SimulatedI2CBus(name: "sim-i2c-1", clock: clock)
        bus.attach(SPS30Twin(air: UrbanAirScenario(seed: 5), clock: clock), at: 0x69)
        let journal = MemoryJournal(cursors: ["kept"])
        let agent = BoxAgent(
            boxID: "b", clock: clock, sensors: [SPS30(id: "pm", bus: bus, clock: clock)], windows: ["pm": 60],
            journal: journal, uplinks: [], logger: quietLogger)
        agent.maximumPending = 25
        journal.failAppends(with: .diskFull(FileSystemError(errno: FileSystemError.ENOSPC, operation: "write", path: "seg")))
        await agent.run(until: clock.now().advanced(by: .seconds(300)))  // 5 windows × 10 quantities = 50
        #expect(journal.lastSequence == 0)
        journal.failAppends(with: nil)
        await agent.run(until: clock.now().advanced(by: .seconds(2)))
        let records = try journal.readUnacknowledged(cursor: "kept", limit: .max)
        let aggregates = records.filter { if case .aggregate = $0.payload { true } else { false } }
        #expect(aggregates.count == 25)  // the oldest kept
        let first = try #require(aggregates.first)
        guard case .aggregate(let oldest) = first.payload else { return }
        #expect(oldest.windowStart == WallTime(iso8601: "2026-06-01T08:00:00Z")!)
        let loss = records.compactMap { if case .health(let h) = $0.payload, h.kind == "journal.dropped" { h.message } else { nil } }
        #expect(loss == ["25 records dropped while the journal refused appends"])
    }
}
