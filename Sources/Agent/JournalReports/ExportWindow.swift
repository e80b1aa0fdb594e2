import Hardware

/// The time range of `sensorbox export`: records whose wall time is at or after `since` and,
/// with an `until`, at or before it. Each bound is a duration back from now (`24h`, `90m`) or
/// a UTC time (`2026-06-01`, `2026-06-01T08:00:00Z`).
public struct ExportWindow: Hashable, Sendable {
    public var since: WallTime
    public var until: WallTime?

    public init(since: WallTime, until: WallTime? = nil) {
        self.since = since
        self.until = until
    }

    /// Reads the `--since` and `--until` texts; durations count back from `now`.
    public init(since: String, until: String?, now: WallTime) throws(ExportWindowError) {
        self.since = try Self.time(since, option: "--since", now: now)
        self.until = try until.map { text throws(ExportWindowError) in try Self.time(text, option: "--until", now: now) }
        if let end = self.until, end < self.since {
            throw ExportWindowError(message: "--until \(end.iso8601) is before --since \(self.since.iso8601)")
        }
    }

    public func contains(_ time: WallTime) -> Bool {
        time >= since && until.map { time <= $0 } ?? true
    }

    static func time(_ text: String, option: String, now: WallTime) throws(ExportWindowError) -> WallTime {
        if let time = WallTime(iso8601: text) { return time }
        if let duration = try? parseDuration(text) { return now + (.zero - duration) }
        throw ExportWindowError(
            message: "\(option): \"\(text)\" is neither a duration like 24h nor a UTC time like 2026-06-01T00:00:00Z")
    }
}

/// A `--since` or `--until` that cannot be read.
public struct ExportWindowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
