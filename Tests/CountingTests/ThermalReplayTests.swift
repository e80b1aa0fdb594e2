import Agent
import Counting
import Testing

@Suite("Replay of recorded thermal frames")
struct ThermalReplayTests {
    /// A walker crossing from row 0 to row 7 and one back, as recording text.
    static func recording(header: String = "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius") -> String {
        var text = header + "\n"
        var builder = FrameBuilder(pavement: 12)
        var frames: [[Float]] = []
        for _ in 0..<60 { frames.append(builder.frame([])) }
        for step in 0..<27 { frames.append(builder.frame(walk(from: -0.5, to: 8.5, steps: 27)(step))) }
        for _ in 0..<20 { frames.append(builder.frame([])) }
        for step in 0..<27 { frames.append(builder.frame(walk(from: 8.5, to: -0.5, steps: 27, x: 2)(step))) }
        for _ in 0..<20 { frames.append(builder.frame([])) }
        for (index, frame) in frames.enumerated() {
            text += "\(Double(index) / 10)," + frame.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return text
    }

    @Test("the default line counts row 0 → last row as in, and the JSON has the totals at its top level")
    func defaults() throws {
        var replay = ThermalReplay(windowSeconds: 900)
        try replay.feed(contentsOf: Self.recording())
        let result = replay.result
        #expect(result.totals == ["in": 1, "out": 1])
        #expect(result.frames == 154)
        #expect(result.json.hasPrefix("{\"in\":1,\"out\":1,\"frames\":154,"))
    }

    @Test("errors name the line and column", arguments: [
        ("# sensorbox-thermal v2 width=8 height=8", "", "1:21:"),
        ("# sensorbox-thermal v1 width=8 height=x", "", "1:32:"),
        ("# sensorbox-thermal v1 width=2 height=2", "0.0,1,2,3", "2:10:"),
        ("# sensorbox-thermal v1 width=2 height=2", "0.0,1,2,warm,4", "2:9:"),
        ("# sensorbox-thermal v1 width=2 height=2", "1.0,1,2,3,4\n0.5,1,2,3,4", "3:1:"),
        ("temperatures", "", "1:1:"),
        // A blank line is a line: the frame after it is on line 3.
        ("# sensorbox-thermal v1 width=2 height=2", "\n0.0,1,2,3", "3:10:"),
        // Swift reads 0x14 as 20: not a temperature as a recording writes one; nor a NUL in a time.
        ("# sensorbox-thermal v1 width=2 height=2", "0.0,0x14,20,20,20", "2:5: pixel 0: expected a temperature"),
        ("# sensorbox-thermal v1 width=2 height=2", "0.5\u{0},20,20,20,20", "2:1: expected the frame's time"),
    ])
    func errors(header: String, body: String, prefix: String) {
        var replay = ThermalReplay()
        do {
            try replay.feed(contentsOf: header + "\n" + body)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(prefix), "\(error)")
        }
    }

