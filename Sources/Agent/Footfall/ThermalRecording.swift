import Counting
import Hardware

#if canImport(Glibc)
import Glibc
#endif

/// What is wrong with a thermal recording, and where: `line:column: message`.
public struct ThermalRecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// The header of a recording: `# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius`.
public struct ThermalRecordingHeader: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// The array's frame rate, which the counter's settings are adapted to
    /// (``ThermalCounterConfiguration/atFrameRate(_:)``); the frames' own times are their times.
    public var framesPerSecond: Double
    /// Whether the header named its fps (else 10 was taken).
    public var namesFramesPerSecond: Bool
    /// `celsius` or `kelvin` (converted to °C when read).
    public var unit: String
    /// How high the array hung above the pavement (`mounting_height`, metres) and what its lens
    /// saw along each side of the frame (`field_of_view`, degrees), when the writer said so
    /// (``ThermalCounterConfiguration/mounted(_:)``).
    public var mountingHeight: Double?
    public var fieldOfView: Double?

    /// Keys the header had that this reader does not know: skipped (a newer writer may add
    /// some), and named when a frame line then has the wrong number of pixels (`widht=16`).
    public var skippedKeys: [String] = []

    /// The keys a v1 header may set.
    public static let keys = ["width", "height", "fps", "unit", "mounting_height", "field_of_view"]

    /// Parses the first line of a recording.
    public init(parsing line: Substring) throws(ThermalRecordingError) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, fields[0] == "#", fields[1] == "sensorbox-thermal" else {
            throw ThermalRecordingError(line: 1, column: 1, message: "expected '# sensorbox-thermal v1 width=… height=…'")
        }
        // No version at all, or a key where the version belongs (`# sensorbox-thermal width=8`).
        guard fields.count >= 3, !fields[2].contains("=") else {
            let at = fields.count >= 3 ? column(of: fields[2], in: line) : line.count + 1
            throw ThermalRecordingError(line: 1, column: at, message: "the format version is missing: expected v1 after 'sensorbox-thermal'")
        }
        guard fields[2] == "v1" else {
            throw ThermalRecordingError(line: 1, column: column(of: fields[2], in: line), message: "unsupported format version \(fields[2].quotedForError) (this reader knows v1)")
        }
        var width = 8, height = 8, fps = 10.0, unit = "celsius"
        var mountingHeight: Double?, fieldOfView: Double?
        var seen: [Substring: Int] = [:]
        var skipped: [String] = []
        for field in fields.dropFirst(3) {
            let parts = field.split(separator: "=", maxSplits: 1)
            let at = column(of: field, in: line)
            guard parts.count == 2 else { throw ThermalRecordingError(line: 1, column: at, message: "expected key=value, found \(field.quotedForError)") }
            // Unknown keys are for newer writers: skipped, and named if the frames then do not fit.
            guard Self.keys.contains(String(parts[0])) else {
                skipped.append(String(parts[0]))
                continue
            }
            if let first = seen[parts[0]] {
                throw ThermalRecordingError(line: 1, column: at, message: "\(parts[0]) is given twice (first at column \(first))")
            }
            seen[parts[0]] = at
            // A decimal within `range`, or the error `message` at this key.
            func number(within range: ClosedRange<Double>, _ message: String) throws(ThermalRecordingError) -> Double {
                guard parts[1].isDecimalNumber, let value = Double(parts[1]), range.contains(value) else {
                    throw ThermalRecordingError(line: 1, column: at, message: message)
                }
                return value
            }
            switch parts[0] {
            case "width", "height":
                guard let value = Int(parts[1]), (2...1024).contains(value) else {
                    throw ThermalRecordingError(line: 1, column: at, message: "\(parts[0]) must be a whole number from 2 to 1024")
                }
                if parts[0] == "width" { width = value } else { height = value }
            case "fps":
                fps = try number(within: Double.leastNonzeroMagnitude...1000, "fps must be a number above 0 and at most 1000")
            case "mounting_height":
                mountingHeight = try number(within: ThermalMounting.heights, "mounting_height must be metres from 2 to 15")
            case "field_of_view":
                fieldOfView = try number(within: ThermalMounting.fieldsOfView, "field_of_view must be degrees from 10 to 150")
            default:
                guard parts[1] == "celsius" || parts[1] == "kelvin" else {
                    throw ThermalRecordingError(line: 1, column: at, message: "unit must be celsius or kelvin")
                }
                unit = String(parts[1])
            }
        }
        // The tracker indexes pixels with 16-bit integers (ThermalCounter): 181 × 181 at most.
        guard width * height <= Int(Int16.max) else {
            throw ThermalRecordingError(line: 1, column: 1, message: "width × height must be at most \(Int16.max) pixels, not \(width * height)")
        }
        self.width = width
        self.height = height
        self.framesPerSecond = fps
        self.namesFramesPerSecond = seen["fps"] != nil
        self.unit = unit
        self.mountingHeight = mountingHeight
        self.fieldOfView = fieldOfView
        self.skippedKeys = skipped
    }
}

