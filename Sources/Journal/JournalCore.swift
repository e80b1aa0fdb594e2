import Hardware

/// The journal's state and operations, used under ``FileJournal``'s lock: segments in memory,
/// the active segment's file, the cursor log, and the disk-full state.
final class JournalCore {
    let fileSystem: any FileSystem
    let configuration: JournalConfiguration
    var segments: [Segment] = []
    /// The open file of the last segment, where records are appended.
    var activeFile: FileHandle?
    var nextSequence: UInt64 = 1
    var cursorLog: CursorLog
    var repairs: [JournalRepair] = []
    var diskFull: DiskFullState?
    /// Records dropped by retention since open.
    var droppedRecords: UInt64 = 0
    /// Repair reports that could not be written at open (disk full); written with the next append.
    var deferred: [(JournalPayload, RecordTime)] = []
    /// Cursor repairs waiting for ``deferred`` to be written first.
    var cursorMovesDeferred: [(String, UInt64)] = []
    /// The last failure of the housekeeping after a commit (retention, deferred cursor moves).
    var maintenanceError: JournalError?

    /// Since when appends fail for lack of space, and how many payloads were refused.
    struct DiskFullState {
        var since: RecordTime
        var refusedPayloads: Int
        var error: FileSystemError
    }

    var directory: String { configuration.directory }
    var quarantineDirectory: String { directory + "/quarantine" }
    func path(_ name: String) -> String { directory + "/" + name }

    /// The newest durable record (0 = none yet).
    var lastSequence: UInt64 { nextSequence - 1 }

    init(fileSystem: any FileSystem, configuration: JournalConfiguration, cursorLog: CursorLog) {
        self.fileSystem = fileSystem
        self.configuration = configuration
        self.cursorLog = cursorLog
    }

    // MARK: Appending

    /// Appends and makes durable; returns the sequence numbers of `payloads`.
    func append(_ entries: [JournalEntry]) throws(JournalError) -> [UInt64] {
        guard let time = entries.last?.time else { return [] }
        let payloads = entries.map(\.payload)
        var all = deferred + entries.map { ($0.payload, $0.time) }
        if let full = diskFull {
            // Tell the data platform, in the same commit as the first accepted records, that
            // payloads were refused while the disk was full.
            let event = HealthEvent(
                sensor: nil, severity: .warning, kind: "journal.disk-full-ended",
                // A caller that keeps refused payloads and retries (the agent does) is counted at
                // every attempt: this says how much was refused, the caller says what it dropped.
                message: "refused \(full.refusedPayloads) payloads in appends while the disk was full, retries counted each time (\(full.error))"
            )
            all.insert((.health(event), time), at: deferred.count)
        }
        let sequences: [UInt64]
        do throws(JournalError) {
            sequences = try write(all)
        } catch {
            if case .diskFull(let cause) = error {
                if diskFull == nil { diskFull = DiskFullState(since: time, refusedPayloads: 0, error: cause) }
                diskFull?.refusedPayloads += payloads.count
            }
            throw error
        }
        diskFull = nil
        deferred = []
        // The records are durable: from here on a failure must not make the caller believe
        // the append failed (it would append them twice); it is kept for the status instead.
        do throws(JournalError) {
            if !cursorMovesDeferred.isEmpty {
                do { try cursorLog.record(cursorMovesDeferred) } catch { throw JournalError(error) }
                cursorMovesDeferred = []
            }
            try enforceSizeLimit(time: time)
            maintenanceError = nil
        } catch {
            maintenanceError = error
        }
        return Array(sequences.suffix(payloads.count))
    }

    /// Writes records as one commit: one write, one fdatasync. On failure the segment is cut
    /// back to its last committed size, so the next commit does not follow garbage.
    @discardableResult
    func write(_ entries: [(JournalPayload, RecordTime)]) throws(JournalError) -> [UInt64] {
        if segments.isEmpty || segments[segments.count - 1].size >= configuration.segmentBytes
            || segments[segments.count - 1].lastSequence + 1 != nextSequence {
            try startSegment(firstSequence: nextSequence)
        }
        guard let file = activeFile else { throw JournalError.io(FileSystemError(errno: FileSystemError.EBADF, operation: "append", path: directory)) }
        let start = segments[segments.count - 1].size
        var writer = ByteWriter(capacity: entries.count * 200)
        var offsets: [UInt32] = []
        var sequences: [UInt64] = []
        for (index, (payload, time)) in entries.enumerated() {
            let encoded = PayloadCodec.encode(payload, time: time)
            guard encoded.count <= SegmentFormat.maximumPayloadSize else { throw .recordTooLarge(bytes: encoded.count) }
            let sequence = nextSequence + UInt64(index)
            offsets.append(UInt32(start + writer.bytes.count))
            SegmentFormat.appendRecord(sequence: sequence, payload: encoded, to: &writer)
            sequences.append(sequence)
        }
        do {
            try fileSystem.write(file, writer.bytes, at: start)
            // fdatasync, not fsync: it also flushes the file size (needed to read the records
            // back) but skips the timestamps, one metadata write less per commit.
            try fileSystem.fdatasync(file)
        } catch {
            try? fileSystem.truncate(file, to: start)
            throw JournalError(error)
        }
        segments[segments.count - 1].recordOffsets += offsets
        segments[segments.count - 1].size += writer.bytes.count
        nextSequence += UInt64(entries.count)
        return sequences
    }

