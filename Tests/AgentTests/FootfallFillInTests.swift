@testable import Agent
import Hardware
import Journal
import Simulator
import Testing

/// A walker every 6 s along the columns, under an AMG8833 and through a beam pair across the same
/// line. The pavement is cool for three minutes, warms up in the fourth, and from the fifth on it
/// is as warm as the walkers: the thermal counter sees nobody any more.
private struct WarmingPavement: ThermalScene, BeamScene {
    let width = 8, height = 8
    static let walker = 31.0
    /// When the pavement starts warming (it takes a minute).
    var coolUntil = 180.0
    /// Seconds from one walker to the next.
    var period = 6.0

    func frame(at time: MonotonicInstant) -> [Double] {
        let seconds = Double(time.nanoseconds) / 1e9
        let background = 15 + (Self.walker - 15) * min(max((seconds - coolUntil) / 60, 0), 1)
        let row = -1.5 + seconds.truncatingRemainder(dividingBy: period) * 5.5  // row 4 at 1 s
        return (0..<64).map { index in
            let dy = Double(index / 8) - row, dx = Double(index % 8) - 3.5
            let weight = max(0, 1 - (dx * dx + dy * dy) / 1.6)  // about two pixels across
            return background + (Self.walker - background) * weight
        }
    }

    func thermistor(at time: MonotonicInstant) -> Double { 25 }

    /// Beam `a` is broken from 0.8 to 1.1 s of each period, beam `b` from 0.95 to 1.25 s.
    func edges(beam index: Int, from: MonotonicInstant, to: MonotonicInstant) -> [GPIOEdgeEvent] {
        let (broken, cleared) = index == 0 ? (0.8, 1.1) : (0.95, 1.25)
        let first = max(Int(Double(from.nanoseconds) / 1e9 / period) - 1, 0)
        let last = Int(Double(to.nanoseconds) / 1e9 / period) + 1
        var edges: [GPIOEdgeEvent] = []
        for period in first...last {
            let start = Double(period) * self.period
            edges.append(GPIOEdgeEvent(.falling, at: instant(start + broken)))
            edges.append(GPIOEdgeEvent(.rising, at: instant(start + cleared)))
        }
        return edges.filter { $0.timestamp >= from && $0.timestamp < to }
    }

    private func instant(_ seconds: Double) -> MonotonicInstant { MonotonicInstant(nanoseconds: UInt64(seconds * 1e9)) }
}

/// The simulated board with just the AMG8833 twin and the two beam lines looking at one scene.
private final class PavementHardware: HardwareBackend {
    let clock: any BoxClock
    let bus: SimulatedI2CBus
    let scene: WarmingPavement

    init(clock: VirtualClock, scene: WarmingPavement) {
        self.clock = clock
        self.scene = scene
        bus = SimulatedI2CBus(name: "sim-i2c-1", clock: clock)
        bus.attach(AMG8833Twin(scene: scene), at: 0x68)
    }

    func i2cBus(named name: String) throws -> any I2CBus { bus }

    func gpioLine(chip: String, pin: String) throws -> any GPIOEdgeInput {
        SimulatedGPIOLine(name: "sim-\(pin)", scene: scene, beam: pin == "GPIO17" ? 0 : 1, clock: clock)
    }
}

