import Hardware
import HardwareLinux
import Journal
import Logging
import ServiceLifecycle
import Uplink

/// `sensorbox run` as a service: the box on its board in real time until SIGTERM or SIGINT, then
/// a graceful stop (the windows that closed are journaled and forwarded; nothing half-written).
public struct BoxService: Service {
    public let box: BoxConfig
    public let board: BoardConfig
    public let stateDirectory: String
    public let seed: UInt64
    public let logLevel: Logger.Level

    public init(box: BoxConfig, board: BoardConfig, stateDirectory: String, seed: UInt64, logLevel: Logger.Level) {
        self.box = box
        self.board = board
        self.stateDirectory = stateDirectory
        self.seed = seed
        self.logLevel = logLevel
    }

    public func run() async throws {
        let clock = SystemClock()
        let logger = Logger(label: "sensorbox") { BoxLogHandler(label: $0, clock: clock, level: logLevel) }
        // Thermal frames live in this process's memory: a crash must not dump them to the card.
        if !ProcessHardening.disableCoreDumps() {
            logger.warning("core dumps could not be turned off: a crash may write memory (thermal frames) to disk")
        }
        let swap = ProcessHardening.activeSwapAreas()
        if !board.simulated && !swap.isEmpty {
            logger.warning("swap is on (\(swap.joined(separator: ", "))): memory, thermal frames included, may be written there; turn it off (README)")
        }
        let hardware: any HardwareBackend
        if board.simulated {
            let simulated = SimulatedHardware(board: board, clock: clock, seed: seed)
            simulated.wire(box)
            hardware = simulated
        } else {
            hardware = LinuxHardware(board: board, clock: clock)
        }
        let state = try StateDirectory(path: stateDirectory)
        let opened = try BoxRuntime.openJournal(box: box, state: state, clock: clock, logger: logger)
        defer { opened.close() }
        let journal = opened.journal
        logger.notice("box \(box.id) on board \(board.name): \(box.sensors.count) sensors, journal \(state.journalDirectory)")
        let box = box
        // The agent lives in its own task so that a graceful shutdown can cancel it; it then
        // journals and forwards the windows that closed and returns.
        let running = Task {
            let agent = BoxAgent(
                boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, state: state),
                windows: BoxAssembly.windows(for: box), journal: journal,
                uplinks: BoxRuntime.uplinks(box: box, standardOutput: StandardOutputSink()), logger: logger)
            agent.flushInterval = box.journal.commitInterval
            await agent.run()
        }
        await withGracefulShutdownHandler {
            await running.value
        } onGracefulShutdown: {
            running.cancel()
        }
        logger.notice("stopped")
    }
}
