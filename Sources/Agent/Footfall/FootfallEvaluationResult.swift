/// The outcome of a ``FootfallEvaluation``: true and counted crossings per direction, per window
/// and in total, the error figures, and the report as text (80 columns) or JSON. "Counted" is
/// what the box releases: the thermal count, with low-contrast windows filled in from the beams
/// when ``fusesBeams``; the thermal and beam counts alone are reported beside it.
public struct FootfallEvaluationResult: Sendable {
    public let scenario: String
    public let seed: UInt64
    public let startOffsetSeconds: Double
    public let durationSeconds: Double
    public let frames: Int
    /// The scenario's local time zone (windows are printed in local time).
    public let utcOffsetSeconds: Int64
    /// Whether low-contrast windows were filled in from the beams (otherwise counted = thermal).
    public let fusesBeams: Bool
    let tally: FootfallTally

    /// The directions, positive first.
    public var directions: [String] { tally.directions }

    /// The length of the windows, in seconds.
    public var windowSeconds: Int64 { tally.windowSeconds }

    /// One direction's crossings: the truth, the box's count, the thermal counter, the beam pair.
    public struct Counts: Sendable {
        public var truth = 0, counted = 0, thermal = 0, beams = 0

        init(_ counts: [[Int]], _ d: Int) {
            truth = counts[FootfallTally.Source.truth.rawValue][d]
            counted = counts[FootfallTally.Source.counted.rawValue][d]
            thermal = counts[FootfallTally.Source.thermal.rawValue][d]
            beams = counts[FootfallTally.Source.beams.rawValue][d]
        }

        init() {}
    }

    /// Total crossings in `direction`.
    public func total(_ direction: String) -> Counts {
        var sums = Counts()
        guard let d = tally.directions.firstIndex(of: direction) else { return sums }
        for counts in tally.windows.values {
            let window = Counts(counts, d)
            sums.truth += window.truth
            sums.counted += window.counted
            sums.thermal += window.thermal
            sums.beams += window.beams
        }
        return sums
    }

    /// Every window that saw anything, oldest first: start (epoch seconds), the share of it the
    /// thermal counter could see people only faintly or not at all, and the counts per direction.
    public var windows: [(start: Int64, hidden: Double?, counts: [Counts])] {
        tally.windows.keys.sorted().map { start in
            let counts = tally.windows[start] ?? []
            return (start, tally.hidden[start], tally.directions.indices.map { Counts(counts, $0) })
        }
    }

    /// The relative error of the counted total in `direction` (0.01 = 1 % over), or `nil` without truth.
    public func totalError(_ direction: String) -> Double? {
        let sums = total(direction)
        guard sums.truth > 0 else { return nil }
        return Double(sums.counted - sums.truth) / Double(sums.truth)
    }

    /// Error statistics of the counted windows in `direction`.
    public struct WindowErrors: Sendable {
        /// Σ|counted − true| / Σ true over all windows (weighted absolute percentage error); 0
        /// and meaningless when ``trueCrossings`` is 0.
        public var weightedAbsoluteError: Double
        /// Σ true over all windows.
        public var trueCrossings: Int
        /// Among windows with at least ``minimumTruth`` true crossings: the share within ±5 %,
        /// the median and the 90th percentile of |error|, and how many there were (the first
        /// three are 0 and meaningless when ``windowsCompared`` is 0).
        public var shareWithin5Percent: Double
        public var medianAbsoluteError: Double
        public var percentile90AbsoluteError: Double
        public var windowsCompared: Int
        public static let minimumTruth = 20
    }

