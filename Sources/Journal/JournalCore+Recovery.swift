extension JournalCore {
    /// Opens the journal in `configuration.directory`, repairing whatever a crash or a bad
    /// card left behind. It never refuses to start because of what it finds in the files; it
    /// throws only if the directory itself cannot be used.
    ///
    /// Every segment is scanned (header, then each record's length, CRC and sequence):
    /// - the newest segment's torn or corrupt tail is cut back to the last valid record;
    /// - an older segment that does not hold exactly the records up to the next segment is
    ///   moved to `quarantine/` (kept for people to look at, never read again);
    /// - missing sequence ranges (deleted or quarantined segments) get a gap record;
    /// - a cursor pointing before the oldest record is moved to it; a cursor ahead of the data
    ///   is kept, and numbering continues after it so that no id already sent is reused.
    /// Repairs are returned in ``repairs`` and written to the journal as a health event.
    static func open(
        fileSystem: any FileSystem, configuration: JournalConfiguration, time: RecordTime
    ) throws(JournalError) -> JournalCore {
        let core: JournalCore
        var lost: [(ClosedRange<UInt64>, String)] = []
        var cursorMoves: [(String, UInt64)] = []
        do throws(FileSystemError) {
            // Like `mkdir -p`: a fresh box may have no journal directory or parent yet.
            var prefix = configuration.directory.hasPrefix("/") ? "" : "."
            for component in configuration.directory.split(separator: "/") {
                prefix += "/" + component
                try fileSystem.makeDirectory(prefix)
            }
            try fileSystem.makeDirectory(configuration.directory + "/quarantine")
            let cursorLog = try CursorLog(
                fileSystem: fileSystem, directory: configuration.directory,
                compactionBytes: configuration.cursorLogCompactionBytes
            )
            core = JournalCore(fileSystem: fileSystem, configuration: configuration, cursorLog: cursorLog)
            for message in cursorLog.repairs {
                core.repairs.append(JournalRepair(kind: .cursorLogTail, file: CursorLog.fileName, message: message))
            }
            let firsts = try fileSystem.listDirectory(configuration.directory)
                .compactMap(SegmentFormat.firstSequence(fileName:)).sorted()
            var highestNamed: UInt64 = 0
            var quarantined = false
            for (index, first) in firsts.enumerated() {
                let name = SegmentFormat.fileName(firstSequence: first)
                let bytes: [UInt8]
                var readError: FileSystemError?
                do throws(FileSystemError) {
                    bytes = try fileSystem.readWholeFile(core.path(name))
                } catch {
                    // Unreadable (EIO from a failing card): set aside below, never deleted.
                    bytes = []
                    readError = error
                }
                let scan = SegmentFormat.scan(bytes, expectedFirst: first)
                let isNewest = index == firsts.count - 1
                if isNewest && scan.headerValid {
                    if scan.validEnd < bytes.count {
                        let file = try fileSystem.open(core.path(name), mode: .readWriteCreate)
                        defer { fileSystem.close(file) }
                        try fileSystem.truncate(file, to: scan.validEnd)
                        try fileSystem.fdatasync(file)
                        let zeros = bytes[scan.validEnd...].allSatisfy { $0 == 0 }
                        core.repairs.append(JournalRepair(
                            kind: .truncatedTail, file: name,
                            message: "cut \(bytes.count - scan.validEnd) bytes at offset \(scan.validEnd)"
                                + (zeros ? " (zero-filled)" : "") + ": \(scan.problem ?? "")"
                        ))
                    }
                    core.segments.append(Segment(firstSequence: first, recordOffsets: scan.recordOffsets, size: scan.validEnd))
                    continue
                }
                // An older segment must be valid to its end and stop before the next one; it may
                // stop earlier: a range repaired as lost at an earlier open (checked below).
                let expectedCount = isNewest ? nil : firsts[index + 1] - first
                if !isNewest, scan.headerValid, scan.problem == nil,
                   UInt64(scan.recordOffsets.count) <= expectedCount ?? 0 {
                    core.segments.append(Segment(firstSequence: first, recordOffsets: scan.recordOffsets, size: scan.validEnd))
                    continue
                }
                highestNamed = max(highestNamed, first)
                if isNewest && readError == nil && bytes.allSatisfy({ $0 == 0 }) {
                    // A segment whose header never reached the disk: the power was cut while it
                    // was being started, so it never held an acknowledged record.
                    try fileSystem.unlink(core.path(name))
                    quarantined = true
                    continue
                }
                if isNewest {
                    // How many records it held is unknown; skip as many sequence numbers as it
                    // could have held (a record takes at least its 16-byte frame), so that no id
                    // that may have been sent upstream is given to a new record. The skipped
                    // range becomes a gap record below.
                    let size = readError == nil ? bytes.count : ((try? core.fileSize(name)) ?? 0)
                    let capacity = UInt64(max(0, size - SegmentFormat.headerSize) / SegmentFormat.recordHeaderSize)
                    highestNamed = max(highestNamed, first + capacity)
                }
                let reason = readError.map { "unreadable: \($0)" } ?? scan.problem
                    ?? "holds \(scan.recordOffsets.count) records, expected \(expectedCount ?? 0)"
                do throws(FileSystemError) {
                    let destination = try core.quarantine(name)
                    quarantined = true
                    core.repairs.append(JournalRepair(
                        kind: .quarantinedSegment, file: name, message: "moved to \(destination): \(reason)"
                    ))
                } catch {
                    // Starting matters more than tidying: the segment is left where it is and
                    // ignored (its range becomes a gap like any other lost range).
                    core.repairs.append(JournalRepair(
                        kind: .quarantinedSegment, file: name, message: "ignored, could not be moved (\(error)): \(reason)"
                    ))
                }
            }
            if quarantined {
                // The renames are atomic; syncing both directories makes them durable so the
                // next open does not scan the corrupt segment again.
                try fileSystem.syncDirectory(configuration.directory)
                try fileSystem.syncDirectory(core.quarantineDirectory)
            }

            // Numbering continues after the newest record, after what a quarantined newest
            // segment could have held, and after every acknowledged sequence: an id that may have been
            // sent upstream is never given to another record.
            let positions = cursorLog.positions
            let lastData = core.segments.last?.lastSequence ?? 0
            core.nextSequence = max(lastData + 1, highestNamed, (positions.values.max() ?? 0) + 1, 1)

            // Missing ranges: before the oldest segment (relative to the slowest logged
            // cursor, or to the oldest segment name found), between segments, after the newest.
            let oldestNamed = firsts.first ?? core.nextSequence
            var expected = min(oldestNamed, (positions.values.min() ?? .max - 1) + 1)
            for segment in core.segments {
                if segment.firstSequence > expected {
                    lost.append((expected...(segment.firstSequence - 1), "segment missing or quarantined"))
                }
                expected = max(expected, segment.lastSequence + 1)
            }
            if core.nextSequence > expected {
                lost.append((expected...(core.nextSequence - 1), "records missing at the end of the journal"))
            }
            if !lost.isEmpty {
                // Ranges an earlier open already recorded as gaps are not lost again.
                let recorded = try core.recordedGaps()
                lost.removeAll { candidate in
                    recorded.contains { $0.lowerBound <= candidate.0.lowerBound && candidate.0.upperBound <= $0.upperBound }
                }
            }
            for (range, reason) in lost {
                core.repairs.append(JournalRepair(
                    kind: .missingRecords, file: "",
                    message: "sequences \(range.lowerBound)...\(range.upperBound) lost: \(reason)"
                ))
            }

            let oldest = core.segments.first(where: { !$0.isEmpty })?.firstSequence ?? core.nextSequence
            for (name, position) in positions.sorted(by: { $0.key < $1.key }) {
                if position > lastData {
                    core.repairs.append(JournalRepair(
                        kind: .cursorAheadOfData, file: CursorLog.fileName,
                        message: "cursor \(name) acknowledged \(position), data ends at \(lastData); "
                            + "numbering continues at \(core.nextSequence)"
                    ))
                } else if position + 1 < oldest {
                    cursorMoves.append((name, oldest - 1))
                    core.repairs.append(JournalRepair(
                        kind: .cursorInMissingSegment, file: CursorLog.fileName,
                        message: "cursor \(name) at \(position) moved to \(oldest - 1), before the oldest record"
                    ))
                }
            }

            if let last = core.segments.last, last.lastSequence + 1 == core.nextSequence {
                core.activeFile = try fileSystem.open(core.path(last.fileName), mode: .readWriteCreate)
            }
        } catch {
            throw JournalError(error)
        }

        // Tell the data platform: gap records for what is lost, one health event for the rest.
        var entries: [(JournalPayload, RecordTime)] = lost.map {
            (.gap(Gap(firstSequence: $0.0.lowerBound, lastSequence: $0.0.upperBound, reason: $0.1)), time)
        }
        if !core.repairs.isEmpty {
            let event = HealthEvent(
                sensor: nil, severity: .warning, kind: "journal.repaired",
                message: core.repairs.map(\.description).joined(separator: "; ")
            )
            entries.append((.health(event), time))
        }
        do throws(JournalError) {
            if core.activeFile == nil { try core.startSegment(firstSequence: core.nextSequence) }
            if !entries.isEmpty { try core.write(entries) }
            // After the gap records: a crash in between repeats the repair (a second gap record
            // for the same range), it never loses the information.
            do { try core.cursorLog.record(cursorMoves) } catch { throw JournalError(error) }
        } catch {
            // Starting matters more than reporting: keep the records for the next append.
            core.deferred = entries
            core.cursorMovesDeferred = cursorMoves
            if case .diskFull(let cause) = error {
                core.diskFull = DiskFullState(since: time, refusedPayloads: 0, error: cause)
            }
        }
        return core
    }

    /// The ranges named by gap records in the journal (read only when a hole needs explaining).
    func recordedGaps() throws(FileSystemError) -> [ClosedRange<UInt64>] {
        var gaps: [ClosedRange<UInt64>] = []
        for segment in segments where !segment.isEmpty {
            let records: [JournalRecord]
            do throws(JournalError) {
                records = try read(segment, from: segment.firstSequence, through: segment.lastSequence)
            } catch {
                if case .io(let cause) = error { throw cause }
                continue
            }
            for record in records {
                if case .gap(let gap) = record.payload, gap.firstSequence <= gap.lastSequence {
                    gaps.append(gap.firstSequence...gap.lastSequence)
                }
            }
        }
        return gaps
    }

    /// The size of a file in the journal directory.
    func fileSize(_ name: String) throws(FileSystemError) -> Int {
        let file = try fileSystem.open(path(name), mode: .readOnly)
        defer { fileSystem.close(file) }
        return try fileSystem.size(file)
    }

    /// Moves a segment to the quarantine folder (under a fresh name if one is taken).
    func quarantine(_ name: String) throws(FileSystemError) -> String {
        let taken = Set(try fileSystem.listDirectory(quarantineDirectory))
        var destination = name
        var suffix = 1
        while taken.contains(destination) {
            destination = "\(name).\(suffix)"
            suffix += 1
        }
        try fileSystem.rename(path(name), to: quarantineDirectory + "/" + destination)
        return "quarantine/" + destination
    }
}
