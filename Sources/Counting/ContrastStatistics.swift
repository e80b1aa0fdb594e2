/// How often the people the counter looks for could not stand out from the pavement: the share
/// of frames in which the expected contrast between a clothed body and the background was below
/// the sensor's noise over most of the frame. No algorithm counts what the sensor cannot see, so
/// a window with a large share is less trustworthy; the runtime can flag it as degraded instead
/// of publishing a confident undercount.
///
/// The expected contrast uses the configuration's fixed `bodyTemperature` (an apparent clothed
/// body seen from above). Sun-warmed clothes can be several degrees warmer than that, so the
/// hint marks the hours around the cross-over (pavement as warm as people), not every frame in
/// which a particular person is invisible.
public struct ContrastStatistics: Hashable, Sendable {
    /// Frames counted since the statistics were last taken (learning frames excluded).
    public var frames: Int
    /// Of those, frames in which most pixels had an expected body contrast below the threshold
    /// of noise (``ThermalCounterConfiguration/noiseSigmas`` standard deviations of the pixel).
    public var lowContrastFrames: Int

    public init(frames: Int = 0, lowContrastFrames: Int = 0) {
        self.frames = frames
        self.lowContrastFrames = lowContrastFrames
    }

    /// The share of low-contrast frames (0…1), `nil` when no frame was seen.
    public var lowContrastFraction: Double? {
        frames > 0 ? Double(lowContrastFrames) / Double(frames) : nil
    }
}

extension ThermalCounter {
    /// Returns the contrast statistics gathered since the last call (or since start) and starts
    /// new ones: call it at every window boundary to get one `lowContrast` hint per window.
    public mutating func takeContrastStatistics() -> ContrastStatistics {
        let taken = contrastStatistics
        contrastStatistics = ContrastStatistics()
        return taken
    }
}
