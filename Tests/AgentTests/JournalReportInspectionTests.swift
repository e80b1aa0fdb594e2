@testable import Agent
import Hardware
import Journal
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("journal inspect and verify reports", .serialized)
struct JournalReportInspectionTests {
    @Test("inspect text: segments, cursors with their positions, gaps, size")
    func text() async throws {
        let small = try await SmallJournal(cursors: ["stdout", "platform"])
        defer { small.remove() }
        try small.journal.acknowledge(cursor: "stdout", upTo: 5)
        try small.journal.acknowledge(cursor: "platform", upTo: 2)
        let text = InspectionReport.text(try small.journal.inspect())
        #expect(text == """
            journal \(small.directory)
            size: 345 B of 64.0 MiB (0.0 %), last sequence 5
            disk: accepting appends

            segments: 1
              file                           first        last     records       bytes
              00000000000000000003.seg           3           5           3         291

            cursors: 2
              platform     acknowledged 2, 3 unacknowledged
                next record: 00000000000000000003.seg at 20
              stdout       acknowledged 5, fully acknowledged
            oldest unacknowledged: 3

            gaps: 1
              100...120: retention: size limit
            quarantined files: 0
            repairs at open: 0

            """)
    }

    @Test("inspect after a repairing open lists the quarantined segment, the repair and its gap")
    func repaired() async throws {
        let small = try await SmallJournal()
        defer { small.remove() }
        small.journal.close()
        // A flipped byte in the older of two segments: opening quarantines it whole.
        let first = small.directory + "/00000000000000000001.seg"
        #expect(system("printf 'X' | dd of='\(first)' bs=1 seek=40 conv=notrunc status=none") == 0)
        let reopened = try FileJournal(
            configuration: SmallJournal.configuration(directory: small.directory), time: SmallJournal.time(minute: 20))
        defer { reopened.close() }
        let inspection = try reopened.inspect()
        let text = InspectionReport.text(inspection)
        #expect(text.hasSuffix("""
            quarantined files: 1
              quarantine/00000000000000000001.seg
            repairs at open: 2
              quarantined-segment 00000000000000000001.seg
                moved to quarantine/00000000000000000001.seg: checksum mismatch at 20
              missing-records
                sequences 1...2 lost: segment missing or quarantined

            """))
        #expect(text.contains("\n  1...2: "))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let json = InspectionReport.json(inspection)
        #expect(json.contains("""
              "quarantined_files": [
                "00000000000000000001.seg"
              ],
              "repairs_at_open": [
                {
                  "kind": "quarantined-segment",
                  "file": "00000000000000000001.seg",
            """))
    }

    @Test("inspect JSON: keys in a fixed order, cursors with their next record")
    func json() async throws {
        let small = try await SmallJournal(cursors: ["stdout"], segmentBytes: 4096)
        defer { small.remove() }
        try small.journal.acknowledge(cursor: "stdout", upTo: 4)
        let json = InspectionReport.json(try small.journal.inspect())
        #expect(json.hasPrefix("""
            {
              "directory": "\(small.directory)",
              "total_bytes": 588,
              "maximum_bytes": 67108864,
              "last_sequence": 5,
              "oldest_unacknowledged": 5,
              "segments": [
                {
                  "file": "00000000000000000001.seg",
                  "first_sequence": 1,
                  "last_sequence": 5,
                  "records": 5,
                  "bytes": 
            """))
        #expect(json.contains("""
              "cursors": [
                {
                  "name": "stdout",
                  "acknowledged_sequence": 4,
                  "unacknowledged_records": 1,
                  "next_record_file": "00000000000000000001.seg",
            """))
        #expect(json.hasSuffix("""
              "dropped_records": 0,
              "disk_full": null,
              "refused_payloads": 0,
              "maintenance_error": null
            }

            """))
    }

    @Test("a full disk is shown with the payloads refused, in text and JSON")
    func diskFull() async throws {
        let journal = try FileJournal(
            configuration: JournalConfiguration(directory: "/journal", segmentBytes: 1000, cursors: ["stdout"]),
            fileSystem: MemoryFileSystem(capacity: 2000), time: SmallJournal.time(minute: 0))
        var refused = 0
        for minute in 1...20 {
            do { _ = try await journal.append([SmallJournal.pm], time: SmallJournal.time(minute: Int64(minute))) } catch {
                refused += 1
            }
        }
        try #require(refused > 0)
        let inspection = try journal.inspect()
        let text = InspectionReport.text(inspection)
        #expect(text.contains("\ndisk: FULL, \(refused) payloads refused ("))
        #expect(!text.contains("accepting appends"))
        let json = InspectionReport.json(inspection)
        #expect(json.contains("\"refused_payloads\": \(refused),"))
        #expect(!json.contains("\"disk_full\": null"))
    }

    @Test("long gap reasons and repair messages wrap at spaces within 80 columns")
    func wrapping() {
        let words = Array(repeating: "segment", count: 30).joined(separator: " ")
        let lines = InspectionReport.wrapped(words, indent: 4)
        #expect(lines.map(\.count) == [75, 75, 75, 27])  // nine words of 8 columns a line
        #expect(lines.allSatisfy { $0.count <= 80 && $0.hasPrefix("    segment") })
        #expect(lines.map { $0.dropFirst(4) }.joined(separator: " ") == words)
    }

    @Test("verify: one line per problem naming file and offset, and a summary")
    func verification() {
        let problems = [
            JournalProblem(file: "00000000000000000001.seg", offset: 312, message: "checksum mismatch at 312"),
            JournalProblem(file: "cursors.log", offset: nil, message: "cannot read"),
        ]
        #expect(VerificationReport.text(problems, directory: "/j") == """
            00000000000000000001.seg at 312: checksum mismatch at 312
            cursors.log: cannot read
            /j: 2 problems

            """)
        #expect(VerificationReport.text([], directory: "/j") == "/j: ok, no problems\n")
    }
}
