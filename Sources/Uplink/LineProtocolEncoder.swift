import Aggregation
import Hardware
import Journal
import Sensors

/// Encodes journal records as InfluxDB line protocol, one line per record:
///
///     pm2_5,box=hd-1,sensor=pm,unit=ug/m3,window=60s mean=12.5,min=11,max=14.25,count=60i,coverage=60,flags=0i,quality="ok",seq=42i 1764151200
///
/// The timestamp is the window start in seconds (write with `precision=s`). Points with equal
/// measurement, tags and timestamp are merged upstream, so a retry with the original timestamp is
/// idempotent. Health events and gaps go to the `sensorbox_health` and `sensorbox_gap` measurements.
public struct LineProtocolEncoder: Sendable {
    public var boxID: String

    public init(boxID: String) { self.boxID = boxID }

    /// The line for `record`.
    public func encode(_ record: JournalRecord) -> String {
        switch record.payload {
        case .aggregate(let a):
            var fields = [
                "mean=\(a.mean)", "min=\(a.minimum)", "max=\(a.maximum)", "count=\(a.count)i",
                "coverage=\(a.coverageSeconds)", "flags=\(a.quality.rawValue)i",
                "quality=\(Self.string(a.quality.description))",
            ]
            if !a.timeSynchronized { fields.append("time_unsynchronized=true") }
            fields.append("seq=\(record.sequence)i")
            return line(
                a.quantity.rawValue,
                tags: [("sensor", a.sensor), ("unit", a.unit.rawValue), ("window", "\(a.windowSeconds)s")],
                fields: fields, time: a.windowStart)
        case .footfall(let f):
            var fields: [String] = []
            switch f.count {
            case .some(let count): fields.append("count=\(count)i")
            case .none: fields.append("suppressed=true")
            }
            switch f.mechanism {
            case .exact: fields.append("privacy=\"exact\"")
            case .suppression(let k): fields.append("privacy=\"suppress\",minimum_count=\(k)i")
            case .differentialPrivacy(let epsilon): fields.append("privacy=\"dp\",epsilon=\(epsilon)")
            }
            fields.append("coverage=\(f.coverageSeconds)")
            if !f.timeSynchronized { fields.append("time_unsynchronized=true") }
            fields.append("seq=\(record.sequence)i")
            return line(
                "footfall",
                tags: [("sensor", f.counter), ("direction", f.direction), ("window", "\(f.windowSeconds)s")],
                fields: fields, time: f.windowStart)
        case .health(let event):
            var tags = [("kind", event.kind), ("severity", event.severity.rawValue)]
            if let sensor = event.sensor { tags.insert(("sensor", sensor), at: 0) }
            return line(
                "sensorbox_health", tags: tags,
                fields: ["message=\(Self.string(event.message))", "seq=\(record.sequence)i"], time: record.time.wall)
        case .gap(let gap):
            return line(
                "sensorbox_gap", tags: [("reason", gap.reason)],
                fields: ["first_seq=\(gap.firstSequence)i", "last_seq=\(gap.lastSequence)i", "seq=\(record.sequence)i"],
                time: record.time.wall)
        }
    }

    private func line(_ measurement: String, tags: [(String, String)], fields: [String], time: WallTime) -> String {
        var text = Self.escape(measurement, extra: [])
        text += ",box=" + Self.escape(boxID, extra: ["=", ","])
        for (key, value) in tags {
            text += "," + key + "=" + Self.escape(value, extra: ["=", ","])
        }
        text += " " + fields.joined(separator: ",") + " " + String(time.secondsSinceEpoch)
        return text
    }

    /// Line protocol escaping: spaces and commas (and `=` in tags) get a backslash.
    static func escape(_ text: String, extra: Set<Character>) -> String {
        var out = ""
        for character in text {
            if character == " " || character == "," || extra.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A string field value: double-quoted, with `"` and `\` escaped.
    static func string(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
