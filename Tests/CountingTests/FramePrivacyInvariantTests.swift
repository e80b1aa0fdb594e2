import Agent
import Aggregation
@testable import Counting
import Hardware
import Testing

/// The invariant of the privacy promise: a frame, or any part of one, never appears in anything
/// the counting and release path produces. A scene carries distinctive temperatures (31.4159 °C,
/// 27.1828 °C …) that nothing else would produce; the released values and every encoding of them
/// are searched for the frames' bytes (Float and Double, both byte orders) and decimal text.
@Suite("Privacy invariant: frames never leave RAM")
struct FramePrivacyInvariantTests {
    static let distinctive: [Float] = [31.4159, 27.1828, 29.9792, 33.3333, 26.0221]

    /// Every byte pattern and text a distinctive temperature could leave behind.
    static func needles() -> [[UInt8]] {
        var needles: [[UInt8]] = []
        for value in distinctive {
            let float = value.bitPattern, double = Double(value).bitPattern, exact = Double("\(value)")!.bitPattern
            needles.append(withUnsafeBytes(of: float.littleEndian, Array.init))
            needles.append(withUnsafeBytes(of: float.bigEndian, Array.init))
            for bits in [double, exact] {
                needles.append(withUnsafeBytes(of: bits.littleEndian, Array.init))
                needles.append(withUnsafeBytes(of: bits.bigEndian, Array.init))
            }
            for text in ["\(value)", "\(Double(value))", String("\(value)".prefix(6))] {
                needles.append(Array(text.utf8))
            }
        }
        return needles
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    /// Frames of people (with the distinctive temperatures) walking both ways over a pavement.
    static func frames() -> [[Float]] {
        var frames: [[Float]] = []
        for index in 0..<900 {
            var frame = [Float](repeating: 12.25, count: 64)
            for pixel in 0..<64 where (pixel + index) % 7 == 0 { frame[pixel] = 12.5 }
            if index >= 60 {
                let step = (index - 60) % 40
                let row = step < 20 ? step / 2 - 1 : 8 - (step - 20) / 2
                if (0..<8).contains(row) {
                    let value = distinctive[(index / 40) % distinctive.count]
                    frame[row * 8 + 3] = value
                    frame[row * 8 + 4] = value
                }
            }
            frames.append(frame)
        }
        return frames
    }

    @Test("counting, window release (every profile) and the replay's encodings hold no frame bytes")
    func noFrameBytesAnywhere() throws {
        var counter = ThermalCounter()
        let start = WallTime(secondsSinceEpoch: 1_776_160_800)
        var outputs: [[UInt8]] = []
        var crossings: [CrossingEvent] = []
        for (index, frame) in Self.frames().enumerated() {
            crossings += counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(index) * 100_000_000))
        }
        #expect(crossings.count >= 10, "the scene must be counted for the check to mean anything")
        for profile in [PrivacyProfile.exact, .suppress(minimumCount: 3), .differentialPrivacy(epsilon: 0.5)] {
            var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"], windowSeconds: 60, profile: profile)
            windows.observe(from: start, to: start + .seconds(90))
            for crossing in crossings {
                windows.record(direction: crossing.direction, at: start + .nanoseconds(Int64(crossing.time.nanoseconds)))
            }
            var source = SeededRandomSource(seed: 5)
            let releases = try windows.release(completedBy: start + .seconds(3600), using: &source)
            #expect(!releases.isEmpty)
            for release in releases {
                outputs.append(Array(String(describing: release).utf8))
                outputs.append(Array(String(reflecting: release).utf8))
                var copy = release
                outputs.append(withUnsafeBytes(of: &copy) { Array($0) })
                outputs.append(withUnsafeBytes(of: release.coverageSeconds.bitPattern) { Array($0) })
            }
        }
        for crossing in crossings { outputs.append(Array(String(reflecting: crossing).utf8)) }

        var recording = "# sensorbox-thermal v1 width=8 height=8 fps=10 unit=celsius\n"
        for (index, frame) in Self.frames().enumerated() {
            recording += "\(Double(index) / 10)," + frame.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        var replay = ThermalReplay(windowSeconds: 60)
        try replay.feed(contentsOf: recording)
        #expect(replay.result.totals.values.reduce(0, +) >= 10)
        outputs.append(Array(replay.result.json.utf8))
        outputs.append(Array(replay.result.text.utf8))
        #expect(Self.contains(Array(recording.utf8), Array("31.4159".utf8)), "the needle search must be able to find a frame")

        for output in outputs {
            for needle in Self.needles() {
                #expect(!Self.contains(output, needle), "frame bytes \(needle) found in an output")
            }
        }
    }

    @Test("the raw frames the background is learnt from are forgotten once it is learnt")
    func learningFramesAreForgotten() {
        var counter = ThermalCounter()
        let frames = counter.configuration.learningFrames
        for index in 0..<frames {
            let frame = (0..<64).map { Self.distinctive[($0 + index) % Self.distinctive.count] }
            _ = counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(index) * 100_000_000))
        }
        #expect(counter.isReady)
        #expect(counter.learningBuffer.allSatisfy { $0 == 0 })
    }

    @Test("a bin of frames from a fast array is forgotten when it is complete, and by a reset when it is not")
    func binnedFramesAreForgotten() {
        var counter = ThermalCounter(configuration: ThermalCounterConfiguration().atFrameRate(30))
        var index = 0
        func feed(_ count: Int) {
            for _ in 0..<count {
                let frame = (0..<64).map { Self.distinctive[($0 + index) % Self.distinctive.count] }
                _ = counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(index) * 33_333_333))
                index += 1
            }
        }
        feed(3 * 40)
        #expect(counter.binSum.allSatisfy { $0 == 0 })
        feed(2)
        #expect(counter.binSum.contains { $0 != 0 })
        counter.reset()
        #expect(counter.binSum.allSatisfy { $0 == 0 })
    }

    @Test("once a walker has gone, nothing of them stays in the counter: no track, lost track, blob or mass")
    func nothingOfAWalkerStays() {
        var counter = ThermalCounter()
        var frame = 0
        func feed(_ pixels: [Float]) -> Int {
            frame += 1
            return counter.process(pixels, at: MonotonicInstant(nanoseconds: UInt64(frame) * 100_000_000)).count
        }
        let empty = [Float](repeating: 15, count: 64)
        for _ in 0..<counter.configuration.learningFrames { _ = feed(empty) }
        var crossings = 0
        // A walker two pixels wide down the columns, a seventh of a pixel a frame.
        for step in 0..<80 {
            let row = -1.5 + Double(step) / 7
            let pixels = (0..<64).map { index -> Float in
                let dy = Double(index / 8) - row, dx = Double(index % 8) - 3.5
                return 15 + 16 * Float(max(0, 1 - (dx * dx + dy * dy) / 1.6))
            }
            crossings += feed(pixels)
        }
        #expect(crossings == 1)
        for _ in 0..<600 { _ = feed(empty) }  // a minute of empty pavement
        #expect(counter.tracks.allSatisfy { !$0.alive && $0.along == 0 && $0.across == 0 && $0.hits == 0 })
        #expect(counter.lostTracks.allSatisfy { $0.along == 0 && $0.across == 0 })
        #expect(counter.blobs.allSatisfy { $0.pixels == 0 && $0.mass == 0 })
        #expect(counter.trackMasses.allSatisfy { $0 == 0 })
    }
}
