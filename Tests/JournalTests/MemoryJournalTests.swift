import Testing
@testable import Journal

@Suite("Memory journal")
struct MemoryJournalTests {
    @Test("behaves like the file journal for appends, cursors and acknowledgements")
    func sameBehaviour() async throws {
        let memory = MemoryJournal(cursors: ["a", "b"])
        let file = try Fixtures.open(MemoryFileSystem(), Fixtures.configuration(cursors: ["a", "b"]))
        for journal in [memory, file] as [any Journal] {
            #expect(try await journal.append([Fixtures.aggregate(1), Fixtures.gap], time: Fixtures.time(1)) == [1, 2])
            #expect(try await journal.append([Fixtures.health], time: Fixtures.time(2)) == [3])
            try journal.acknowledge(cursor: "a", upTo: 2)
            #expect(try journal.readUnacknowledged(cursor: "a", limit: 5).map(\.sequence) == [3])
            #expect(try journal.readUnacknowledged(cursor: "b", limit: 2).map(\.payload) == [Fixtures.aggregate(1), Fixtures.gap])
            #expect(throws: JournalError.self) { try journal.acknowledge(cursor: "b", upTo: 4) }
            #expect(journal.lastSequence == 3)
        }
    }

    @Test("keeps records until every cursor acknowledged them; injected errors reach the caller")
    func reclaimAndErrors() async throws {
        let journal = MemoryJournal(cursors: ["a", "b"])
        _ = try await journal.append([Fixtures.aggregate(1), Fixtures.aggregate(2)], time: Fixtures.time(1))
        try journal.acknowledge(cursor: "a", upTo: 2)
        #expect(journal.records.count == 2)
        try journal.acknowledge(cursor: "b", upTo: 1)
        #expect(journal.records.map(\.sequence) == [2])
        let full = JournalError.diskFull(FileSystemError(errno: FileSystemError.ENOSPC, operation: "pwrite", path: "x"))
        journal.failAppends(with: full)
        await #expect(throws: full) { try await journal.append([Fixtures.health], time: Fixtures.time(2)) }
        journal.failAppends(with: nil)
        #expect(try await journal.append([Fixtures.health], time: Fixtures.time(3)) == [3])
    }
}
