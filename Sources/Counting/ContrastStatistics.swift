/// How often some of the people the counter looks for could not stand out from the pavement:
/// the share of frames in which, over most of the frame, the background lay within the range of
/// apparent body temperatures (``ThermalCounterConfiguration/apparentBodyRange``, widened by the
/// pixel's noise threshold). There a person at the matching temperature has no contrast at all,
/// and no algorithm counts what the sensor cannot see; a window with a large share is less
/// trustworthy, and the runtime can flag it as degraded instead of publishing a confident
/// undercount.
public struct ContrastStatistics: Hashable, Sendable {
    /// Frames counted since the statistics were last taken (learning frames excluded).
    public var frames: Int
    /// Of those, frames in which most pixels had a background within the apparent body range.
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
