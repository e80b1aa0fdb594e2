import Aggregation
import Hardware
import Sensors

/// The versioned binary encoding of what a record carries: its ``RecordTime`` and its
/// ``JournalPayload``. Little-endian; strings are length-prefixed UTF-8; doubles are IEEE-754
/// bit patterns, so a value reads back bit for bit (NaN included).
///
/// Layout, version 1:
/// ```
/// u8 version (1)
/// time:  u64 monotonic ns, string boot id, i64 wall ns since 1970, u8 wall synchronised
/// u8 kind: 1 aggregate, 2 footfall, 3 health event, 4 gap
/// aggregate: string sensor, string quantity, string unit, i64 window start ns, i64 window s,
///            f64 mean, f64 min, f64 max, i64 count, f64 coverage s, u32 quality, u8 time synchronised
/// footfall:  string counter, string direction, i64 window start ns, i64 window s,
///            u8 has count [+ i64 count], u8 mechanism (0 exact, 1 suppression + i64 minimum,
///            2 differential privacy + f64 epsilon), f64 coverage s, u8 time synchronised
/// health:    u8 has sensor [+ string sensor], u8 severity (0 info, 1 warning, 2 error),
///            string kind, string message
/// gap:       u64 first sequence, u64 last sequence, string reason
/// ```
/// A new field means a new version; decoders keep reading every older version.
public enum PayloadCodec {
    /// The version this build writes.
    public static let currentVersion: UInt8 = 1

    /// Encodes `payload` stamped with `time`.
    public static func encode(_ payload: JournalPayload, time: RecordTime) -> [UInt8] {
        var writer = ByteWriter(capacity: 160)
        encode(payload, time: time, into: &writer)
        return writer.bytes
    }

    static func encode(_ payload: JournalPayload, time: RecordTime, into writer: inout ByteWriter) {
        writer.write(currentVersion)
        writer.write(time.monotonic.nanoseconds)
        writer.write(time.bootID)
        writer.write(time.wall.nanosecondsSinceEpoch)
        writer.write(time.wallSynchronized)
        switch payload {
        case .aggregate(let aggregate):
            writer.write(UInt8(1))
            writer.write(aggregate.sensor)
            writer.write(aggregate.quantity.rawValue)
            writer.write(aggregate.unit.rawValue)
            writer.write(aggregate.windowStart.nanosecondsSinceEpoch)
            writer.write(aggregate.windowSeconds)
            writer.write(aggregate.mean)
            writer.write(aggregate.minimum)
            writer.write(aggregate.maximum)
            writer.write(Int64(aggregate.count))
            writer.write(aggregate.coverageSeconds)
            writer.write(aggregate.quality.rawValue)
            writer.write(aggregate.timeSynchronized)
        case .footfall(let release):
            writer.write(UInt8(2))
            writer.write(release.counter)
            writer.write(release.direction)
            writer.write(release.windowStart.nanosecondsSinceEpoch)
            writer.write(release.windowSeconds)
            if let count = release.count {
                writer.write(true)
                writer.write(Int64(count))
            } else {
                writer.write(false)
            }
            switch release.mechanism {
            case .exact:
                writer.write(UInt8(0))
            case .suppression(let minimumCount):
                writer.write(UInt8(1))
                writer.write(Int64(minimumCount))
            case .differentialPrivacy(let epsilon):
                writer.write(UInt8(2))
                writer.write(epsilon)
            }
            writer.write(release.coverageSeconds)
            writer.write(release.timeSynchronized)
        case .health(let event):
            writer.write(UInt8(3))
            if let sensor = event.sensor {
                writer.write(true)
                writer.write(sensor)
            } else {
                writer.write(false)
            }
            writer.write(severityCode(event.severity))
            writer.write(event.kind)
            writer.write(event.message)
        case .gap(let gap):
            writer.write(UInt8(4))
            writer.write(gap.firstSequence)
            writer.write(gap.lastSequence)
            writer.write(gap.reason)
        }
    }

