import Hardware
import Journal
import Logging
import Uplink

/// What `run` and `simulate` share: the journal in the state directory and the uplinks of the config.
public enum BoxRuntime {
    /// A journal open by this process, with the lock that keeps other processes out of it.
    public struct OpenJournal {
        public let journal: FileJournal
        public let lock: JournalLock

        /// Closes the files and releases the lock.
        public func close() {
            journal.close()
            lock.release()
        }
    }

    /// Locks and opens (and if needed repairs) the journal; repairs are logged — the journal also
    /// records them as health events, so they go upstream.
    public static func openJournal(
        box: BoxConfig, state: StateDirectory, clock: any BoxClock, logger: Logger
    ) throws -> OpenJournal {
        try state.fileSystem.makeDirectory(state.journalDirectory)
        let lock = try JournalLock(journalDirectory: state.journalDirectory)
        let journal = try FileJournal(
            configuration: journalConfiguration(box: box, directory: state.journalDirectory),
            fileSystem: state.fileSystem, time: RecordTime(clock: clock))
        for repair in journal.repairsAtOpen {
            logger.warning("journal repaired at open: \(repair)")
        }
        return OpenJournal(journal: journal, lock: lock)
    }

    /// How the box's journal is configured: the size limit of the config, segments of a quarter
    /// of it (at most 4 MiB: whole segments are the unit of retention), one cursor per uplink.
    public static func journalConfiguration(box: BoxConfig, directory: String) -> JournalConfiguration {
        JournalConfiguration(
            directory: directory,
            segmentBytes: Int(min(box.journal.maximumBytes / 4, 4 << 20)),
            maximumBytes: Int(box.journal.maximumBytes),
            cursors: box.uplinks.map(cursorName))
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
