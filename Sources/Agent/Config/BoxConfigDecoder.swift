import Aggregation
import Sensors

/// Finds the board a box file names, reporting problems (an unknown board, errors in the board
/// file) into the log. Returns `nil` when there is no usable board; the box is still checked as
/// far as it can be without one.
typealias BoardResolver = (_ reference: BoardReference, _ position: SourcePosition, _ log: DiagnosticLog) -> BoardConfig?

/// Decodes and checks a box config file, collecting every problem.
enum BoxConfigDecoder {
    static func decode(_ bytes: [UInt8], file: String, resolveBoard: BoardResolver) -> Result<(BoxConfig, BoardConfig), ConfigError> {
        let log = DiagnosticLog(file: file)
        guard let root = TOMLDocument.parseRoot(bytes, log: log) else { return .failure(ConfigError(log.sorted)) }

        let top = TableReader(root: root, log: log)
        let identity = decodeBox(top.table("box", section: "box", required: true), log: log)
        let board = identity.map { resolveBoard($0.board.value, $0.board.position, log) } ?? nil
        let journal = decodeJournal(top.table("journal", section: "journal"))
        let privacy = decodePrivacy(top.table("privacy", section: "privacy"))

        var sensors: [SensorConfig] = []
        let sensorTables = top.tables("sensor")
        if let sensorTables, !sensorTables.isEmpty {
            var decoder = SensorConfigDecoder(board: board, log: log)
            for (number, element) in sensorTables.enumerated() {
                if let sensor = decoder.decode(element.table, at: element.position, number: number + 1) {
                    sensors.append(sensor)
                }
            }
            AddressPlan.check(decoder.devices, log: log)
            decoder.checkBeamReferences(sensors)
        } else if sensorTables != nil || !top.has("sensor") {
            let position = top.entry("sensor")?.node.position ?? .start
            log.error("no sensors configured: add a [[sensor]] table for each sensor of the box", at: position)
        }
        let uplinks = decodeUplinks(top)
        top.finish()

        guard log.isEmpty, let identity, let board else { return .failure(ConfigError(log.sorted)) }
        let box = BoxConfig(
            id: identity.id, name: identity.name, board: identity.board.value, location: identity.location,
            journal: journal, privacy: privacy, sensors: sensors, uplinks: uplinks, file: file)
        return .success((box, board))
    }

    private struct Identity {
        var id: String
        var name: String
        var board: Located<BoardReference>
        var location: GeoLocation?
    }

    private static func decodeBox(_ box: TableReader?, log: DiagnosticLog) -> Identity? {
        guard let box else { return nil }
        defer { box.finish() }
        let id = box.string("id", required: true)
        if let id, !isBoxID(id.value) {
            log.error("box.id: \"\(id.value)\" must be 1–64 characters of a-z, 0-9 and -", at: id.position)
        }
        let name = box.string("name")
        let boardName = box.string("board")
        let boardFile = box.string("board_file")
        var board: Located<BoardReference>?
        switch (boardName, boardFile) {
        case (let name?, nil): board = Located(.named(name.value), at: name.position)
        case (nil, let path?): board = Located(.file(path.value), at: path.position)
        case (_?, let path?): log.error("box.board_file: give either board or board_file, not both", at: path.position)
        case (nil, nil):
            if !box.has("board"), !box.has("board_file") {
                log.error("missing required key \"board\" in [box] (a board name, or board_file = \"path\")", at: box.position)
            }
        }

        let latitude = box.number("latitude", in: -90...90)
        let longitude = box.number("longitude", in: -180...180)
        var location: GeoLocation?
        if let latitude, let longitude {
            location = GeoLocation(latitude: latitude.value, longitude: longitude.value)
        } else if let given = latitude ?? longitude, box.has("latitude") != box.has("longitude") {
            log.error("box: give both latitude and longitude, or neither", at: given.position)
        }

        guard let id, let board else { return nil }
        return Identity(id: id.value, name: name?.value ?? id.value, board: board, location: location)
    }

