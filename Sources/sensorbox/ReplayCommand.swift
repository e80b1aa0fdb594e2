import Agent
import ArgumentParser
import Counting

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Count people in a recording of thermal frames.",
        usage: """
            sensorbox replay --thermal <file> [--windows <duration>] [--json]
                   [--axis rows|columns] [--line <fraction>] [--directions <in,out>]
                   [--mounting-height <metres>] [--field-of-view <degrees>]
            """,
        discussion: """
            The file: a first line "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius", then \
            one frame per line, "time_seconds,p0,p1,…,p63" in the sensor's row-major pixel order. By \
            default people move along the columns (from row 0 towards the last row is "in"), across a \
            line through the middle; people who move mostly along that line are warned about. The \
            header's fps (default 10) is the array's frame rate: from 15 fps on, frames are averaged to \
            about 10 fps; below 10 fps the tracker lets people move further between frames; frames whose \
            times say another rate are warned about. An array hung higher than 4 m, or behind a lens \
            wider than 60°, sees people smaller: the header's mounting_height and field_of_view, or the \
            options (which win), say so, and the tracker's threshold follows. A recording may pause \
            (frames dropped, or hours stitched together): after a pause longer than a lost track is \
            remembered (2 s at 10 fps, 20 frames at a lower fps) the counter starts again and learns the \
            pavement in 30 frames; the output says how often. Frames are counted and dropped one by one; \
            only counts are printed.
            """)

    @Option(help: ArgumentHelp("The recording (see above); - reads standard input.", valueName: "file"))
    var thermal: String

    @Option(help: ArgumentHelp("Window length of the per-window counts.", valueName: "duration"))
    var windows: String = "15m"

    @Flag(help: "Print JSON: totals per direction at the top level, then the windows.")
    var json = false

    @Option(help: ArgumentHelp("rows: people move along the columns (the row index changes); columns: the other way.", valueName: "axis"))
    var axis: String = "rows"

    @Option(help: ArgumentHelp("Position of the counting line along the axis, a fraction of the frame.", valueName: "fraction"))
    var line: Double = 0.5

    @Option(help: ArgumentHelp("Names of the two directions: towards the higher index first.", valueName: "in,out"))
    var directions: String = "in,out"

    @Option(help: ArgumentHelp(
        "How high the array hung above the pavement, looking down (2–15; default: the header's mounting_height, else 4).",
        valueName: "metres"))
    var mountingHeight: Double?

    @Option(help: ArgumentHelp(
        "What its lens saw along each side of the frame (10–150; default: the header's field_of_view, else 60).",
        valueName: "degrees"))
    var fieldOfView: Double?

    var countingLine: CountingLine? {
        let names = directions.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let axis = CountingLine.Axis(rawValue: axis), names.count == 2, names[0] != names[1], line > 0, line < 1 else {
            return nil
        }
        return CountingLine(axis: axis, position: line, positiveName: names[0], negativeName: names[1])
    }

    func validate() throws {
        // Every message wrapped to fit a serial console.
        do { try check() } catch let error as ValidationError { throw error.wrappedForConsole }
    }

    private func check() throws {
        guard CountingLine.Axis(rawValue: axis) != nil else { throw ValidationError("--axis: rows or columns, not \"\(axis)\"") }
        guard line > 0, line < 1 else { throw ValidationError("--line: a fraction between 0 and 1 (exclusive), not \(line)") }
        if let mountingHeight, !ThermalMounting.heights.contains(mountingHeight) {
            throw ValidationError("--mounting-height: metres from 2 to 15, not \(mountingHeight)")
        }
        if let fieldOfView, !ThermalMounting.fieldsOfView.contains(fieldOfView) {
            throw ValidationError("--field-of-view: degrees from 10 to 150, not \(fieldOfView)")
        }
        let names = directions.split(separator: ",", omittingEmptySubsequences: false)
        guard names.count == 2, names[0] != names[1] else {
            throw ValidationError("--directions: two different names separated by a comma, like in,out")
        }
        // As in a box's config: the names become keys of the JSON and tags upstream.
        guard names.allSatisfy({ DirectionName.isValid(String($0)) }) else {
            throw ValidationError("--directions: each name must be \(DirectionName.rule), like in,out")
        }
        // The JSON puts the directions beside its own keys; a direction named like one would
        // give an object with a key twice.
        if let taken = names.first(where: { ThermalReplayResult.jsonKeys.contains(String($0)) }) {
            let keys = ThermalReplayResult.jsonKeys.sorted().joined(separator: ", ")
            throw ValidationError("--directions: \"\(taken)\" is a key of the output (\(keys)); name the direction otherwise")
        }
        do {
            let window = try parseDuration(windows)
            guard window >= .seconds(1), window.components.attoseconds == 0 else {
                throw ValidationError("--windows: whole seconds, at least 1s, not \(windows)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("--windows: \(error)")
        }
    }

    func run() async throws {
        guard let countingLine else { throw ExitCode(2) }
        let name = thermal == ThermalReplay.standardInputPath ? "<stdin>" : thermal
        do {
            let result = try ThermalReplay.run(
                fileAt: thermal, line: countingLine, windowSeconds: try parseDuration(windows).components.seconds,
                mountingHeight: mountingHeight, fieldOfView: fieldOfView)
            for warning in result.warnings {
                printToStandardError(DiagnosticText.wrappedMessage("warning: \(name): \(warning)") + "\n")
            }
            print(json ? result.json : result.text, terminator: "")
        } catch let error as ThermalRecordingError {
            printToStandardError(DiagnosticText.wrappedMessage("\(name):\(error)") + "\n")
            throw ExitCode(1)
        } catch let error as ThermalReplayFileError {
            printToStandardError(DiagnosticText.wrappedMessage("\(error)") + "\n")
            throw ExitCode(1)
        }
    }
}
