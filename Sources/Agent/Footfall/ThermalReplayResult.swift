/// What a replay counted: totals per direction, and per window when asked.
public struct ThermalReplayResult: Sendable {
    /// Direction names, positive first.
    public var directions: [String]
    public var totals: [String: Int]
    public var frames: Int
    public var windowSeconds: Int64?
    /// Window start (seconds of the recording's time, aligned) and counts per direction.
    public var windows: [(start: Int64, counts: [String: Int])]

    /// Lines for people (80 columns).
    public var text: String {
        var lines = ["\(frames) frames"]
        lines.append(directions.map { "\($0): \(totals[$0] ?? 0)" }.joined(separator: "   "))
        if let windowSeconds {
            lines.append("")
            lines.append(padRight("window start (s)", 18) + directions.map { padLeft($0, 10) }.joined())
            for window in windows {
                lines.append(padRight(String(window.start), 18) + directions.map { padLeft(String(window.counts[$0] ?? 0), 10) }.joined())
            }
            lines.append("(windows of \(windowSeconds) s; windows without crossings are not listed)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON with the totals per direction at its top level: `{"in": N, "out": M, ...}`.
    public var json: String {
        var members: [(String, JSONValue)] = directions.map { ($0, .int(totals[$0] ?? 0)) }
        members.append(("frames", .int(frames)))
        if let windowSeconds {
            members.append(("window_seconds", .int(Int(windowSeconds))))
            members.append(("windows", .array(windows.map { window in
                .object([("start", .int(Int(window.start)))] + directions.map { ($0, .int(window.counts[$0] ?? 0)) })
            })))
        }
        return JSONValue.object(members).compact + "\n"
    }
}
