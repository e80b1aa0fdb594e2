/// The store-and-forward log between aggregation and the uplinks.
///
/// Appends are acknowledged only once durable; each uplink reads through its own named cursor and
/// acknowledges what upstream confirmed; space is reclaimed only behind every cursor.
public protocol Journal: AnyObject, Sendable {
    /// Appends payloads (all stamped with `time`) and returns once they are durable.
    /// - Returns: the sequence numbers given to them, in order.
    func append(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64]

    /// Appends payloads that each carry their own time, as one commit group, and returns once
    /// they are durable. (The default implementation commits once per run of equal times.)
    /// - Returns: the sequence numbers given to them, in order.
    func append(entries: [JournalEntry]) async throws -> [UInt64]

    /// Up to `limit` durable records after `cursor`'s acknowledged position, oldest first.
    func readUnacknowledged(cursor: String, limit: Int) throws -> [JournalRecord]

    /// Marks everything up to and including `sequence` as delivered for `cursor`.
    func acknowledge(cursor: String, upTo sequence: UInt64) throws

    /// The last sequence number `cursor` acknowledged (0 = none).
    func acknowledgedSequence(cursor: String) throws -> UInt64

    /// The sequence number of the newest durable record (0 = empty).
    var lastSequence: UInt64 { get }
}

/// A payload with the time it was made, waiting to be appended.
public struct JournalEntry: Hashable, Sendable {
    public var payload: JournalPayload
    public var time: RecordTime

    public init(payload: JournalPayload, time: RecordTime) {
        self.payload = payload
        self.time = time
    }
}

extension Journal {
    /// Appends run by run of equal times: correct for any journal, one commit per run.
    public func append(entries: [JournalEntry]) async throws -> [UInt64] {
        var sequences: [UInt64] = []
        var start = entries.startIndex
        while start < entries.endIndex {
            let time = entries[start].time
            let end = entries[start...].firstIndex { $0.time != time } ?? entries.endIndex
            sequences += try await append(entries[start..<end].map(\.payload), time: time)
            start = end
        }
        return sequences
    }
}
