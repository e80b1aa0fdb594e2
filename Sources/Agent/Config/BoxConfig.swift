import Aggregation
import Sensors

/// A box's configuration (`/etc/sensorbox/sensorbox.toml`): identity, board, sensors, windows,
/// privacy profile, journal limits and uplinks — checked against its board.
public struct BoxConfig: Hashable, Sendable {
    /// `[a-z0-9-]`, 1–64 characters: part of every record id upstream.
    public var id: String
    /// A name for people (`Hauptstraße 12`); the id when none is given.
    public var name: String
    /// The board file the box uses.
    public var board: BoardReference
    /// Where the box stands, if the config says.
    public var location: GeoLocation?
    /// Size limit and group-commit policy of the flash journal.
    public var journal: JournalConfig
    /// How footfall counts are released.
    public var privacy: ReleaseMechanism
    /// The sensors, in the order of the file; at least one.
    public var sensors: [SensorConfig]
    /// Where observations go; may be empty (the journal keeps them).
    public var uplinks: [UplinkConfig]
    /// The file the config was read from (`<built-in>` for ``BuiltInBox``).
    public var file: String

    public init(
        id: String, name: String, board: BoardReference, location: GeoLocation?, journal: JournalConfig,
        privacy: ReleaseMechanism, sensors: [SensorConfig], uplinks: [UplinkConfig], file: String
    ) {
        self.id = id
        self.name = name
        self.board = board
        self.location = location
        self.journal = journal
        self.privacy = privacy
        self.sensors = sensors
        self.uplinks = uplinks
        self.file = file
    }

    /// The sensor called `id`.
    public func sensor(_ id: SensorID) -> SensorConfig? { sensors.first { $0.id == id } }
}

/// Which board file a box uses.
public enum BoardReference: Hashable, Sendable {
    /// A name in the board directory (`raspberry-pi-4` → `raspberry-pi-4.toml`).
    case named(String)
    /// A path, relative to the box file's folder unless absolute.
    case file(String)
}

/// Where the box stands (WGS 84 degrees), for upstream metadata.
public struct GeoLocation: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Limits and group-commit policy of the on-flash journal.
public struct JournalConfig: Hashable, Sendable {
    /// Largest size of the journal on flash, in bytes.
    public var maximumBytes: Int64
    /// A group commit happens at the latest this long after the first pending append …
    public var commitInterval: Duration
    /// … or as soon as this many records are pending.
    public var commitRecords: Int

    public init(maximumBytes: Int64, commitInterval: Duration, commitRecords: Int) {
        self.maximumBytes = maximumBytes
        self.commitInterval = commitInterval
        self.commitRecords = commitRecords
    }

    /// `max_size_mb` when the config names none.
    public static let defaultMaximumMegabytes: Int64 = 64
    /// 64 MiB, a group commit at least every second or every 50 records.
    public static let `default` = JournalConfig(
        maximumBytes: defaultMaximumMegabytes * 1024 * 1024, commitInterval: .milliseconds(1000), commitRecords: 50)
}

/// Where observations go.
public enum UplinkConfig: Hashable, Sendable {
    /// InfluxDB line protocol on standard output.
    case stdout

    /// The `type = "…"` names, for "known types are" messages.
    public static let knownTypes = ["stdout"]
}
