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
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let length = getline(&buffer, &capacity, file)
            if length < 0 {
                let error = Errno(rawValue: errno)
                if ferror(file) != 0 { throw ThermalReplayFileError("cannot read \(name): \(error.message)") }
                break
            }
            guard let buffer else { break }
            // Bytes, not Characters: "\r\n" is one Character, and a NUL must not end the line early.
            let text = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
            }
            try replay.feed(Substring(text))
        }
        #endif
        guard replay.header != nil else {
            throw ThermalRecordingError(line: 1, column: 1, message: "empty recording: no header line")
        }
        return replay.result
    }
}
