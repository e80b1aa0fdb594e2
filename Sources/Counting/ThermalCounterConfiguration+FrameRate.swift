extension ThermalCounterConfiguration {
    /// The frame rate the settings counted in frames are given for: the AMG8833's 10 fps.
    public static let referenceFramesPerSecond = 10.0

    /// How far a walker moves per frame at 10 fps, as a fraction of the frame along the counting
    /// axis (about 0.35 px of 8 from 4 m at 1.35 m/s).
    static let walkerStepAtReference = 0.045

    /// These settings, made for 10 fps, for an array delivering `framesPerSecond` frames a second
    /// (an AMG8833 at 1 fps, an MLX90640 at 0.5 to 64; at most 1000). Apply it once, to settings
    /// for 10 fps: applied again, it scales again.
    ///
    /// - From 15 fps on, frames are binned to about 10 fps (``binnedFrames`` = round(fps / 10):
    ///   2 at 15 to 24 fps, 6 at 64): the counter sees the frames it was made for, with the noise
    ///   of a 10-fps frame instead of the higher noise of shorter ones.
    /// - Below 10 fps people move further between frames: a fresh track's first step may be a
    ///   cyclist's step at that rate (``firstStepGate`` × 10 / fps, at most half the frame).
    ///   A track whose first step was longer than the gate takes a side of the line only once it
    ///   has been seen three times, so that two noise pixels a long step apart do not make a
    ///   crossing. Below 3.6 fps a walker's step is wider than the hysteresis band, and a track
    ///   first seen inside it takes its side from its motion (``infersSideAtBirth``), also on its
    ///   third sight.
    /// - Settings counted in frames stay as they are: converted to the same times, they counted
    ///   worse on the simulated street at 4, 5 and 20 fps (docs/counting.md, "Eleventh round").
    ///   Times given for them (a lost track remembered 2 s, a parked person 10 min) hold at 10 fps.
    /// - A pause between frames longer than a lost track is remembered (2 s at 10 fps, 20 s at
    ///   1 fps) makes the counter start again (``ThermalCounter/longestFramePause``).
    public func atFrameRate(_ framesPerSecond: Double) -> ThermalCounterConfiguration {
        precondition(framesPerSecond > 0 && framesPerSecond <= 1000, "a frame rate is above 0 and at most 1000")
        var scaled = self
        scaled.framesPerSecond = framesPerSecond
        scaled.binnedFrames = max(1, Int((framesPerSecond / Self.referenceFramesPerSecond).rounded()))
        let slowdown = Self.referenceFramesPerSecond / (framesPerSecond / Double(scaled.binnedFrames))
        guard slowdown > 1 else { return scaled }
        scaled.firstStepGate = min(firstStepGate * slowdown, Self.widestFirstStep)
        if Self.walkerStepAtReference * slowdown > 2 * line.hysteresis { scaled.infersSideAtBirth = true }
        return scaled
    }

    /// The widest first step, as a fraction of the frame: half of it.
    static let widestFirstStep = 0.5
}
