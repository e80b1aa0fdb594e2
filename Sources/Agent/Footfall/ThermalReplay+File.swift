import Counting
import HardwareLinux

#if canImport(Glibc)
import Glibc
#endif

/// A recording that cannot be read at all: `cannot open FILE: No such file or directory`.
public struct ThermalReplayFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension ThermalReplay {
    /// The path that stands for standard input.
    public static let standardInputPath = "-"

    /// Replays the recording at `path` (read line by line; frames are not kept); `-` reads
    /// standard input. The mounting as for ``init(line:windowSeconds:mountingHeight:fieldOfView:configuration:)``.
    public static func run(
        fileAt path: String, line: CountingLine = CountingLine(), windowSeconds: Int64? = nil,
        mountingHeight: Double? = nil, fieldOfView: Double? = nil
    ) throws -> ThermalReplayResult {
        var replay = ThermalReplay(
            line: line, windowSeconds: windowSeconds, mountingHeight: mountingHeight, fieldOfView: fieldOfView)
        #if canImport(Glibc)
        let fromStandardInput = path == standardInputPath
        let name = fromStandardInput ? "standard input" : path
        // Standard input through a duplicate descriptor: closed like a file, stdin left alone.
        guard let file = fromStandardInput ? fdopen(dup(STDIN_FILENO), "r") : fopen(path, "r") else {
            let error = Errno(rawValue: errno)
            throw ThermalReplayFileError("cannot open \(name): \(error.message)")
        }
        defer { fclose(file) }
        // fopen opens a directory for reading; only the first read fails (EISDIR).
        var status = stat()
        if fstat(fileno(file), &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw ThermalReplayFileError("\(name) is a directory, not a recording")
        }
        // Read in blocks and cut into lines here: a line is refused once it passes the longest a
        // recording can have (`lineLimit`), before a file without line ends fills memory; a
        // comment that long (after the header) is read to its end and dropped.
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        var dropsComment = false
        while true {
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 { throw ThermalReplayFileError("cannot read \(name): \(Errno(rawValue: errno).message)") }
                break
            }
            var start = 0
            while start < count {
                let end = block[start..<count].firstIndex(of: UInt8(ascii: "\n"))
                if !dropsComment {
                    pending.append(contentsOf: block[start..<(end ?? count)])
                    // The line's own bytes: a CR before its LF is its end.
                    let length = pending.count - (pending.last == UInt8(ascii: "\r") ? 1 : 0)
                    if length > replay.lineLimit {
                        guard replay.header != nil, pending.first == UInt8(ascii: "#") else { throw replay.lineTooLong }
                        pending = [UInt8(ascii: "#")]
                        dropsComment = true
                    }
                }
                guard let end else { break }
                // Bytes, not Characters: "\r\n" is one Character, and a NUL must not end the line early.
                try replay.feed(Substring(String(decoding: pending, as: UTF8.self)))
                pending.removeAll(keepingCapacity: true)
                dropsComment = false
                start = end + 1
            }
        }
        // The last line needs no line end.
        if !pending.isEmpty { try replay.feed(Substring(String(decoding: pending, as: UTF8.self))) }
        #endif
        guard replay.header != nil else {
            throw ThermalRecordingError(line: 1, column: 1, message: "empty recording: no header line")
        }
        return replay.result
    }
}
