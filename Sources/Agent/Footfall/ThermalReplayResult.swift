import Counting

/// What a replay counted: totals per direction, and per window when asked.
public struct ThermalReplayResult: Sendable {
    /// Direction names, positive first.
    public var directions: [String]
    public var totals: [String: Int]
    public var frames: Int
    /// Pauses between frames longer than `longestPause` seconds, after each of which the counter
    /// learnt the pavement again (``ThermalCounter/pausesResumed``).
    public var pauses: Int
    public var longestPause: Double
    /// How the array hung, as the counter took it (the options', the header's or the reference).
    public var mounting: ThermalMounting
    public var windowSeconds: Int64?
    /// Window start (seconds of the recording's time, aligned) and counts per direction: every
    /// window that holds a frame, oldest first.
    public var windows: [(start: Int64, counts: [String: Int])]
    /// What looks wrong with the recording or the options, for standard error (not part of
    /// ``text`` or ``json``): frames whose times say another rate than the header's fps (by more
    /// than a factor of 1.5), people moving mostly along the counting line.
    public var warnings: [String]

    /// Lines for people (80 columns when the direction names allow).
    public var text: String {
        var lines = ["\(frames) \(frames == 1 ? "frame" : "frames") from \(mounting.summary)"]
        if pauses > 0 {
            let count = pauses == 1 ? "1 pause" : "\(pauses) pauses"
            lines.append("\(count) of over \(formatDecimal(longestPause, digits: 2)) s between frames; after each, the pavement was learnt anew")
        }
        lines.append(directions.map { "\($0): \(totals[$0] ?? 0)" }.joined(separator: "   "))
        if let windowSeconds {
            // Columns at least two spaces apart, however long the names.
            let widths = directions.map { max(10, $0.count + 2) }
            let first = 18 + widths.reduce(0, +) <= 80 ? 18 : 16
            func row(_ start: String, _ cells: [String]) -> String {
                padRight(start, first) + zip(cells, widths).map { padLeft($0, $1) }.joined()
            }
            lines.append("")
            lines.append(row("window start (s)", directions))
            for window in windows {
                lines.append(row(String(window.start), directions.map { String(window.counts[$0] ?? 0) }))
            }
            lines.append("(windows of \(windowSeconds) s; windows without frames are not listed)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The keys of ``json`` besides the direction names, at its top level and in its windows: a
    /// direction must not be named like one.
    public static let jsonKeys: Set<String> = [
        "frames", "pauses", "mounting_height", "field_of_view", "window_seconds", "windows", "start",
    ]

    /// JSON with the totals per direction at its top level: `{"in": N, "out": M, ...}`.
    public var json: String {
        var members: [(String, JSONValue)] = directions.map { ($0, .int(totals[$0] ?? 0)) }
        members.append(("frames", .int(frames)))
        members.append(("pauses", .int(pauses)))
        members.append(("mounting_height", .number(mounting.height)))
        members.append(("field_of_view", .number(mounting.fieldOfView)))
        if let windowSeconds {
            members.append(("window_seconds", .int(Int(windowSeconds))))
            members.append(("windows", .array(windows.map { window in
                .object([("start", .int(Int(window.start)))] + directions.map { ($0, .int(window.counts[$0] ?? 0)) })
            })))
        }
        return JSONValue.object(members).compact + "\n"
    }
}
