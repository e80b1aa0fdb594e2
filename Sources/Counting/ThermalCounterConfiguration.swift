/// The tunable parts of a ``ThermalCounter``. The defaults are physical or statistical choices
/// (noise multiples, a body temperature, track survival in frames at 10 fps), not fitted to any
/// scenario; see docs/counting.md for why each one is what it is.
public struct ThermalCounterConfiguration: Hashable, Sendable {
    /// Frame size in pixels (8 × 8 for the AMG8833, 32 × 24 for the MLX90640).
    public var width: Int
    public var height: Int
    public var line: CountingLine

    /// Frames whose per-pixel median becomes the first background (3 s at 10 fps). A person who
    /// walks through during learning covers a pixel for well under half of them.
    public var learningFrames: Int
    /// How fast the background follows a pixel where nobody is (per frame; 0.02 ≈ 5 s at 10 fps):
    /// fast enough for clouds and a drying pavement, slow next to a 2-second crossing.
    public var backgroundRate: Float
    /// How fast the background follows a pixel that is foreground (per frame; ≈ 3 min): lets a
    /// mistaken background (someone standing there at start-up) heal, while a person lingering
    /// for a minute stays visible.
    public var foregroundRate: Float
    /// A pixel is foreground when it differs from the background by more than this many standard
    /// deviations of its own measured noise (set for 8 × 8; a larger frame raises it so that it
    /// has no more noise pixels above it per frame, ``ThermalCounter`` `noiseSigmas(_:pixels:)`) ...
    public var noiseSigmas: Float
    /// ... and by more than this fraction of the expected contrast between a body and the
    /// background there (ambient adaptation: on a cold night or a hot pavement the contrast is
    /// large and fragments of noise and fringes are cut; near the cross-over it is small) ...
    public var contrastFraction: Float
    /// ... and by more than this absolute floor in °C (the AMG8833's 0.25 °C quantisation step).
    public var minimumThreshold: Float
    /// The apparent temperature of a clothed person seen from above, in °C, for the expected contrast.
    public var bodyTemperature: Float
    /// The apparent temperatures a clothed person can have seen from above, in °C: from
    /// cold-weather clothes in the shade to sun-warmed clothes and hair. Where the background lies
    /// in this range (widened by the noise threshold), some people are invisible to the sensor:
    /// such frames count as low-contrast (``ContrastStatistics``). Outside it, every person is
    /// taken to differ from the pavement with one sign (warmer than a pavement below the range,
    /// cooler than one above it); a pixel with the other sign is pavement (``healsResidues``).
    public var apparentBodyRange: ClosedRange<Float>
    /// Normalise each pixel's excess by the contrast of recent single people (a running median
    /// of the peak excess of compact tracks) instead of by the contrast an assumed body
    /// temperature would have: the mass of one person then no longer depends on the weather.
    public var learnsContrast: Bool
    /// Tracks counted as one person each while one person's mass is first learnt (0: from the
    /// second track on, a track's mass against the first estimate decides).
    public var personWarmUpTracks: Int
    /// Frames in which a track must have been observed (not coasting) before its crossing counts
    /// (0: any). A walker is seen in ~25 frames while crossing 8 × 8, a fast cyclist in ~6.
    public var minimumHits: Int
    /// The smallest contrast used to normalise a pixel's excess (°C), so that a background close
    /// to body temperature does not blow up a blob's mass.
    public var minimumContrast: Float
    /// A foreground region larger than this fraction of the frame is a change of the scene (rain,
    /// a cloud, sun on the sensor), not people: the background takes it over quickly.
    public var sceneChangeFraction: Double
    /// Blobs whose centroids are closer than this many pixels are one blob (a fragmented person).
    public var mergeDistance: Double
    /// How far a track may move from its predicted position between frames, as a fraction of the
    /// frame length along the counting axis (a cyclist at 6 m/s moves ~1.5 px per frame on 8 × 8).
    public var gate: Double
    /// How far a confirmed fresh track's first step (it has no velocity yet) may go along the
    /// counting axis, as a fraction of the frame length: a cyclist's step, 6 m/s, about 0.19 of
    /// the frame per frame at 10 fps from 4 m. Across the axis it keeps the ``gate``; a tentative
    /// track keeps its ``tentativeGate``. Below the gate it changes nothing (as at 10 fps);
    /// ``atFrameRate(_:)`` scales it for a slower array, up to half the frame.
    public var firstStepGate: Double
    /// A track first seen inside the hysteresis band takes the side it moves away from as the
    /// side it came from, and counts when it leaves the band. Off by default: at 10 fps a person
    /// is seen on their side before the band, and a track born inside it is a part of someone
    /// (a pair parting) that must not count again. An array so slow that a walker moves more
    /// than the band's width per frame (below 3.6 fps on the default line) first sees many people
    /// inside it; ``atFrameRate(_:)`` turns this on there. Such a track takes its side only once
    /// it has been seen three times, as does one whose first step was longer than the ``gate``.
    public var infersSideAtBirth: Bool
    /// Frames a track survives without a blob (a person fading into the background for a moment).
    public var maximumMissedFrames: Int
    /// Frames two tracks may share one blob (two people passing each other) while each coasts.
    public var maximumSharedFrames: Int
    /// The quantile of compact tracks' masses taken as one person's mass.
    public var personQuantile: Double
    /// The quantile of a track's blob masses (over the frames it was wholly in view) taken as its
    /// mass. Above the median: people walking together merge into one blob only in some frames,
    /// and the median of such a track is the mass of the part that stayed apart. One person's
    /// mass is learnt from the same quantile, so a single walker still weighs one.
    public var trackMassQuantile: Double
    /// A track wider than one person (not compact: its spread clearly above the typical track's)
    /// that weighs at least this share of one person counts two, not one. A child weighs about
    /// half an adult from above (smaller, and farther from the sensor), so an adult with a child
    /// at their side reads 1.4–1.5 people and would round to one; one person is compact, however
    /// warm. From 1.5 a track counts two anyway. Its limit: a dog at someone's heel is small and
    /// warm too, and may count as a second person (in 1–3 hand-built walks of 8). 0 turns this off.
    public var widePairShare: Double
    /// Learn the typical spread (what is compact, ``widePairShare``) only from tracks that weigh
    /// less than 1.5 people (after the first nine tracks). Hung higher than 4 m or behind a lens
    /// wider than 60° (an 8 × 8 array), a pixel sees more of the street, and a crowd's groups
    /// merge into one blob so often that the median spread of all tracks is a pair's: pairs then
    /// pass as one compact person. At and below 4 m the light tracks are more often fragments,
    /// and the median of all tracks is the better one. ``mounted(_:)`` sets it.
    public var learnsSpreadFromLightTracks = false
    /// Weigh each blob over its pixels and the ones around it, signed and without a threshold
    /// (``ThermalCounter`` `weighSurroundings`), instead of over its thresholded pixels.
    public var weighsSurroundings: Bool
    /// Frames a track must stand still (within a pixel) before the person is *parked*: their
    /// pixels are taken into a temporary layer of the background, so that people walking past
    /// are seen against them instead of merging with them, and the track's side of the line is
    /// kept for when they walk on. 0 turns parking off.
    public var parkingFrames: Int
    /// Observations a track born from a faint blob (``faintContrastFraction``) needs, within
    /// ``confirmationFrames`` of its start, before it is taken for a person: until then it is *tentative* — it picks among the blobs confirmed
    /// tracks left, within ``tentativeGate``, and cannot count, share a blob or be remembered when
    /// lost; a crossing it made meanwhile counts when it is confirmed. Noise makes blobs that
    /// last a frame; people are seen frame after frame. Tracks born from foreground blobs are
    /// confirmed at once (a flickering faint person would not be). 1 confirms every track at once.
    public var confirmationHits: Int
    public var confirmationFrames: Int
    /// A tentative track's gate, as a fraction of the frame length along the counting axis.
    public var tentativeGate: Double
    /// A second, lower threshold as a share of the expected body contrast (0: none). Components
    /// of pixels above it but below the foreground threshold that touch no foreground pixel are
    /// *faint* blobs — an umbrella in the rain is about 1.5 °C above the wet pavement, a person
    /// near the pavement's temperature not much more. Tracks born from them are tentative (see
    /// ``confirmationHits``), are weighed only against other faint tracks (``weighsFaintParties``;
    /// otherwise one person each) and do not teach one person's mass. The foreground threshold
    /// still separates people walking close together.
    public var faintContrastFraction: Float
    /// Whether a faint track's people are its mass against the typical faint track's (two
    /// umbrellas side by side are one faint blob), rather than one each.
    public var weighsFaintParties: Bool
    /// A faint component touching a foreground blob joins it (mass, centroid, spread) instead of
    /// being dropped as the person's fringe: in a group, someone whose body lies across two pixels
    /// reads faint in both, and was lost from the group's mass. Touching two blobs, it joins the
    /// one with the nearer centroid, whole; next to a parked person, or of the other sign than the
    /// blob, it joins none.
    public var joinsFaintFringes: Bool
    /// A track crossing faster than this many times the typical crossing (a median of crossing
    /// tracks' speeds along the counting axis) is a cyclist or a runner: one person, whatever its
    /// mass (a bicycle and its rider weigh as much as three walkers). People walk at
    /// 1–2 m/s, most near 1.35; cyclists ride at 3.5 m/s and more. Relative to the typical
    /// crossing, the rule holds at any mounting height and frame rate. 0 turns this off.
    public var cyclistSpeedRatio: Double
    /// Frames a track that lost its blob is remembered, moving on: a new track starting where it
    /// would be takes over its side of the line. 0 forgets lost tracks at once.
    public var lostTrackFrames: Int
    /// Frames after which a parked person nobody has walked away from becomes background for good
    /// (a bench, a parked bicycle warmed by the sun).
    public var parkedLifetimeFrames: Int
    /// Lets the background heal at its full rate where a pixel differs from it with the sign no
    /// person has there (colder than a pavement cooler than any body): what the foreground rate
    /// took up of someone who stood there for a minute, or the first background of someone who
    /// stood there at start-up, left behind when they walk on. A parked layer with that sign is
    /// added to the background at once. Judged by the pixel's own background: where that lies
    /// inside ``apparentBodyRange`` (someone covered the pixel wholly at start-up), it does not help.
    public var healsResidues: Bool
    /// Frames averaged before segmentation (1: none, 2: each frame with the one before). Halves
    /// the noise variance at the cost of smearing fast movers over two frames (a walker moves
    /// about 0.4 px per frame at 10 fps on 8 × 8, a cyclist up to 1.5 px).
    public var averagedFrames: Int
    /// Frames binned into one before anything else (1: none): the counter sees the mean of each
    /// run of this many frames, at the last one's time. An array faster than 10 fps (an
    /// MLX90640 at 16 or 32 fps) is then counted at about 10 fps, with the noise of one 10-fps
    /// frame instead of the higher noise of its shorter frames (``atFrameRate(_:)``).
    public var binnedFrames: Int
    /// The array's frame rate (``atFrameRate(_:)`` sets it): with ``lostTrackFrames`` it tells
    /// how long a pause between two frames may be before the counter starts again
    /// (``ThermalCounter/longestFramePause``).
    public var framesPerSecond = ThermalCounterConfiguration.referenceFramesPerSecond
    /// Blobs lighter than this share of one person's learnt mass are dropped before tracking: a
    /// pixel of noise, or a fringe left behind, carries a few hundredths of a person, while a body
    /// (or a faint but wide umbrella) carries about one. 0 keeps every blob.
    public var minimumBlobShare: Double

