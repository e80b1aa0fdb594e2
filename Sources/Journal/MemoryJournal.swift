import Synchronization

/// A journal in memory, for tests of the layers around the journal (pipeline, uplinks, agent).
///
/// It behaves like ``FileJournal`` as those layers see it — sequence numbers from 1, named
/// cursors, acknowledged records reclaimed behind every cursor — without files. An error can
/// be injected to exercise a caller's handling of a full disk.
public final class MemoryJournal: Journal {
    struct State {
        var records: [JournalRecord] = []
        var cursors: [String: UInt64] = [:]
        var nextSequence: UInt64 = 1
        var appendError: JournalError?
    }

    private let state = Mutex(State())
    /// Cursors whose acknowledgement is needed before records are dropped from memory.
    private let requiredCursors: [String]

    /// An empty journal. Records are kept until every cursor in `cursors` (and every cursor that
    /// acknowledged anything) has acknowledged them.
    public init(cursors: [String] = []) {
        requiredCursors = cursors
    }

    public func append(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64] {
        try await append(entries: payloads.map { JournalEntry(payload: $0, time: time) })
    }

    public func append(entries: [JournalEntry]) async throws -> [UInt64] {
        try state.withLock { state throws(JournalError) in
            if let error = state.appendError { throw error }
            let first = state.nextSequence
            for (index, entry) in entries.enumerated() {
                state.records.append(JournalRecord(sequence: first + UInt64(index), time: entry.time, payload: entry.payload))
            }
            state.nextSequence += UInt64(entries.count)
            return entries.indices.map { first + UInt64($0) }
        }
    }

    public func readUnacknowledged(cursor: String, limit: Int) throws -> [JournalRecord] {
        state.withLock { state in
            let position = state.cursors[cursor] ?? 0
            return Array(state.records.lazy.filter { $0.sequence > position }.prefix(max(0, limit)))
        }
    }

    public func acknowledge(cursor: String, upTo sequence: UInt64) throws {
        try state.withLock { state throws(JournalError) in
            guard sequence < state.nextSequence else {
                throw .acknowledgementBeyondEnd(cursor: cursor, sequence: sequence, lastSequence: state.nextSequence - 1)
            }
            state.cursors[cursor] = max(state.cursors[cursor] ?? 0, sequence)
            let slowest = (requiredCursors.map { state.cursors[$0] ?? 0 } + state.cursors.values).min() ?? 0
            state.records.removeAll { $0.sequence <= slowest }
        }
    }

    public func acknowledgedSequence(cursor: String) throws -> UInt64 {
        state.withLock { $0.cursors[cursor] ?? 0 }
    }

    public var lastSequence: UInt64 { state.withLock { $0.nextSequence - 1 } }

    /// Every record still held, oldest first.
    public var records: [JournalRecord] { state.withLock { $0.records } }

    /// Makes every following append fail with `error` (`nil` to accept again).
    public func failAppends(with error: JournalError?) {
        state.withLock { $0.appendError = error }
    }
}
