import Aggregation
import Hardware
import Journal

/// `sensorbox export`: journal records as open data, in CSV or JSON.
///
/// CSV layout: one header, one row per record. The first 14 columns are the aggregate's
/// (`box,sensor,quantity,unit,window_start,window_seconds,mean,min,max,count,coverage_seconds,
/// quality,time_synchronized,sequence`), so a reader that knows only aggregates can read every
/// row by position; four columns follow: `kind` (`aggregate`, `footfall`, `health`, `gap`),
/// `direction` and `privacy` (footfall) and `message` (health and gap). A footfall row has
/// `quantity` `footfall`, `unit` `count`, its released count in `count` (empty when suppressed)
/// and empty `mean`, `min`, `max` and `quality`. A health or gap row has the record's wall time as
/// `window_start`, the event kind (or `gap`) as `quantity` and the severity as `quality`.
///
/// JSON: an array of objects, one a line, keys in the CSV's order, leaving out keys a kind
/// does not have; suppressed counts are `null`.
public struct OpenDataExport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, json }

    public var boxID: String
    /// Health events and gap records too (by default only aggregates and footfall releases).
    public var includeHealth: Bool

    public init(boxID: String, includeHealth: Bool = false) {
        self.boxID = boxID
        self.includeHealth = includeHealth
    }

    public static let csvHeader = [
        "box", "sensor", "quantity", "unit", "window_start", "window_seconds", "mean", "min", "max", "count",
        "coverage_seconds", "quality", "time_synchronized", "sequence", "kind", "direction", "privacy", "message",
    ]

    /// The records this export includes, in journal order.
    public func selected(_ records: [JournalRecord]) -> [JournalRecord] {
        records.filter { record in
            switch record.payload {
            case .aggregate, .footfall: true
            case .health, .gap: includeHealth
            }
        }
    }

    /// The whole text in `format`.
    public func render(_ records: [JournalRecord], format: Format) -> String {
        switch format {
        case .csv: csv(records)
        case .json: json(records)
        }
    }

    /// CSV with a header line, then one line per selected record.
    public func csv(_ records: [JournalRecord]) -> String {
        var out = CSVField.line(Self.csvHeader)
        for record in selected(records) {
            let values = fields(record)
            out += CSVField.line(Self.csvHeader.map { csvText(values[$0]) })
        }
        return out
    }

    /// A JSON array, one object a line.
    public func json(_ records: [JournalRecord]) -> String {
        let objects = selected(records).map { record in
            let values = fields(record)
            return JSONValue.object(Self.csvHeader.compactMap { key in values[key].map { JSONValue.Member(key, $0) } })
                .compact
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// The record's values by column; a key a kind does not have is absent.
    func fields(_ record: JournalRecord) -> [String: JSONValue] {
        var values: [String: JSONValue] = ["box": .string(boxID), "sequence": .unsigned(record.sequence)]
        switch record.payload {
        case .aggregate(let a):
            values["kind"] = .string("aggregate")
            values["sensor"] = .string(a.sensor)
            values["quantity"] = .string(a.quantity.rawValue)
            values["unit"] = .string(a.unit.rawValue)
            values["window_start"] = .string(a.windowStart.iso8601)
            values["window_seconds"] = .integer(a.windowSeconds)
            values["mean"] = .number(a.mean)
            values["min"] = .number(a.minimum)
            values["max"] = .number(a.maximum)
            values["count"] = .integer(Int64(a.count))
            values["coverage_seconds"] = .number(a.coverageSeconds)
            values["quality"] = .string(a.quality.description)
            values["time_synchronized"] = .bool(a.timeSynchronized)
        case .footfall(let f):
            values["kind"] = .string("footfall")
            values["sensor"] = .string(f.counter)
            values["quantity"] = .string("footfall")
            values["unit"] = .string("count")
            values["window_start"] = .string(f.windowStart.iso8601)
            values["window_seconds"] = .integer(f.windowSeconds)
            values["count"] = f.count.map { .integer(Int64($0)) } ?? .null
            values["coverage_seconds"] = .number(f.coverageSeconds)
            values["time_synchronized"] = .bool(f.timeSynchronized)
            values["direction"] = .string(f.direction)
            values["privacy"] = .string(Self.privacy(f.mechanism))
        case .health(let event):
            values["kind"] = .string("health")
            values["sensor"] = event.sensor.map { .string($0) } ?? .null
            values["quantity"] = .string(event.kind)
            values["window_start"] = .string(record.time.wall.iso8601)
            values["quality"] = .string(event.severity.rawValue)
            values["time_synchronized"] = .bool(record.time.wallSynchronized)
            values["message"] = .string(event.message)
        case .gap(let gap):
            values["kind"] = .string("gap")
            values["quantity"] = .string("gap")
            values["window_start"] = .string(record.time.wall.iso8601)
            values["time_synchronized"] = .bool(record.time.wallSynchronized)
            values["message"] = .string("sequences \(gap.firstSequence)...\(gap.lastSequence) lost: \(gap.reason)")
        }
        return values
    }

    /// How a footfall count was released, named as in the config: `exact`, `suppress:minimum_count=5`
    /// (counts below k withheld; a count given was at least k) or `dp:epsilon=…` (differential
    /// privacy noise).
    static func privacy(_ mechanism: ReleaseMechanism) -> String {
        switch mechanism {
        case .exact: "exact"
        case .suppression(let minimum): "suppress:minimum_count=\(minimum)"
        case .differentialPrivacy(let epsilon): "dp:epsilon=\(epsilon)"
        }
    }

    private func csvText(_ value: JSONValue?) -> String {
        switch value {
        case .none, .null?: ""
        case .bool(let flag)?: flag ? "true" : "false"
        case .integer(let number)?: String(number)
        case .unsigned(let number)?: String(number)
        case .number(let number)?: CSVField.number(number)
        case .string(let text)?: text
        case .array?, .object?: ""
        }
    }
}
