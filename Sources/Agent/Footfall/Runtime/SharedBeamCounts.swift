import Aggregation
import Hardware
import Sensors

/// A beam pair's exact counts per window, handed to the thermal counter across the same line so
/// that it can fill in the windows in which it could not see people (``FootfallFusion``). The
/// beam pair writes, the thermal counter takes each completed window once, at its own release of
/// that window. RAM only, like every exact count.
final class SharedBeamCounts {
    var windows: FootfallWindows
    /// Windows the thermal counter has not taken this long after they ended are dropped (its
    /// camera is down, or was never built): exact counts do not pile up.
    static let keptWindows: Int64 = 4

    init(counter: SensorID, directions: [String], windowSeconds: Int64) {
        windows = FootfallWindows(counter: counter, directions: directions, windowSeconds: windowSeconds)
    }

    func dropStale(now: WallTime) {
        let horizon = WallTime(secondsSinceEpoch: now.secondsSinceEpoch - Self.keptWindows * windows.windowSeconds)
        _ = windows.takeCompleted(by: horizon)
    }
}

/// Where a thermal counter keeps its fusion's calibration across restarts: a small file in the
/// state directory (`footfall-<id>.calibration`, two sums), replaced atomically when the
/// calibration first becomes usable and then after every further 200 beam crossings
/// (``ThermalFootfallCounter``).
struct FusionCalibrationFile {
    let state: StateDirectory
    let name: String

    init(state: StateDirectory, sensor: SensorID) {
        self.state = state
        self.name = "footfall-\(sensor).calibration"
    }

    func read() -> String? { state.read(name) }
    func write(_ text: String) throws { try state.write(name, text) }
}