    private static func decodeJournal(_ journal: TableReader?) -> JournalConfig {
        guard let journal else { return .default }
        defer { journal.finish() }
        var config = JournalConfig.default
        if let megabytes = journal.integer("max_size_mb", in: 1...65536) {
            config.maximumBytes = megabytes.value * 1024 * 1024
        }
        if let interval = journal.integer("commit_interval_ms", in: 1...60_000) {
            config.commitInterval = .milliseconds(interval.value)
        }
        if let records = journal.integer("commit_records", in: 1...10_000) {
            config.commitRecords = Int(records.value)
        }
        return config
    }

    /// Small-count suppression with k = 5 when nothing is configured: counts of people leave
    /// the box only in a privacy-preserving form unless the config says otherwise.
    static let defaultPrivacy = ReleaseMechanism.suppression(minimumCount: 5)

    private static func decodePrivacy(_ privacy: TableReader?) -> ReleaseMechanism {
        guard let privacy else { return defaultPrivacy }
        defer { privacy.finish() }
        let profile = privacy.string("profile")
        let minimumCount = privacy.integer("minimum_count", in: Int64.min...Int64.max)
        let epsilon = privacy.number("epsilon", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        let log = privacy.log

        let name = profile?.value ?? "suppress"
        if name != "suppress", let minimumCount {
            log.error("privacy.minimum_count: applies only to profile \"suppress\"", at: minimumCount.position)
        }
        if name != "dp", let epsilon {
            log.error("privacy.epsilon: applies only to profile \"dp\"", at: epsilon.position)
        }
        switch name {
        case "exact":
            return .exact
        case "suppress":
            guard let minimumCount else { return defaultPrivacy }
            guard minimumCount.value >= 2, minimumCount.value <= 1_000_000 else {
                log.error(
                    "privacy.minimum_count: \(minimumCount.value) is out of range 2–1000000 (counts below k are withheld; k < 2 withholds nothing)",
                    at: minimumCount.position)
                return defaultPrivacy
            }
            return .suppression(minimumCount: Int(minimumCount.value))
        case "dp":
            guard let epsilon else {
                if !privacy.has("epsilon") {
                    log.error("missing required key \"epsilon\" in [privacy] for profile \"dp\" (e.g. 0.5)", at: profile?.position ?? privacy.position)
                }
                return defaultPrivacy
            }
            guard DiscreteLaplaceSampler.epsilonRange.contains(epsilon.value) else {
                log.error(
                    "privacy.epsilon: \(formatNumber(epsilon.value)) must be at least 0.001 and at most 100 (smaller is more private; 0.5 is typical)",
                    at: epsilon.position)
                return defaultPrivacy
            }
            return .differentialPrivacy(epsilon: epsilon.value)
        default:
            log.error("privacy.profile: unknown profile \"\(name)\"; known profiles: exact, suppress, dp", at: profile?.position ?? privacy.position)
            return defaultPrivacy
        }
    }

    private static func decodeUplinks(_ top: TableReader) -> [UplinkConfig] {
        var uplinks: [UplinkConfig] = []
        var places: [UplinkConfig: SourcePosition] = [:]
        for (number, element) in (top.tables("uplink") ?? []).enumerated() {
            let reader = TableReader(element: "uplink #\(number + 1)", table: element.table, position: element.position, log: top.log)
            defer { reader.finish() }
            guard let type = reader.string("type", required: true) else { continue }
            let uplink: UplinkConfig
            switch type.value {
            case "stdout": uplink = .stdout
            default:
                top.log.error(
                    "uplink #\(number + 1): unknown type \"\(type.value)\"; known types: \(UplinkConfig.knownTypes.joined(separator: ", "))",
                    at: type.position)
                continue
            }
            if let first = places[uplink] {
                top.log.error("uplink #\(number + 1): a \(type.value) uplink is already configured at \(top.log.file):\(first)", at: type.position)
                continue
            }
            places[uplink] = type.position
            uplinks.append(uplink)
        }
        return uplinks
    }

    /// Box ids become part of record ids upstream: a small, safe alphabet.
    static func isBoxID(_ id: String) -> Bool { BoardConfigDecoder.isBoardName(id) }
}
