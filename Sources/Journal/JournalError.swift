/// Why a journal operation failed.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The disk, the quota or the file-size limit is full: the journal keeps its oldest data,
    /// stops accepting, and resumes by itself once a write succeeds again.
    case diskFull(FileSystemError)
    /// Any other file error (the journal stays usable; the failed append was not acknowledged).
    case io(FileSystemError)
    /// An encoded payload is larger than ``SegmentFormat/maximumPayloadSize``.
    case recordTooLarge(bytes: Int)
    /// A cursor was acknowledged beyond the newest durable record.
    case acknowledgementBeyondEnd(cursor: String, sequence: UInt64, lastSequence: UInt64)

    init(_ error: FileSystemError) {
        self = error.isDiskFull ? .diskFull(error) : .io(error)
    }

    public var description: String {
        switch self {
        case .diskFull(let error): "journal disk full (\(error))"
        case .io(let error): "journal I/O error (\(error))"
        case .recordTooLarge(let bytes): "journal record of \(bytes) bytes is too large"
        case .acknowledgementBeyondEnd(let cursor, let sequence, let last):
            "cursor \(cursor) acknowledged \(sequence) beyond the last record \(last)"
        }
    }
}

/// Something the journal repaired when it opened; each is also written to the journal as a
/// health event (and lost ranges as gap records), so the data platform learns of it.
public struct JournalRepair: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// A torn or corrupt tail of the newest segment was cut back to the last valid record.
        case truncatedTail = "truncated-tail"
        /// A corrupt segment was moved to the `quarantine` folder.
        case quarantinedSegment = "quarantined-segment"
        /// Records are missing (deleted or quarantined segment); a gap record was written.
        case missingRecords = "missing-records"
        /// A cursor acknowledged records that are not in the journal any more.
        case cursorAheadOfData = "cursor-ahead-of-data"
        /// A cursor pointed into records that are missing; it was moved to the oldest record.
        case cursorInMissingSegment = "cursor-in-missing-segment"
        /// The cursor log had a torn tail.
        case cursorLogTail = "cursor-log-tail"
    }

    public var kind: Kind
    /// The file concerned (name within the journal directory).
    public var file: String
    public var message: String

    public init(kind: Kind, file: String, message: String) {
        self.kind = kind
        self.file = file
        self.message = message
    }

    public var description: String { "\(kind.rawValue) \(file): \(message)" }
}
