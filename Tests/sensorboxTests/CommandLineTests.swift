#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The `sensorbox` binary as technicians and CI call it.
@Suite("sensorbox command line", .serialized)
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The binary SwiftPM built next to the test bundle.
    static let binary: String = {
        var directory = CommandLine.arguments[0]
        while let slash = directory.lastIndex(of: "/"), !directory.hasSuffix("/debug"), !directory.hasSuffix("/release") {
            directory = String(directory[..<slash])
        }
        return directory + "/sensorbox"
    }()

    func sensorbox(_ arguments: String, in directory: String? = nil, input: String = "/dev/null") throws -> Run {
        let scratch = temporaryPath()
        defer { _ = system("rm -rf '\(scratch)'") }
        let cd = directory.map { "cd '\($0)' && " } ?? ""
        let status = system("\(cd)'\(Self.binary)' \(arguments) > '\(scratch)/out' 2> '\(scratch)/err' < '\(input)'")
        return Run(status: (status >> 8) & 0xFF, output: try contents(scratch + "/out"), errors: try contents(scratch + "/err"))
    }

    @Test func helpOfEveryCommandFitsEightyColumns() throws {
        for command in ["", "run", "simulate", "config", "config check"] {
            let run = try sensorbox("\(command) --help")
            #expect(run.status == 0)
            for line in run.output.split(separator: "\n") {
                #expect(line.count <= 80, "sensorbox \(command) --help: \(line)")
            }
        }
    }

    @Test("the run's summary counts each sensor's good reads, a footfall counter's frames too")
    func simulateSummaryCountsReads() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let run = try sensorbox("simulate --duration 1m --state-dir \(directory)/state")
        #expect(run.status == 0)
        let rows = run.errors.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(rows.contains { $0.count == 6 && $0[3] == "reads" }, "\(run.errors)")
        // 10 frames a second for a minute, less the first tick's start.
        let thermal = try #require(rows.first { $0.first == "footfall-thermal" }, "\(run.errors)")
        let reads = try #require(Int(thermal[thermal.count - 3]))
        #expect((550...600).contains(reads), "\(thermal)")
    }

    @Test func simulateIsByteIdenticalForTheSameSeed() throws {
        let a = temporaryPath(), b = temporaryPath()
        defer { _ = system("rm -rf '\(a)' '\(b)'") }
        let first = try sensorbox("simulate --duration 5m --seed 9 --state-dir \(a)/state")
        let second = try sensorbox("simulate --duration 5m --seed 9 --state-dir \(b)/state")
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("pm2_5,box=simulated-box,sensor=pm,unit=ug/m3,window=60s mean="))
        #expect(first.errors.contains("simulated 5m (2026-06-01T00:00:00Z to 2026-06-01T00:05:00Z)"))
    }

    @Test func simulateWithoutStateDirUsesDotSensorboxInTheCurrentDirectory() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        #expect(try sensorbox("simulate --duration 2m", in: directory).status == 0)
        #expect(access(directory + "/.sensorbox/journal", F_OK) == 0)
    }

    @Test func badDurationIsAClearError() throws {
        let run = try sensorbox("simulate --duration banana")
        #expect(run.status != 0)
        #expect(run.errors.contains("--duration"))
    }

    @Test func configCheckNamesFileLineAndColumn() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let good = """
            [box]
            id = "box-1"
            board = "simulator"
            [[sensor]]
            id = "pm"
            type = "sps30"
            bus = "i2c-1"
            [[uplink]]
            type = "stdout"
            """
        try write(directory + "/good.toml", good)
        try write(directory + "/bad.toml", good.replacingFirst("type = \"sps30\"", with: "type = \"sps30\"\nfan = 3"))
        let ok = try sensorbox("config check \(directory)/good.toml")
        #expect(ok.status == 0)
        #expect(ok.output.hasPrefix("\(directory)/good.toml: ok\n"))
        #expect(ok.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let bad = try sensorbox("config check \(directory)/bad.toml")
        #expect(bad.status == 1)
        #expect(bad.errors.hasPrefix("\(directory)/bad.toml:7:1: "))
        #expect(bad.errors.contains("fan"))
    }

    @Test func missingConfigFileIsNamed() throws {
        let run = try sensorbox("config check /nonexistent/box.toml")
        #expect(run.status == 1)
        #expect(run.errors.contains("/nonexistent/box.toml"))
    }
}

func temporaryPath() -> String {
    var template = Array("/tmp/sensorbox-cli-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
}

func contents(_ path: String) throws -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func write(_ path: String, _ text: String) throws {
    let file = fopen(path, "w")
    defer { if let file { fclose(file) } }
    _ = fputs(text, file)
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