/// Counts the people in a recorded thermal sequence (`sensorbox replay`). The format, documented
/// in the README: the header line, then one frame per line, `time_seconds,p0,p1,…` in the
/// sensor's row-major pixel order. Lines starting with `#` and empty lines are skipped.
///
/// Frames are read, counted and forgotten one line at a time; only counts come out.
public struct ThermalReplay {
    public private(set) var header: ThermalRecordingHeader?
    public let windowSeconds: Int64?
    public private(set) var frames = 0
    /// How the array hung, once the header is read: the mounting given to ``init`` where it
    /// says, else the header's, else the reference (4 m, 60°).
    public private(set) var mounting: ThermalMounting?
    private var line: CountingLine
    private let mountingHeight: Double?
    private let fieldOfView: Double?
    private var configuration: ThermalCounterConfiguration?
    private var counter: ThermalCounter?
    private var lineNumber = 0
    private var pixels: [Float] = []
    private var lastTime = -Double.infinity
    private var frameRate = FrameRateProbe()
    private var totals: [String: Int] = [:]
    private var windows: [Int64: [String: Int]] = [:]

    /// - Parameters:
    ///   - line: the counting line (axis, position, direction names); the default counts along
    ///     the columns across the middle, row 0 → last row as `in`.
    ///   - windowSeconds: also sum crossings per window of the recording's time (e.g. 900).
    ///   - mountingHeight, fieldOfView: how the array hung over the pavement
    ///     (``ThermalCounterConfiguration/mounted(_:)``; within ``ThermalMounting/heights`` and
    ///     ``ThermalMounting/fieldsOfView``). Each one given wins over the header's
    ///     `mounting_height` or `field_of_view`; `nil` takes the header's, or the reference's.
    ///   - configuration: counter settings for 10 fps at the reference mounting; its width, height
    ///     and line are taken from the header and `line`, and it is adapted to the header's fps
    ///     (``ThermalCounterConfiguration/atFrameRate(_:)``) and to the mounting.
    public init(
        line: CountingLine = CountingLine(), windowSeconds: Int64? = nil, mountingHeight: Double? = nil,
        fieldOfView: Double? = nil, configuration: ThermalCounterConfiguration? = nil
    ) {
        self.line = line
        self.windowSeconds = windowSeconds
        self.mountingHeight = mountingHeight
        self.fieldOfView = fieldOfView
        self.configuration = configuration
    }

    /// The longest line, in bytes, the recording may have next: a header, or a frame of the
    /// header's size written out generously (64 bytes a pixel). A longer one is no line of a
    /// recording (a binary file, a file without line ends), and is refused before it fills memory.
    public var lineLimit: Int {
        header.map { 256 + 64 * $0.width * $0.height } ?? 4096
    }

    /// The error for a line longer than ``lineLimit``.
    public var lineTooLong: ThermalRecordingError {
        ThermalRecordingError(
            line: lineNumber + 1, column: lineLimit + 1,
            message: header == nil
                ? "no line end within \(lineLimit) bytes: not a recording (expected '# sensorbox-thermal v1 …')"
                : "the line goes on past \(lineLimit) bytes, longer than a frame of the header can be")
    }