    public init(
        width: Int = 8, height: Int = 8, line: CountingLine = CountingLine(),
        learningFrames: Int = 30, backgroundRate: Float = 0.02, foregroundRate: Float = 0.0006,
        noiseSigmas: Float = 3.0, contrastFraction: Float = 0.2, minimumThreshold: Float = 0.3,
        bodyTemperature: Float = 31, apparentBodyRange: ClosedRange<Float> = 27...37, minimumContrast: Float = 2,
        sceneChangeFraction: Double = 0.6,
        mergeDistance: Double = 1.0, gate: Double = 0.3, firstStepGate: Double = 0.19,
        infersSideAtBirth: Bool = false, maximumMissedFrames: Int = 4,
        maximumSharedFrames: Int = 30, personQuantile: Double = 0.5, trackMassQuantile: Double = 0.75,
        widePairShare: Double = 1.4, weighsSurroundings: Bool = true, parkingFrames: Int = 30, lostTrackFrames: Int = 20,
        faintContrastFraction: Float = 0.05, weighsFaintParties: Bool = true, joinsFaintFringes: Bool = true, cyclistSpeedRatio: Double = 2, confirmationHits: Int = 3,
        confirmationFrames: Int = 5, tentativeGate: Double = 0.2, parkedLifetimeFrames: Int = 6000,
        healsResidues: Bool = true, averagedFrames: Int = 1, binnedFrames: Int = 1,
        minimumBlobShare: Double = 0, learnsContrast: Bool = false,
        personWarmUpTracks: Int = 0, minimumHits: Int = 0
    ) {
        precondition(width >= 2 && height >= 2, "a thermal frame has at least 2 × 2 pixels")
        precondition(learningFrames >= 1, "the background needs at least one frame")
        precondition(averagedFrames == 1 || averagedFrames == 2, "frames are averaged in ones or twos")
        precondition(binnedFrames >= 1, "frames are binned in ones or more")
        self.width = width
        self.height = height
        self.line = line
        self.learningFrames = learningFrames
        self.backgroundRate = backgroundRate
        self.foregroundRate = foregroundRate
        self.noiseSigmas = noiseSigmas
        self.contrastFraction = contrastFraction
        self.minimumThreshold = minimumThreshold
        self.bodyTemperature = bodyTemperature
        self.apparentBodyRange = apparentBodyRange
        self.minimumContrast = minimumContrast
        self.sceneChangeFraction = sceneChangeFraction
        self.mergeDistance = mergeDistance
        self.gate = gate
        self.firstStepGate = firstStepGate
        self.infersSideAtBirth = infersSideAtBirth
        self.maximumMissedFrames = maximumMissedFrames
        self.maximumSharedFrames = maximumSharedFrames
        self.personQuantile = personQuantile
        self.trackMassQuantile = trackMassQuantile
        self.widePairShare = widePairShare
        self.weighsSurroundings = weighsSurroundings
        self.parkingFrames = parkingFrames
        self.lostTrackFrames = lostTrackFrames
        self.confirmationHits = confirmationHits
        self.faintContrastFraction = faintContrastFraction
        self.weighsFaintParties = weighsFaintParties
        self.joinsFaintFringes = joinsFaintFringes
        self.cyclistSpeedRatio = cyclistSpeedRatio
        self.confirmationFrames = confirmationFrames
        self.tentativeGate = tentativeGate
        self.parkedLifetimeFrames = parkedLifetimeFrames
        self.healsResidues = healsResidues
        self.averagedFrames = averagedFrames
        self.binnedFrames = binnedFrames
        self.minimumBlobShare = minimumBlobShare
        self.learnsContrast = learnsContrast
        self.personWarmUpTracks = personWarmUpTracks
        self.minimumHits = minimumHits
    }
}
