import Aggregation
import Hardware
import Testing

/// A source that has no randomness to give (as if getrandom failed).
struct FailingSource: PrivacyRandomSource {
    mutating func nextUInt64() throws(RandomSourceError) -> UInt64 { throw RandomSourceError(errno: 38) }
}

@Suite("Privacy: footfall windows")
struct PrivacyFootfallWindowsTests {
    // 2026-04-14 10:00:00 UTC, on a quarter-hour boundary.
    let base = WallTime(secondsSinceEpoch: 1_776_160_800)

    func at(_ seconds: Int64) -> WallTime { WallTime(secondsSinceEpoch: base.secondsSinceEpoch + seconds) }

    @Test("crossings are summed per direction in clock-aligned 15-minute windows with coverage")
    func aligned() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"])
        windows.observe(from: at(300), to: at(1200))
        windows.record(direction: "in", at: at(301))
        windows.record(direction: "in", at: at(899))
        windows.record(direction: "out", at: at(900))
        var source = SeededRandomSource(seed: 1)
        let releases = try windows.release(completedBy: at(1800), using: &source)
        #expect(releases.count == 4)
        #expect(releases[0].windowStart == base && releases[0].direction == "in" && releases[0].count == 2)
        #expect(releases[1].direction == "out" && releases[1].count == 0)
        #expect(releases[0].coverageSeconds == 600)
        #expect(releases[2].windowStart == at(900) && releases[2].coverageSeconds == 300)
        #expect(releases[3].direction == "out" && releases[3].count == 1)
        #expect(releases.allSatisfy { $0.windowSeconds == 900 && $0.mechanism == .exact })
    }

    @Test("coverage summed from ten frames a second is released to the millisecond, as the platform compares it")
    func coverageWithoutRoundingNoise() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"])
        let start = base
        var previous = start
        for frame in 1...8_999 {
            let now = start + Duration.milliseconds(100 * frame)
            windows.observe(from: previous, to: now)
            previous = now
        }
        var source = SeededRandomSource(seed: 1)
        let releases = try windows.release(completedBy: at(900), using: &source)
        #expect(releases.first?.coverageSeconds == 899.9)
    }

    @Test("a crossing completed after its window was released goes into the next window, never a second release")
    func lateCrossing() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"])
        windows.observe(from: at(0), to: at(900))
        windows.record(direction: "in", at: at(100))
        var source = SeededRandomSource(seed: 1)
        let first = try windows.release(completedBy: at(900), using: &source)
        #expect(first.map(\.windowStart) == [base, base])
        windows.record(direction: "in", at: at(899))  // a beam crossing settled after its debounce
        windows.observe(from: at(899), to: at(1800))
        let second = try windows.release(completedBy: at(1800), using: &source)
        #expect(second.map(\.windowStart) == [at(900), at(900)])
        #expect(second.first { $0.direction == "in" }?.count == 1)
        #expect(second.first?.coverageSeconds == 900)
    }

    @Test("a window is released once, only after it ended, and then forgotten")
    func releasedOnce() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"])
        windows.observe(from: at(0), to: at(600))
        windows.record(direction: "in", at: at(10))
        var source = SeededRandomSource(seed: 1)
        #expect(try windows.release(completedBy: at(899), using: &source).isEmpty)
        #expect(try windows.release(completedBy: at(900), using: &source).count == 2)
        #expect(try windows.release(completedBy: at(5000), using: &source).isEmpty)
        #expect(windows.pendingWindows == 0)
    }

    @Test("with suppression, small windows are withheld and marked so")
    func suppressed() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in", "out"], profile: .suppress(minimumCount: 3))
        windows.observe(from: at(0), to: at(900))
        for second in 0..<7 { windows.record(direction: "in", at: at(Int64(second))) }
        windows.record(direction: "out", at: at(5))
        var source = SeededRandomSource(seed: 1)
        let releases = try windows.release(completedBy: at(900), using: &source)
        #expect(releases.map(\.count) == [7, nil])
        #expect(releases.allSatisfy { $0.mechanism == .suppression(minimumCount: 3) })
    }

    @Test("without randomness a dp window is not released, and is released later")
    func dpNeedsRandomness() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in"], profile: .differentialPrivacy(epsilon: 0.5))
        windows.observe(from: at(0), to: at(900))
        windows.record(direction: "in", at: at(1))
        var failing = FailingSource()
        #expect(throws: RandomSourceError.self) { try windows.release(completedBy: at(900), using: &failing) }
        var source = SeededRandomSource(seed: 3)
        let releases = try windows.release(completedBy: at(900), using: &source)
        #expect(releases.count == 1)
        #expect(releases[0].mechanism == .differentialPrivacy(epsilon: 0.5))
        #expect((releases[0].count ?? -1) >= 0)
    }

    @Test("a window touched before the clock was synchronised is flagged")
    func unsynchronised() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in"], windowSeconds: 3600)
        windows.record(direction: "in", at: at(1), synchronized: false)
        var source = SeededRandomSource(seed: 3)
        let releases = try windows.release(completedBy: at(7200), using: &source)
        #expect(releases.count == 1 && releases[0].timeSynchronized == false && releases[0].windowSeconds == 3600)
    }

    /// Gives `good` numbers, then fails (getrandom failing part-way through a release).
    struct RunningOutSource: PrivacyRandomSource {
        var good: Int
        var inner = SeededRandomSource(seed: 5)
        mutating func nextUInt64() throws(RandomSourceError) -> UInt64 {
            guard good > 0 else { throw RandomSourceError(errno: 38) }
            good -= 1
            return try inner.nextUInt64()
        }
    }

    @Test("randomness failing part-way: the windows released so far are returned, the rest wait")
    func dpFailsPartWay() throws {
        var windows = FootfallWindows(counter: "footfall", directions: ["in"], profile: .differentialPrivacy(epsilon: 0.5))
        for start in [0, 900, 1800] as [Int64] { windows.record(direction: "in", at: at(start + 1)) }
        // Find how many numbers the first window's noise takes, then fail right after them.
        var counting = windows
        var probe = RunningOutSource(good: .max)
        _ = try counting.release(completedBy: at(900), using: &probe)
        var runningOut = RunningOutSource(good: Int.max - probe.good)
        let first = try windows.release(completedBy: at(2700), using: &runningOut)
        #expect(first.map(\.windowStart) == [at(0)])
        #expect(windows.pendingWindows == 2)
        var source = SeededRandomSource(seed: 3)
        let rest = try windows.release(completedBy: at(2700), using: &source)
        #expect(rest.map(\.windowStart) == [at(900), at(1800)])
    }

    @Test("exact sums can be taken once per completed window, for fusing inside the box")
    func takeCompleted() {
        var windows = FootfallWindows(counter: "beams", directions: ["in", "out"])
        windows.observe(from: at(0), to: at(1000))
        windows.record(direction: "in", at: at(10))
        windows.record(direction: "out", at: at(950))
        let taken = windows.takeCompleted(by: at(1000))
        #expect(taken.map(\.start) == [base.secondsSinceEpoch])
        #expect(taken.first?.counts == ["in": 1] && taken.first?.coverageSeconds == 900)
        #expect(windows.takeCompleted(by: at(1000)).isEmpty)
        #expect(windows.pendingWindows == 1)
    }

    @Test("a release lets the exact counts be changed first, with the seconds the window was watched")
    func adjusting() throws {
        var windows = FootfallWindows(counter: "door", directions: ["in"])
        windows.observe(from: at(0), to: at(600))
        windows.record(direction: "in", at: at(10))
        var seen: [Double] = []
        var source = SeededRandomSource(seed: 3)
        let releases = try windows.release(completedBy: at(900), using: &source) { _, counts, coverage in
            seen.append(coverage)
            return counts.mapValues { $0 + 4 }
        }
        #expect(seen == [600])
        #expect(releases.map(\.count) == [5])
    }
}
