#if canImport(Glibc)
import Glibc
#endif
import Journal

/// The journal the kill -9 loop writes: small segments and a size limit, so rollovers,
/// reclaims and cursor-log compactions happen many times in a run.
func killLoopConfiguration(_ directory: String) -> JournalConfiguration {
    JournalConfiguration(
        directory: directory, segmentBytes: 32 << 10, maximumBytes: 8 << 20, cursors: ["platform"],
        cursorLogCompactionBytes: 4 << 10
    )
}

/// The child: appends batches of 1–5 records as fast as the disk allows and prints each
/// acknowledgement (`ack SEQ:ID …`) and cursor move (`cursor SEQ`) once the call returned.
func runChild(directory: String, firstID: Int) async {
    let journal: FileJournal
    do {
        journal = try FileJournal(configuration: killLoopConfiguration(directory), time: time(0))
    } catch {
        say("open-failed \(error)")
        exit(3)
    }
    say("ready")
    var random = Random(state: UInt64(firstID))
    var id = firstID
    while true {
        let count = Int(random.next() % 5) + 1
        let ids = Array(id..<(id + count))
        do {
            let sequences = try await journal.append(ids.map { payload(id: $0) }, time: time(1))
            say("ack " + zip(sequences, ids).map { "\($0):\($1)" }.joined(separator: " "))
            id += count
            if random.next() % 8 == 0, journal.lastSequence > 50 {
                let position = journal.lastSequence - 50
                try journal.acknowledge(cursor: "platform", upTo: position)
                say("cursor \(position)")
            }
        } catch {
            say("error \(error)")
            exit(4)
        }
    }
}

/// Spawns `journal-tool child`, its stdout on a pipe.
func spawnChild(directory: String, firstID: Int) -> (pid: pid_t, output: Int32) {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { fail("pipe: errno \(errno)") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    let arguments = ["/proc/self/exe", "child", directory, String(firstID)]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/proc/self/exe", &actions, nil, &argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    close(pipeEnds[1])
    guard result == 0 else { fail("posix_spawn: \(result)") }
    return (pid, pipeEnds[0])
}

/// Reads what is available on `descriptor` within `milliseconds`; `nil` at end of file.
func readAvailable(_ descriptor: Int32, milliseconds: Int32) -> [UInt8]? {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let ready = poll(&poller, 1, milliseconds)
    if ready <= 0 { return [] }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count <= 0 { return count == 0 ? nil : [] }
    return Array(buffer.prefix(count))
}

/// The parent: starts the child, kills it with SIGKILL after a random time, reopens the journal
/// and checks that every acknowledged record is there and intact and that the cursor did not
/// go back. Exits non-zero on the first violation.
func runKillLoop(directory: String, cycles: Int, seed: UInt64) {
    removeTree(directory)
    var random = Random(state: seed)
    var acknowledged: [UInt64: Int] = [:]
    var cursorDurable: UInt64 = 0
    var totalAcknowledged = 0
    var repairs: [String] = []
    let start = monotonicSeconds()
    for cycle in 1...cycles {
        let (pid, output) = spawnChild(directory: directory, firstID: cycle * 10_000_000)
        var pending: [UInt8] = []
        var lines: [String] = []
        func collect(_ bytes: [UInt8]) {
            pending += bytes
            while let newline = pending.firstIndex(of: 10) {
                lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        // Wait for the child to have opened the journal, then let it write for 0–150 ms.
        let readyBy = monotonicSeconds() + 20
        while !lines.contains("ready") {
            guard monotonicSeconds() < readyBy, let bytes = readAvailable(output, milliseconds: 100) else {
                fail("cycle \(cycle): child did not open the journal: \(lines)")
            }
            collect(bytes)
        }
        let killAt = monotonicSeconds() + Double(random.next() % 150) / 1000
        while monotonicSeconds() < killAt {
            guard let bytes = readAvailable(output, milliseconds: 5) else { break }
            collect(bytes)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // The child must have been killed by us, not have died on its own.
        guard status & 0x7F == SIGKILL else { fail("cycle \(cycle): child ended with status \(status): \(lines.suffix(3))") }
        while let bytes = readAvailable(output, milliseconds: 1000), !bytes.isEmpty { collect(bytes) }
        close(output)
        for line in lines {
            let words = line.split(separator: " ")
            switch words.first {
            case "ack":
                for pair in words.dropFirst() {
                    let parts = pair.split(separator: ":")
                    if let sequence = UInt64(parts[0]), let id = Int(parts[1]) {
                        acknowledged[sequence] = id
                        totalAcknowledged += 1
                    }
                }
            case "cursor": cursorDurable = max(cursorDurable, UInt64(words[1]) ?? 0)
            case "ready": continue
            default: fail("cycle \(cycle): child said \(line)")
            }
        }

        // Recovery must succeed and keep everything acknowledged.
        let journal: FileJournal
        do {
            journal = try FileJournal(configuration: killLoopConfiguration(directory), time: time(2))
        } catch {
            fail("cycle \(cycle): open failed: \(error)")
        }
        repairs += journal.repairsAtOpen.map { "cycle \(cycle): \($0)" }
        do {
            let position = try journal.acknowledgedSequence(cursor: "platform")
            guard position >= cursorDurable else { fail("cycle \(cycle): cursor at \(position), acknowledged \(cursorDurable)") }
            acknowledged = acknowledged.filter { $0.key > position }
            var found: [UInt64: Int] = [:]
            for record in try journal.records(from: position + 1) { found[record.sequence] = id(of: record) }
            for (sequence, id) in acknowledged where found[sequence] != id {
                fail("cycle \(cycle): acknowledged record \(sequence) (id \(id)) reads back as \(String(describing: found[sequence]))")
            }
            let problems = journal.verify()
            guard problems.isEmpty else { fail("cycle \(cycle): verify: \(problems)") }
        } catch {
            fail("cycle \(cycle): reading failed: \(error)")
        }
        journal.close()
    }
    let seconds = monotonicSeconds() - start
    say("kill-loop: \(cycles) cycles, \(totalAcknowledged) acknowledged records, none lost; "
        + "\(repairs.count) repairs at open; \(Int(seconds)) s")
    for repair in repairs.prefix(20) { say("  \(repair)") }
    say("PASS")
}
