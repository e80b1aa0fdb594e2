import Aggregation
import Sensors

/// A beam pair's exact counts per window, handed to the thermal counter across the same line so
/// that it can fill in the windows in which it could not see people (``FootfallFusion``). The
/// beam pair writes, the thermal counter takes each completed window once, at its own release of
/// that window. RAM only, like every exact count.
final class SharedBeamCounts {
    var windows: FootfallWindows

    init(counter: SensorID, directions: [String], windowSeconds: Int64) {
        windows = FootfallWindows(counter: counter, directions: directions, windowSeconds: windowSeconds)
    }
}
