#if canImport(Glibc)
import Glibc
#endif
import Simulator
import Testing

/// `simulate --report` and `replay`: the footfall evaluation commands.
@Suite("sensorbox footfall commands", .serialized)
struct FootfallCommandTests {
    let cli = CommandLineTests()

    @Test func reportComparesWithGroundTruth() throws {
        let run = try cli.sensorbox("simulate --scenario quiet-sunday --duration 30m --report --json")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("{"))
        #expect(run.output.contains("\"scenario\""))
        let unknown = try cli.sensorbox("simulate --scenario moon-base --report")
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("crowded-saturday"))  // lists the known scenarios
        #expect(unknown.errors.contains("held out from tuning: held-out-market-day,"))
        // Errors are wrapped to fit a serial console, a long name and the common mistakes too.
        let longName = String(repeating: "x", count: 200)
        for arguments in ["--scenario moon-base", "--scenario \(longName)", "--duration 5x", "--start nonsense"] {
            let run = try cli.sensorbox("simulate --report " + arguments)
            #expect(run.status != 0)
            let wide = run.errors.split(separator: "\n").filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(arguments): \(wide)")
        }
        // A held-out street runs like any other (the market day has been examined; the Friday
        // evening is kept out of tests too).
        #expect(try cli.sensorbox("simulate --scenario held-out-market-day --duration 10m --report").status == 0)
    }

    /// 30 s of empty pavement to learn the background, then one person walking from row 0 to row 7.
    static func walk(lineEnd: String = "\n") -> String {
        var text = "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius" + lineEnd
        var time = 0.0
        for frame in 0..<(300 + 40) {
            var pixels = Array(repeating: 18.0, count: 64)
            if frame >= 300 {
                let row = (frame - 300) / 5
                if row < 8 { for column in 3...4 { pixels[row * 8 + column] = 30.0 } }
            }
            text += "\(time)," + pixels.map { "\($0)" }.joined(separator: ",") + lineEnd
            time += 0.1
        }
        return text
    }

    @Test func replayCountsARecordedWalkerAndPutsTotalsAtTheTop() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/walk.csv", Self.walk())
        let run = try cli.sensorbox("replay --thermal \(directory)/walk.csv --json")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("{\"in\": 1, \"out\": 0") || run.output.hasPrefix("{\"in\":1,\"out\":0"))
        // One JSON document on one line: a line-by-line reader finds no empty line after it.
        #expect(run.output.hasSuffix("}\n") && run.output.filter { $0 == "\n" }.count == 1, "\(run.output)")
        let swapped = try cli.sensorbox("replay --thermal \(directory)/walk.csv --json --directions north,south")
        #expect(swapped.output.contains("\"north\""))
        // The same frames a second apart, the header still saying 10 fps: warned on standard error,
        // and the JSON on standard output as before.
        let slow = Self.walk().split(separator: "\n").enumerated().map { index, line in
            index == 0 ? String(line) : "\(index - 1)," + line.split(separator: ",").dropFirst().joined(separator: ",")
        }
        try write(directory + "/slow.csv", slow.joined(separator: "\n") + "\n")
        let warned = try cli.sensorbox("replay --thermal \(directory)/slow.csv --json")
        #expect(warned.status == 0)
        #expect(warned.errors.hasPrefix("warning: \(directory)/slow.csv: the frames come at about 1 fps"), "\(warned.errors)")
        #expect(warned.output.hasPrefix("{\"in\":") && warned.output.filter { $0 == "\n" }.count == 1)
        #expect(run.errors.isEmpty)
    }

    @Test func replayWarnsOfPeopleWalkingAlongTheLine() throws {
        // 24 people walking with the column index changing, by turns each way.
        var lines = ["# sensorbox-thermal v1 width=8 height=8 fps=10"]
        var frame = 0
        func add(_ column: Int?) {
            var pixels = Array(repeating: 18.0, count: 64)
            if let column, (0..<8).contains(column) { for row in 3...4 { pixels[row * 8 + column] = 30 } }
            lines.append("\(Double(frame) / 10)," + pixels.map { "\($0)" }.joined(separator: ","))
            frame += 1
        }
        for _ in 0..<300 { add(nil) }
        for walker in 0..<24 {
            for step in 0..<40 { add(walker % 2 == 0 ? step / 4 - 1 : 8 - step / 4) }
            for _ in 0..<20 { add(nil) }
        }
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/sideways.csv", lines.joined(separator: "\n") + "\n")
        let run = try cli.sensorbox("replay --thermal \(directory)/sideways.csv --json")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("{\"in\":0,\"out\":0,"))
        // Wrapped for an 80-column console: read as one line.
        let warning = run.errors.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(warning.hasPrefix("warning: \(directory)/sideways.csv: 24 tracks moved mostly along the counting line"), "\(run.errors)")
        #expect(warning.hasSuffix("--axis columns counts them"), "\(run.errors)")
        let turned = try cli.sensorbox("replay --thermal \(directory)/sideways.csv --json --axis columns")
        #expect(turned.output.hasPrefix("{\"in\":12,\"out\":12,"), "\(turned.output)")
        #expect(turned.errors.isEmpty)
    }

    @Test func replayNamesLineAndColumnOfABadFrame() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/bad.csv", "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius\n0.0,1,2\n")
        let run = try cli.sensorbox("replay --thermal \(directory)/bad.csv")
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(directory)/bad.csv:2:"))
        // A kelvin file labelled celsius: the long message is wrapped to fit a serial console.
        let kelvin = Array(repeating: "293.5", count: 64).joined(separator: ",")
        try write(directory + "/kelvin.csv", "# sensorbox-thermal v1 width=8 height=8\n0.0," + kelvin + "\n")
        let mixedUp = try cli.sensorbox("replay --thermal \(directory)/kelvin.csv")
        #expect(mixedUp.status == 1)
        #expect(mixedUp.errors.contains("looks like kelvin"))
        let wide = mixedUp.errors.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide)")
    }

    /// The footfall counts a `simulate` run released, by sensor, direction and window.
    static func footfallCounts(_ output: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("footfall,") {
            let tags = line.split(separator: " ")
            guard tags.count == 3, let field = tags[1].split(separator: ",").first(where: { $0.hasPrefix("count=") }),
                let count = Int(field.dropFirst(6).dropLast())
            else { continue }
            let key = tags[0].split(separator: ",").filter { $0.hasPrefix("sensor=") || $0.hasPrefix("direction=") }
            counts[key.joined(separator: ",") + " " + tags[2]] = count
        }
        return counts
    }

    @Test func underDPEachCounterDrawsItsOwnNoiseInASimulation() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        func box(_ privacy: String) -> String {
            """
            [box]
            id = "dp-box"
            board = "simulator"
            [privacy]
            \(privacy)
            [[sensor]]
            id = "thermal"
            type = "amg8833"
            address = 0x68
            beams = "beams"
            [[sensor]]
            id = "beams"
            type = "beam-pair"
            pins = ["GPIO17", "GPIO27"]
            [[uplink]]
            type = "stdout"
            """
        }
        try write(directory + "/exact.toml", box("profile = \"exact\""))
        try write(directory + "/dp.toml", box("profile = \"dp\"\nepsilon = 0.5"))
        let span = "--duration 15m --start 2026-06-01T10:00:00Z"
        let exact = try cli.sensorbox("simulate --config exact.toml --state-dir e \(span)", in: directory)
        let dp = try cli.sensorbox("simulate --config dp.toml --state-dir d \(span)", in: directory)
        let exactCounts = Self.footfallCounts(exact.output), dpCounts = Self.footfallCounts(dp.output)
        #expect(exactCounts.count == 4 && Set(exactCounts.keys) == Set(dpCounts.keys), "\(exact.output)\(dp.output)")
        // The noise each release carries, in the same order for both counters (in, out). Drawn
        // from one stream, the two would be the same, and their difference exact.
        func noise(_ sensor: String) -> [Int] {
            exactCounts.keys.filter { $0.hasPrefix("sensor=\(sensor),") }.sorted().map { dpCounts[$0, default: 0] - exactCounts[$0, default: 0] }
        }
        #expect(noise("thermal").count == 2)
        #expect(noise("thermal") != noise("beams"), "thermal \(noise("thermal")), beams \(noise("beams"))")
    }

    @Test func replayRefusesALineNoRecordingHas() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        // A frame line that goes on and on (a writer that lost its line ends) is refused at the
        // longest an 8 × 8 frame can be, before it is read whole; so is a file with no line end.
        let lines = Self.walk().split(separator: "\n")
        try write(directory + "/long.csv", lines[0] + "\n" + lines[1] + "\n" + String(repeating: "1", count: 100_000) + "\n")
        let long = try cli.sensorbox("replay --thermal \(directory)/long.csv")
        #expect(long.status == 1)
        #expect(long.output.isEmpty)
        #expect(long.errors.hasPrefix("\(directory)/long.csv:3:4353: the line goes on past 4352 bytes"), "\(long.errors)")
        try write(directory + "/binary.bin", String(repeating: "x", count: 10_000))
        let binary = try cli.sensorbox("replay --thermal \(directory)/binary.bin")
        #expect(binary.status == 1)
        #expect(binary.errors.hasPrefix("\(directory)/binary.bin:1:4097: no line end within 4096 bytes"), "\(binary.errors)")
        // A frame written out to the limit itself, spaces after its commas, is read (its CRLF
        // does not count); so is a comment of any length, which is skipped.
        let padded = lines[1].split(separator: ",").joined(separator: ", ")
        let wide = padded + String(repeating: " ", count: 4352 - padded.utf8.count)
        let body = lines.dropFirst(2).joined(separator: "\n") + "\n"
        try write(directory + "/wide.csv", lines[0] + "\n" + wide + "\r\n# " + String(repeating: "c", count: 10_000) + "\n" + body)
        let read = try cli.sensorbox("replay --thermal \(directory)/wide.csv --json")
        #expect(read.status == 0, "\(read.errors)")
        try write(directory + "/walk.csv", Self.walk())
        let whole = try cli.sensorbox("replay --thermal \(directory)/walk.csv --json")
        #expect(read.output == whole.output)
    }

    @Test func replayReadsWindowsLineEndsAndStandardInput() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/walk.csv", Self.walk())
        try write(directory + "/walk-crlf.csv", Self.walk(lineEnd: "\r\n"))
        // The last frame without a line end is a frame too.
        try write(directory + "/walk-open.csv", String(Self.walk().dropLast()))
        let lf = try cli.sensorbox("replay --thermal \(directory)/walk.csv --json")
        let open = try cli.sensorbox("replay --thermal \(directory)/walk-open.csv --json")
        #expect(open.output == lf.output)
        let crlf = try cli.sensorbox("replay --thermal \(directory)/walk-crlf.csv --json")
        #expect(crlf.status == 0, "\(crlf.errors)")
        #expect(crlf.output == lf.output)
        let piped = try cli.sensorbox("replay --thermal - --json", input: directory + "/walk-crlf.csv")
        #expect(piped.status == 0, "\(piped.errors)")
        #expect(piped.output == lf.output)
    }

    /// A quarter of an hour of the quiet Sunday street from 17:00 under an array at 5 m, as a
    /// recording, and how many people crossed after its first 3 s (while the background is learnt).
    static func quietSundayFromFiveMetres() -> (text: String, truth: Int) {
        var scenario = StreetScenario.quietSunday
        scenario.mountingHeight = 5
        var street = Street(scenario: scenario, seed: 4)
        var frame = [Float](repeating: 0, count: 64)
        var text = "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius\n"
        var truth = 0
        for index in 0..<9_000 {
            let seconds = 17.0 * 3600 + Double(index) / 10
            street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
            let crossings = street.drainCrossings(upTo: seconds).count
            if index >= 30 { truth += crossings }
            text += "\(Double(index) / 10)," + frame.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return (text, truth)
    }

    /// The people counted both ways, from the JSON's top level (`{"in":N,"out":M,...`).
    static func totalCounted(_ json: String) -> Int? {
        var total = 0
        for key in ["\"in\":", "\"out\":"] {
            guard let range = json.firstRange(of: key) else { return nil }
            guard let count = Int(json[range.upperBound...].prefix { $0.isNumber }) else { return nil }
            total += count
        }
        return total
    }

    @Test func replayTakesTheArraysMountingWithinItsRange() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let recording = Self.quietSundayFromFiveMetres()
        try write(directory + "/evening.csv", recording.text)
        // On a warm evening from 5 m, the threshold made for 4 m loses most people; told the
        // height, the tracker finds them.
        let asFour = try cli.sensorbox("replay --thermal \(directory)/evening.csv --json")
        let asFive = try cli.sensorbox("replay --thermal \(directory)/evening.csv --json --mounting-height 5 --field-of-view 60")
        #expect(asFive.status == 0, "\(asFive.errors)")
        let four = try #require(Self.totalCounted(asFour.output)), five = try #require(Self.totalCounted(asFive.output))
        #expect(four * 4 < recording.truth * 3, "as from 4 m: \(four) of \(recording.truth)")
        #expect(abs(five - recording.truth) < abs(four - recording.truth), "told 5 m: \(five) of \(recording.truth)")
        // The same frames under a header that says how the array hung count as told by the
        // option; an option given wins over the header.
        let header = "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius mounting_height=5"
        let body = recording.text.drop { $0 != "\n" }
        try write(directory + "/evening-5.csv", header + body)
        let saidInHeader = try cli.sensorbox("replay --thermal \(directory)/evening-5.csv --json")
        #expect(Self.totalCounted(saidInHeader.output) == five, "\(saidInHeader.output)\(saidInHeader.errors)")
        let overridden = try cli.sensorbox("replay --thermal \(directory)/evening-5.csv --json --mounting-height 4")
        #expect(Self.totalCounted(overridden.output) == four, "\(overridden.output)\(overridden.errors)")
        let text = try cli.sensorbox("replay --thermal \(directory)/evening-5.csv")
        #expect(text.output.hasPrefix("9000 frames from 5 m above the pavement, 60° lens\n"), "\(text.output)")
        for (option, message) in [
            ("--mounting-height 1.5", "--mounting-height: metres from 2 to 15, not 1.5"),
            ("--mounting-height nan", "--mounting-height: metres from 2 to 15, not nan"),
            ("--field-of-view 170", "--field-of-view: degrees from 10 to 150, not 170.0"),
        ] {
            let run = try cli.sensorbox("replay --thermal \(directory)/evening.csv \(option)")
            #expect(run.status != 0)
            #expect(run.output.isEmpty)
            #expect(run.errors.contains(message), "\(option): \(run.errors)")
        }
    }

    @Test func replaySaysWhyAFileCannotBeRead() throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        let missing = try cli.sensorbox("replay --thermal \(directory)/none.csv")
        #expect(missing.status == 1)
        #expect(missing.errors == "cannot open \(directory)/none.csv: No such file or directory\n")
        let folder = try cli.sensorbox("replay --thermal \(directory)")
        #expect(folder.status == 1)
        #expect(folder.errors == "\(directory) is a directory, not a recording\n")
    }

    @Test(arguments: ["frames,windows", "start,end", "in,window_seconds", "mounting_height,out", "in,field_of_view", "pauses,out"])
    func replayRejectsDirectionsNamedLikeJSONKeys(directions: String) throws {
        let directory = temporaryPath()
        defer { _ = system("rm -rf '\(directory)'") }
        try write(directory + "/walk.csv", Self.walk())
        let run = try cli.sensorbox("replay --thermal \(directory)/walk.csv --json --directions \(directions)")
        #expect(run.status != 0)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("--directions: \""), "\(run.errors)")
        #expect(run.errors.contains("is a key of the output"), "\(run.errors)")
    }

    /// The config's rule for direction names: a space kept in a name would make `"in "` a key of
    /// the JSON, an empty name a key `""`.
    @Test(arguments: ["'in , out'", "in,,out", "Nord,Süd", "in,", String(repeating: "x", count: 33) + ",out"])
    func replayRefusesDirectionNamesAConfigWouldRefuse(directions: String) throws {
        let run = try cli.sensorbox("replay --thermal - --json --directions \(directions)", input: "/dev/null")
        #expect(run.status == 64)
        #expect(run.output.isEmpty)
        let message = run.errors.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(message.contains("--directions: each name must be 1–32 characters") || message.contains("--directions: two different names"), "\(run.errors)")
    }

    @Test func replayHelpReadsCleanly() throws {
        let run = try cli.sensorbox("replay --help")
        #expect(run.status == 0)
        #expect(!run.output.contains("\\"), "\(run.output)")
        #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func simulateUsageNamesEveryOption() throws {
        let run = try cli.sensorbox("simulate --help")
        let usage = run.output.split(separator: "OPTIONS:")[0].split(separator: "USAGE:")[1]
        for option in ["--duration", "--seed", "--start", "--scenario", "--report", "--json", "--windows",
                       "--verbose", "--config", "--boards", "--state-dir"] {
            #expect(usage.contains(option), "\(option) missing from \(usage)")
        }
    }

    @Test("options that would be ignored are refused: --windows without --report, a box's files with it")
    func ignoredOptionsAreRefused() throws {
        let windows = try cli.sensorbox("simulate --duration 2m --windows 60m")
        #expect(windows.status == 64)
        #expect(windows.errors.contains("--windows goes with --report"), "\(windows.errors)")
        let state = try cli.sensorbox("simulate --scenario quiet-sunday --duration 10m --report --state-dir /tmp/unused")
        #expect(state.status == 64)
        // (Wrapped for a console: compared with the line breaks as spaces.)
        let message = state.errors.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(message.contains("no --config, --state-dir or --boards"), "\(state.errors)")
    }

    @Test("the report lists every window of its span, quiet ones with zeros; its windows are the clock's")
    func reportListsQuietWindows() throws {
        // The quiet Sunday's first hour: at 00:15 and 00:45 nobody crosses.
        let run = try cli.sensorbox("simulate --scenario quiet-sunday --duration 1h --report")
        #expect(run.status == 0, "\(run.errors)")
        let rows = run.output.split(separator: "\n").filter { $0.hasPrefix("00:") }
        #expect(rows.map { $0.prefix(5) } == ["00:00", "00:15", "00:30", "00:45"], "\(run.output)")
        #expect(rows.contains { $0.contains("0/0/0/0") && $0.split(separator: " ").filter { $0 == "0/0/0/0" }.count == 2 })
        let json = try cli.sensorbox("simulate --scenario quiet-sunday --duration 1h --report --json")
        #expect(json.output.hasSuffix("}\n") && json.output.filter { $0 == "\n" }.count == 1)
        #expect(json.output.ranges(of: "\"hidden_share\"").count == 4, "\(json.output)")
        for window in ["7m", "2h", "1d"] {
            let refused = try cli.sensorbox("simulate --scenario quiet-sunday --duration 1h --report --windows \(window)")
            #expect(refused.status == 64)
            #expect(refused.errors.contains("--windows: \(window) does not divide an hour into whole minutes"), "\(refused.errors)")
        }
    }

    @Test func reportStartsAtStart() throws {
        // quiet-sunday's first local midnight is 2026-05-16T22:00:00Z; 06:00Z is 08:00 local.
        let run = try cli.sensorbox("simulate --scenario quiet-sunday --duration 10m --report --start 2026-05-17T06:00:00Z")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Scenario quiet-sunday, 0h10 from 08:00\nseed 1, "), "\(run.output)")
        let json = try cli.sensorbox("simulate --scenario quiet-sunday --duration 10m --report --json --start 2026-05-17T06:00:00Z")
        #expect(json.output.contains("\"start_offset_seconds\":28800"), "\(json.output)")
        // A long name, the largest seed and a later day still fit 80 columns.
        let long = try cli.sensorbox(
            "simulate --scenario hot-summer-afternoon --seed 18446744073709551615 --duration 10m --report --start 2026-07-02T06:00:00Z")
        #expect(long.status == 0, "\(long.errors)")
        #expect(long.output.contains(" on day 6"), "\(long.output)")
        #expect(long.output.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(long.output)")
        let outside = try cli.sensorbox("simulate --scenario quiet-sunday --duration 10m --report --start 2026-06-01")
        #expect(outside.status != 0)
        #expect(outside.errors.contains("2026-05-16T22:00:00Z"), "\(outside.errors)")
    }
}
