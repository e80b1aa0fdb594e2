import Counting
import Hardware
import Simulator

/// Runs a street scenario through the counters and compares them with the street's ground truth:
/// the thermal tracker on every frame (10 fps, or the scenario's rate; its settings adapted to
/// that rate and to the sensor's mounting height and lens), the beam-pair counter on the two
/// beams' edges, and the box's count (the thermal count, with hidden windows filled in from the
/// beams by a ``FootfallFusion``), per direction, per clock-aligned window and in total. What
/// `sensorbox simulate --report` prints.
public enum FootfallEvaluation {
    /// What to run.
    public struct Options: Sendable {
        public var scenario: StreetScenario
        /// Simulated time from ``startOffset`` on.
        public var duration: Duration
        /// How far into the scenario to start, from its first local midnight (0), within its first
        /// week (``startOffset(of:in:)``).
        public var startOffset: Duration
        public var seed: UInt64
        public var windowSeconds: Int64
        public var counter: ThermalCounterConfiguration
        /// How the box fills in hidden windows from the beams; `nil`: the thermal count alone.
        public var fusion: FootfallFusion?

        public init(
            scenario: StreetScenario, duration: Duration = .seconds(86_400), startOffset: Duration = .zero,
            seed: UInt64 = 1, windowSeconds: Int64 = 900,
            counter: ThermalCounterConfiguration? = nil, fusion: FootfallFusion? = FootfallFusion()
        ) {
            self.scenario = scenario
            self.duration = duration
            self.startOffset = startOffset
            self.seed = seed
            self.windowSeconds = windowSeconds
            self.counter = counter ?? FootfallEvaluation.counterSettings(for: scenario)
            self.fusion = fusion
        }
    }

    /// The tracker's settings for a scenario's sensor, as a box with that sensor would have them:
    /// its frame size, adapted to its frame rate and to its mounting height and lens.
    public static func counterSettings(for scenario: StreetScenario) -> ThermalCounterConfiguration {
        ThermalCounterConfiguration(width: scenario.width, height: scenario.height)
            .atFrameRate(Double(scenario.framesPerSecond))
            .mounted(ThermalMounting(height: scenario.mountingHeight, fieldOfView: scenario.fieldOfViewDegrees))
    }

    /// How far `start` (UTC) is into `scenario`, counted from its first local midnight, for
    /// `simulate --report --start`; `nil` before that midnight or beyond the scenario's first week
    /// (the street's ground truth up to the start is generated, and a week is what its weekday
    /// factors describe).
    public static func startOffset(of start: WallTime, in scenario: StreetScenario) -> Duration? {
        let seconds = start.secondsSinceEpoch - scenario.start.secondsSinceEpoch
        guard seconds >= 0, seconds < latestStartOffsetSeconds else { return nil }
        return .seconds(seconds)
    }

    /// The end of the range of ``startOffset(of:in:)``: one week, in seconds.
    public static let latestStartOffsetSeconds: Int64 = 7 * 86_400

    /// Runs the scenario. Frames are made, counted and dropped one at a time.
    public static func run(_ options: Options) -> FootfallEvaluationResult {
        let fps = options.scenario.framesPerSecond
        precondition((1...1000).contains(fps), "a scenario's array delivers 1 to 1000 frames a second")
        var street = Street(scenario: options.scenario, seed: options.seed)
        var thermal = ThermalCounter(configuration: options.counter)
        let line = options.counter.line
        var beams = BeamPairCounter(positiveName: line.positiveName, negativeName: line.negativeName)
        let directions = line.directionNames
        var tally = FootfallTally(
            directions: directions, windowSeconds: options.windowSeconds,
            wallAtZero: options.scenario.start.secondsSinceEpoch)
        var frame = [Float](repeating: 0, count: options.scenario.width * options.scenario.height)
        let start = options.startOffset.seconds
        let frameCount = Int(options.duration.seconds * Double(fps))
        let truthName: (StreetDirection) -> String = { $0 == .in ? line.positiveName : line.negativeName }
        // Ground truth before the start is not ours to count.
        _ = street.drainCrossings(upTo: start)
        _ = street.drainBeamEdges(upTo: start)
        var contrastWindow: Int64?

        for index in 0..<frameCount {
            let seconds = start + Double(index) / Double(fps)
            let time = MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))
            let window = tally.window(of: time)
            if let previous = contrastWindow, previous != window {
                tally.hidden[previous] = thermal.takeContrastStatistics().hiddenShare
            }
            contrastWindow = window
            street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
            thermal.process(frame, at: time) { tally.add(.thermal, $0.direction, at: $0.time) }
            if index % fps == 0 || index == frameCount - 1 {
                for edge in street.drainBeamEdges(upTo: seconds) {
                    let event = BeamLineEdge(line: edge.beam == 0 ? .a : .b, event: edge.event)
                    beams.process(event) { tally.add(.beams, $0.direction, at: $0.time) }
                }
                beams.advance(to: time) { tally.add(.beams, $0.direction, at: $0.time) }
                // The truth is matched two minutes late, so that the counter's crossings of the
                // same people (a lingering party's included) are already there.
                for crossing in street.drainCrossings(upTo: seconds - 120) {
                    tally.addTruth(crossing, name: truthName(crossing.direction))
                }
            }
        }
        if let last = contrastWindow { tally.hidden[last] = thermal.takeContrastStatistics().hiddenShare }
        let end = start + Double(frameCount) / Double(fps)
        for crossing in street.drainCrossings(upTo: end) {
            tally.addTruth(crossing, name: truthName(crossing.direction))
        }
        tally.count(fusion: options.fusion, from: start, to: end)
        return FootfallEvaluationResult(
            scenario: options.scenario.name, seed: options.seed, startOffsetSeconds: start,
            durationSeconds: options.duration.seconds, frames: frameCount,
            utcOffsetSeconds: options.scenario.utcOffsetSeconds, fusesBeams: options.fusion != nil, tally: tally)
    }
}

