import Testing
@testable import Journal

/// A simulated power cut in the file layer: writes are held pending until synced; at the Nth
/// sync the "crash" keeps, drops or tears each pending write; the journal is reopened from what
/// a reboot would find. Exhaustive over N for a small workload, several outcomes per N.
@Suite("Crash simulation")
struct CrashSimulationTests {
    static func configuration(retention: Bool) -> JournalConfiguration {
        // With retention the limit is hit every few steps: gap records, forced cursor moves and
        // unlinks run under the crash too.
        Fixtures.configuration(segmentBytes: 600, maximumBytes: retention ? 1800 : 1 << 20, cursors: ["platform"], compaction: 150)
    }

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
    static func workload(_ fileSystem: MemoryFileSystem, _ configuration: JournalConfiguration) async -> Run {
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

    /// Reopens `image` and checks what must hold after any crash.
    static func check(_ image: MemoryFileSystem, _ run: Run, _ configuration: JournalConfiguration, retention: Bool, _ label: String) async throws {
        let journal = try Fixtures.open(image, configuration, at: 1000)
        defer { journal.close() }
        let position = try journal.acknowledgedSequence(cursor: "platform")
        #expect(position >= run.cursorDurable, "\(label)")
        // A power cut tears only the tail: with the right order of syncs there is never a hole,
        // a cursor in a deleted segment, or a corrupt older segment to repair.
        let holes: Set<JournalRepair.Kind> = [.missingRecords, .cursorInMissingSegment, .cursorAheadOfData]
        #expect(journal.repairsAtOpen.allSatisfy { !holes.contains($0.kind) }, "\(label): \(journal.repairsAtOpen)")
        if !retention {
            #expect(position <= max(run.cursorAttempted, run.cursorDurable), "\(label)")
        }
        let records = try journal.records(from: 1)
        let bySequence = Dictionary(records.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let gaps = records.compactMap { if case .gap(let gap) = $0.payload { gap.firstSequence...gap.lastSequence } else { nil } }
        for sequence in run.acknowledged where sequence > position {
            guard let record = bySequence[sequence] else {
                // Only the size limit may drop an acknowledged record, and then a gap names it.
                #expect(retention && gaps.contains { $0.contains(sequence) }, "\(label): acknowledged record \(sequence) lost")
                continue
            }
            if let (payload, time) = run.attempted[sequence] {
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
    }

    @Test("every acknowledged record survives a crash at any sync, intact", arguments: [false, true], 0..<2)
    func crashAtEverySync(retention: Bool, seedBlock: Int) async throws {
        let configuration = Self.configuration(retention: retention)
        let clean = MemoryFileSystem()
        let cleanRun = await Self.workload(clean, configuration)
        #expect(cleanRun.acknowledged.count == 60)
        let syncs = clean.syncCount
        #expect(syncs > 40)
        for crashAt in 1...syncs {
            let fileSystem = MemoryFileSystem()
            fileSystem.crash(atSync: crashAt)
            let run = await Self.workload(fileSystem, configuration)
            #expect(fileSystem.hasCrashed)
            for seed in 0..<6 {
                let label = "crash at sync \(crashAt), seed \(seedBlock * 6 + seed)"
                let image = fileSystem.imageAfterCrash(seed: UInt64(crashAt * 100 + seedBlock * 6 + seed))
                try await Self.check(image, run, configuration, retention: retention, label)
            }
        }
    }

    @Test("a second power cut during the repair at open loses nothing either", arguments: [false, true])
    func crashDuringRecovery(retention: Bool) async throws {
        let configuration = Self.configuration(retention: retention)
        for crashAt in stride(from: 5, through: 60, by: 5) {
            let fileSystem = MemoryFileSystem()
            fileSystem.crash(atSync: crashAt)
            let run = await Self.workload(fileSystem, configuration)
            for openCrash in 1...4 {
                let label = "crash at sync \(crashAt), then at sync \(openCrash) of the open"
                let rebooted = fileSystem.imageAfterCrash(seed: UInt64(crashAt * 10 + openCrash))
                rebooted.crash(atSync: openCrash)
                if let journal = try? Fixtures.open(rebooted, configuration, at: 500) {
                    journal.close()  // the open needed fewer syncs than `openCrash`
                }
                try await Self.check(rebooted.imageAfterCrash(seed: UInt64(openCrash)), run, configuration, retention: retention, label)
            }
        }
    }
}