    public func windowErrors(_ direction: String) -> WindowErrors {
        guard let d = tally.directions.firstIndex(of: direction) else {
            return WindowErrors(weightedAbsoluteError: 0, trueCrossings: 0, shareWithin5Percent: 0, medianAbsoluteError: 0, percentile90AbsoluteError: 0, windowsCompared: 0)
        }
        var absoluteSum = 0, truthSum = 0
        var relative: [Double] = []
        for counts in tally.windows.values {
            let truth = counts[FootfallTally.Source.truth.rawValue][d], counted = counts[FootfallTally.Source.counted.rawValue][d]
            absoluteSum += abs(counted - truth)
            truthSum += truth
            if truth >= WindowErrors.minimumTruth { relative.append(abs(Double(counted - truth)) / Double(truth)) }
        }
        relative.sort()
        func quantile(_ q: Double) -> Double {
            relative.isEmpty ? 0 : relative[min(Int(q * Double(relative.count)), relative.count - 1)]
        }
        return WindowErrors(
            weightedAbsoluteError: truthSum > 0 ? Double(absoluteSum) / Double(truthSum) : 0, trueCrossings: truthSum,
            shareWithin5Percent: relative.isEmpty ? 0 : Double(relative.filter { $0 <= 0.05 }.count) / Double(relative.count),
            medianAbsoluteError: quantile(0.5), percentile90AbsoluteError: quantile(0.9),
            windowsCompared: relative.count)
    }

    /// Share of true crossings a thermal crossing was matched to, by kind of walker
    /// (`adult`, `child`, `cyclist`, `in a group`, `lingering`).
    public var recall: [(category: String, truth: Int, matched: Int)] {
        let order = ["adult", "child", "cyclist", "in a group", "lingering"]
        return order.compactMap { name in tally.recall[name].map { (name, $0.truth, $0.matched) } }
    }

    /// The window length as the heading says it: `15-min`, or `90-s` when not whole minutes.
    var windowLength: String {
        windowSeconds % 60 == 0 ? "\(windowSeconds / 60)-min" : "\(windowSeconds)-s"
    }

