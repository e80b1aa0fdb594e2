/// Fills in what the thermal counter cannot see with a beam pair across the same line.
///
/// When the pavement is as warm as people (a summer morning and evening, a sunny spring noon),
/// a thermal sensor sees nobody, and no threshold helps; under umbrellas it sees people only
/// faintly, and two umbrellas side by side may read as one. A beam pair does not care about
/// temperature or umbrellas, but it counts people walking together as one, so it reads a third
/// to a half low, depending on the street. The fusion learns the ratio of thermal to beam
/// crossings in windows in which the thermal counter saw well, and in a window of which a share
/// `s` was hidden (``ContrastStatistics/hiddenShare``: low-contrast pixels, or people seen only
/// faintly) it raises the thermal count by `w = s · (2 − s)` of the gap to the beams'
/// calibrated count:
///
///     fused = thermal + s · (2 − s) · max(0, ratio · beams − thermal)
///
/// The gap is the people the thermal counter missed plus the beams' own error in one window (a
/// window's mix of groups is not the street's usual one). In a window that is partly hidden the
/// first is the larger part, so the gap is filled more than in proportion: a third hidden fills
/// five ninths, half fills three quarters, and a wholly hidden window is the beams' count. A
/// window with little hidden keeps close to its thermal count, which is the better one there.
///
/// - It never lowers the thermal count: in a low-contrast window in which people still stood out
///   (a cool coat on a warm pavement), the thermal count stands.
/// - A window in which the thermal counter saw well keeps close to its thermal count: below a
///   hidden share of 0.1, at most a fifth of the gap is filled.
/// - Until the calibration has seen ``minimumCalibration`` beam crossings in good windows, there
///   is no ratio and every window is its thermal count.
/// - Only windows the thermal counter saw well (hidden share below ``calibratingShare``)
///   calibrate: a blind window cannot teach the ratio.
///
/// Counts go in and come out per direction, window by window, oldest first. Nothing but the two
/// running sums is kept (``calibrationText`` carries them across a restart).
public struct FootfallFusion: Hashable, Sendable {
    /// Windows with a hidden share below this calibrate the ratio (0.1: nine pixels in ten, over
    /// the window, had the contrast the thermal counter needs, and, faint people weighing three
    /// times in the share, at most one person in thirty was seen only faintly).
    public var calibratingShare: Double
    /// Beam crossings in calibrating windows before the ratio is used.
    public var minimumCalibration: Double
    /// When the calibration's beam sum passes this, both sums are halved: the last weeks weigh
    /// more than the first (a street changes with the seasons and with roadworks).
    public var calibrationMemory: Double
    /// Thermal and beam crossings of the calibrating windows (both directions).
    public private(set) var thermalSum: Double = 0
    public private(set) var beamSum: Double = 0

    public init(calibratingShare: Double = 0.1, minimumCalibration: Double = 30, calibrationMemory: Double = 20_000) {
        self.calibratingShare = calibratingShare
        self.minimumCalibration = minimumCalibration
        self.calibrationMemory = calibrationMemory
    }

    /// The calibration as two lines of text (`thermal_sum …`, `beam_sum …`), to keep it across
    /// a restart.
    public var calibrationText: String {
        "thermal_sum \(thermalSum)\nbeam_sum \(beamSum)\n"
    }

    /// Takes the calibration back from ``calibrationText``; returns `false` (and changes nothing)
    /// when the text is not two non-negative sums.
    public mutating func restoreCalibration(from text: String) -> Bool {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite, value >= 0 else { return false }
            values[String(parts[0])] = value
        }
        guard let thermal = values["thermal_sum"], let beams = values["beam_sum"], values.count == 2 else { return false }
        thermalSum = thermal
        beamSum = beams
        return true
    }

    /// Thermal crossings per beam crossing, once calibrated.
    public var ratio: Double? {
        beamSum >= minimumCalibration && beamSum > 0 ? thermalSum / beamSum : nil
    }

    /// The fused counts of one completed window, per direction (the same order as `thermal`),
    /// given the window's thermal and beam counts and the thermal counter's hidden share
    /// (``ContrastStatistics/hiddenShare``; `nil` when it saw no frame). `beams` is `nil` when
    /// the beam pair did not cover the window: then nothing is fused or learnt.
    public mutating func fuse(thermal: [Int], beams: [Int]?, hiddenShare: Double?) -> [Int] {
        guard let beams, beams.count == thermal.count, let share = hiddenShare else { return thermal }
        let share01 = min(max(share, 0), 1)
        let weight = share01 * (2 - share01)
        var fused = thermal
        if let ratio {
            for index in thermal.indices {
                let gap = ratio * Double(beams[index]) - Double(thermal[index])
                if gap > 0 { fused[index] = thermal[index] + Int((weight * gap).rounded()) }
            }
        }
        if share01 < calibratingShare {
            thermalSum += Double(thermal.reduce(0, +))
            beamSum += Double(beams.reduce(0, +))
            if beamSum > calibrationMemory {
                thermalSum /= 2
                beamSum /= 2
            }
        }
        return fused
    }
}