    @Test("another axis and other names follow the options")
    func otherLine() throws {
        // Transpose the recording: people now move along the rows (the column index changes).
        let lines = Self.recording().split(separator: "\n")
        var text = String(lines[0]) + "\n"
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            var transposed = [fields[0]]
            for newRow in 0..<8 { for newColumn in 0..<8 { transposed.append(fields[1 + newColumn * 8 + newRow]) } }
            text += transposed.joined(separator: ",") + "\n"
        }
        var replay = ThermalReplay(line: CountingLine(axis: .columns, positiveName: "east", negativeName: "west"))
        try replay.feed(contentsOf: text)
        #expect(replay.result.totals == ["east": 1, "west": 1])
    }

    @Test("a byte order mark before the header, as a spreadsheet may write one, is not part of it")
    func byteOrderMark() throws {
        var replay = ThermalReplay()
        try replay.feed(contentsOf: "\u{FEFF}" + Self.recording())
        #expect(replay.result.totals == ["in": 1, "out": 1])
    }

    @Test("a line on the frame's edge row is refused, naming where a line can lie; the next row counts")
    func lineAtTheEdge() throws {
        for position in [0.0625, 0.9375] {
            var replay = ThermalReplay(line: CountingLine(position: position))
            do {
                try replay.feed(contentsOf: Self.recording())
                Issue.record("expected an error at \(position)")
            } catch {
                #expect(error.description.hasPrefix("1:1: a counting line at \(position) of 8 rows is too close to the frame's edge"))
                #expect(error.description.hasSuffix("it can lie above 0.125 and below 0.875"), "\(error)")
            }
        }
        for position in [0.1875, 0.8125] {
            var replay = ThermalReplay(line: CountingLine(position: position))
            try replay.feed(contentsOf: Self.recording())
            #expect(replay.result.totals == ["in": 1, "out": 1], "at \(position)")
        }
    }

    @Test("CRLF line ends, in the whole file or in some lines, read like LF", arguments: ["\r\n", "mixed"])
    func windowsLineEnds(ending: String) throws {
        let lines = Self.recording().split(separator: "\n")
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line + (ending == "mixed" ? (index % 3 == 0 ? "\r\n" : "\n") : ending)
        }
        var lf = ThermalReplay(windowSeconds: 900), crlf = ThermalReplay(windowSeconds: 900)
        try lf.feed(contentsOf: Self.recording())
        try crlf.feed(contentsOf: text)
        #expect(crlf.result.json == lf.result.json)
        #expect(crlf.result.totals == ["in": 1, "out": 1])
        // Line by line too, as the file reader hands them over (with their line end).
        var byLine = ThermalReplay(windowSeconds: 900)
        for line in lines { try byLine.feed(line + "\r\n") }
        #expect(byLine.result.json == lf.result.json)
    }

    @Test("a header key this reader does not know is skipped, and named when the frames then do not fit")
    func unknownHeaderKeys() throws {
        let frame = "0.0," + Array(repeating: "20", count: 64).joined(separator: ",") + "\n"
        var newer = ThermalReplay()
        try newer.feed(contentsOf: "# sensorbox-thermal v1 width=8 height=8 site=hauptstrasse\n" + frame)
        #expect(newer.result.frames == 1)
        var misspelt = ThermalReplay()
        let wide = "0.0," + Array(repeating: "20", count: 128).joined(separator: ",") + "\n"
        do {
            try misspelt.feed(contentsOf: "# sensorbox-thermal v1 widht=16 height=8\n" + wide)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("2:"), "\(error)")
            #expect(error.description.contains("'widht' is not a v1 key"), "\(error)")
        }
    }

    @Test("header mistakes name the key and where it is", arguments: [
        ("# sensorbox-thermal v1 width=8 width=16", "1:32:", "width is given twice"),
        ("# sensorbox-thermal", "1:20:", "version is missing"),
        ("# sensorbox-thermal width=8", "1:21:", "the format version is missing"),
        ("# sensorbox-thermal v2 width=8", "1:21:", "unsupported format version 'v2'"),
        ("# sensorbox-thermal v1 fps=0", "1:24:", "fps must be a number above 0 and at most 1000"),
        ("# sensorbox-thermal v1 fps=2000", "1:24:", "fps must be a number above 0 and at most 1000"),
        ("# sensorbox-thermal v1 fps=10 mounting_height=1.5", "1:31:", "mounting_height must be metres from 2 to 15"),
        ("# sensorbox-thermal v1 field_of_view=nan", "1:24:", "field_of_view must be degrees from 10 to 150"),
        ("# sensorbox-thermal v1 mounting_height=0x5", "1:24:", "mounting_height must be metres from 2 to 15"),
        ("# sensorbox-thermal v1 fps=0x14", "1:24:", "fps must be a number above 0 and at most 1000"),
    ])
    func headerMistakes(header: String, position: String, message: String) {
        var replay = ThermalReplay()
        do {
            try replay.feed(contentsOf: header + "\n0.0," + Array(repeating: "20", count: 64).joined(separator: ",") + "\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(position + " "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test("the header's mounting_height and field_of_view are the counter's; each one the caller gives wins")
    func headerMounting() throws {
        let header = "# sensorbox-thermal v1 width=8 height=8 mounting_height=5.5 field_of_view=90"
        var fromHeader = ThermalReplay()
        try fromHeader.feed(contentsOf: Self.recording(header: header))
        #expect(fromHeader.mounting == ThermalMounting(height: 5.5, fieldOfView: 90))
        #expect(fromHeader.result.text.hasPrefix("154 frames from 5.5 m above the pavement, 90° lens\n"))
        #expect(fromHeader.result.json.contains(#""mounting_height":5.5,"field_of_view":90"#))
        var lower = ThermalReplay(mountingHeight: 4)
        try lower.feed(contentsOf: Self.recording(header: header))
        #expect(lower.mounting == ThermalMounting(height: 4, fieldOfView: 90))
        var narrower = ThermalReplay(fieldOfView: 60)
        try narrower.feed(contentsOf: Self.recording(header: header))
        #expect(narrower.mounting == ThermalMounting(height: 5.5, fieldOfView: 60))
        var unsaid = ThermalReplay()
        try unsaid.feed(contentsOf: Self.recording())
        #expect(unsaid.mounting == .reference)
    }

    @Test("a field that is not a number is quoted in the error, cut short so the line fits a console")
    func longFieldIsCut() {
        var replay = ThermalReplay()
        let binary = String(repeating: "x", count: 300)
        do {
            try replay.feed(contentsOf: "# sensorbox-thermal v1 width=8 height=8\n0.0," + binary + "\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "2:5: pixel 0: expected a temperature, found 'xxxxxxxxxxxxxxx…'")
        }
        // A terminal's escape sequence in a field is not sent to the console.
        var escape = ThermalReplay()
        do {
            try escape.feed(contentsOf: "# sensorbox-thermal v1 width=8 height=8\n0.0,\u{1b}[2J\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "2:5: pixel 0: expected a temperature, found '?[2J'")
        }
    }

    @Test("a kelvin recording labelled celsius is an error at the first pixel, not a day without people")
    func implausibleTemperatures() {
        var replay = ThermalReplay()
        let kelvin = Self.recording().split(separator: "\n").enumerated().map { index, line in
            index == 0 ? String(line) : line.split(separator: ",").enumerated().map { column, field in
                column == 0 ? String(field) : String(Float(field)! + 273.15)
            }.joined(separator: ",")
        }.joined(separator: "\n")
        do {
            try replay.feed(contentsOf: kelvin)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("2:5: pixel 0: "), "\(error)")
            #expect(error.description.contains("-60 to 200 °C"), "\(error)")
            #expect(error.description.contains("looks like kelvin"), "\(error)")
        }
        // The same numbers said to be kelvin are fine.
        var labelled = ThermalReplay()
        #expect(throws: Never.self) {
            try labelled.feed(contentsOf: kelvin.replacing("unit=celsius", with: "unit=kelvin", maxReplacements: 1))
        }
        #expect(labelled.result.totals == ["in": 1, "out": 1])
        // A °C recording labelled kelvin: the value as written, and in °C to two decimals.
        var celsius = ThermalReplay()
        do {
            try celsius.feed(contentsOf: Self.recording().replacing("unit=celsius", with: "unit=kelvin", maxReplacements: 1))
            Issue.record("expected an error")
        } catch {
            let field = Self.recording().split(separator: "\n")[1].split(separator: ",")[1]
            #expect(error.description.contains("pixel 0: \(field) K is -2"), "\(error)")
            #expect(error.description.contains("looks like °C"), "\(error)")
        }
    }

    /// Ten minutes of a 30-fps array over a pavement at body temperature, nobody there (each
    /// frame's noise 0.3 °C × √3), under the given header.
    static func noiseAt30FPS(header: String) -> String {
        var builder = FrameBuilder(pavement: 31, noise: 0.3 * 3.0.squareRoot(), seed: 7)
        var text = header + "\n"
        for index in 0..<18_000 {
            text += "\(Double(index) / 30)," + builder.frame([]).map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return text
    }

    @Test("the header's fps decides the binning: a 30-fps recording read as one counts fewer crossings of nobody")
    func headerFrameRateBins() throws {
        var asThirty = ThermalReplay()
        try asThirty.feed(contentsOf: Self.noiseAt30FPS(header: "# sensorbox-thermal v1 width=8 height=8 fps=30"))
        var asTen = ThermalReplay()
        try asTen.feed(contentsOf: Self.noiseAt30FPS(header: "# sensorbox-thermal v1 width=8 height=8 fps=10"))
        let binned = asThirty.result.totals.values.reduce(0, +), unbinned = asTen.result.totals.values.reduce(0, +)
        #expect(asThirty.result.frames == 18_000)
        #expect(binned < unbinned, "\(binned) read at 30 fps against \(unbinned) read as 10 fps")
    }

    @Test("a pause in the recording is reported, and the pavement is learnt again after it")
    func pause() throws {
        // The recording, and an hour later the same again, on a pavement 5 °C warmer.
        let lines = Self.recording().split(separator: "\n")
        var text = Self.recording()
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            let time = (Double(fields[0]) ?? 0) + 3600
            text += "\(time)," + fields.dropFirst().map { "\((Float($0) ?? 0) + 5)" }.joined(separator: ",") + "\n"
        }
        var replay = ThermalReplay()
        try replay.feed(contentsOf: text)
        let result = replay.result
        #expect(result.totals == ["in": 2, "out": 2])
        #expect(result.pauses == 1)
        #expect(result.text.split(separator: "\n")[1] == "1 pause of over 2 s between frames; after each, the pavement was learnt anew")
        #expect(result.json.hasPrefix("{\"in\":2,\"out\":2,\"frames\":308,\"pauses\":1,"))
    }

    @Test("frames whose times say another rate than the header's fps are warned about", arguments: [
        (header: "", seconds: 1.0, wholeSeconds: false, warned: true),
        (header: " fps=1", seconds: 1, wholeSeconds: false, warned: false),
        (header: " fps=2", seconds: 0.1, wholeSeconds: false, warned: true),
        (header: " fps=10", seconds: 25, wholeSeconds: false, warned: true),
        (header: "", seconds: 0.1, wholeSeconds: true, warned: false),
        (header: " fps=8", seconds: 0.1, wholeSeconds: false, warned: false),
    ])
    func frameRate(header: String, seconds: Double, wholeSeconds: Bool, warned: Bool) throws {
        var text = "# sensorbox-thermal v1 width=2 height=2" + header + "\n"
        // Enough frames for the probe's ten steps even with times in whole seconds.
        for index in 0..<150 {
            let time = Double(index) * seconds
            text += "\(wholeSeconds ? time.rounded(.down) : time),14,14,14,14\n"
        }
        var replay = ThermalReplay()
        try replay.feed(contentsOf: text)
        let warning = replay.result.warnings.first
        #expect((warning != nil) == warned, "\(warning ?? "no warning")")
        if header == " fps=10" {
            #expect(warning == "the frames come at about 0.04 fps, but were counted at 10 fps, as the header's fps says: write fps=0.04 in the header")
        }
        if header.isEmpty && seconds == 1 {
            #expect(warning == "the frames come at about 1 fps, but were counted at 10 fps, as for a header that names no fps: write fps=1 in the header")
        }
    }

    @Test("people walking along the counting line are warned about: the other axis counts them", arguments: [
        (axis: CountingLine.Axis.rows, warned: true), (axis: .columns, warned: false),
    ])
    func wrongAxis(axis: CountingLine.Axis, warned: Bool) throws {
        // 24 walkers by turns each way, moving with the column index (along the rows).
        var builder = FrameBuilder(pavement: 14)
        var text = "# sensorbox-thermal v1 width=8 height=8 fps=10\n"
        func add(_ frame: [Float]) {
            text += "\(Double(builder.frameIndex) / 10)," + frame.map { "\($0)" }.joined(separator: ",") + "\n"
            builder.frameIndex += 1
        }
        for _ in 0..<60 { add(builder.frame([])) }
        for index in 0..<24 {
            let (from, to) = index % 2 == 0 ? (-0.5, 8.5) : (8.5, -0.5)
            for step in 0..<27 {
                let x = from + (to - from) * Double(step) / 26
                add(builder.frame([FrameBuilder.Body(x: x, y: 3.7, radiusX: 0.45, radiusY: 0.7)]))
            }
            for _ in 0..<10 { add(builder.frame([])) }
        }
        var replay = ThermalReplay(line: CountingLine(axis: axis))
        try replay.feed(contentsOf: text)
        let result = replay.result
        #expect(result.warnings.count == (warned ? 1 : 0), "\(result.warnings)")
        if warned {
            #expect(result.totals.values.reduce(0, +) == 0)
            #expect(result.warnings.first?.hasSuffix("if people walk the other way in this recording, --axis columns counts them") == true)
        } else {
            #expect(result.totals == ["in": 12, "out": 12])
        }
    }

    @Test("every window with a frame is listed, quiet ones with zeros")
    func quietWindowsAreListed() throws {
        var replay = ThermalReplay(windowSeconds: 5)
        try replay.feed(contentsOf: Self.recording())
        let result = replay.result
        // 15.4 s of frames: windows 0, 5, 10 and 15; the walkers cross in the second and third.
        #expect(result.windows.map(\.start) == [0, 5, 10, 15])
        #expect(result.json.contains("{\"start\":0,\"in\":0,\"out\":0}"))
        let quiet = "0" + String(repeating: " ", count: 26) + "0" + String(repeating: " ", count: 9) + "0"
        #expect(result.text.contains("\n" + quiet + "\n"), "\(result.text)")
    }

    @Test("long direction names keep two spaces between the columns, within 80 where they fit")
    func longDirectionNames() throws {
        let names = ("northbound-towards-the-station", "southbound-towards-the-river")
        var replay = ThermalReplay(line: CountingLine(positiveName: names.0, negativeName: names.1), windowSeconds: 900)
        try replay.feed(contentsOf: Self.recording())
        let lines = replay.result.text.split(separator: "\n")
        let heading = try #require(lines.first { $0.hasPrefix("window start") })
        #expect(heading.contains("  \(names.0)  \(names.1)"), "\(heading)")
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}
