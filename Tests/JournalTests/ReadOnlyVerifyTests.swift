import Journal
import Testing

@Suite("verify without opening")
struct ReadOnlyVerifyTests {
    @Test("a torn tail is reported with its file and offset, and the file is left as it was")
    func tornTailIsReportedNotRepaired() async throws {
        let fileSystem = MemoryFileSystem()
        let journal = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 4096))
        for index in 0..<4 { _ = try await journal.append([Fixtures.aggregate(index)], time: Fixtures.time(1)) }
        journal.close()
        let paths = Fixtures.segmentPaths(fileSystem)
        var bytes = try #require(fileSystem.contents(of: paths.last!))
        bytes.removeLast(10)  // cut mid-record, as a power cut during a write leaves it
        fileSystem.setContents(of: paths.last!, to: bytes)

        let problems = FileJournal.verify(directory: Fixtures.directory, fileSystem: fileSystem)

        #expect(problems.count == 1)
        #expect(problems.first?.file == String(paths.last!.split(separator: "/").last!))
        // The problem is at the start of the torn record: after the three whole records.
        #expect(problems.first?.offset == (bytes.count + 10 - SegmentFormat.headerSize) / 4 * 3 + SegmentFormat.headerSize)
        #expect(fileSystem.contents(of: paths.last!) == bytes)
        // Opening would have cut the tail: verify must see the damage opening repairs.
        let reopened = try Fixtures.open(fileSystem, Fixtures.configuration(segmentBytes: 4096))
        #expect(reopened.repairsAtOpen.map(\.kind) == [.truncatedTail])
        #expect(FileJournal.verify(directory: Fixtures.directory, fileSystem: fileSystem).isEmpty)
    }

    @Test("a missing directory is one problem, and is not created")
    func missingDirectory() {
        let fileSystem = MemoryFileSystem()
        let problems = FileJournal.verify(directory: "/nowhere", fileSystem: fileSystem)
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("cannot list") == true)
        #expect(throws: FileSystemError.self) { try fileSystem.listDirectory("/nowhere") }
    }
}
