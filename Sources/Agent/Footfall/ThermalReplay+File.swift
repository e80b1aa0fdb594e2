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
        // recording can have (`lineLimit`), before a file without line ends fills memory.
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        while true {
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 { throw ThermalReplayFileError("cannot read \(name): \(Errno(rawValue: errno).message)") }
                break
            }
            var start = 0
            while start < count {
                let end = block[start..<count].firstIndex(of: UInt8(ascii: "\n"))
                pending.append(contentsOf: block[start..<(end.map { $0 + 1 } ?? count)])
                if pending.count > replay.lineLimit { throw replay.lineTooLong }
                guard let end else { break }
                // Bytes, not Characters: "\r\n" is one Character, and a NUL must not end the line early.
                try replay.feed(Substring(String(decoding: pending, as: UTF8.self)))
                pending.removeAll(keepingCapacity: true)
                start = end + 1
            }
        }
        if !pending.isEmpty { try replay.feed(Substring(String(decoding: pending, as: UTF8.self))) }
        #endif
        guard replay.header != nil else {
            throw ThermalRecordingError(line: 1, column: 1, message: "empty recording: no header line")
        }
        return replay.result
    }
}
