import Hardware

extension JournalCore {
    func inspect() throws(JournalError) -> JournalInspection {
        let summaries = segments.map {
            JournalInspection.SegmentSummary(
                fileName: $0.fileName, firstSequence: $0.firstSequence,
                lastSequence: $0.isEmpty ? nil : $0.lastSequence, records: $0.recordCount, bytes: $0.size
            )
        }
        var cursors: [JournalInspection.CursorSummary] = []
        for (name, position) in cursorPositions.sorted(by: { $0.key < $1.key }) {
            let next = segments.first { $0.lastSequence > position && !$0.isEmpty }
            let nextOffset = next.map { Int($0.recordOffsets[Int(max($0.firstSequence, position + 1) - $0.firstSequence)]) }
            cursors.append(JournalInspection.CursorSummary(
                name: name, acknowledgedSequence: position,
                nextRecordFile: next?.fileName,
                nextRecordOffset: nextOffset,
                unacknowledgedRecords: segments.reduce(0) { total, segment in
                    segment.isEmpty || segment.lastSequence <= position ? total
                        : total + segment.lastSequence - max(segment.firstSequence, position + 1) + 1
                }
            ))
        }
        let oldest = cursors.compactMap { cursor -> UInt64? in
            guard cursor.unacknowledgedRecords > 0, let file = cursor.nextRecordFile,
                  let segment = segments.first(where: { $0.fileName == file }) else { return nil }
            return max(segment.firstSequence, cursor.acknowledgedSequence + 1)
        }.min()
        var gaps: [Gap] = []
        for segment in segments where !segment.isEmpty {
            for record in try read(segment, from: segment.firstSequence, through: segment.lastSequence) {
                if case .gap(let gap) = record.payload { gaps.append(gap) }
            }
        }
        let quarantined = ((try? fileSystem.listDirectory(quarantineDirectory)) ?? []).sorted()
        return JournalInspection(
            directory: directory, segments: summaries, cursors: cursors, oldestUnacknowledged: oldest,
            lastSequence: lastSequence, gaps: gaps, quarantinedFiles: quarantined, repairsAtOpen: repairs,
            totalBytes: totalBytes, maximumBytes: configuration.maximumBytes, droppedRecords: droppedRecords,
            diskFull: diskFull?.error, refusedPayloads: diskFull?.refusedPayloads ?? 0,
            maintenanceError: maintenanceError
        )
    }

    /// Re-reads every file from disk and checks it, without changing anything.
    func verify() -> [JournalProblem] {
        Self.verify(fileSystem: fileSystem, directory: directory)
    }

    /// Checks the files of the journal in `directory` without opening it: only reads, so it
    /// can run on a journal that needs repairs and leave it as it found it.
    static func verify(fileSystem: any FileSystem, directory: String) -> [JournalProblem] {
        func path(_ name: String) -> String { directory + "/" + name }
        var problems: [JournalProblem] = []
        let names: [String]
        do throws(FileSystemError) {
            names = try fileSystem.listDirectory(directory)
        } catch {
            return [JournalProblem(file: directory, offset: nil, message: "cannot list: \(error)")]
        }
        let firsts = names.compactMap(SegmentFormat.firstSequence(fileName:)).sorted()
        var expected: UInt64?
        // Holes between segments are problems unless a gap record names them.
        var holes: [(String, ClosedRange<UInt64>)] = []
        var recordedGaps: [ClosedRange<UInt64>] = []
        for first in firsts {
            let name = SegmentFormat.fileName(firstSequence: first)
            let bytes: [UInt8]
            do throws(FileSystemError) {
                bytes = try fileSystem.readWholeFile(path(name))
            } catch {
                problems.append(JournalProblem(file: name, offset: nil, message: "cannot read: \(error)"))
                continue
            }
            if let expected, expected > first {
                problems.append(JournalProblem(
                    file: name, offset: nil,
                    message: "starts at \(first), previous segment ends at \(expected - 1)"
                ))
            } else if let expected, expected < first {
                holes.append((name, expected...(first - 1)))
            }
            let scan = SegmentFormat.scan(bytes, expectedFirst: first)
            if let problem = scan.problem {
                problems.append(JournalProblem(file: name, offset: scan.headerValid ? scan.validEnd : 0, message: problem))
            }
            for (index, offset) in scan.recordOffsets.enumerated() {
                let start = Int(offset)
                let length = Int(loadUInt32(bytes, at: start))
                let payload = Array(bytes[(start + SegmentFormat.recordHeaderSize)..<(start + SegmentFormat.recordHeaderSize + length)])
                if let (_, decoded) = try? PayloadCodec.decode(payload) {
                    if case .gap(let gap) = decoded, gap.firstSequence <= gap.lastSequence {
                        recordedGaps.append(gap.firstSequence...gap.lastSequence)
                    }
                } else {
                    problems.append(JournalProblem(
                        file: name, offset: start, message: "record \(first + UInt64(index)) cannot be decoded"
                    ))
                }
            }
            expected = first + UInt64(scan.recordOffsets.count)
        }
        for (name, hole) in holes where !recordedGaps.contains(where: { $0.lowerBound <= hole.lowerBound && hole.upperBound <= $0.upperBound }) {
            problems.append(JournalProblem(
                file: name, offset: nil, message: "sequences \(hole.lowerBound)...\(hole.upperBound) missing, no gap record"
            ))
        }
        if let bytes = try? fileSystem.readWholeFile(path(CursorLog.fileName)) {
            let (_, validEnd) = CursorLog.parse(bytes)
            if validEnd < bytes.count {
                problems.append(JournalProblem(file: CursorLog.fileName, offset: validEnd, message: "invalid entry"))
            }
        }
        return problems
    }

    /// Records whose wall time is at or after `since`, oldest first, at most `limit`.
    func records(since: WallTime, limit: Int) throws(JournalError) -> [JournalRecord] {
        var result: [JournalRecord] = []
        for segment in segments where !segment.isEmpty {
            // Read in slices so a large journal is not held in memory at once.
            var first = segment.firstSequence
            while first <= segment.lastSequence, result.count < limit {
                let last = min(segment.lastSequence, first + 1023)
                for record in try read(segment, from: first, through: last) where record.time.wall >= since {
                    result.append(record)
                    if result.count == limit { break }
                }
                first = last + 1
            }
        }
        return result
    }
}
