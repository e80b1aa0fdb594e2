import Hardware
import Testing
@testable import Journal

@Suite("File journal")
struct FileJournalTests {
    @Test("appends get consecutive sequence numbers and read back after reopen")
    func appendAndReopen() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem)
        #expect(try await journal.append([Fixtures.aggregate(1), Fixtures.footfall], time: Fixtures.time(1)) == [1, 2])
        #expect(try await journal.append([Fixtures.health], time: Fixtures.time(2)) == [3])
        #expect(journal.lastSequence == 3)
        journal.close()

        let reopened = try Fixtures.open(fileSystem)
        #expect(reopened.repairsAtOpen.isEmpty)
        let records = try reopened.readUnacknowledged(cursor: "platform", limit: 10)
        #expect(records.map(\.sequence) == [1, 2, 3])
        #expect(records.map(\.payload) == [Fixtures.aggregate(1), Fixtures.footfall, Fixtures.health])
        #expect(records[2].time == Fixtures.time(2))
        #expect(try await reopened.append([Fixtures.gap], time: Fixtures.time(3)) == [4])
    }

    @Test("each cursor reads from its own acknowledged position, durably")
    func cursors() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(cursors: ["frost", "influx"]))
        _ = try await journal.append((0..<5).map(Fixtures.aggregate), time: Fixtures.time(1))
        try journal.acknowledge(cursor: "frost", upTo: 3)
        #expect(try journal.readUnacknowledged(cursor: "frost", limit: 10).map(\.sequence) == [4, 5])
        #expect(try journal.readUnacknowledged(cursor: "influx", limit: 2).map(\.sequence) == [1, 2])
        #expect(throws: JournalError.self) { try journal.acknowledge(cursor: "influx", upTo: 6) }
        try journal.acknowledge(cursor: "frost", upTo: 2)  // going back is ignored
        #expect(try journal.acknowledgedSequence(cursor: "frost") == 3)
        journal.close()

        let reopened = try Fixtures.open(fileSystem, Fixtures.configuration(cursors: ["frost", "influx"]))
        #expect(try reopened.acknowledgedSequence(cursor: "frost") == 3)
        #expect(try reopened.acknowledgedSequence(cursor: "influx") == 0)
    }

    @Test("a segment is deleted only once every cursor is past it")
    func reclaim() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 600, cursors: ["a", "b"]))
        for index in 0..<20 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        let before = Fixtures.segmentPaths(fileSystem)
        #expect(before.count > 3)
        try journal.acknowledge(cursor: "a", upTo: 20)
        #expect(Fixtures.segmentPaths(fileSystem) == before)
        try journal.acknowledge(cursor: "b", upTo: 12)
        let after = try journal.inspect()
        #expect(after.segments.first.map { $0.firstSequence <= 13 && $0.lastSequence! >= 13 } == true)
        #expect(Fixtures.segmentPaths(fileSystem).count < before.count)
        #expect(try journal.readUnacknowledged(cursor: "b", limit: 100).map(\.sequence) == Array(13...20))
    }

    @Test("over the size limit the oldest segments are dropped and a gap record says which")
    func retention() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 1000, maximumBytes: 3000))
        for index in 0..<40 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        let inspection = try journal.inspect()
        #expect(inspection.totalBytes <= 3000 + 1000)
        #expect(!inspection.gaps.isEmpty)
        let records = try journal.readUnacknowledged(cursor: "platform", limit: 1000)
        let firstKept = try #require(records.first?.sequence)
        // The gaps cover exactly what is missing before the first record the cursor reads (a
        // later gap absorbs the ranges of earlier gap records that were dropped too).
        let gapped = inspection.gaps.reduce(into: Set<UInt64>()) { $0.formUnion($1.firstSequence...$1.lastSequence) }
        #expect(gapped == Set(1..<firstKept))
        #expect(inspection.droppedRecords == firstKept - 1)
        #expect(try journal.acknowledgedSequence(cursor: "platform") == firstKept - 1)
    }

    @Test("the cursor log is compacted and keeps the positions")
    func cursorLogCompaction() async throws {
        let fileSystem = MemoryFileSystem()
        let configuration = Fixtures.configuration(segmentBytes: 1 << 16, cursors: ["a", "b"], compaction: 200)
        let journal = try Fixtures.open(fileSystem, configuration)
        for index in 1...60 {
            _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1))
            try journal.acknowledge(cursor: index.isMultiple(of: 2) ? "a" : "b", upTo: UInt64(index))
        }
        let logSize = try #require(fileSystem.contents(of: Fixtures.directory + "/cursors.log")).count
        #expect(logSize < 260)
        journal.close()
        let reopened = try Fixtures.open(fileSystem, configuration)
        #expect(try reopened.acknowledgedSequence(cursor: "a") == 60)
        #expect(try reopened.acknowledgedSequence(cursor: "b") == 59)
    }

    @Test("export reads the records made since a wall time")
    func recordsSince() async throws {
        let journal = try Fixtures.open(MemoryFileSystem())
        for second in 1...10 { _ = try await journal.append([Fixtures.aggregate(Int(second))], time: Fixtures.time(Int64(second))) }
        let since = try journal.records(since: Fixtures.time(7).wall)
        #expect(since.map(\.sequence) == [7, 8, 9, 10])
        #expect(try journal.records(since: Fixtures.time(2).wall, limit: 3).map(\.sequence) == [2, 3, 4])
    }

    @Test("inspect reports segments, cursor positions and the oldest unacknowledged record; verify finds nothing")
    func inspectClean() async throws {
        let journal = try Fixtures.open(MemoryFileSystem(), Fixtures.configuration(segmentBytes: 600, cursors: ["a", "b"]))
        for index in 0..<8 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        try journal.acknowledge(cursor: "a", upTo: 8)
        try journal.acknowledge(cursor: "b", upTo: 2)
        let inspection = try journal.inspect()
        #expect(inspection.lastSequence == 8)
        #expect(inspection.segments.reduce(0) { $0 + $1.records } == 8)
        #expect(inspection.cursors.map(\.name) == ["a", "b"])
        #expect(inspection.cursors[0].nextRecordFile == nil)
        #expect(inspection.cursors[1].unacknowledgedRecords == 6)
        #expect(inspection.cursors[1].nextRecordOffset == SegmentFormat.headerSize + 2 * (inspection.segments[0].bytes - SegmentFormat.headerSize) / inspection.segments[0].records)
        #expect(inspection.oldestUnacknowledged == 3)
        #expect(inspection.repairsAtOpen.isEmpty && inspection.quarantinedFiles.isEmpty)
        #expect(journal.verify().isEmpty)
    }

    @Test("verify finds a flipped bit and a hole without a gap record, and repairs nothing")
    func verifyFindsProblems() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 600))
        for index in 0..<10 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        let paths = Fixtures.segmentPaths(fileSystem)
        var bytes = try #require(fileSystem.contents(of: paths[0]))
        bytes[SegmentFormat.headerSize + 30] ^= 0x40
        fileSystem.setContents(of: paths[0], to: bytes)
        fileSystem.remove(paths[1])
        let problems = journal.verify()
        #expect(problems.count == 2)
        #expect(problems.first == JournalProblem(
            file: String(paths[0].split(separator: "/").last!), offset: SegmentFormat.headerSize,
            message: "checksum mismatch at \(SegmentFormat.headerSize)"
        ))
        // Counted from the last valid record: the damaged segment holds none.
        #expect(problems.last?.message.hasPrefix("sequences 1...8 missing") == true)
        #expect(fileSystem.contents(of: paths[0]) == bytes)  // nothing was changed
    }

    @Test("the real file system: append, reopen, read back, verify")
    func linuxFileSystem() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = JournalConfiguration(directory: directory.path + "/journal", segmentBytes: 2048, cursors: ["platform"])
        let journal = try FileJournal(configuration: configuration, time: Fixtures.time(0))
        for index in 0..<30 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        try journal.acknowledge(cursor: "platform", upTo: 10)
        journal.close()
        let reopened = try FileJournal(configuration: configuration, time: Fixtures.time(2))
        #expect(reopened.repairsAtOpen.isEmpty)
        #expect(try reopened.readUnacknowledged(cursor: "platform", limit: 100).map(\.sequence) == Array(11...30))
        #expect(reopened.verify().isEmpty)
        #expect(try reopened.inspect().segments.count > 1)
    }
}