@Suite("Footfall: the box fills in low-contrast windows from its beam pair")
struct FootfallFillInTests {
    /// The "in" counts of the thermal counter's 1-minute windows over ten minutes, and the kinds
    /// of its health events.
    fileprivate func run(
        fillingIn: Bool, profile: String = "exact", scene: WarmingPavement = WarmingPavement(),
        state: StateDirectory? = nil, minutes: Int = 10
    ) async throws -> (counts: [Int], events: [String]) {
        let board = try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "board")
        let box = try ConfigLoader.decodeBox("""
            [box]
            id = "fill-in-test"
            board = "simulator"
            [privacy]
            profile = "\(profile)"
            \(profile == "dp" ? "epsilon = 0.5" : "")
            [[sensor]]
            id = "door"
            type = "amg8833"
            address = 0x68
            window = "1m"
            \(fillingIn ? "beams = \"door-beams\"" : "")
            [[sensor]]
            id = "door-beams"
            type = "beam-pair"
            pins = ["GPIO17", "GPIO27"]
            window = "1m"
            [[uplink]]
            type = "stdout"
            """, file: "box", board: board)
        let clock = VirtualClock(start: june1)
        let hardware = PavementHardware(clock: clock, scene: scene)
        let journal = MemoryJournal(cursors: ["stdout", "kept"])
        let agent = BoxAgent(
            boxID: box.id, clock: clock,
            sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(1), state: state),
            windows: BoxAssembly.windows(for: box), journal: journal, uplinks: [], logger: quietLogger)
        await agent.run(until: clock.now().advanced(by: .seconds(60 * minutes + 5)))
        var counts: [Int] = [], events: [String] = []
        for record in try journal.readUnacknowledged(cursor: "kept", limit: .max) {
            switch record.payload {
            case .footfall(let release) where release.counter == "door" && release.direction == "in":
                counts.append(release.count ?? -1)
            case .health(let event) where event.sensor == "door":
                events.append(event.kind)
            default: break
            }
        }
        return (counts, events)
    }

    @Test("once the pavement is as warm as the walkers, the beams' calibrated count is released")
    func blindMinutesAreFilledIn() async throws {
        let alone = try await run(fillingIn: false)
        let filled = try await run(fillingIn: true)
        try #require(alone.counts.count == 10 && filled.counts.count == 10)
        // The first three minutes: ten walkers a minute, seen by both.
        #expect(alone.counts[0..<3].allSatisfy { (9...11).contains($0) })
        #expect(filled.counts[0..<3] == alone.counts[0..<3])
        // Minutes 5 to 10: the thermal counter alone sees (nearly) nobody; filled in, ten a minute.
        #expect(alone.counts[4...].allSatisfy { $0 <= 2 })
        #expect(filled.counts[4...].allSatisfy { (9...11).contains($0) })
        #expect(filled.events.contains("footfall.filled_in"))
        #expect(!alone.events.contains("footfall.filled_in"))
    }

    @Test("under dp nothing is filled in: one person could move a filled-in count by two, the noise is for one")
    func notUnderDifferentialPrivacy() async throws {
        let noisy = try await run(fillingIn: true, profile: "dp")
        #expect(noisy.events.contains("footfall.low_contrast"))
        #expect(!noisy.events.contains("footfall.filled_in"))
    }

    @Test("no copy of the calibration tells one window: on a busy street the first is written after the second window")
    func calibrationWaitsForTwoWindows() async throws {
        // A walker every 1.5 s: forty beam crossings in the first minute, enough for a ratio.
        let busy = WarmingPavement(coolUntil: 600, period: 1.5)
        let one = try StateDirectory(path: "/state", fileSystem: MemoryFileSystem())
        _ = try await run(fillingIn: true, scene: busy, state: one, minutes: 1)
        #expect(one.read("footfall-door.calibration") == nil)
        let two = try StateDirectory(path: "/state", fileSystem: MemoryFileSystem())
        _ = try await run(fillingIn: true, scene: busy, state: two, minutes: 2)
        #expect(two.read("footfall-door.calibration")?.hasPrefix("thermal_sum ") == true)
    }

    @Test("the calibration is kept in the state directory: after a restart on a warm pavement the beams fill in at once")
    func calibrationSurvivesARestart() async throws {
        let state = try StateDirectory(path: "/state", fileSystem: MemoryFileSystem())
        _ = try await run(fillingIn: true, scene: WarmingPavement(coolUntil: 600), state: state, minutes: 4)  // four good minutes
        let text = try #require(state.read("footfall-door.calibration"))
        #expect(text.hasPrefix("thermal_sum "))
        let warm = WarmingPavement(coolUntil: -60)
        let restarted = try await run(fillingIn: true, scene: warm, state: state, minutes: 3)
        let fresh = try await run(fillingIn: true, scene: warm, minutes: 3)
        #expect(restarted.counts.allSatisfy { (9...11).contains($0) })
        #expect(fresh.counts.allSatisfy { $0 <= 2 })
    }
}

@Suite("Footfall: a beam pair's counts kept for the thermal counter")
struct SharedBeamCountsTests {
    @Test("windows nobody takes are dropped a few windows after they ended")
    func staleWindowsAreDropped() {
        let shared = SharedBeamCounts(counter: "gate", directions: ["in", "out"], windowSeconds: 60)
        for minute in 0..<30 as Range<Int64> {
            shared.windows.record(direction: "in", at: WallTime(secondsSinceEpoch: june1.secondsSinceEpoch + minute * 60 + 5))
            shared.dropStale(now: WallTime(secondsSinceEpoch: june1.secondsSinceEpoch + minute * 60 + 10))
        }
        // The open window and the last four that ended.
        #expect(shared.windows.pendingWindows == 1 + Int(SharedBeamCounts.keptWindows))
    }
}
