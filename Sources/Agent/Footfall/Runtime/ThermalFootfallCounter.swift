import Aggregation
import Counting
import Hardware
import Journal
import Sensors

/// The AMG8833 as a footfall counter: each tick reads one frame, hands it to the tracker and
/// drops it. Only crossings (a direction and a time) leave the tracker, and only window sums
/// leave this counter.
final class ThermalFootfallCounter: Sensor, FootfallCounter {
    let id: SensorID
    let model = "AMG8833 counter"
    var samplingInterval: Duration { camera.frameInterval }
    /// The chip (selftest reads one frame from it directly).
    let camera: AMG8833
    private let clock: any BoxClock
    private var tracker: ThermalCounter
    private var tallies: FootfallTallies
    private let windowSeconds: Int64
    private var contrastWindow: Int64?
    private var events: [HealthEvent] = []
    /// A window in which at least this share of frames had less body/pavement contrast than the
    /// sensor's noise (a pavement as warm as people) is reported: its counts are likely low.
    var lowContrastWarning = 0.5

    init(camera: AMG8833, clock: any BoxClock, line: CountingLine, windowSeconds: Int64, profile: PrivacyProfile,
         randomness: FootfallRandomness) {
        self.id = camera.id
        self.camera = camera
        self.clock = clock
        self.tracker = ThermalCounter(configuration: ThermalCounterConfiguration(width: 8, height: 8, line: line))
        self.windowSeconds = windowSeconds
        self.tallies = FootfallTallies(
            counter: camera.id, directions: line.directionNames, windowSeconds: windowSeconds, profile: profile,
            randomness: randomness, maximumGap: .seconds(2))
    }

    func start() async throws {
        tallies.interrupted()
        try await camera.start()
        // A restarted camera sees the street anew: the background is learnt again.
        tracker.reset()
    }

    func sample() async throws -> [Reading] {
        let frame: ThermalFrame
        do {
            frame = try await camera.readFrame()
        } catch {
            tallies.interrupted()
            throw error
        }
        for crossing in tracker.process(frame.pixels, at: frame.time) {
            tallies.record(crossing.direction, at: crossing.time, clock: clock)
        }
        tallies.observed(now: frame.time, clock: clock)
        noteContrast()
        return []
    }

    /// At each window boundary: how much of the last window the counter could hardly see people.
    private func noteContrast() {
        let window = clock.wallTime().time.secondsSinceEpoch.floorDivided(by: windowSeconds) * windowSeconds
        guard let previous = contrastWindow, previous != window else {
            contrastWindow = window
            return
        }
        contrastWindow = window
        let statistics = tracker.takeContrastStatistics()
        guard let share = statistics.lowContrastFraction, share >= lowContrastWarning else { return }
        events.append(HealthEvent(
            sensor: id, severity: .warning, kind: "footfall.low_contrast",
            message: "window \(WallTime(secondsSinceEpoch: previous).iso8601): \(Int((share * 100).rounded())) % of frames with body/pavement contrast below the noise; counts may be low"))
    }

    func takeHealthEvents() -> [HealthEvent] {
        defer { events = [] }
        return events
    }

    func recover() async throws { try await start() }
    func identify() async throws -> SensorIdentity { try await camera.identify() }

    func release(completedBy now: WallTime) throws -> [FootfallRelease] {
        try tallies.release(completedBy: now)
    }
}