    /// The report for people: fits 80 columns.
    public var text: String {
        var lines: [String] = []
        let hours = Int(durationSeconds) / 3600, minutes = Int(durationSeconds) % 3600 / 60
        let seconds = Int(durationSeconds) % 60
        let from = Int(startOffsetSeconds) % 86_400, day = Int(startOffsetSeconds) / 86_400
        // Two lines: the longest name, seed and day must still fit 80 columns.
        lines.append("Scenario \(scenario), \(hours)h\(twoDigits(minutes))\(seconds > 0 ? "m\(twoDigits(seconds))s" : "") from "
            + "\(twoDigits(from / 3600)):\(twoDigits(from % 3600 / 60))\(day > 0 ? " on day \(day + 1)" : "")")
        lines.append("seed \(seed), \(frames) thermal frames")
        lines.append("")
        lines.append(fusesBeams
            ? "counted: the thermal count, hidden windows filled in from the beams"
            : "counted: the thermal count alone")
        lines.append(padRight("direction", 10) + padLeft("true", 7) + padLeft("counted", 9) + padLeft("error", 8)
            + padLeft("thermal", 9) + padLeft("error", 8) + padLeft("beams", 8) + padLeft("error", 8))
        for direction in directions {
            let sums = total(direction)
            lines.append(padRight(direction, 10) + padLeft(String(sums.truth), 7)
                + padLeft(String(sums.counted), 9) + padLeft(percent(sums.counted, sums.truth), 8)
                + padLeft(String(sums.thermal), 9) + padLeft(percent(sums.thermal, sums.truth), 8)
                + padLeft(String(sums.beams), 8) + padLeft(percent(sums.beams, sums.truth), 8))
        }
        lines.append("")
        lines.append("\(windowLength) windows, counted (|error| over windows with >= \(WindowErrors.minimumTruth) true):")
        lines.append("direction     weighted   within 5%   median   90th pct   windows")
        for direction in directions {
            let errors = windowErrors(direction)
            // Nothing to compare is "-", not a perfect 0 %.
            let compared = errors.windowsCompared > 0
            func cell(_ value: Double, digits: Int, _ shown: Bool) -> String {
                shown ? formatDecimal(100 * value, digits: digits) + "%" : "-"
            }
            lines.append(padRight(direction, 12) + padLeft(cell(errors.weightedAbsoluteError, digits: 1, errors.trueCrossings > 0), 10)
                + padLeft(cell(errors.shareWithin5Percent, digits: 0, compared), 12)
                + padLeft(cell(errors.medianAbsoluteError, digits: 1, compared), 9)
                + padLeft(cell(errors.percentile90AbsoluteError, digits: 1, compared), 11)
                + padLeft(String(errors.windowsCompared), 10))
        }
        lines.append("")
        lines.append("true crossings found by the thermal counter (matched in time):")
        for entry in recall {
            lines.append("  " + padRight(entry.category, 12) + padLeft(String(entry.matched), 8) + " of "
                + padLeft(String(entry.truth), 6) + padLeft(percentOf(entry.matched, entry.truth), 9))
        }
        lines.append("")
        lines.append("windows (local time; hid: how much the thermal array could not see, the share")
        lines.append("of low-contrast pixels or three times that of faint people, whichever is larger)")
        lines.append("start   hid  " + directions.map { padRight($0 + " true/counted/thermal/beams", 31) }.joined(separator: " "))
        for window in windows {
            let local = window.start + utcOffsetSeconds
            let secondsOfDay = Int(local - local.floorDivided(by: 86_400) * 86_400)
            let clock = twoDigits(secondsOfDay / 3600) + ":" + twoDigits(secondsOfDay % 3600 / 60)
            let hidden = window.hidden.map { formatDecimal(100 * $0, digits: 0) + "%" } ?? "-"
            let cells = window.counts.map { padRight("\($0.truth)/\($0.counted)/\($0.thermal)/\($0.beams)", 31) }
            lines.append(padRight(clock, 6) + padLeft(hidden, 5) + "  " + cells.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report for scripts: totals per direction at the top level.
    public var json: String {
        var members: [(String, JSONValue)] = []
        for direction in directions {
            members.append((direction, .int(total(direction).counted)))
        }
        members.append(("scenario", .string(scenario)))
        members.append(("seed", .string(String(seed))))
        members.append(("start_offset_seconds", .rounded(startOffsetSeconds)))
        members.append(("duration_seconds", .rounded(durationSeconds)))
        members.append(("frames", .int(frames)))
        members.append(("fuses_beams", .bool(fusesBeams)))
        members.append(("totals", .object(directions.map { direction in
            let sums = total(direction)
            return (direction, .object([
                ("true", .int(sums.truth)), ("counted", .int(sums.counted)), ("thermal", .int(sums.thermal)),
                ("beams", .int(sums.beams)), ("counted_error", totalError(direction).map { .rounded($0) } ?? .null),
            ]))
        })))
        members.append(("window_errors", .object(directions.map { direction in
            let errors = windowErrors(direction)
            let compared = errors.windowsCompared > 0
            return (direction, .object([
                ("weighted_absolute_error", errors.trueCrossings > 0 ? .rounded(errors.weightedAbsoluteError) : .null),
                ("share_within_5_percent", compared ? .rounded(errors.shareWithin5Percent) : .null),
                ("median_absolute_error", compared ? .rounded(errors.medianAbsoluteError) : .null),
                ("p90_absolute_error", compared ? .rounded(errors.percentile90AbsoluteError) : .null),
                ("windows_compared", .int(errors.windowsCompared)),
            ]))
        })))
        members.append(("recall", .object(recall.map { ($0.category, .object([
            ("true", .int($0.truth)), ("matched", .int($0.matched)),
        ])) })))
        members.append(("windows", .array(windows.map { window in
            var cells: [(String, JSONValue)] = [
                ("start", .int(Int(window.start))), ("hidden_share", window.hidden.map { .rounded($0) } ?? .null),
            ]
            for (index, direction) in directions.enumerated() {
                let counts = window.counts[index]
                cells.append((direction, .object([
                    ("true", .int(counts.truth)), ("counted", .int(counts.counted)), ("thermal", .int(counts.thermal)),
                    ("beams", .int(counts.beams)),
                ])))
            }
            return .object(cells)
        })))
        return JSONValue.object(members).compact + "\n"
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

func percent(_ counted: Int, _ truth: Int) -> String {
    guard truth > 0 else { return "-" }
    let value = 100 * Double(counted - truth) / Double(truth)
    return (value > 0 ? "+" : "") + formatDecimal(value, digits: 1) + "%"
}

func percentOf(_ part: Int, _ whole: Int) -> String {
    guard whole > 0 else { return "-" }
    return formatDecimal(100 * Double(part) / Double(whole), digits: 1) + "%"
}
