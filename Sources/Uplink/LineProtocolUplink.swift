import Journal

/// Where text lines go: standard output on a box, a buffer in tests.
public protocol LineSink: AnyObject {
    func write(lines: [String]) throws
}

/// Prints records as InfluxDB line protocol to a ``LineSink`` — standard output for technicians,
/// and `sensorbox simulate`'s output.
public final class LineProtocolUplink: Uplink {
    public let cursorName: String
    private let encoder: LineProtocolEncoder
    private let sink: any LineSink

    public init(boxID: String, sink: any LineSink, cursorName: String = "stdout") {
        self.cursorName = cursorName
        self.encoder = LineProtocolEncoder(boxID: boxID)
        self.sink = sink
    }

    public func deliver(_ records: [JournalRecord]) async throws {
        try sink.write(lines: records.map(encoder.encode))
    }
}