    /// Reads the next line of the recording.
    public mutating func feed(_ text: Substring) throws(ThermalRecordingError) {
        lineNumber += 1
        // "\r\n" is one Character: line ends are stripped as scalars, or CRLF files would keep them.
        var text = text
        if text.unicodeScalars.last == "\n" { text = Substring(text.unicodeScalars.dropLast()) }
        if text.unicodeScalars.last == "\r" { text = Substring(text.unicodeScalars.dropLast()) }
        // A byte order mark, as some editors and spreadsheets write one, is not part of the header.
        if lineNumber == 1 && text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        guard let header else {
            let parsed = try ThermalRecordingHeader(parsing: text)
            let length = line.axis == .rows ? parsed.height : parsed.width
            guard line.isCrossable(length: length) else { throw lineAtTheEdge(length: length) }
            self.header = parsed
            var settings = configuration ?? ThermalCounterConfiguration()
            settings.width = parsed.width
            settings.height = parsed.height
            settings.line = line
            let reference = ThermalMounting.reference
            let mounting = ThermalMounting(
                height: mountingHeight ?? parsed.mountingHeight ?? reference.height,
                fieldOfView: fieldOfView ?? parsed.fieldOfView ?? reference.fieldOfView)
            self.mounting = mounting
            counter = ThermalCounter(configuration: settings.atFrameRate(parsed.framesPerSecond).mounted(mounting))
            pixels = Array(repeating: 0, count: parsed.width * parsed.height)
            return
        }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) || text.first == "#" { return }
        let expected = header.width * header.height
        var index = -1
        var time = 0.0
        var fieldStart = text.startIndex
        var column = 1
        while true {
            let fieldEnd = text[fieldStart...].firstIndex(of: ",") ?? text.endIndex
            let field = text[fieldStart..<fieldEnd].trimmingSpaces
            if index == -1 {
                guard field.isDecimalNumber, let value = Double(field), value.isFinite else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: "expected the frame's time in seconds, found \(field.quotedForError)")
                }
                // Seconds since the recording began (or since 1970): anything beyond ~300 years is a typo.
                guard value >= 0, value < 1e10 else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: "time \(value) s is out of range (0 to 1e10 s)")
                }
                guard value >= lastTime else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: "time goes backwards (\(value) after \(lastTime))")
                }
                time = value
            } else {
                guard index < expected else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: "more than \(expected) pixels (width × height of the header)" + skippedHint(header))
                }
                guard field.isDecimalNumber, var value = Float(field), value.isFinite else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: "pixel \(index): expected a temperature, found \(field.quotedForError)")
                }
                if header.unit == "kelvin" { value -= 273.15 }
                guard Self.plausibleCelsius.contains(value) else {
                    throw ThermalRecordingError(line: lineNumber, column: column, message: implausible(value, written: field, pixel: index, unit: header.unit))
                }
                pixels[index] = value
            }
            index += 1
            guard fieldEnd < text.endIndex else { break }
            column += text[fieldStart...fieldEnd].count
            fieldStart = text.index(after: fieldEnd)
        }
        guard index == expected else {
            throw ThermalRecordingError(line: lineNumber, column: text.count + 1, message: "\(index) pixels, expected \(expected) (width × height of the header)" + skippedHint(header))
        }
        lastTime = time
        frames += 1
        frameRate.observe(time: time, frame: frames)
        let instant = MonotonicInstant(nanoseconds: UInt64(max(time, 0) * 1e9))
        let window = windowSeconds.map { Int64((time / Double($0)).rounded(.down)) * $0 }
        // Every window with a frame is listed, so that a quiet window (zeros) tells from a gap.
        if let window, windows[window] == nil { windows[window] = [:] }
        counter?.process(pixels, at: instant) { crossing in
            totals[crossing.direction, default: 0] += 1
            if let window { windows[window, default: [:]][crossing.direction, default: 0] += 1 }
        }
    }

    /// Reads a whole recording from text (LF or CRLF line ends, mixed too).
    public mutating func feed(contentsOf text: String) throws(ThermalRecordingError) {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            // The end of the last line is not a line of its own.
            if index == lines.count - 1 && line.isEmpty && header != nil { break }
            try feed(Substring(line))
        }
    }

    /// Temperatures a thermal array can report, in °C: anything outside is a wrong unit or a
    /// broken writer, not weather, and would silently count nobody.
    public static let plausibleCelsius: ClosedRange<Float> = -60...200

    /// When a frame does not fit the header and the header had keys this reader skipped: which.
    /// The error for a counting line too close to the edge of a frame `length` pixels long.
    private func lineAtTheEdge(length: Int) -> ThermalRecordingError {
        // The limits rounded inwards, so that a value between them is taken.
        let margin = line.edgeMargin(length: length)
        let low = (margin * 1000).rounded(.up) / 1000, high = ((1 - margin) * 1000).rounded(.down) / 1000
        let range = low < high ? "it can lie above \(formatNumber(low)) and below \(formatNumber(high))" : "no line can"
        return ThermalRecordingError(
            line: 1, column: 1,
            message: "a counting line at \(formatNumber(line.position)) of \(length) \(line.axis.rawValue) "
                + "is too close to the frame's edge for anyone to be seen beyond it; \(range)")
    }

    private func skippedHint(_ header: ThermalRecordingHeader) -> String {
        guard !header.skippedKeys.isEmpty else { return "" }
        let names = header.skippedKeys.map { Substring($0).quotedForError }.joined(separator: ", ")
        let verb = header.skippedKeys.count == 1 ? "is not a v1 key" : "are not v1 keys"
        let was = header.skippedKeys.count == 1 ? "was" : "were"
        return "; the header's \(names) \(verb) (\(ThermalRecordingHeader.keys.joined(separator: ", "))) and \(was) skipped"
    }

    private func implausible(_ celsius: Float, written: Substring, pixel: Int, unit: String) -> String {
        let range = "\(Int(Self.plausibleCelsius.lowerBound)) to \(Int(Self.plausibleCelsius.upperBound)) °C"
        // The value as written; in kelvin also what it is in °C.
        let value = unit == "kelvin"
            ? "\(written.cutForError) K is \(formatDecimal(Double(celsius), digits: 2)) °C, which" : "\(written.cutForError) °C"
        var message = "pixel \(pixel): \(value) is outside the plausible \(range)"
        if unit == "celsius" && Self.plausibleCelsius.contains(celsius - 273.15) {
            message += "; it looks like kelvin, but the header says unit=celsius"
        } else if unit == "kelvin" && Self.plausibleCelsius.contains(celsius + 273.15) {
            message += "; it looks like °C, but the header says unit=kelvin"
        }
        return message
    }

    /// The counts so far.
    public var result: ThermalReplayResult {
        ThermalReplayResult(
            directions: line.directionNames, totals: totals, frames: frames,
            pauses: counter?.pausesResumed ?? 0, longestPause: counter?.longestFramePauseSeconds ?? 0, mounting: mounting ?? .reference,
            windowSeconds: windowSeconds,
            windows: windows.keys.sorted().map { ($0, windows[$0] ?? [:]) },
            warnings: [header.flatMap { frameRate.warning(for: $0) }, counter?.trackMotion.axisWarning(for: line)].compactMap { $0 })
    }
}

extension Substring {
    /// The field in quotes for an error message, cut to 16 characters: a line of a binary file or
    /// a run of commas must not push the message past a console's 80 columns.
    var quotedForError: String { "'\(cutForError)'" }

    /// At most 16 characters, control characters (a terminal's escape sequences) shown as `?`.
    var cutForError: String {
        unicodeScalars.count <= 16
            ? DiagnosticText.printable(self) : DiagnosticText.printable(Substring(unicodeScalars.prefix(15))) + "…"
    }

    /// Written as a decimal number (`21.25`, `-3`, `2.1e1`): Swift would also read hexadecimal
    /// (`0x14` as 20), and a NUL or other byte has no place in a number.
    var isDecimalNumber: Bool {
        !isEmpty && utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
    }

    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}

private func column(of field: Substring, in line: Substring) -> Int {
    line.distance(from: line.startIndex, to: field.startIndex) + 1
}
