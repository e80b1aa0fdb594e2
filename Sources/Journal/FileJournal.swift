import Hardware
import Synchronization

/// The journal on flash: segment files of CRC-checked records, named cursors kept in an
/// append-only log, recovery on open, a size limit with gap records, and disk-full as a state.
/// See `docs/journal.md` for the format and the recovery rules.
///
/// Commit policy: each ``append(_:time:)`` call is one commit group — one write and one
/// `fdatasync` — and returns only after the `fdatasync` returned. The pipeline appends the
/// records of one scheduler tick in one call, so a tick costs at most one flush and nothing is
/// ever held unacknowledged across ticks (docs/journal.md gives the measured cost per day).
/// ``CommitBatcher`` groups several ticks into one commit where a bounded delay is acceptable.
///
/// All operations are synchronous file I/O under one lock; the scheduler runs its jobs one after
/// another, so nothing waits on that lock in practice.
public final class FileJournal: Journal {
    private let core: Mutex<JournalCore>
    /// What was repaired when the journal was opened (also written to it as a health event).
    public let repairsAtOpen: [JournalRepair]

    /// Opens (or creates) the journal, repairing what it finds; `time` stamps the gap and health
    /// records written about those repairs.
    public init(
        configuration: JournalConfiguration, fileSystem: any FileSystem = LinuxFileSystem(), time: RecordTime
    ) throws(JournalError) {
        let opened = try JournalCore.open(fileSystem: fileSystem, configuration: configuration, time: time)
        repairsAtOpen = opened.repairs
        core = Mutex(opened)
    }

    public func append(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64] {
        try core.withLock { core throws(JournalError) in
            try core.append(payloads.map { JournalEntry(payload: $0, time: time) })
        }
    }

    public func append(entries: [JournalEntry]) async throws -> [UInt64] {
        try core.withLock { core throws(JournalError) in try core.append(entries) }
    }

    public func readUnacknowledged(cursor: String, limit: Int) throws -> [JournalRecord] {
        try core.withLock { core throws(JournalError) in
            try core.records(from: core.acknowledgedSequence(cursor: cursor) + 1, limit: limit)
        }
    }

    public func acknowledge(cursor: String, upTo sequence: UInt64) throws {
        try core.withLock { core throws(JournalError) in try core.acknowledge(cursor: cursor, upTo: sequence) }
    }

    public func acknowledgedSequence(cursor: String) throws -> UInt64 {
        core.withLock { $0.acknowledgedSequence(cursor: cursor) }
    }

    public var lastSequence: UInt64 { core.withLock { $0.lastSequence } }

    /// Durable records from `sequence` on, oldest first (for replay and tests).
    public func records(from sequence: UInt64, limit: Int = .max) throws -> [JournalRecord] {
        try core.withLock { core throws(JournalError) in try core.records(from: sequence, limit: limit) }
    }

    /// Records made at or after `since` on the wall clock (`sensorbox export`). Records made
    /// before the clock was synchronised carry their unsynchronised wall time (see
    /// ``RecordTime/wallSynchronized``).
    public func records(since: WallTime, limit: Int = .max) throws -> [JournalRecord] {
        try core.withLock { core throws(JournalError) in try core.records(since: since, limit: limit) }
    }

    /// Segments, cursors, gaps, quarantine and repairs (`sensorbox journal inspect`).
    public func inspect() throws -> JournalInspection {
        try core.withLock { core throws(JournalError) in try core.inspect() }
    }

    /// Re-reads and checks every file — header, each record's length, CRC, sequence and
    /// payload, the cursor log — and returns the problems found (`sensorbox journal verify`).
    /// Changes nothing: repairs happen only at open.
    public func verify() -> [JournalProblem] {
        core.withLock { $0.verify() }
    }

    /// Checks the journal in `directory` like ``verify()``, without opening it: opening repairs
    /// what it finds (cuts a torn tail, quarantines corrupt segments), this only reads, so a
    /// technician sees the damage as it is and the files stay untouched.
    public static func verify(directory: String, fileSystem: any FileSystem = LinuxFileSystem()) -> [JournalProblem] {
        JournalCore.verify(fileSystem: fileSystem, directory: directory)
    }

    /// `true` while appends are refused because the disk is full.
    public var isDiskFull: Bool { core.withLock { $0.diskFull != nil } }

    /// Closes the files. The journal must not be used afterwards.
    public func close() {
        core.withLock { $0.close() }
    }
}
