import Hardware

/// Counts people crossing a line under a thermal array looking down, from frames fed one at a
/// time. Pure: no I/O, no clock, no allocation per frame (every buffer is made in `init`).
///
/// The pipeline (docs/counting.md): a per-pixel background learnt as a median and then adapted
/// only where nobody is; foreground where a pixel differs from it by more than a threshold adapted
/// to the pixel's noise and to the expected body contrast (warm or cold: on a hot pavement people
/// are colder than the ground); 8-connected blobs with sub-pixel centroids weighted by excess;
/// gated tracks with shared blobs for people passing each other; a crossing when a track passes
/// the line's hysteresis band, counted once per person the track carries (a blob may be a group:
/// its mass against the running mass of one person). Someone standing still is parked in a layer
/// over the background so that others are seen walking past them, and a track lost for a moment
/// is found again by where it would be.
///
/// Frames never leave this value: they are read and forgotten. Only ``CrossingEvent``s come out.
public struct ThermalCounter: Sendable {
    public let configuration: ThermalCounterConfiguration

    let pixelCount: Int
    /// Length of the frame along the counting axis and across it, in pixels.
    let along: Int
    let across: Int
    let lineCoordinate: Double
    let bandLow: Double
    let bandHigh: Double
    let gateDistance: Double
    /// ``ThermalCounterConfiguration/noiseSigmas`` for this frame's size (``noiseSigmas(_:pixels:)``),
    /// for foreground and faint pixels; judgements about one pixel alone (its low contrast, a
    /// residue, a parked person's pixel) keep the configured value.
    let noiseSigmas: Float

    var learned = 0
    /// The longest pause between two frames after which the counter goes on where it was, in
    /// nanoseconds: as long as a lost track is remembered (at least two frames). After a longer
    /// one (frames dropped, a recording stitched from several), nothing it saw before says where
    /// anyone is now, and the pavement may have warmed or cooled: it starts again, as after
    /// ``reset()``.
    let longestFramePause: UInt64
    public var longestFramePauseSeconds: Double { Double(longestFramePause) / 1e9 }
    /// The time of the last frame, and how often the counter learnt the scene again after a pause.
    var lastFrameTime: MonotonicInstant?
    public private(set) var pausesResumed = 0
    var learningBuffer: [Float]
    /// The previous raw frame and the averaged one (``ThermalCounterConfiguration/averagedFrames``).
    var previousFrame: [Float]
    var averaged: [Float]
    var hasPreviousFrame = false
    /// The sum of the frames binned so far (``ThermalCounterConfiguration/binnedFrames``; empty
    /// without binning), and how many that is.
    var binSum: [Float]
    var binnedSoFar = 0
    var background: [Float]
    var variance: [Float]
    var excess: [Float]
    /// |pixel − background| of foreground pixels (0 elsewhere), for each blob's peak.
    var difference: [Float]
    var foreground: [Bool]
    /// Pixels above the faint threshold but not the foreground one.
    var faint: [Bool]
    /// (pixel − scene) of every pixel in the blob weight's unit, and the pixels a blob has weighed.
    var signedExcess: [Float]
    var claimed: [Bool]
    /// Label → blob index (-1: none), and each blob's weighed mass, while weighing surroundings.
    var blobOfLabel: [Int16]
    var weighed: [Double]
    var labels: [Int16]
    var stack: [Int16]
    var blobs: [Blob]
    var blobCount = 0
    var tracks: [Track]
    var trackMasses: [Float]
    /// The parked layer (``ParkedPerson``): per pixel the parked person's excess and owner (-1: none).
    var parked: [Float]
    var parkedOwner: [Int8]
    var parkedPeople: [ParkedPerson]
    var lostTracks: [LostTrack]
    var scratch: [Float]
    /// Per track: the blob it took this frame (-1: none), and whether it shares one.
    var assignedBlob: [Int]
    var sharing: [Bool]
    /// log of one person's blob mass (the median of the first compact tracks, then a running
    /// quantile), `nil` until the first crossing.
    var logPersonMass: Double?
    /// log of one faint track's mass (a running median over faint tracks), `nil` until the first.
    var logFaintMass: Double?
    /// log of the typical spread of a track's blobs (a running median).
    var logPersonSpread: Double?
    /// log of the peak excess of one person (°C, a running median), with `learnsContrast`.
    var logPersonContrast: Double?
    /// log of a crossing track's typical speed along the counting axis (frame lengths per second,
    /// a running median), `nil` until ``speedWarmUpCrossings`` crossings have set it
    /// (``isCyclist(track:at:)``).
    var logTypicalSpeed: Double?
    /// The speeds of the crossings that are setting the typical crossing, before it is set.
    var firstSpeeds: [Double]
    /// The log masses of the first compact tracks and the log spreads of the first tracks, while
    /// one person's mass and the typical spread are their medians (``personMassWarmUpTracks``);
    /// cleared once they run on.
    var firstMasses: [Double]
    var firstSpreads: [Double]
    var firstMassCount = 0
    /// Crossings that taught the typical crossing since it was last (re)started.
    var speedCrossings = 0
    /// A running share (about the last twenty) of crossings judged cyclists.
    var judgedCyclistShare = 0.0
    var countedTracks = 0
    var faintTracks = 0
    /// Low-contrast frames since the statistics were last taken (``takeContrastStatistics()``).
    public internal(set) var contrastStatistics = ContrastStatistics()
    /// How far the tracks that ended moved along the counting axis and across it.
    public internal(set) var trackMotion = TrackMotion()

