import Counting

#if canImport(Glibc)
import Glibc
#endif

extension ThermalReplay {
    /// Replays the recording at `path` (read line by line; frames are not kept).
    public static func run(
        fileAt path: String, line: CountingLine = CountingLine(), windowSeconds: Int64? = nil
    ) throws -> ThermalReplayResult {
        var replay = ThermalReplay(line: line, windowSeconds: windowSeconds)
        #if canImport(Glibc)
        guard let file = fopen(path, "r") else {
            throw ThermalRecordingError(line: 0, column: 0, message: "cannot open \(path) (errno \(errno))")
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let length = getline(&buffer, &capacity, file)
            if length < 0 { break }
            guard let buffer else { break }
            var text = String(cString: buffer)
            if text.last == "\n" { text.removeLast() }
            try replay.feed(Substring(text))
        }
        #endif
        guard replay.header != nil else {
            throw ThermalRecordingError(line: 1, column: 1, message: "empty recording: no header line")
        }
        return replay.result
    }
}
