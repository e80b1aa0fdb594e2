import Hardware
import Journal
import Logging
import Simulator
import Uplink

/// `sensorbox simulate`: the box on the simulated board in virtual time, as fast as the machine
/// goes. The same seed, start and config give byte-identical output.
public enum Simulation {
    /// Where a simulation starts when neither `--start` nor an earlier run says otherwise.
    public static let defaultStart = WallTime(secondsSinceEpoch: 1_780_272_000)  // 2026-06-01T00:00:00Z
    /// The state file that remembers where the last simulation stopped.
    static let clockFile = "simulation-clock"

    public struct Options: Sendable {
        public var duration: Duration
        public var seed: UInt64
        public var stateDirectory: String
        /// `nil`: continue where the last simulation in the state directory stopped.
        public var start: WallTime?
        public var logLevel: Logger.Level
        /// The street under the footfall sensors.
        public var street: StreetScenario

        public init(
            duration: Duration, seed: UInt64, stateDirectory: String, start: WallTime? = nil,
            logLevel: Logger.Level = .notice, street: StreetScenario = .springWeekday
        ) {
            self.duration = duration
            self.seed = seed
            self.stateDirectory = stateDirectory
            self.start = start
            self.logLevel = logLevel
            self.street = street
        }
    }

    public struct Summary: Sendable {
        public var start: WallTime
        public var end: WallTime
        public var recordsAppended: UInt64
        public var lastSequence: UInt64
        public var sensors: [SensorHealth]
    }

    /// Runs the box for `options.duration` of virtual time.
    /// - Parameter progress: called about once a simulated minute with the fraction done.
    public static func run(
        box: BoxConfig, board: BoardConfig, options: Options, standardOutput: any LineSink,
        progress: ((Double) -> Void)? = nil
    ) async throws -> Summary {
        let state = try StateDirectory(path: options.stateDirectory)
        let start = options.start
            ?? state.read(clockFile).flatMap(clockTime)
            ?? defaultStart
        let clock = VirtualClock(start: start, bootID: bootID(seed: options.seed, start: start))
        let logger = Logger(label: "sensorbox") { BoxLogHandler(label: $0, clock: clock, level: options.logLevel) }
        let hardware = SimulatedHardware(board: board, clock: clock, seed: options.seed, street: options.street)
        hardware.wire(box)
        let opened = try BoxRuntime.openJournal(box: box, state: state, clock: clock, logger: logger)
        defer { opened.close() }
        let journal = opened.journal
        let firstSequence = journal.lastSequence
        let agent = BoxAgent(
            boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(options.seed), state: state),
            windows: BoxAssembly.windows(for: box), journal: journal,
            uplinks: BoxRuntime.uplinks(box: box, standardOutput: standardOutput), logger: logger)
        agent.flushInterval = box.journal.commitInterval
        let end = clock.now().advanced(by: options.duration)
        if let progress {
            let total = options.duration.seconds
            var next = 0.0
            agent.onFlush = { now in
                let done = Double(now.nanoseconds) / 1e9 / total  // the virtual clock starts at zero
                if done >= next {
                    progress(min(done, 1))
                    next = done + 1.0 / 1000
                }
            }
        }
        await agent.run(until: end)
        let endWall = clock.wallTime().time
        try state.write(clockFile, endWall.iso8601 + "\n")
        return Summary(
            start: start, end: endWall, recordsAppended: journal.lastSequence - firstSequence,
            lastSequence: journal.lastSequence, sensors: agent.sensorHealth)
    }

    /// The time in the text of the clock file (its first line).
    static func clockTime(_ text: String) -> WallTime? {
        WallTime(iso8601: String(text.prefix { !$0.isNewline }))
    }

    /// A boot id for the virtual boot, derived from the seed and the start.
    static func bootID(seed: UInt64, start: WallTime) -> String {
        var random = SeededRandom(seed: seed ^ UInt64(bitPattern: start.secondsSinceEpoch))
        let a = random.next(), b = random.next()
        let hex = Array("0123456789abcdef")
        var text = ""
        for (index, nibble) in (0..<32).map({ index -> Int in
            let word = index < 16 ? a : b
            return Int((word >> UInt64((index % 16) * 4)) & 0xF)
        }).enumerated() {
            if [8, 12, 16, 20].contains(index) { text.append("-") }
            text.append(hex[nibble])
        }
        return text
    }
}
