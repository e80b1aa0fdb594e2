#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Uplink

/// Writes all of `text` to a file descriptor, retrying short writes and `EINTR`.
/// Output is best effort: a closed pipe must not stop the box.
func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
    bytes.removeAll()
}

/// Writes `text` to standard error.
public func printToStandardError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
}

/// Whether standard error is a terminal (progress bars only there).
public var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

/// Lines to standard output, one `write` per batch.
public final class StandardOutputSink: LineSink {
    public init() {}

    public func write(lines: [String]) throws {
        guard !lines.isEmpty else { return }
        writeAll(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
    }
}

/// Lines kept in memory (tests, `--json` post-processing).
public final class MemoryLineSink: LineSink {
    public private(set) var lines: [String] = []
    public init() {}
    public func write(lines: [String]) throws { self.lines += lines }
}
