#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `sensorbox scan` and `sensorbox selftest` as technicians and scripts call them.
@Suite("sensorbox scan and selftest", .serialized)
struct DiagnosticsCommandTests {
    let cli = CommandLineTests()

    /// `Boards/` of the source tree, found from this file's path.
    let boardDirectory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path + "/Boards"
    }()

    /// A box on a Raspberry Pi 4 (a real board) with one SPS30, as `directory/box.toml`.
    func writeRealBoardBox(in directory: String) throws {
        try write(directory + "/box.toml", """
            [box]
            id = "box-1"
            board = "raspberry-pi-4"
            [[sensor]]
            id = "pm"
            type = "sps30"
            bus = "i2c-1"
            [[uplink]]
            type = "stdout"
            """)
    }

    @Test func helpOfScanAndSelftestFitsEightyColumns() throws {
        for command in ["scan", "selftest"] {
            let run = try cli.sensorbox("\(command) --help")
            #expect(run.status == 0)
            for line in run.output.split(separator: "\n") {
                #expect(line.count <= 80, "sensorbox \(command) --help: \(line)")
            }
        }
    }

    @Test func scanJSONListsTheParticleSensorWithItsSerial() throws {
        let run = try cli.sensorbox("scan --json")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix(#"{"board":"simulator","buses":[{"bus":"i2c-1","device":"sim","chips":["#))
        #expect(run.output.contains(#"{"address":"0x69","chip":"SPS30","serial":"SPS"#))
        #expect(run.output.contains(#"{"address":"0x44","chip":"SHT4x","serial":"#))
    }

    @Test func scanTextFitsEightyColumns() throws {
        let run = try cli.sensorbox("scan")
        #expect(run.status == 0)
        #expect(run.output.contains("  0x69  SPS30  serial SPS"))
        #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("simulate with a real box's config keeps its journal in .sensorbox, never in the box's own state directory")
    func simulateOfARealBoxStaysInDotSensorbox() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try writeRealBoardBox(in: directory)
        let run = try cli.sensorbox("simulate --config box.toml --boards \(boardDirectory) --duration 2m", in: directory)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(access(directory + "/.sensorbox/journal", F_OK) == 0)
        #expect(!run.errors.contains("/var/lib/sensorbox"))
    }

    @Test func selftestOfI2CSensorsPassesWithExitStatusZero() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/box.toml", """
            [box]
            id = "box-1"
            board = "simulator"
            [[sensor]]
            id = "pm"
            type = "sps30"
            bus = "i2c-1"
            [[sensor]]
            id = "climate"
            type = "sht4x"
            bus = "i2c-1"
            address = 0x44
            [[uplink]]
            type = "stdout"
            """)
        let boards = boardDirectory
        let run = try cli.sensorbox("selftest --config \(directory)/box.toml --boards \(boards) --state-dir \(directory)/state")
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("PASS sensor pm"))
        #expect(run.output.contains("PASS sensor climate"))
        #expect(run.output.contains("PASS journal directory writable"))
        #expect(run.output.hasSuffix("selftest of box box-1: 5 checks, 5 PASS, 0 FAIL\n"))
    }

    @Test func unpluggedSensorFailsTheSelftestByName() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let run = try cli.sensorbox("selftest --inject-fault pm=unplugged --state-dir \(directory)")
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL sensor pm: not present: no acknowledge at 0x69 on i2c-1"))
        #expect(run.output.contains("PASS sensor climate"))
        #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func selftestJSONNamesTheFailingSensor() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let run = try cli.sensorbox("selftest --json --inject-fault climate=wrong-identity --state-dir \(directory)")
        #expect(run.status == 1)
        #expect(run.output.hasPrefix(#"{"box":"simulated-box","board":"simulator","passed":false,"checks":["#))
        #expect(run.output.contains(#"{"check":"sensor climate","sensor":"climate","status":"FAIL","detail":"identity: "#))
    }

    @Test(arguments: ["pm", "pm=melted", "nosuch=unplugged"])
    func badFaultInjectionIsAValidationError(_ argument: String) throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let run = try cli.sensorbox("selftest --inject-fault \(argument) --state-dir \(directory)")
        #expect(run.status == 64)
        #expect(run.errors.contains("--inject-fault"))
    }

    @Test func faultInjectionOnARealBoardIsRefused() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try writeRealBoardBox(in: directory)
        let run = try cli.sensorbox(
            "selftest --config \(directory)/box.toml --boards \(boardDirectory) --inject-fault pm=unplugged --state-dir \(directory)/state")
        #expect(run.status == 64, "\(run.errors)")
        #expect(run.errors.contains("only allowed on a simulated board"))
    }
}
