import Hardware
import HardwareLinux
import Journal
import Simulator

/// How the journal commands find and open a box's journal.
public enum JournalAccess {
    /// `--dir`, else `<state dir>/journal`.
    public static func directory(explicit: String?, stateDirectory: String) -> String {
        explicit ?? stateDirectory + "/journal"
    }

    /// Opens the journal, which repairs what it finds (docs/journal.md, "Recovery on open").
    /// The repair records are stamped with the box's clock: the system clock on a real box; on
    /// the simulated board the virtual clock where the last simulation stopped, so that repair
    /// records do not land months after the simulated data.
    /// Throws ``JournalAccessError/noJournal(directory:)`` rather than create an empty journal
    /// where there is none (a mistyped `--dir` should be an error, not an empty report).
    /// The journal is locked against a running agent (see ``JournalLock``) while it is open.
    public static func open(box: BoxConfig, board: BoardConfig, directory: String, stateDirectory: String) throws -> BoxRuntime.OpenJournal {
        guard (try? LinuxFileSystem().listDirectory(directory)) != nil else {
            throw JournalAccessError.noJournal(directory: directory)
        }
        let lock = try JournalLock(journalDirectory: directory)
        let time: RecordTime
        if board.simulated {
            let start = simulationClock(stateDirectory: stateDirectory) ?? Simulation.defaultStart
            time = RecordTime(clock: VirtualClock(start: start))
        } else {
            time = RecordTime(clock: SystemClock())
        }
        let journal = try FileJournal(configuration: BoxRuntime.journalConfiguration(box: box, directory: directory), time: time)
        return BoxRuntime.OpenJournal(journal: journal, lock: lock)
    }

    /// "Now" for `export --since 24h`: the system clock on a real box. A simulated box lives in
    /// virtual time (2026-06-01 onwards by default), so there "now" is the wall time of the
    /// newest record — `--since 24h` then means the last simulated day.
    public static func now(board: BoardConfig, journal: FileJournal) throws -> WallTime {
        guard board.simulated else { return SystemClock().wallTime().time }
        return try journal.records(from: journal.lastSequence, limit: 1).first?.time.wall ?? Simulation.defaultStart
    }

    /// Where the last simulation in `stateDirectory` stopped, without creating anything.
    static func simulationClock(stateDirectory: String) -> WallTime? {
        StateDirectory.readText(stateDirectory + "/" + Simulation.clockFile).flatMap(Simulation.clockTime)
    }
}

/// Why a journal command could not open the journal.
public enum JournalAccessError: Error, Hashable, Sendable, CustomStringConvertible {
    case noJournal(directory: String)

    public var description: String {
        switch self {
        case .noJournal(let directory): "\(directory): no journal (no such directory)"
        }
    }
}
