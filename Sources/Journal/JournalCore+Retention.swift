import Hardware

/// Deleting what is no longer needed: segments behind every cursor, and the oldest segments
/// when the journal is over its size limit.
extension JournalCore {
    /// Deletes the segments every cursor has acknowledged completely (never the active one).
    ///
    /// Called only after the cursor positions are durable (the cursor log's fdatasync
    /// returned): deleting first and crashing before the positions are durable would bring the
    /// cursors back into a deleted segment. The directory fsync after the unlinks is not needed
    /// for safety (a segment that reappears after a power cut is behind every cursor and is
    /// deleted again) but frees the space for good.
    func reclaim() throws(JournalError) {
        guard let slowest = cursorPositions.values.min() else { return }
        var deleted = false
        while segments.count > 1, segments[0].lastSequence <= slowest {
            do {
                try fileSystem.unlink(path(segments[0].fileName))
            } catch {
                throw JournalError(error)
            }
            segments.removeFirst()
            deleted = true
        }
        if deleted {
            do { try fileSystem.syncDirectory(directory) } catch { throw JournalError(error) }
        }
    }

    // MARK: Size limit

    var totalBytes: Int { segments.reduce(0) { $0 + $1.size } + cursorLog.size }

    /// Drops the oldest whole segments while the journal is over its size limit.
    ///
    /// Order: (1) a gap record naming the dropped range is committed, (2) cursors behind it are
    /// moved past it durably, (3) the segments are unlinked and the directory fsync'ed. A crash
    /// between the steps leaves either the data (and perhaps a gap record for data still there:
    /// a harmless over-report) or a durable gap record and cursor past the missing data.
    func enforceSizeLimit(time: RecordTime) throws(JournalError) {
        var victims = 0
        var excess = totalBytes - configuration.maximumBytes
        while excess > 0, victims < segments.count - 1 {
            excess -= segments[victims].size
            victims += 1
        }
        guard victims > 0 else { return }
        var first = segments[0].firstSequence
        let last = segments[victims - 1].lastSequence
        // Gap records among the dropped records are lost with them: the new gap absorbs their
        // ranges, so the newest gap record always names everything lost before it.
        for segment in segments.prefix(victims) where !segment.isEmpty {
            for record in try read(segment, from: segment.firstSequence, through: segment.lastSequence) {
                if case .gap(let gap) = record.payload { first = min(first, gap.firstSequence) }
            }
        }
        if last >= segments[0].firstSequence {
            let gap = Gap(
                firstSequence: first, lastSequence: last,
                reason: "retention: journal over its size limit of \(configuration.maximumBytes) bytes"
            )
            try write([(.gap(gap), time)])
            let behind = cursorPositions.filter { $0.value < last }.map { ($0.key, last) }
            do { try cursorLog.record(behind.sorted { $0.0 < $1.0 }) } catch { throw JournalError(error) }
            droppedRecords += last - segments[0].firstSequence + 1
        }
        do {
            for segment in segments.prefix(victims) { try fileSystem.unlink(path(segment.fileName)) }
            segments.removeFirst(victims)
            try fileSystem.syncDirectory(directory)
        } catch {
            throw JournalError(error)
        }
    }
}