    /// Closes the active segment and starts a new one named by `firstSequence`.
    ///
    /// Order: header written, file fdatasync'ed, then the directory fsync'ed so that the new
    /// name is durable before any record in it is acknowledged (a synced file whose directory
    /// entry was lost is gone after a power cut).
    func startSegment(firstSequence: UInt64) throws(JournalError) {
        let name = SegmentFormat.fileName(firstSequence: firstSequence)
        do throws(FileSystemError) {
            if let last = segments.last, last.firstSequence == firstSequence {
                // An empty segment at the same sequence (e.g. after a failed start): reuse it.
                segments.removeLast()
            }
            let file = try fileSystem.open(path(name), mode: .readWriteCreate)
            do throws(FileSystemError) {
                try fileSystem.truncate(file, to: 0)
                try fileSystem.write(file, SegmentFormat.header(firstSequence: firstSequence), at: 0)
                try fileSystem.fdatasync(file)
                try fileSystem.syncDirectory(directory)
            } catch {
                fileSystem.close(file)
                throw error
            }
            if let old = activeFile { fileSystem.close(old) }
            activeFile = file
            segments.append(Segment(firstSequence: firstSequence, recordOffsets: [], size: SegmentFormat.headerSize))
        } catch {
            throw JournalError(error)
        }
    }

    // MARK: Reading

    /// Durable records with sequence in `first...`, oldest first, at most `limit`.
    func records(from first: UInt64, limit: Int) throws(JournalError) -> [JournalRecord] {
        var result: [JournalRecord] = []
        var wanted = max(first, 1)
        for segment in segments where segment.lastSequence >= wanted && !segment.isEmpty {
            guard result.count < limit else { break }
            wanted = max(wanted, segment.firstSequence)
            let last = min(segment.lastSequence, wanted + UInt64(limit - result.count) - 1)
            result += try read(segment, from: wanted, through: last)
            wanted = last + 1
        }
        return result
    }

    /// Reads and decodes records of one segment. A record that passes its CRC but cannot be
    /// decoded (written by a newer version) becomes a health event instead of blocking the
    /// uplinks behind it forever.
    func read(_ segment: Segment, from first: UInt64, through last: UInt64) throws(JournalError) -> [JournalRecord] {
        let range = segment.byteRange(from: first, through: last)
        let bytes: [UInt8]
        do throws(FileSystemError) {
            let isActive = segment.firstSequence == segments.last?.firstSequence
            let file: FileHandle
            if isActive, let active = activeFile {
                file = active
            } else {
                file = try fileSystem.open(path(segment.fileName), mode: .readOnly)
            }
            defer { if file != activeFile { fileSystem.close(file) } }
            bytes = try fileSystem.read(file, count: range.count, at: range.lowerBound)
        } catch {
            throw JournalError(error)
        }
        var records: [JournalRecord] = []
        records.reserveCapacity(Int(last - first) + 1)
        for sequence in first...last {
            let start = Int(segment.recordOffsets[Int(sequence - segment.firstSequence)]) - range.lowerBound
            guard start + SegmentFormat.recordHeaderSize <= bytes.count else { break }
            let length = Int(loadUInt32(bytes, at: start))
            let payloadStart = start + SegmentFormat.recordHeaderSize
            guard payloadStart + length <= bytes.count else { break }
            let payload = Array(bytes[payloadStart..<(payloadStart + length)])
            do {
                let (time, decoded) = try PayloadCodec.decode(payload)
                records.append(JournalRecord(sequence: sequence, time: time, payload: decoded))
            } catch {
                let event = HealthEvent(
                    sensor: nil, severity: .error, kind: "journal.undecodable",
                    message: "record \(sequence) in \(segment.fileName) cannot be decoded: \(error)"
                )
                let unknownTime = RecordTime(monotonic: .zero, bootID: "", wall: WallTime(nanosecondsSinceEpoch: 0), wallSynchronized: false)
                records.append(JournalRecord(sequence: sequence, time: unknownTime, payload: .health(event)))
            }
        }
        return records
    }

    // MARK: Cursors

    /// The position of every cursor: configured ones (0 until they acknowledge) and logged ones.
    var cursorPositions: [String: UInt64] {
        var positions = cursorLog.positions
        for name in configuration.cursors where positions[name] == nil { positions[name] = 0 }
        return positions
    }

    func acknowledgedSequence(cursor: String) -> UInt64 { cursorLog.positions[cursor] ?? 0 }

    func acknowledge(cursor: String, upTo sequence: UInt64) throws(JournalError) {
        guard sequence <= lastSequence else {
            throw .acknowledgementBeyondEnd(cursor: cursor, sequence: sequence, lastSequence: lastSequence)
        }
        guard sequence > acknowledgedSequence(cursor: cursor) else { return }
        do {
            try cursorLog.record([(cursor, sequence)])
        } catch {
            throw JournalError(error)
        }
        try reclaim()
    }

    func close() {
        if let file = activeFile { fileSystem.close(file) }
        activeFile = nil
        cursorLog.close()
    }
}