    /// Frames processed since start (including learning).
    public private(set) var framesProcessed = 0

    static let maximumBlobs = 24
    static let maximumTracks = 16
    static let massesPerTrack = 32

    public init(configuration: ThermalCounterConfiguration = ThermalCounterConfiguration()) {
        self.configuration = configuration
        let count = configuration.width * configuration.height
        precondition(count <= Int(Int16.max), "frame too large")
        pixelCount = count
        switch configuration.line.axis {
        case .rows: along = configuration.height; across = configuration.width
        case .columns: along = configuration.width; across = configuration.height
        }
        let length = Double(along)
        lineCoordinate = configuration.line.position * length
        bandLow = lineCoordinate - configuration.line.hysteresis * length
        bandHigh = lineCoordinate + configuration.line.hysteresis * length
        gateDistance = configuration.gate * length
        noiseSigmas = Self.noiseSigmas(configuration.noiseSigmas, pixels: count)
        let pauseFrames = Double(max(configuration.lostTrackFrames, 2) * configuration.binnedFrames)
        // At most about 30 years: a slower frame rate (or none) never pauses.
        let pause = pauseFrames / configuration.framesPerSecond * 1e9
        longestFramePause = pause.isFinite && pause >= 0 && pause < 1e18 ? UInt64(pause) : UInt64(1e18)
        learningBuffer = Array(repeating: 0, count: count * configuration.learningFrames)
        background = Array(repeating: 0, count: count)
        previousFrame = Array(repeating: 0, count: count)
        averaged = Array(repeating: 0, count: count)
        binSum = Array(repeating: 0, count: configuration.binnedFrames > 1 ? count : 0)
        variance = Array(repeating: 0, count: count)
        excess = Array(repeating: 0, count: count)
        difference = Array(repeating: 0, count: count)
        foreground = Array(repeating: false, count: count)
        faint = Array(repeating: false, count: count)
        signedExcess = Array(repeating: 0, count: count)
        claimed = Array(repeating: false, count: count)
        blobOfLabel = Array(repeating: -1, count: count + 1)
        weighed = Array(repeating: 0, count: Self.maximumBlobs)
        firstSpeeds = Array(repeating: 0, count: Self.speedWarmUpCrossings)
        firstMasses = Array(repeating: 0, count: Self.personMassWarmUpTracks)
        firstSpreads = Array(repeating: 0, count: Self.personMassWarmUpTracks)
        labels = Array(repeating: 0, count: count)
        stack = Array(repeating: 0, count: count)
        blobs = Array(repeating: Blob(), count: Self.maximumBlobs)
        tracks = Array(repeating: Track(), count: Self.maximumTracks)
        trackMasses = Array(repeating: 0, count: Self.maximumTracks * Self.massesPerTrack)
        parked = Array(repeating: 0, count: count)
        parkedOwner = Array(repeating: -1, count: count)
        parkedPeople = Array(repeating: ParkedPerson(), count: Self.maximumParked)
        lostTracks = Array(repeating: LostTrack(), count: Self.maximumTracks)
        assignedBlob = Array(repeating: -1, count: Self.maximumTracks)
        sharing = Array(repeating: false, count: Self.maximumTracks)
        scratch = Array(repeating: 0, count: max(Self.massesPerTrack, configuration.learningFrames, Self.personMassWarmUpTracks))
    }

