import Hardware
import Logging

/// Log lines for people on a serial console or in the journal of systemd, on standard error:
///
///     2026-06-01T08:00:03Z warning pm: read failed: CRC mismatch in measured values, word 3
///
/// The timestamp comes from the box's clock, so a simulation logs in virtual time.
public struct BoxLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let clock: any BoxClock

    public init(label: String, clock: any BoxClock, level: Logger.Level) {
        self.label = label
        self.clock = clock
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var line = clock.wallTime().time.iso8601 + " " + event.level.rawValue
        if let sensor = merged.removeValue(forKey: "sensor") { line += " \(sensor):" } else { line += " \(label):" }
        line += " \(event.message)"
        for key in merged.keys.sorted() { line += " \(key)=\(merged[key]!)" }
        printToStandardError(line + "\n")
    }
}
