#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `sensorbox journal inspect|verify` and `sensorbox export` on the journal of a simulated run.
@Suite("sensorbox journal and export", .serialized)
struct JournalCommandTests {
    let cli = CommandLineTests()

    /// A state directory holding ten simulated minutes (2026-06-01T00:00 to 00:10).
    func simulated() throws -> String {
        let state = temporaryPath()
        let run = try cli.sensorbox("simulate --duration 10m --state-dir \(state)")
        try #require(run.status == 0, "simulate: \(run.errors)")
        return state
    }

    @Test func helpFitsEightyColumns() throws {
        for command in ["journal", "journal inspect", "journal verify", "export"] {
            let run = try cli.sensorbox("\(command) --help")
            #expect(run.status == 0)
            for line in run.output.split(separator: "\n") {
                #expect(line.count <= 80, "sensorbox \(command) --help: \(line)")
            }
        }
    }

    @Test func inspectShowsTheStdoutCursorFullyAcknowledged() throws {
        let state = try simulated()
        defer { _ = system("rm -rf '\(state)'") }
        let run = try cli.sensorbox("journal inspect --state-dir \(state)")
        #expect(run.status == 0)
        #expect(run.output.contains("  stdout       acknowledged "))
        #expect(run.output.contains(", fully acknowledged\n"))
        #expect(run.output.contains("00000000000000000001.seg"))
        #expect(run.output.contains("repairs at open: 0\n"))
        #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let json = try cli.sensorbox("journal inspect --json --dir \(state)/journal")
        #expect(json.status == 0)
        #expect(json.output.hasPrefix("{\n  \"directory\": \"\(state)/journal\",\n"))
        #expect(json.output.contains("\"unacknowledged_records\": 0,"))
    }

    @Test func inspectOfAMissingDirectoryFailsWithoutCreatingIt() throws {
        let root = temporaryPath()
        defer { _ = system("rm -rf '\(root)'") }
        let run = try cli.sensorbox("journal inspect --dir \(root)/nothing")
        #expect(run.status == 1)
        #expect(run.errors.contains("\(root)/nothing: no journal"))
        #expect(access(root + "/nothing", F_OK) != 0)
    }

    @Test func verifyIsCleanThenNamesACorruptedSegmentWithoutRepairingIt() throws {
        let state = try simulated()
        defer { _ = system("rm -rf '\(state)'") }
        let clean = try cli.sensorbox("journal verify --state-dir \(state)")
        #expect(clean.status == 0)
        #expect(clean.output == "\(state)/journal: ok, no problems\n")

        let segment = "\(state)/journal/00000000000000000001.seg"
        let before = try #require(flipByte(in: segment, at: 200))
        let corrupt = try cli.sensorbox("journal verify --state-dir \(state)")
        #expect(corrupt.status == 1)
        #expect(corrupt.output.hasPrefix("00000000000000000001.seg at "))
        #expect(corrupt.output.hasSuffix("\(state)/journal: 1 problem\n"))
        // Read-only: the torn record a repairing open would cut is still there.
        #expect(fileSize(segment) == before)
    }

    @Test func exportSinceAnHourIsCSVWithPM25Rows() throws {
        let state = try simulated()
        defer { _ = system("rm -rf '\(state)'") }
        let run = try cli.sensorbox("export --since 1h --format csv --state-dir \(state)")
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.first.map(String.init) == "box,sensor,quantity,unit,window_start,window_seconds,mean,min,max,count,"
            + "coverage_seconds,quality,time_synchronized,sequence,kind,direction,privacy,message")
        let pm = lines.filter { $0.hasPrefix("simulated-box,pm,pm2_5,ug/m3,2026-06-01T00:") }
        #expect(pm.count >= 9)
        #expect(pm.allSatisfy { $0.hasSuffix(",aggregate,,,") })

        let json = try cli.sensorbox("export --since 2026-06-01T00:05:00Z --format json --state-dir \(state)")
        #expect(json.status == 0)
        #expect(json.output.hasPrefix("[\n{\"box\":\"simulated-box\","))
        #expect(!json.output.contains("\"window_start\":\"2026-06-01T00:02:00Z\""))
        let later = try cli.sensorbox("export --since 2026-06-02 --state-dir \(state)")
        #expect(later.output.split(separator: "\n").count == 1)  // the header only
    }

    @Test func badSinceIsAClearError() throws {
        let run = try cli.sensorbox("export --since yesterday")
        #expect(run.status != 0)
        #expect(run.errors.contains("--since"))
    }

    /// Flips one byte of a file; returns the file's size.
    func flipByte(in path: String, at offset: Int) -> Int? {
        guard let file = fopen(path, "r+b") else { return nil }
        defer { fclose(file) }
        fseek(file, offset, SEEK_SET)
        let byte = fgetc(file)
        fseek(file, offset, SEEK_SET)
        fputc(byte ^ 0x5A, file)
        return fileSize(path)
    }

    func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }
}
