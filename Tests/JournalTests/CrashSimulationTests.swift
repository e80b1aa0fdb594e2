import Testing
@testable import Journal

/// A simulated power cut in the file layer: writes are held pending until synced; at the Nth
/// sync the "crash" keeps, drops or tears each pending write; the journal is reopened from what
/// a reboot would find. Exhaustive over N for a small workload, several outcomes per N.
@Suite("Crash simulation")
struct CrashSimulationTests {
    static let configuration = Fixtures.configuration(segmentBytes: 600, cursors: ["platform"], compaction: 150)

    /// What the workload saw before the crash.
    struct Run {
        /// Payload and time of every sequence an append was attempted for.
        var attempted: [UInt64: (JournalPayload, RecordTime)] = [:]
        /// Sequences whose append returned (acknowledged as durable).
        var acknowledged: [UInt64] = []
        /// The highest cursor position whose acknowledge returned, and the highest attempted.
        var cursorDurable: UInt64 = 0
        var cursorAttempted: UInt64 = 0
    }

    /// Appends 1–3 records at a time and moves the cursor now and then, until the file system
    /// crashes (or the workload ends).
    static func workload(_ fileSystem: MemoryFileSystem) async -> Run {
        var run = Run()
        guard let journal = try? Fixtures.open(fileSystem, configuration) else { return run }
        for step in 0..<30 {
            let count = step % 3 + 1
            let time = Fixtures.time(Int64(step))
            let first = journal.lastSequence + 1
            let payloads = (0..<count).map { Fixtures.aggregate(step * 3 + $0) }
            for (index, payload) in payloads.enumerated() { run.attempted[first + UInt64(index)] = (payload, time) }
            guard let sequences = try? await journal.append(payloads, time: time) else { return run }
            run.acknowledged += sequences
            if step % 4 == 3 {
                let position = journal.lastSequence - 2
                run.cursorAttempted = position
                guard (try? journal.acknowledge(cursor: "platform", upTo: position)) != nil else { return run }
                run.cursorDurable = position
            }
        }
        return run
    }

    @Test("every acknowledged record survives a crash at any sync, intact", arguments: 0..<4)
    func crashAtEverySync(seedBlock: Int) async throws {
        let clean = MemoryFileSystem()
        let cleanRun = await Self.workload(clean)
        #expect(cleanRun.acknowledged.count == 60)
        let syncs = clean.syncCount
        #expect(syncs > 40)
        for crashAt in 1...syncs {
            let fileSystem = MemoryFileSystem()
            fileSystem.crash(atSync: crashAt)
            let run = await Self.workload(fileSystem)
            #expect(fileSystem.hasCrashed)
            for seed in 0..<3 {
                let label = "crash at sync \(crashAt), seed \(seedBlock * 3 + seed)"
                let image = fileSystem.imageAfterCrash(seed: UInt64(crashAt * 100 + seedBlock * 3 + seed))
                let journal = try Fixtures.open(image, Self.configuration, at: 1000)
                let position = try journal.acknowledgedSequence(cursor: "platform")
                #expect(position >= run.cursorDurable && position <= max(run.cursorAttempted, run.cursorDurable), "\(label)")
                let records = try journal.records(from: 1)
                let bySequence = Dictionary(records.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
                for sequence in run.acknowledged where sequence > position {
                    let record = bySequence[sequence]
                    #expect(record != nil, "\(label): acknowledged record \(sequence) lost")
                    if let record, let (payload, time) = run.attempted[sequence] {
                        #expect(record.payload == payload && record.time == time, "\(label): record \(sequence) changed")
                    }
                }
                // Whatever else is there is either what was written, or the journal's own report.
                for record in records {
                    if case .aggregate = record.payload {
                        #expect(run.attempted[record.sequence].map { $0.0 == record.payload } == true, "\(label): \(record.sequence)")
                    }
                }
                #expect(journal.lastSequence >= run.acknowledged.last ?? 0, "\(label)")
                #expect(journal.verify().isEmpty, "\(label): \(journal.verify())")
                // The journal keeps working after the repair.
                let next = try await journal.append([Fixtures.health], time: Fixtures.time(2000))
                #expect(next.first.map { $0 > (run.acknowledged.last ?? 0) } == true, "\(label)")
                journal.close()
            }
        }
    }
}

