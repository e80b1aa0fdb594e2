extension ThermalCounterConfiguration {
    /// The frame rate the settings counted in frames are given for: the AMG8833's 10 fps.
    public static let referenceFramesPerSecond = 10.0

    /// These settings for an array delivering `framesPerSecond` frames a second. From 15 fps
    /// on, frames are binned to about 10 fps (``binnedFrames``: 2 at 15 to 24 fps, 3 at 25 to
    /// 34): the counter then sees the frames it was made for, with the noise of a 10-fps frame.
    /// Slower arrays are counted frame by frame with the settings as they are: converting the
    /// settings counted in frames to the same times counted worse on the simulated street at
    /// 4, 5 and 20 fps (docs/counting.md, "Eleventh round"), and what an array below 5 fps
    /// misses (people it sees in a handful of frames) no setting brings back.
    public func atFrameRate(_ framesPerSecond: Double) -> ThermalCounterConfiguration {
        precondition(framesPerSecond > 0, "a frame rate is positive")
        var scaled = self
        scaled.binnedFrames = max(1, Int((framesPerSecond / Self.referenceFramesPerSecond).rounded()))
        return scaled
    }
}
