import Hardware
import Journal
import Logging
import Uplink

/// What `run` and `simulate` share: the journal in the state directory and the uplinks of the config.
public enum BoxRuntime {
    /// Opens (and if needed repairs) the journal; repairs are logged — the journal also records
    /// them as health events, so they go upstream.
    public static func openJournal(
        box: BoxConfig, state: StateDirectory, clock: any BoxClock, logger: Logger
    ) throws -> FileJournal {
        try state.fileSystem.makeDirectory(state.journalDirectory)
        let configuration = JournalConfiguration(
            directory: state.journalDirectory,
            segmentBytes: Int(min(box.journal.maximumBytes / 4, 4 << 20)),
            maximumBytes: Int(box.journal.maximumBytes),
            cursors: box.uplinks.map(cursorName))
        let journal = try FileJournal(configuration: configuration, fileSystem: state.fileSystem, time: RecordTime(clock: clock))
        for repair in journal.repairsAtOpen {
            logger.warning("journal repaired at open: \(repair)")
        }
        return journal
    }

    /// The uplinks of the box config, in config order.
    public static func uplinks(box: BoxConfig, standardOutput: any LineSink) -> [any Uplink] {
        box.uplinks.map { uplink in
            switch uplink {
            case .stdout: LineProtocolUplink(boxID: box.id, sink: standardOutput, cursorName: cursorName(uplink))
            }
        }
    }

    static func cursorName(_ uplink: UplinkConfig) -> String {
        switch uplink {
        case .stdout: "stdout"
        }
    }
}
