#if canImport(Glibc)
import Glibc
#endif
import Aggregation
import Hardware
import Journal

/// Seconds on the monotonic clock, for measuring (never for waiting).
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// `write_bytes` of /proc/self/io: bytes this process caused to be sent to the block device.
func processWriteBytes() -> Int {
    guard let file = fopen("/proc/self/io", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = cString(line)
        if text.hasPrefix("write_bytes:") {
            return Int(text.dropFirst("write_bytes:".count).trimmingCharacters()) ?? -1
        }
    }
    return -1
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\n" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\n" { result = result.dropLast() }
        return result
    }
}

/// Writes a line to stdout at once, unbuffered: a parent reading the pipe sees it even if this
/// process is killed right after (a write of less than PIPE_BUF bytes to a pipe is atomic).
func say(_ text: String) {
    let line = Array((text + "\n").utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

func fail(_ text: String) -> Never {
    say("FAIL: " + text)
    exit(1)
}

func time(_ second: Int64) -> RecordTime {
    RecordTime(
        monotonic: MonotonicInstant(nanoseconds: UInt64(second) * 1_000_000_000), bootID: "bench",
        wall: WallTime(secondsSinceEpoch: 1_764_000_000 + second), wallSynchronized: true
    )
}

/// A payload that identifies itself: the kill -9 loop checks that record `id` reads back intact.
func payload(id: Int) -> JournalPayload {
    .aggregate(Aggregate(
        sensor: "pm", quantity: .massConcentrationPM2_5, unit: .microgramsPerCubicMetre,
        windowStart: WallTime(secondsSinceEpoch: 1_764_000_000 + Int64(id % 1_000_000) * 60), windowSeconds: 60,
        mean: Double(id) / 8, minimum: 0, maximum: Double(id), count: id, coverageSeconds: 60, quality: []
    ))
}

/// The id a `payload(id:)` carries.
func id(of record: JournalRecord) -> Int? {
    if case .aggregate(let aggregate) = record.payload { aggregate.count } else { nil }
}

func removeTree(_ path: String) {
    _ = system("rm -rf '\(path)'")
}

/// SplitMix64, for reproducible random timings.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A C string in a buffer, as a Swift string.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The folder of this package (the executable is in `.build/<triple>/<configuration>/`).
func packageDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return "." }
    let path = cString(Array(buffer.prefix(count)) + [0])
    return "/" + path.split(separator: "/").dropLast(4).joined(separator: "/")
}
