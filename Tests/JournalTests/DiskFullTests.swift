import Testing
@testable import Journal

/// A full disk is a state: the oldest data is kept, appends are refused and counted, the
/// journal says so, and it resumes by itself when space comes back.
@Suite("Disk full")
struct DiskFullTests {
    static func isDiskFull(_ error: any Error) -> Bool {
        if case .diskFull(let cause)? = error as? JournalError { return cause.errno == FileSystemError.ENOSPC }
        return false
    }

    @Test("appends are refused with diskFull, the oldest data is kept, and appending resumes with a report")
    func fillAndResume() async throws {
        let fileSystem = MemoryFileSystem(capacity: 4000)
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 1000))
        var accepted: [UInt64] = []
        var refused = 0
        for index in 0..<40 {
            do {
                accepted += try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(Int64(index)))
            } catch {
                #expect(Self.isDiskFull(error))
                refused += 1
            }
        }
        #expect(refused > 0 && !accepted.isEmpty)
        #expect(accepted == Array(1...UInt64(accepted.count)))  // the oldest were kept, nothing dropped
        #expect(journal.isDiskFull)
        let full = try journal.inspect()
        #expect(full.diskFull?.errno == FileSystemError.ENOSPC)
        #expect(full.refusedPayloads == refused)
        #expect(journal.verify().isEmpty)  // no half-written record left behind
        #expect(try journal.readUnacknowledged(cursor: "platform", limit: 100).map(\.sequence) == accepted)

        // The uplink delivers; whole segments are freed; appends are accepted again.
        try journal.acknowledge(cursor: "platform", upTo: UInt64(accepted.count))
        let resumed = try await journal.append([Fixtures.aggregate(99)], time: Fixtures.time(99))
        #expect(!journal.isDiskFull)
        let records = try journal.readUnacknowledged(cursor: "platform", limit: 10)
        #expect(records.map(\.sequence) == [UInt64(accepted.count) + 1] + resumed)
        guard case .health(let event)? = records.first?.payload else {
            Issue.record("no report of the refused payloads")
            return
        }
        #expect(event.kind == "journal.disk-full-ended")
        #expect(event.message.contains("refused \(refused) payloads"))
        journal.close()
        let reopened = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 1000))
        #expect(reopened.repairsAtOpen.isEmpty)
    }

    @Test("a journal that opens on a full disk still starts, and reports its repairs once it can write")
    func openOnFullDisk() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 600))
        for index in 1...10 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        journal.close()
        // A torn tail to repair, and no space to write the report.
        let newest = try #require(Fixtures.segmentPaths(fileSystem).last)
        let bytes = try #require(fileSystem.contents(of: newest))
        fileSystem.setContents(of: newest, to: bytes + [1, 2, 3])
        fileSystem.setCapacity(fileSystem.paths.compactMap { fileSystem.contents(of: $0)?.count }.reduce(0, +))

        let reopened = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 600))
        #expect(reopened.repairsAtOpen.map(\.kind) == [.truncatedTail])
        #expect(reopened.isDiskFull)
        await #expect(throws: JournalError.self) {
            try await reopened.append([Fixtures.aggregate(11)], time: Fixtures.time(2))
        }
        fileSystem.setCapacity(nil)
        let sequences = try await reopened.append([Fixtures.aggregate(11)], time: Fixtures.time(3))
        let records = try reopened.readUnacknowledged(cursor: "platform", limit: 100)
        let kinds = records.compactMap { if case .health(let event) = $0.payload { event.kind } else { nil } }
        #expect(kinds == ["journal.repaired", "journal.disk-full-ended"])
        #expect(records.last?.sequence == sequences.last)
    }
}
