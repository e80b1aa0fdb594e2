/// How often some of the people the counter looks for could not stand out from the pavement:
/// the share of frames in which, over most of the frame, the background lay within the range of
/// apparent body temperatures (``ThermalCounterConfiguration/apparentBodyRange``, widened by the
/// pixel's noise threshold), and the share of all pixels in all frames that did. There a person
/// at the matching temperature has no contrast at all, and no algorithm counts what the sensor
/// cannot see; a window with a large share is less trustworthy, and the runtime can flag it as
/// degraded instead of publishing a confident undercount. Also how many of the people counted
/// were seen only as faint blobs; with the pixel share, they make the window's ``hiddenShare``.
public struct ContrastStatistics: Hashable, Sendable {
    /// Frames counted since the statistics were last taken (learning frames excluded).
    public var frames: Int
    /// Of those, frames in which most pixels had a background within the apparent body range.
    public var lowContrastFrames: Int
    /// Pixels in those frames (frames × pixels per frame), and of those, pixels with a
    /// background within the apparent body range.
    public var pixels: Int
    public var lowContrastPixels: Int
    /// People counted, and of those, people counted from tracks seen only as faint blobs (under
    /// umbrellas, or close to the pavement's temperature), whose number in a group is rough.
    public var crossings: Int
    public var faintCrossings: Int

    public init(
        frames: Int = 0, lowContrastFrames: Int = 0, pixels: Int = 0, lowContrastPixels: Int = 0, crossings: Int = 0,
        faintCrossings: Int = 0
    ) {
        self.frames = frames
        self.lowContrastFrames = lowContrastFrames
        self.pixels = pixels
        self.lowContrastPixels = lowContrastPixels
        self.crossings = crossings
        self.faintCrossings = faintCrossings
    }

    /// The share of low-contrast frames (0…1), `nil` when no frame was seen.
    public var lowContrastFraction: Double? {
        frames > 0 ? Double(lowContrastFrames) / Double(frames) : nil
    }

    /// The share of low-contrast pixels over all frames (0…1), `nil` when no frame was seen. Unlike
    /// ``lowContrastFraction`` it sees a part of the pavement: in the afternoon a building's
    /// shadow may keep most of the frame cool while the sunny strip is as warm as the people
    /// walking over it.
    public var lowContrastPixelFraction: Double? {
        pixels > 0 ? Double(lowContrastPixels) / Double(pixels) : nil
    }

    /// The share of counted people seen only faintly (0…1), `nil` when nobody was counted.
    public var faintCrossingFraction: Double? {
        crossings > 0 ? Double(faintCrossings) / Double(crossings) : nil
    }

    /// How much faint people weigh in ``hiddenShare``: a window in which a third of the people
    /// counted were faint counts as wholly hidden.
    ///
    /// People on low-contrast pixels are not counted at all, so the gap to the beams lies in that
    /// share of the window. Faint people are counted, but only in part (two umbrellas side by
    /// side read as one, a faint walker fades out): the whole gap to the beams lies in the faint
    /// part, however small a share of the counted people it is. Only the beams' own noise per
    /// window argues against filling the whole gap when a few faint people were seen; this
    /// weight trades the two (decided on seeds 100 and 101, docs/counting.md, "Fifth round").
    public static let faintShareWeight = 3.0

    /// How much of the window the counter could see people only faintly or not at all: the
    /// low-contrast pixel share (the frame share where no pixels were recorded) or the weighted
    /// faint share of its people (at most 1), whichever is larger (`nil` without frames). What
    /// ``FootfallFusion`` fills in from the beams.
    public var hiddenShare: Double? {
        (lowContrastPixelFraction ?? lowContrastFraction).map {
            max($0, min(1, Self.faintShareWeight * (faintCrossingFraction ?? 0)))
        }
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
