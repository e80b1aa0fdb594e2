/// What `sensorbox journal inspect` shows: the journal's files and positions as they are now.
public struct JournalInspection: Hashable, Sendable {
    /// One segment file.
    public struct SegmentSummary: Hashable, Sendable {
        public var fileName: String
        public var firstSequence: UInt64
        /// The last record's sequence, or `nil` if the segment holds no record yet.
        public var lastSequence: UInt64?
        public var records: Int
        public var bytes: Int
    }

    /// One named cursor.
    public struct CursorSummary: Hashable, Sendable {
        public var name: String
        public var acknowledgedSequence: UInt64
        /// The segment and byte offset of the next record this cursor will read, or `nil` when
        /// it has read everything.
        public var nextRecordFile: String?
        public var nextRecordOffset: Int?
        /// Records after its position.
        public var unacknowledgedRecords: UInt64
    }

    public var directory: String
    public var segments: [SegmentSummary]
    public var cursors: [CursorSummary]
    /// The oldest record some cursor has not acknowledged, or `nil` if all cursors are up to date.
    public var oldestUnacknowledged: UInt64?
    public var lastSequence: UInt64
    /// The gap records in the journal (data known to be lost, and why).
    public var gaps: [Gap]
    /// Files in the `quarantine` folder.
    public var quarantinedFiles: [String]
    /// What was repaired when the journal was opened.
    public var repairsAtOpen: [JournalRepair]
    /// Bytes of segments and cursor log.
    public var totalBytes: Int
    public var maximumBytes: Int
    /// Records dropped by the size limit since open.
    public var droppedRecords: UInt64
    /// The disk-full error while appends are refused, `nil` when accepting.
    public var diskFull: FileSystemError?
    /// Payloads refused since the disk filled up.
    public var refusedPayloads: Int
    /// The last failure of housekeeping after a commit (retention), if it has not cleared.
    public var maintenanceError: JournalError?
}

/// A problem ``FileJournal/verify()`` found in the files.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file (name within the journal directory).
    public var file: String
    /// The byte offset, when the problem is at a place in the file.
    public var offset: Int?
    public var message: String

    public init(file: String, offset: Int?, message: String) {
        self.file = file
        self.offset = offset
        self.message = message
    }

    public var description: String {
        offset.map { "\(file) at \($0): \(message)" } ?? "\(file): \(message)"
    }
}
