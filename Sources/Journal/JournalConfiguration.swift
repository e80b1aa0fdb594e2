/// How a ``FileJournal`` stores its records.
public struct JournalConfiguration: Hashable, Sendable {
    /// The journal's own writable directory (boxes often run with a read-only root).
    public var directory: String
    /// A segment is closed and a new one started once it holds this many bytes. Whole segments
    /// are the unit of deletion, so this is also the granularity of retention.
    public var segmentBytes: Int
    /// The size limit of all segments together; beyond it the oldest whole segments are dropped
    /// and a gap record says which sequence numbers were lost.
    public var maximumBytes: Int
    /// The cursors (one per uplink) that must have acknowledged a segment before it is deleted.
    /// Cursors used without being listed here are remembered once they acknowledge.
    public var cursors: [String]
    /// The cursor log is compacted once it grows past this size.
    public var cursorLogCompactionBytes: Int

    public init(
        directory: String, segmentBytes: Int = 4 << 20, maximumBytes: Int = 64 << 20, cursors: [String] = [],
        cursorLogCompactionBytes: Int = 64 << 10
    ) {
        precondition(segmentBytes > SegmentFormat.headerSize, "a segment must hold more than its header")
        precondition(maximumBytes >= segmentBytes, "the size limit must hold at least one segment")
        self.directory = directory
        self.segmentBytes = segmentBytes
        self.maximumBytes = maximumBytes
        self.cursors = cursors
        self.cursorLogCompactionBytes = cursorLogCompactionBytes
    }
}
