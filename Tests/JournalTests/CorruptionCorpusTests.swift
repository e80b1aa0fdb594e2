import Testing
@testable import Journal

/// Hand-made corruptions of a store, each reopened and checked exactly: what was repaired,
/// which records are still there, which gaps were recorded, and that the next open is clean.
@Suite("Corruption corpus")
struct CorruptionCorpusTests {
    /// 14 aggregates in segments 1–4, 5–8, 9–12, 13–14; cursor `platform` at 2.
    static func store() async throws -> MemoryFileSystem {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, configuration)
        for index in 1...14 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(Int64(index))) }
        try journal.acknowledge(cursor: "platform", upTo: 2)
        journal.close()
        #expect(Fixtures.segmentPaths(fileSystem) == [1, 5, 9, 13].map(segment))
        return fileSystem
    }

    static let configuration = Fixtures.configuration(segmentBytes: 600, cursors: ["platform", "influx"])
    static func segment(_ first: UInt64) -> String { Fixtures.directory + "/" + SegmentFormat.fileName(firstSequence: first) }
    static let cursorLog = Fixtures.directory + "/cursors.log"

    /// Offset of record `index` (0-based) in a segment of equal-sized aggregate records.
    static func recordOffset(_ bytes: [UInt8], _ index: Int) -> Int {
        var offset = SegmentFormat.headerSize
        for _ in 0..<index { offset += SegmentFormat.recordHeaderSize + Int(loadUInt32(bytes, at: offset)) }
        return offset
    }

    /// What a reopened store shows.
    struct Outcome: Equatable {
        var repairs: [JournalRepair.Kind]
        /// Sequences of the aggregates still readable by the cursor `influx` (which acknowledged nothing).
        var data: [UInt64]
        var gaps: [ClosedRange<UInt64>]
        var platformPosition: UInt64
        var lastSequence: UInt64
    }

    static func reopen(_ fileSystem: MemoryFileSystem) throws -> Outcome {
        let journal = try Fixtures.open(fileSystem, configuration, at: 100)
        defer { journal.close() }
        let records = try journal.readUnacknowledged(cursor: "influx", limit: 1000)
        let outcome = Outcome(
            repairs: journal.repairsAtOpen.map(\.kind),
            data: records.filter { if case .aggregate = $0.payload { true } else { false } }.map(\.sequence),
            gaps: records.compactMap { if case .gap(let gap) = $0.payload { gap.firstSequence...gap.lastSequence } else { nil } },
            platformPosition: try journal.acknowledgedSequence(cursor: "platform"),
            lastSequence: journal.lastSequence
        )
        // Data read back is intact, not just present.
        for record in records {
            if case .aggregate = record.payload {
                #expect(record.payload == Fixtures.aggregate(Int(record.sequence)))
                #expect(record.time == Fixtures.time(Int64(record.sequence)))
            }
        }
        if !journal.repairsAtOpen.isEmpty {
            // The repair is reported upstream as the newest record.
            guard case .health(let event)? = records.last?.payload else {
                Issue.record("no health event after a repair")
                return outcome
            }
            #expect(event.kind == "journal.repaired")
        }
        #expect(journal.verify().isEmpty, "\(outcome) \(records.map(\.payload))")
        return outcome
    }

    static func checkNextOpenIsClean(_ fileSystem: MemoryFileSystem) throws {
        let journal = try Fixtures.open(fileSystem, configuration, at: 200)
        #expect(journal.repairsAtOpen.isEmpty)
        journal.close()
    }

    @Test("an untouched store opens without repairs")
    func untouched() async throws {
        let fileSystem = try await Self.store()
        #expect(try Self.reopen(fileSystem) == Outcome(repairs: [], data: Array(1...14), gaps: [], platformPosition: 2, lastSequence: 14))
    }

    @Test("a flipped CRC bit in the newest record cuts the tail back to the record before")
    func flippedChecksumBit() async throws {
        let fileSystem = try await Self.store()
        var bytes = try #require(fileSystem.contents(of: Self.segment(13)))
        bytes[Self.recordOffset(bytes, 1) + 4] ^= 0x10
        fileSystem.setContents(of: Self.segment(13), to: bytes)
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.truncatedTail], data: Array(1...13), gaps: [], platformPosition: 2, lastSequence: 14
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a zeroed length cuts the newest segment at that record")
    func zeroedLength() async throws {
        let fileSystem = try await Self.store()
        var bytes = try #require(fileSystem.contents(of: Self.segment(13)))
        for index in 0..<4 { bytes[SegmentFormat.headerSize + index] = 0 }
        fileSystem.setContents(of: Self.segment(13), to: bytes)
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.truncatedTail], data: Array(1...12), gaps: [], platformPosition: 2, lastSequence: 13
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a file cut in the middle of a record loses only that record")
    func cutMidRecord() async throws {
        let fileSystem = try await Self.store()
        let bytes = try #require(fileSystem.contents(of: Self.segment(13)))
        fileSystem.setContents(of: Self.segment(13), to: Array(bytes.prefix(Self.recordOffset(bytes, 1) + 30)))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.truncatedTail], data: Array(1...13), gaps: [], platformPosition: 2, lastSequence: 14
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a zero-filled tail (power cut after the size grew) is cut without losing a record")
    func zeroFilledTail() async throws {
        let fileSystem = try await Self.store()
        let bytes = try #require(fileSystem.contents(of: Self.segment(13)))
        fileSystem.setContents(of: Self.segment(13), to: bytes + [UInt8](repeating: 0, count: 4096))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.truncatedTail], data: Array(1...14), gaps: [], platformPosition: 2, lastSequence: 15
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a cursor past the data: numbering continues after it and the others learn of the gap")
    func cursorPastData() async throws {
        let fileSystem = try await Self.store()
        let log = try #require(fileSystem.contents(of: Self.cursorLog))
        fileSystem.setContents(of: Self.cursorLog, to: log + CursorLog.entry(name: "platform", sequence: 40))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.missingRecords, .cursorAheadOfData], data: Array(1...14), gaps: [15...40],
            platformPosition: 40, lastSequence: 42
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a deleted middle segment becomes a gap record")
    func deletedMiddleSegment() async throws {
        let fileSystem = try await Self.store()
        fileSystem.remove(Self.segment(5))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.missingRecords], data: [1, 2, 3, 4] + Array(9...14), gaps: [5...8],
            platformPosition: 2, lastSequence: 16
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a deleted segment the cursor still needs: gap record and cursor moved to the oldest record")
    func deletedSegmentUnderCursor() async throws {
        let fileSystem = try await Self.store()
        fileSystem.remove(Self.segment(1))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.missingRecords, .cursorInMissingSegment], data: Array(5...14), gaps: [3...4],
            platformPosition: 4, lastSequence: 16
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a segment of garbage in the middle is quarantined and its range recorded as a gap")
    func garbageSegment() async throws {
        let fileSystem = try await Self.store()
        var random = SplitMix(seed: 5)
        fileSystem.setContents(of: Self.segment(5), to: (0..<700).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.quarantinedSegment, .missingRecords], data: [1, 2, 3, 4] + Array(9...14), gaps: [5...8],
            platformPosition: 2, lastSequence: 16
        ))
        #expect(fileSystem.paths.contains(Fixtures.directory + "/quarantine/" + SegmentFormat.fileName(firstSequence: 5)))
        let inspection = try Fixtures.open(fileSystem, Self.configuration).inspect()
        #expect(inspection.quarantinedFiles == [SegmentFormat.fileName(firstSequence: 5)])
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a flipped bit inside a middle segment quarantines that segment")
    func flippedBitInMiddleSegment() async throws {
        let fileSystem = try await Self.store()
        var bytes = try #require(fileSystem.contents(of: Self.segment(9)))
        bytes[Self.recordOffset(bytes, 2) + 40] ^= 0x01
        fileSystem.setContents(of: Self.segment(9), to: bytes)
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.quarantinedSegment, .missingRecords], data: Array(1...8) + [13, 14], gaps: [9...12],
            platformPosition: 2, lastSequence: 16
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a newest segment of garbage is quarantined; numbering skips every sequence it could have held")
    func garbageNewestSegment() async throws {
        let fileSystem = try await Self.store()
        fileSystem.setContents(of: Self.segment(13), to: [UInt8](repeating: 0xA5, count: 300))
        // 280 bytes after the header could have held 17 records (16-byte frames): 13...29 are
        // skipped and reported as a gap, then come the gap record (30) and the health event (31).
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.quarantinedSegment, .missingRecords], data: Array(1...12), gaps: [13...29],
            platformPosition: 2, lastSequence: 31
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("an unreadable newest segment (EIO) is quarantined, never deleted, and numbering goes on")
    func unreadableNewestSegment() async throws {
        let fileSystem = try await Self.store()
        fileSystem.makeUnreadable(Self.segment(13))
        let size = try #require(fileSystem.contents(of: Self.segment(13))).count
        let skipped = UInt64((size - SegmentFormat.headerSize) / SegmentFormat.recordHeaderSize)
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.quarantinedSegment, .missingRecords], data: Array(1...12), gaps: [13...(12 + skipped)],
            platformPosition: 2, lastSequence: 14 + skipped
        ))
        #expect(fileSystem.paths.contains(Fixtures.directory + "/quarantine/" + SegmentFormat.fileName(firstSequence: 13)))
        try Self.checkNextOpenIsClean(fileSystem)
    }

    @Test("a torn cursor-log entry is cut and the earlier positions kept")
    func tornCursorLog() async throws {
        let fileSystem = try await Self.store()
        let log = try #require(fileSystem.contents(of: Self.cursorLog))
        let entry = CursorLog.entry(name: "platform", sequence: 9)
        fileSystem.setContents(of: Self.cursorLog, to: log + entry.prefix(entry.count - 3))
        #expect(try Self.reopen(fileSystem) == Outcome(
            repairs: [.cursorLogTail], data: Array(1...14), gaps: [], platformPosition: 2, lastSequence: 15
        ))
        try Self.checkNextOpenIsClean(fileSystem)
    }
}
