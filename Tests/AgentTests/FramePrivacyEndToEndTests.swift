import Agent
import Hardware
import Journal
import Simulator
import Testing
import Uplink

#if canImport(Glibc)
import Glibc
#endif

/// The privacy invariant through the whole box: frames of a distinctive scene go through the
/// AMG8833 twin, the driver, the tracker, the windows, the journal on disk and the uplink — and no
/// run of pixels of any frame appears in any byte written or sent.
@Suite("Frames never leave RAM (whole box)")
struct FramePrivacyEndToEndTests {
    /// A scene with an unmistakable background (every pixel its own value, all multiples of
    /// 0.25 °C so the AMG8833 reproduces them exactly) and a warm person walking through it.
    struct DistinctiveScene: ThermalScene {
        let width = 8, height = 8
        static let background: [Double] = (0..<64).map { 12.25 + Double($0) * 0.25 }
        func frame(at time: MonotonicInstant) -> [Double] {
            var pixels = Self.background
            let phase = Int(time.nanoseconds / 100_000_000) % 40  // a walk down the frame every 4 s
            if phase < 24 {
                let row = phase / 3
                for column in 3...4 { pixels[row * 8 + column] = 31.25 }
            }
            return pixels
        }
        func thermistor(at time: MonotonicInstant) -> Double { 21.5 }
    }

    @Test func noPixelRunInJournalOrUplink() async throws {
        let directory = temporaryDirectory()
        defer { removeTree(directory) }
        let (box, hardware, clock) = try thermalCounterBox(scene: DistinctiveScene(), privacyProfile: "exact")
        let state = try StateDirectory(path: directory)
        let opened = try BoxRuntime.openJournal(box: box, state: state, clock: clock, logger: quietLogger)
        let journal = opened.journal
        let sink = MemoryLineSink()
        let agent = BoxAgent(
            boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(1)),
            windows: BoxAssembly.windows(for: box), journal: journal,
            uplinks: BoxRuntime.uplinks(box: box, standardOutput: sink), logger: quietLogger)
        await agent.run(until: clock.now().advanced(by: .seconds(600)))
        opened.close()

        // The counter did see people: the test would prove nothing otherwise.
        let counted = sink.lines.filter { $0.hasPrefix("footfall,") && $0.contains("count=") && !$0.contains("count=0i") }
        #expect(!counted.isEmpty)

        var written: [UInt8] = Array(sink.lines.joined(separator: "\n").utf8)
        for file in listFiles(directory) { written += readFile(file) }
        #expect(written.count > 1000)
        let frames = [DistinctiveScene().frame(at: .zero), DistinctiveScene().frame(at: MonotonicInstant(nanoseconds: 300_000_000))]
        // Positive control: a frame leaked as text or as floats would be found.
        let leaked = written + Array(frames[1].map { "\($0)" }.joined(separator: ",").utf8)
        #expect(contains(leaked, encodings(of: Array(frames[1][20..<24]))[4]))
        let leakedFloats = written + frames[1].flatMap { withUnsafeBytes(of: Float($0).bitPattern.littleEndian, Array.init) }
        #expect(contains(leakedFloats, encodings(of: Array(frames[1][40..<44]))[0]))
        for frame in frames {
            for start in 0...(frame.count - 4) {
                let run = Array(frame[start..<start + 4])
                for needle in encodings(of: run) {
                    #expect(!contains(written, needle), "pixels \(start)…\(start + 3) found in the output")
                }
            }
        }
    }

    /// Float and Double in both byte orders, and decimal text with the separators a dump would use.
    func encodings(of values: [Double]) -> [[UInt8]] {
        var needles: [[UInt8]] = []
        let floats = values.map { Float($0).bitPattern }
        needles.append(floats.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })
        needles.append(floats.flatMap { withUnsafeBytes(of: $0.bigEndian, Array.init) })
        let doubles = values.map { $0.bitPattern }
        needles.append(doubles.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })
        needles.append(doubles.flatMap { withUnsafeBytes(of: $0.bigEndian, Array.init) })
        for separator in [",", ", ", " ", ";"] {
            needles.append(Array(values.map { "\($0)" }.joined(separator: separator).utf8))
        }
        return needles
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }

    func listFiles(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) { files += listFiles(path) } else { files.append(path) }
        }
        return files
    }

    func readFile(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}
