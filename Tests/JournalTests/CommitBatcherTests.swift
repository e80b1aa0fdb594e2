import Hardware
import Testing
@testable import Journal

@Suite("Commit batcher")
struct CommitBatcherTests {
    static func time(minute: Int64) -> RecordTime { Fixtures.time(minute * 60) }

    @Test("the immediate policy commits every add with one sync")
    func immediate() async throws {
        let fileSystem = MemoryFileSystem()
        let batcher = CommitBatcher(journal: try Fixtures.open(fileSystem), policy: .immediate)
        let before = fileSystem.syncCount
        #expect(try await batcher.add([Fixtures.aggregate(1), Fixtures.aggregate(2)], time: Self.time(minute: 1)) == [1, 2])
        #expect(fileSystem.syncCount == before + 1)
        #expect(batcher.pending.isEmpty && batcher.deadline == nil)
    }

    @Test("payloads of several ticks are committed together, each with its own time, at the delay")
    func delay() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem)
        let batcher = CommitBatcher(journal: journal, policy: CommitPolicy(maxDelay: .seconds(300), maxRecords: 100))
        let before = fileSystem.syncCount
        for minute in 1...4 {
            #expect(try await batcher.add([Fixtures.aggregate(Int(minute))], time: Self.time(minute: Int64(minute))).isEmpty)
        }
        #expect(batcher.deadline == Self.time(minute: 6).monotonic)
        #expect(try await batcher.flushIfDue(now: Self.time(minute: 5).monotonic).isEmpty)
        #expect(journal.lastSequence == 0 && fileSystem.syncCount == before)
        #expect(try await batcher.flushIfDue(now: Self.time(minute: 6).monotonic) == [1, 2, 3, 4])
        #expect(fileSystem.syncCount == before + 1)
        let records = try journal.readUnacknowledged(cursor: "platform", limit: 10)
        #expect(records.map(\.time) == (1...4).map { Self.time(minute: $0) })
    }

    @Test("reaching maxRecords commits at once")
    func maxRecords() async throws {
        let batcher = CommitBatcher(journal: MemoryJournal(), policy: CommitPolicy(maxDelay: .seconds(3600), maxRecords: 5))
        #expect(try await batcher.add((0..<3).map(Fixtures.aggregate), time: Self.time(minute: 1)).isEmpty)
        #expect(try await batcher.add((3..<6).map(Fixtures.aggregate), time: Self.time(minute: 2)) == [1, 2, 3, 4, 5, 6])
    }

    @Test("a refused commit keeps the payloads held and the next flush commits them")
    func failureKeepsPayloads() async throws {
        let journal = MemoryJournal()
        let batcher = CommitBatcher(journal: journal, policy: .immediate)
        journal.failAppends(with: .diskFull(FileSystemError(errno: FileSystemError.ENOSPC, operation: "pwrite", path: "")))
        await #expect(throws: JournalError.self) { try await batcher.add([Fixtures.health], time: Self.time(minute: 1)) }
        #expect(batcher.pending.count == 1)
        journal.failAppends(with: nil)
        #expect(try await batcher.flush() == [1])
        #expect(journal.records.map(\.payload) == [Fixtures.health])
    }

    @Test("the protocol's default append(entries:) commits once per run of equal times")
    func defaultEntries() async throws {
        final class Counting: Journal, @unchecked Sendable {
            let inner = MemoryJournal()
            var calls = 0
            func append(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64] {
                calls += 1
                return try await inner.append(payloads, time: time)
            }
            func readUnacknowledged(cursor: String, limit: Int) throws -> [JournalRecord] { try inner.readUnacknowledged(cursor: cursor, limit: limit) }
            func acknowledge(cursor: String, upTo sequence: UInt64) throws { try inner.acknowledge(cursor: cursor, upTo: sequence) }
            func acknowledgedSequence(cursor: String) throws -> UInt64 { try inner.acknowledgedSequence(cursor: cursor) }
            var lastSequence: UInt64 { inner.lastSequence }
        }
        let journal = Counting()
        let entries = [1, 1, 2, 2, 2, 1].map { JournalEntry(payload: Fixtures.gap, time: Self.time(minute: $0)) }
        #expect(try await journal.append(entries: entries) == [1, 2, 3, 4, 5, 6])
        #expect(journal.calls == 3)
        #expect(journal.inner.records.map(\.time) == entries.map(\.time))
    }
}
