import Journal

/// A destination for journal records: the data platform, a broker, or standard output.
///
/// ``deliver(_:)`` returns only when the destination has confirmed the records (HTTP 201/204, a
/// written line): only then does the forwarder acknowledge them in the journal.
public protocol Uplink: AnyObject {
    /// The journal cursor this uplink reads through (unique per box).
    var cursorName: String { get }
    /// Sends `records` (oldest first) and returns once they are confirmed.
    func deliver(_ records: [JournalRecord]) async throws
}

/// Moves records from the journal to one uplink: read after the cursor, deliver, acknowledge.
public struct UplinkForwarder {
    public let uplink: any Uplink
    public var batchSize: Int

    public init(uplink: any Uplink, batchSize: Int = 500) {
        self.uplink = uplink
        self.batchSize = batchSize
    }

    /// Forwards everything the journal holds for this uplink's cursor.
    /// - Returns: the number of records delivered.
    @discardableResult
    public func forward(from journal: any Journal) async throws -> Int {
        var delivered = 0
        while true {
            let records = try journal.readUnacknowledged(cursor: uplink.cursorName, limit: batchSize)
            guard let last = records.last else { return delivered }
            try await uplink.deliver(records)
            try journal.acknowledge(cursor: uplink.cursorName, upTo: last.sequence)
            delivered += records.count
        }
    }
}