    /// Whether the first background has been learnt (crossings are recognised only after that).
    public var isReady: Bool { learned >= configuration.learningFrames }

    /// The number of tracks alive now (people in view, roughly).
    public var activeTracks: Int { tracks.reduce(0) { $0 + ($1.alive ? 1 : 0) } }

    /// Forgets the background, every track and the typical crossing's speed (the sensor may
    /// have been hung elsewhere; five crossings teach it again): after the sensor was off or
    /// replaced, and after a pause between frames longer than ``longestFramePause``. One person's
    /// learnt mass and size are kept: a camera restarted after a bus error sees the same street,
    /// and at a new mounting height they follow within a few dozen people.
    public mutating func reset() {
        learned = 0
        lastFrameTime = nil
        forgetTypicalSpeed()
        hasPreviousFrame = false
        forgetBin()
        for index in tracks.indices { forgetTrack(index) }
        blobCount = 0
        releaseAllParked()
        for index in lostTracks.indices { lostTracks[index] = LostTrack() }
    }

    /// Takes one frame (`width × height` °C, row-major as the sensor sends it) taken at `time`,
    /// and calls `onCrossing` for every person who crossed the line with it.
    public mutating func process(
        _ pixels: [Float], at time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void
    ) {
        precondition(pixels.count == pixelCount, "a frame has width × height pixels")
        if let last = lastFrameTime, time.nanoseconds > last.nanoseconds, time.nanoseconds - last.nanoseconds > longestFramePause {
            pausesResumed += 1
            reset()
        }
        lastFrameTime = time
        framesProcessed += 1
        if configuration.binnedFrames > 1 {
            for index in 0..<pixelCount { binSum[index] += pixels[index] }
            binnedSoFar += 1
            guard binnedSoFar == configuration.binnedFrames else { return }
        }
        if configuration.averagedFrames == 2 {
            for index in 0..<pixelCount {
                let pixel = binnedPixel(pixels, index)
                let previous = hasPreviousFrame ? previousFrame[index] : pixel
                averaged[index] = 0.5 * (pixel + previous)
                previousFrame[index] = pixel
            }
            hasPreviousFrame = true
        } else {
            for index in 0..<pixelCount { averaged[index] = binnedPixel(pixels, index) }
        }
        forgetBin()
        if !isReady {
            learn(averaged)
            return
        }
        let sceneChanged = segment(averaged)
        if sceneChanged {
            blobCount = 0
            releaseAllParked()
        } else {
            findBlobs()
            mergeCloseBlobs()
            dropFaintBlobs()
            dropParkedResiduals()
        }
        // Blobs of earlier frames past this frame's count: forgotten, like the frames they came from.
        for b in blobCount..<Self.maximumBlobs where blobs[b].pixels != 0 { blobs[b] = Blob() }
        ageLostTracks()
        track(at: time, onCrossing: onCrossing)
        adaptBackground(averaged, sceneChanged: sceneChanged)
        parkStillTracks(averaged)
    }

    /// The pixel at `index` of this frame, or of the bin it completed: the mean of its frames.
    private func binnedPixel(_ pixels: [Float], _ index: Int) -> Float {
        binnedSoFar > 1 ? binSum[index] / Float(binnedSoFar) : pixels[index]
    }

    /// Empties the bin: the frames summed in it are forgotten like every other frame.
    private mutating func forgetBin() {
        guard binnedSoFar > 0 else { return }
        for index in binSum.indices { binSum[index] = 0 }
        binnedSoFar = 0
    }

