/// The store-and-forward log between aggregation and the uplinks.
///
/// Appends are acknowledged only once durable; each uplink reads through its own named cursor and
/// acknowledges what upstream confirmed; space is reclaimed only behind every cursor.
public protocol Journal: AnyObject, Sendable {
    /// Appends payloads (all stamped with `time`) and returns once they are durable.
    /// - Returns: the sequence numbers given to them, in order.
    func append(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64]

    /// Up to `limit` durable records after `cursor`'s acknowledged position, oldest first.
    func readUnacknowledged(cursor: String, limit: Int) throws -> [JournalRecord]

    /// Marks everything up to and including `sequence` as delivered for `cursor`.
    func acknowledge(cursor: String, upTo sequence: UInt64) throws

    /// The last sequence number `cursor` acknowledged (0 = none).
    func acknowledgedSequence(cursor: String) throws -> UInt64

    /// The sequence number of the newest durable record (0 = empty).
    var lastSequence: UInt64 { get }
}
