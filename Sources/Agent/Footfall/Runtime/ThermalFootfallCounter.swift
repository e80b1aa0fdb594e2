import Aggregation
import Counting
import Hardware
import Journal
import Sensors

/// The AMG8833 as a footfall counter: each tick reads one frame, hands it to the tracker and
/// drops it. Only crossings (a direction and a time) leave the tracker, and only window sums
/// leave this counter. With a beam pair across the same line (`beams = "…"`), the windows in
/// which people were hidden (a pavement as warm as them, umbrellas) are filled in from the beams'
/// counts before release (``FootfallFusion``).
final class ThermalFootfallCounter: Sensor, FootfallCounter {
    let id: SensorID
    let model = "AMG8833 counter"
    var samplingInterval: Duration { camera.frameInterval }
    /// The chip (selftest reads one frame from it directly).
    let camera: AMG8833
    private let clock: any BoxClock
    private var tracker: ThermalCounter
    /// The tracker's settings (the line, the mounting), as the config made them.
    var trackerSettings: ThermalCounterConfiguration { tracker.configuration }
    private var tallies: FootfallTallies
    private let windowSeconds: Int64
    private var contrastWindow: Int64?
    /// The hidden share (``ContrastStatistics/hiddenShare``) of each window that ended and is not
    /// released yet.
    private var hiddenShares: [Int64: Double] = [:]
    private var events: [HealthEvent] = []
    /// The beam pair across the same line, its completed windows, and the fusion's calibration
    /// (kept in the state directory's calibration file, when there is one).
    private let beams: (id: SensorID, counts: SharedBeamCounts)?
    private var beamWindows: [Int64: FootfallWindows.CompletedWindow] = [:]
    private var fusion = FootfallFusion()
    private let calibrationFile: FusionCalibrationFile?
    private var calibrationSaveFailing = false
    private var savedBeamSum: Double = 0
    /// The beam sum at the last release, and the releases since the last copy that changed it.
    private var lastBeamSum: Double = 0
    private var calibratedWindowsSinceSave = 0
    static let calibrationSaveStep: Double = 200
    /// A beam window counts for the fusion only when the beams watched this much of it.
    private let beamCoverage = 0.9
    /// A window in which at least this share of frames had less body/pavement contrast than the
    /// sensor's noise (a pavement as warm as people) is reported: its counts are likely low.
    var lowContrastWarning = 0.5

    /// `counter`: the tracker's settings (an 8 × 8 frame, the line, the mounting).
    init(camera: AMG8833, clock: any BoxClock, counter: ThermalCounterConfiguration, windowSeconds: Int64, profile: PrivacyProfile,
         randomness: FootfallRandomness, beams: (id: SensorID, counts: SharedBeamCounts)? = nil,
         calibrationFile: FusionCalibrationFile? = nil) {
        self.id = camera.id
        self.beams = beams
        self.calibrationFile = beams == nil ? nil : calibrationFile
        self.camera = camera
        self.clock = clock
        self.tracker = ThermalCounter(configuration: counter)
        self.windowSeconds = windowSeconds
        self.tallies = FootfallTallies(
            counter: camera.id, directions: counter.line.directionNames, windowSeconds: windowSeconds, profile: profile,
            randomness: randomness, maximumGap: .seconds(2))
        if let text = self.calibrationFile?.read(), !fusion.restoreCalibration(from: text) {
            events.append(HealthEvent(
                sensor: id, severity: .warning, kind: "footfall.calibration_unreadable",
                message: "\(self.calibrationFile?.name ?? "calibration"): not two sums; the ratio to the beams is learnt anew"))
        }
        savedBeamSum = fusion.beamSum
        lastBeamSum = fusion.beamSum
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
        let pauses = tracker.pausesResumed
        for crossing in tracker.process(frame.pixels, at: frame.time) {
            tallies.record(crossing.direction, at: crossing.time, clock: clock)
        }
        if tracker.pausesResumed > pauses {
            // Frames stopped (the box stalled, or reads failed short of a camera restart): nothing counted meanwhile.
            let limit = formatDecimal(tracker.longestFramePauseSeconds, digits: 2)
            events.append(HealthEvent(
                sensor: id, severity: .warning, kind: "footfall.frames_paused",
                message: "no frame for over \(limit) s: the counter starts again and learns the pavement "
                    + "from its next \(tracker.configuration.learningFrames) frames"))
        }
        tallies.observed(now: frame.time, clock: clock)
        noteContrast(at: clock.wallTime().time)
        return []
    }