    /// Takes one frame and returns the crossings it completed (usually none).
    public mutating func process(_ pixels: [Float], at time: MonotonicInstant) -> [CrossingEvent] {
        var events: [CrossingEvent] = []
        process(pixels, at: time) { events.append($0) }
        return events
    }

    // MARK: background

    /// The noise threshold in standard deviations for a frame of `pixels` pixels, from the one set
    /// for 8 × 8. Each pixel's noise crosses k σ with a probability that falls like
    /// exp(−k²/2): a frame of N pixels has N/64 times as many pixels that can cross it by chance,
    /// and a track can be chained from them. Raising k to √(k² + 2 ln(N/64)) keeps the expected
    /// number of noise pixels above the threshold per frame what it is on 8 × 8 (3.0 σ: 3.4 σ on
    /// 16 × 16, 3.7 σ on 32 × 24). A smaller frame keeps k.
    static func noiseSigmas(_ sigmas: Float, pixels: Int) -> Float {
        guard pixels > 64 else { return sigmas }
        return (sigmas * sigmas + 2 * Float(log(Double(pixels) / 64))).squareRoot()
    }

    /// The floor of a pixel's noise variance: a quantised pixel can read the same value for many
    /// frames, and a zero variance would make every step of 0.25 °C foreground.
    static let minimumVariance: Float = 0.01

    /// The share of the frame above which faint pixels are taken for a drifting pavement.
    static let maximumFaintFraction = 0.3

    /// Marks foreground pixels; returns whether so much changed at once that it is the scene.
    private mutating func segment(_ pixels: [Float]) -> Bool {
        let configuration = configuration
        var foregroundCount = 0
        var faintCount = 0
        var lowContrastPixels = 0
        for index in 0..<pixelCount {
            let difference = pixels[index] - sceneValue(pixels[index], at: index)
            let contrast = abs(configuration.bodyTemperature - background[index])
            let deviation = variance[index].squareRoot()
            // Foreground needs the threshold for this frame's size; whether this pixel's pavement
            // is within its noise of a body is a judgement about the pixel alone.
            let noiseThreshold = max(noiseSigmas * deviation, configuration.minimumThreshold)
            let pixelNoise = max(configuration.noiseSigmas * deviation, configuration.minimumThreshold)
            let range = configuration.apparentBodyRange
            if background[index] > range.lowerBound - pixelNoise
                && background[index] < range.upperBound + pixelNoise { lowContrastPixels += 1 }
            let threshold = max(noiseThreshold, configuration.contrastFraction * contrast)
            let isForeground = abs(difference) > threshold
            foreground[index] = isForeground
            let isFaint = !isForeground && configuration.faintContrastFraction > 0
                && abs(difference) > max(noiseThreshold, configuration.faintContrastFraction * contrast)
            faint[index] = isFaint
            // The blob weight: the excess as a fraction of the expected body contrast, roughly the
            // share of the pixel a body covers, whatever the weather.
            // With a learnt contrast, masses stay in °C × pixels here and are divided by one
            // person's contrast when people are counted (``ThermalCounter/personUnits(_:)``).
            let normaliser = configuration.learnsContrast ? 1 : max(contrast, configuration.minimumContrast)
            excess[index] = isForeground || isFaint ? abs(difference) / normaliser : 0
            signedExcess[index] = difference / normaliser
            self.difference[index] = isForeground || isFaint ? abs(difference) : 0
            if isForeground { foregroundCount += 1 }
            if isFaint { faintCount += 1 }
        }
        contrastStatistics.frames += 1
        if 2 * lowContrastPixels > pixelCount { contrastStatistics.lowContrastFrames += 1 }
        contrastStatistics.pixels += pixelCount
        contrastStatistics.lowContrastPixels += lowContrastPixels
        // Faint pixels all over the frame are the pavement drifting faster than the background
        // follows (the sun coming out), not people: no faint blobs in such a frame.
        if Double(faintCount) > Self.maximumFaintFraction * Double(pixelCount) {
            for index in 0..<pixelCount where faint[index] {
                faint[index] = false
                excess[index] = 0
                self.difference[index] = 0
            }
        }
        return Double(foregroundCount) > configuration.sceneChangeFraction * Double(pixelCount)
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