/// The counts of an evaluation: per window, per direction, for the truth and each counter, and
/// the truth's crossings matched to the thermal counter's by time (recall per kind of walker).
struct FootfallTally: Sendable {
    enum Source: Int, Sendable { case truth = 0, thermal = 1, beams = 2, counted = 3 }

    let directions: [String]
    let windowSeconds: Int64
    let wallAtZero: Int64
    /// Window start (epoch seconds) → [source][direction] counts (`counted` filled in by
    /// ``count(fusion:)`` at the end).
    var windows: [Int64: [[Int]]] = [:]
    /// Window start → the share of that window the thermal counter could see people only
    /// faintly or not at all (``ContrastStatistics/hiddenShare``).
    var hidden: [Int64: Double] = [:]
    /// Recall bookkeeping: category → (truth crossings, matched by a thermal crossing).
    var recall: [String: (truth: Int, matched: Int)] = [:]
    /// Unmatched recent thermal crossings per direction (seconds), for matching with the truth.
    var recentThermal: [[Double]]

    init(directions: [String], windowSeconds: Int64, wallAtZero: Int64) {
        self.directions = directions
        self.windowSeconds = windowSeconds
        self.wallAtZero = wallAtZero
        recentThermal = directions.map { _ in [] }
    }

    /// A window's counts before anyone crossed: [source][direction], all zero.
    static func noCounts(directions: Int) -> [[Int]] { Array(repeating: Array(repeating: 0, count: directions), count: 4) }

    func window(of time: MonotonicInstant) -> Int64 {
        (wallAtZero + Int64(time.nanoseconds / 1_000_000_000)).floorDivided(by: windowSeconds) * windowSeconds
    }

    mutating func add(_ source: Source, _ direction: String, at time: MonotonicInstant) {
        guard let d = directions.firstIndex(of: direction) else { return }
        let start = window(of: time)
        let count = directions.count
        windows[start, default: Self.noCounts(directions: count)][source.rawValue][d] += 1
        if source == .thermal { recentThermal[d].append(Double(time.nanoseconds) / 1e9) }
    }

    /// The box's count of every window, oldest first: the thermal count, filled in from the beams
    /// where the thermal counter could not see people clearly (as the runtime does at each
    /// release). Like the runtime, only windows watched whole (here: inside the run, `from`…`to`
    /// seconds) are fused or calibrate.
    mutating func count(fusion: FootfallFusion?, from: Double, to: Double) {
        var fusion = fusion
        // Every window of the run is listed, a quiet one with zeros (as `replay` lists its
        // windows): a window left out would be taken for a gap.
        var start = (wallAtZero + Int64(from.rounded(.down))).floorDivided(by: windowSeconds) * windowSeconds
        let empty = Self.noCounts(directions: directions.count)
        while Double(start - wallAtZero) < to {
            if windows[start] == nil { windows[start] = empty }
            start += windowSeconds
        }
        for start in windows.keys.sorted() {
            guard var counts = windows[start] else { continue }
            let first = Double(start - wallAtZero), last = first + Double(windowSeconds)
            let whole = first >= from && last <= to
            counts[Source.counted.rawValue] = fusion?.fuse(
                thermal: counts[Source.thermal.rawValue], beams: whole ? counts[Source.beams.rawValue] : nil,
                hiddenShare: hidden[start]) ?? counts[Source.thermal.rawValue]
            windows[start] = counts
        }
    }

    /// Counts a true crossing and looks for a thermal crossing of the same direction within 3 s
    /// (lingering parties are counted when they leave the hysteresis band, so they get a minute).
    mutating func addTruth(_ crossing: GroundTruthCrossing, name: String) {
        add(.truth, name, at: crossing.time)
        guard let d = directions.firstIndex(of: name) else { return }
        let seconds = Double(crossing.time.nanoseconds) / 1e9
        let slack = crossing.lingering ? 100.0 : 3.0
        recentThermal[d].removeAll { $0 < seconds - 200 }
        var matched = false
        if let index = recentThermal[d].firstIndex(where: { abs($0 - seconds) <= slack }) {
            recentThermal[d].remove(at: index)
            matched = true
        }
        var categories = [crossing.kind.rawValue]
        if crossing.groupSize > 1 { categories.append("in a group") }
        if crossing.lingering { categories.append("lingering") }
        for category in categories {
            recall[category, default: (0, 0)].truth += 1
            if matched { recall[category, default: (0, 0)].matched += 1 }
        }
    }
}