    /// At each window boundary: how much of the last window the counter could hardly see people.
    private func noteContrast(at now: WallTime) {
        let window = now.secondsSinceEpoch.floorDivided(by: windowSeconds) * windowSeconds
        guard let previous = contrastWindow, previous != window else {
            contrastWindow = window
            return
        }
        contrastWindow = window
        let statistics = tracker.takeContrastStatistics()
        if beams != nil { hiddenShares[previous] = statistics.hiddenShare }
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
        // The window that just ended has its share even before the next frame.
        noteContrast(at: now)
        guard let beams else { return try tallies.release(completedBy: now) }
        for window in beams.counts.windows.takeCompleted(by: now) { beamWindows[window.start] = window }
        let releases = try tallies.release(completedBy: now) { start, counts, coverage in
            fillIn(start, counts, coverage: coverage, from: beams.id)
        }
        beamWindows = beamWindows.filter { $0.key + windowSeconds > now.secondsSinceEpoch }
        hiddenShares = hiddenShares.filter { $0.key + windowSeconds > now.secondsSinceEpoch }
        saveCalibration()
        return releases
    }

    /// Keeps the calibration for the next start when it is first usable, then whenever the beam
    /// sum has moved by ``calibrationSaveStep`` crossings (or was halved), and never before two
    /// windows have calibrated since the last copy: often enough to lose little at a restart,
    /// seldom enough that no copy, and no two copies, tell one window's count. A failure is
    /// reported once, and the counter goes on with the calibration in memory.
    private func saveCalibration() {
        if fusion.beamSum != lastBeamSum {
            lastBeamSum = fusion.beamSum
            calibratedWindowsSinceSave += 1
        }
        guard let calibrationFile, fusion.ratio != nil, calibratedWindowsSinceSave >= 2,
            savedBeamSum == 0 || abs(fusion.beamSum - savedBeamSum) >= Self.calibrationSaveStep
        else { return }
        do {
            try calibrationFile.write(fusion.calibrationText)
            savedBeamSum = fusion.beamSum
            calibratedWindowsSinceSave = 0
            calibrationSaveFailing = false
        } catch {
            if !calibrationSaveFailing {
                events.append(HealthEvent(
                    sensor: id, severity: .warning, kind: "footfall.calibration_not_saved",
                    message: "\(calibrationFile.name): \(error); a restart will learn the ratio to the beams anew"))
            }
            calibrationSaveFailing = true
        }
    }

    /// A completed window's exact counts, filled in from the beams where people were hidden (a
    /// pavement as warm as them, umbrellas). Only a window both counters watched nearly whole is
    /// fused or calibrates.
    private func fillIn(_ start: Int64, _ counts: [String: Int], coverage: Double, from pair: SensorID) -> [String: Int] {
        let names = tracker.configuration.line.directionNames
        let thermal = names.map { counts[$0] ?? 0 }
        let watched = beamCoverage * Double(windowSeconds)
        let beamWindow = coverage < watched ? nil : beamWindows[start].flatMap { $0.coverageSeconds >= watched ? $0 : nil }
        let fused = fusion.fuse(
            thermal: thermal, beams: beamWindow.map { window in names.map { window.counts[$0] ?? 0 } },
            hiddenShare: hiddenShares[start])
        guard fused != thermal else { return counts }
        var filled = counts
        for (index, name) in names.enumerated() { filled[name] = fused[index] }
        let ratio = fusion.ratio.map { formatDecimal($0, digits: 2) } ?? "-"
        events.append(HealthEvent(
            sensor: id, severity: .info, kind: "footfall.filled_in",
            message: "window \(WallTime(secondsSinceEpoch: start).iso8601): people hidden; counts filled in from beam pair \"\(pair)\" at \(ratio) thermal crossings per beam crossing"))
        return filled
    }
}
