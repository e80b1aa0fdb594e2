#if canImport(Glibc)
import Glibc
#endif
import Journal

/// A payload whose framed record is exactly `size` bytes (16-byte record header included).
func payload(recordSize size: Int) -> JournalPayload {
    func event(_ length: Int) -> JournalPayload {
        .health(HealthEvent(sensor: nil, severity: .info, kind: "bench", message: String(repeating: "x", count: length)))
    }
    let base = PayloadCodec.encode(event(0), time: time(1)).count + SegmentFormat.recordHeaderSize
    return event(max(0, size - base))
}

/// Journal vs a raw append + fdatasync loop vs SQLite (WAL, synchronous=FULL) on the same
/// workload: 200-byte records, 50 per commit, one fsync per commit.
func runBenchmark(directory: String, records: Int) async {
    let perCommit = 50
    let recordSize = 200
    let commits = records / perCommit
    removeTree(directory)
    mkdir(directory, 0o755)
    let payloadBytes = Double(commits * perCommit * recordSize)

    // Raw loop: the same bytes the journal writes, appended with one fdatasync per commit.
    let item = payload(recordSize: recordSize)
    var chunkWriter: [UInt8] = []
    let encoded = PayloadCodec.encode(item, time: time(1))
    for _ in 0..<perCommit {
        chunkWriter += [UInt8](repeating: 0xAB, count: SegmentFormat.recordHeaderSize) + encoded
    }
    let chunk = chunkWriter
    precondition(chunk.count == perCommit * recordSize)
    // The machine may be shared: alternate the two, three rounds, and keep each one's best.
    var rawSeconds = Double.infinity
    var rawBytes = 0
    var journalSeconds = Double.infinity
    var journalBytes = 0
    let batch = [JournalPayload](repeating: item, count: perCommit)
    for round in 1...3 {
        let rawFile = open(directory + "/raw-\(round).bin", O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
        var written = processWriteBytes()
        var start = monotonicSeconds()
        for _ in 0..<commits {
            _ = chunk.withUnsafeBytes { write(rawFile, $0.baseAddress, $0.count) }
            fdatasync(rawFile)
        }
        if monotonicSeconds() - start < rawSeconds {
            rawSeconds = monotonicSeconds() - start
            rawBytes = processWriteBytes() - written
        }
        close(rawFile)

        let configuration = JournalConfiguration(directory: directory + "/journal-\(round)", maximumBytes: 1 << 30)
        written = processWriteBytes()
        start = monotonicSeconds()
        do {
            let journal = try FileJournal(configuration: configuration, time: time(0))
            for _ in 0..<commits { _ = try await journal.append(batch, time: time(1)) }
            journal.close()
        } catch {
            fail("journal: \(error)")
        }
        if monotonicSeconds() - start < journalSeconds {
            journalSeconds = monotonicSeconds() - start
            journalBytes = processWriteBytes() - written
        }
        say("round \(round): raw \(Int(Double(commits * perCommit) / rawSeconds)) records/s best so far, journal \(Int(Double(commits * perCommit) / journalSeconds))")
    }

    // SQLite, in Python's sqlite3, measured by the Python process itself.
    let sqliteCommand = "python3 '\(packageDirectory())/sqlite_bench.py' '\(directory)/bench.sqlite' \(commits * perCommit) \(perCommit) \(recordSize)"
    var sqliteRate = 0.0
    var sqliteBytes = 0.0
    if let pipe = popen(sqliteCommand, "r") {
        var line = [CChar](repeating: 0, count: 256)
        if fgets(&line, 256, pipe) != nil {
            let fields = cString(line).split(separator: " ")
            if fields.count >= 2 {
                sqliteRate = Double(fields[0].trimmingCharacters()) ?? 0
                sqliteBytes = Double(fields[1].trimmingCharacters()) ?? 0
            }
        }
        pclose(pipe)
    }

    let rawRate = Double(commits * perCommit) / rawSeconds
    let journalRate = Double(commits * perCommit) / journalSeconds
    say("workload: \(commits * perCommit) records of \(recordSize) bytes, \(perCommit) per commit, one fdatasync per commit (best of 3 rounds)")
    say("                 records/s   disk bytes per payload byte")
    say("raw loop      \(pad(rawRate, 12))   \(pad(Double(rawBytes) / payloadBytes, 8, decimals: 3))")
    say("journal       \(pad(journalRate, 12))   \(pad(Double(journalBytes) / payloadBytes, 8, decimals: 3))")
    say("sqlite (WAL)  \(pad(sqliteRate, 12))   \(pad(sqliteBytes / payloadBytes, 8, decimals: 3))")
    say("journal rate = \(pad(100 * journalRate / rawRate, 0, decimals: 1)) % of the raw loop; "
        + "journal bytes = \(pad(sqliteBytes > 0 ? 100 * Double(journalBytes) / sqliteBytes : 0, 0, decimals: 1)) % of SQLite's")
    removeTree(directory)
}

/// Builds a journal of `mebibytes` MiB, then measures how long opening it (the full recovery
/// scan) takes. The page cache is warm: a cold read adds the card's read time (~20 MB/s on a
/// class 10 SD card).
func runRecoveryBenchmark(directory: String, mebibytes: Int) async {
    removeTree(directory)
    let configuration = JournalConfiguration(directory: directory, maximumBytes: 1 << 30)
    let batch = [JournalPayload](repeating: payload(recordSize: 200), count: 5000)
    do {
        let journal = try FileJournal(configuration: configuration, time: time(0))
        while try journal.inspect().totalBytes < mebibytes << 20 { _ = try await journal.append(batch, time: time(1)) }
        journal.close()
        var best = Double.infinity
        var records = 0
        for _ in 0..<3 {
            let start = monotonicSeconds()
            let reopened = try FileJournal(configuration: configuration, time: time(2))
            best = min(best, monotonicSeconds() - start)
            records = Int(reopened.lastSequence)
            reopened.close()
        }
        say("recovery: open of a \(mebibytes) MiB journal (\(records) records) took \(pad(best * 1000, 0, decimals: 1)) ms (best of 3, warm cache)")
    } catch {
        fail("recovery: \(error)")
    }
    removeTree(directory)
}

/// Bytes written per day by a default simulated box: five 1-minute aggregates a minute (PM
/// mass concentrations and soil moisture) and two footfall releases every 15 minutes, under
/// two commit policies.
func runDayEstimate(directory: String) async {
    for (label, minutesPerCommit) in [("one commit per tick (default)", 1), ("one commit per 5 minutes", 5)] {
        removeTree(directory)
        let configuration = JournalConfiguration(directory: directory)
        let aggregate = payload(id: 1)
        let footfall = payload(recordSize: 120)
        do {
            let journal = try FileJournal(configuration: configuration, time: time(0))
            let written = processWriteBytes()
            var pending: [JournalPayload] = []
            for minute in 1...1440 {
                pending += [JournalPayload](repeating: aggregate, count: 5)
                if minute % 15 == 0 { pending += [footfall, footfall] }
                if minute % minutesPerCommit == 0 {
                    _ = try await journal.append(pending, time: time(Int64(minute * 60)))
                    pending = []
                }
            }
            let bytes = processWriteBytes() - written
            let payload = try journal.inspect().totalBytes
            journal.close()
            say("day, \(label): \(pad(Double(bytes) / 1_048_576, 0, decimals: 2)) MiB written to disk for \(pad(Double(payload) / 1024, 0, decimals: 0)) KiB of journal")
        } catch {
            fail("day: \(error)")
        }
    }
    removeTree(directory)
}

/// A file-size limit (RLIMIT_FSIZE) makes writes fail with EFBIG, one of the disk-full errnos:
/// no root or loop mount needed. Checks: diskFull state, oldest data kept, nothing half
/// written, and resumption once the limit is lifted.
func runDiskFull(directory: String) async {
    removeTree(directory)
    // Without this the kernel kills the process with SIGXFSZ instead of returning EFBIG.
    signal(SIGXFSZ, SIG_IGN)
    var original = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &original)
    var limited = original
    limited.rlim_cur = 100_000
    let configuration = JournalConfiguration(directory: directory, segmentBytes: 1 << 20, cursors: ["platform"])
    do {
        let journal = try FileJournal(configuration: configuration, time: time(0))
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limited)
        var accepted = 0
        var refused = 0
        var errnoSeen: Int32 = 0
        for id in 1...1000 {
            do {
                accepted += try await journal.append([payload(id: id)], time: time(1)).count
            } catch JournalError.diskFull(let cause) {
                refused += 1
                errnoSeen = cause.errno
            }
        }
        guard refused > 0, journal.isDiskFull, errnoSeen == EFBIG else { fail("disk-full: no EFBIG (refused \(refused))") }
        guard journal.verify().isEmpty else { fail("disk-full: verify: \(journal.verify())") }
        let kept = try journal.readUnacknowledged(cursor: "platform", limit: 10_000).compactMap(id(of:))
        guard kept == Array(1...accepted) else { fail("disk-full: the oldest records were not kept") }
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &original)
        _ = try await journal.append([payload(id: 5000)], time: time(2))
        guard !journal.isDiskFull else { fail("disk-full: did not resume") }
        journal.close()
        let reopened = try FileJournal(configuration: configuration, time: time(3))
        guard reopened.repairsAtOpen.isEmpty, reopened.verify().isEmpty else { fail("disk-full: reopen needed repairs") }
        say("disk-full: \(accepted) accepted, \(refused) refused with EFBIG, oldest kept, resumed after the limit was lifted")
        say("PASS")
    } catch {
        fail("disk-full: \(error)")
    }
    removeTree(directory)
}

func pad(_ value: Double, _ width: Int, decimals: Int = 0) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = decimals == 0 ? String(Int(rounded)) : String(rounded)
    if decimals > 0, let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return String(repeating: " ", count: max(0, width - text.count)) + text
}