    /// Decodes what ``encode(_:time:)`` wrote. Throws ``DecodeError`` on an unknown version or
    /// kind, a short input, or bytes left over.
    public static func decode(_ bytes: [UInt8]) throws -> (time: RecordTime, payload: JournalPayload) {
        var reader = ByteReader(bytes)
        let result = try decode(from: &reader)
        guard reader.remaining == 0 else { throw DecodeError("\(reader.remaining) bytes after the payload") }
        return result
    }

    static func decode(from reader: inout ByteReader) throws -> (time: RecordTime, payload: JournalPayload) {
        let version = try reader.readUInt8()
        guard version == 1 else { throw DecodeError("unknown payload version \(version)") }
        let time = RecordTime(
            monotonic: MonotonicInstant(nanoseconds: try reader.readUInt64()),
            bootID: try reader.readString(),
            wall: WallTime(nanosecondsSinceEpoch: try reader.readInt64()),
            wallSynchronized: try reader.readBool()
        )
        let kind = try reader.readUInt8()
        switch kind {
        case 1:
            let sensor = try reader.readString()
            let quantity = Quantity(try reader.readString())
            let unitName = try reader.readString()
            guard let unit = Unit(rawValue: unitName) else { throw DecodeError("unknown unit \(unitName)") }
            let aggregate = Aggregate(
                sensor: sensor, quantity: quantity, unit: unit,
                windowStart: WallTime(nanosecondsSinceEpoch: try reader.readInt64()),
                windowSeconds: try reader.readInt64(),
                mean: try reader.readDouble(), minimum: try reader.readDouble(), maximum: try reader.readDouble(),
                count: Int(try reader.readInt64()), coverageSeconds: try reader.readDouble(),
                quality: QualityFlags(rawValue: try reader.readUInt32()),
                timeSynchronized: try reader.readBool()
            )
            return (time, .aggregate(aggregate))
        case 2:
            let counter = try reader.readString()
            let direction = try reader.readString()
            let windowStart = WallTime(nanosecondsSinceEpoch: try reader.readInt64())
            let windowSeconds = try reader.readInt64()
            let count: Int? = try reader.readBool() ? Int(try reader.readInt64()) : nil
            let mechanism: ReleaseMechanism
            switch try reader.readUInt8() {
            case 0: mechanism = .exact
            case 1: mechanism = .suppression(minimumCount: Int(try reader.readInt64()))
            case 2: mechanism = .differentialPrivacy(epsilon: try reader.readDouble())
            case let other: throw DecodeError("unknown release mechanism \(other)")
            }
            let release = FootfallRelease(
                counter: counter, direction: direction, windowStart: windowStart, windowSeconds: windowSeconds,
                count: count, mechanism: mechanism, coverageSeconds: try reader.readDouble(),
                timeSynchronized: try reader.readBool()
            )
            return (time, .footfall(release))
        case 3:
            let sensor: SensorID? = try reader.readBool() ? try reader.readString() : nil
            let severity = try severity(fromCode: try reader.readUInt8())
            let event = HealthEvent(
                sensor: sensor, severity: severity, kind: try reader.readString(), message: try reader.readString()
            )
            return (time, .health(event))
        case 4:
            let gap = Gap(
                firstSequence: try reader.readUInt64(), lastSequence: try reader.readUInt64(),
                reason: try reader.readString()
            )
            return (time, .gap(gap))
        default:
            throw DecodeError("unknown payload kind \(kind)")
        }
    }

    private static func severityCode(_ severity: HealthEvent.Severity) -> UInt8 {
        switch severity {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    private static func severity(fromCode code: UInt8) throws -> HealthEvent.Severity {
        switch code {
        case 0: .info
        case 1: .warning
        case 2: .error
        default: throw DecodeError("unknown severity \(code)")
        }
    }
}
