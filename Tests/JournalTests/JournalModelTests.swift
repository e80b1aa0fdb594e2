import Testing
@testable import Journal

/// Property test: random append / read / acknowledge / reopen sequences against a plain model,
/// compared after every step.
@Suite("Journal against a model")
struct JournalModelTests {
    /// What the journal must show: every record appended, and each cursor's position.
    struct Model {
        var records: [JournalRecord] = []
        var positions: [String: UInt64] = [:]
        var last: UInt64 { records.last?.sequence ?? 0 }

        func unacknowledged(_ cursor: String, limit: Int) -> [JournalRecord] {
            Array(records.filter { $0.sequence > positions[cursor, default: 0] }.prefix(limit))
        }
    }

    static let cursors = ["frost", "influx", "community"]

    @Test("random operations keep journal and model equal", arguments: 1...8)
    func randomOperations(seed: Int) async throws {
        var random = SplitMix(seed: UInt64(seed) &* 7919)
        let fileSystem = MemoryFileSystem()
        let configuration = Fixtures.configuration(segmentBytes: 700, cursors: Self.cursors, compaction: 300)
        var journal = try Fixtures.open(fileSystem, configuration)
        var model = Model()
        for step in 0..<250 {
            let cursor = Self.cursors[Int(random.next() % 3)]
            switch random.next() % 10 {
            case 0...3:
                let count = Int(random.next() % 4) + 1
                let payloads = (0..<count).map { _ in Fixtures.allKinds[Int(random.next() % UInt64(Fixtures.allKinds.count))] }
                let time = Fixtures.time(Int64(step))
                let sequences = try await journal.append(payloads, time: time)
                #expect(sequences == Array((model.last + 1)...(model.last + UInt64(count))))
                for (sequence, payload) in zip(sequences, payloads) {
                    model.records.append(JournalRecord(sequence: sequence, time: time, payload: payload))
                }
            case 4...5:
                let limit = Int(random.next() % 8) + 1
                #expect(try journal.readUnacknowledged(cursor: cursor, limit: limit) == model.unacknowledged(cursor, limit: limit))
            case 6...7:
                guard model.last > 0 else { continue }
                let sequence = random.next() % (model.last + 1)
                try journal.acknowledge(cursor: cursor, upTo: sequence)
                model.positions[cursor] = max(model.positions[cursor, default: 0], sequence)
            case 8:
                let beyond = model.last + 1 + random.next() % 5
                #expect(throws: JournalError.self) { try journal.acknowledge(cursor: cursor, upTo: beyond) }
            default:
                journal.close()
                journal = try Fixtures.open(fileSystem, configuration, at: Int64(step))
                #expect(journal.repairsAtOpen.isEmpty, "step \(step)")
            }
            #expect(journal.lastSequence == model.last)
            // A full comparison of every cursor's view costs a decode of all records: every
            // few steps is enough to catch a divergence near where it happened.
            guard step % 5 == 0 else { continue }
            for name in Self.cursors {
                #expect(try journal.acknowledgedSequence(cursor: name) == model.positions[name, default: 0])
                #expect(try journal.readUnacknowledged(cursor: name, limit: 1000) == model.unacknowledged(name, limit: 1000))
            }
        }
        #expect(journal.verify().isEmpty)
        // Segments behind every cursor were reclaimed.
        let slowest = Self.cursors.map { model.positions[$0, default: 0] }.min() ?? 0
        let inspection = try journal.inspect()
        #expect(inspection.segments.dropLast().allSatisfy { ($0.lastSequence ?? 0) > slowest })
    }
}
