/// The background: learnt at start, then followed only where nobody is.
extension ThermalCounter {
    /// Keeps the first ``ThermalCounterConfiguration/learningFrames`` frames, then takes each
    /// pixel's median as its background and its median deviation as its noise.
    mutating func learn(_ pixels: [Float]) {
        let frames = configuration.learningFrames
        for index in 0..<pixelCount { learningBuffer[learned * pixelCount + index] = pixels[index] }
        learned += 1
        guard learned == frames else { return }
        for index in 0..<pixelCount {
            for frame in 0..<frames { scratch[frame] = learningBuffer[frame * pixelCount + index] }
            let median = medianOfScratch(frames)
            for frame in 0..<frames { scratch[frame] = abs(learningBuffer[frame * pixelCount + index] - median) }
            let deviation = 1.4826 * medianOfScratch(frames)
            background[index] = median
            variance[index] = max(deviation * deviation, Self.minimumVariance)
        }
        // Thirty frames tell a pixel's noise only roughly, and over thousands of pixels some
        // estimates come out far too low: those pixels would read their own noise as people until
        // the running estimate caught up. The array's pixels share one kind of noise, so none
        // starts below the typical pixel's; the running estimate lowers a quieter one later.
        let typical = variance.sorted()[pixelCount / 2]
        for index in 0..<pixelCount { variance[index] = max(variance[index], typical) }
        // The learning frames are raw frames: forget them now that the background is learnt.
        for index in learningBuffer.indices { learningBuffer[index] = 0 }
        for index in tracks.indices { forgetTrack(index) }
    }

    /// Moves the background towards this frame where nobody is, and each free pixel's noise
    /// estimate with it; a change of the whole scene is taken up five times as fast.
    mutating func adaptBackground(_ pixels: [Float], sceneChanged: Bool) {
        let width = configuration.width
        let height = configuration.height
        let rate = sceneChanged ? 5 * configuration.backgroundRate : configuration.backgroundRate
        let slowRate = configuration.foregroundRate
        let healsResidues = configuration.healsResidues
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                // "Only where nobody is": a pixel next to a person holds part of their warmth.
                var occupied = !sceneChanged && (foreground[index] || faint[index])
                if !occupied && !sceneChanged {
                    if x > 0 && foreground[index - 1] { occupied = true }
                    else if x + 1 < width && foreground[index + 1] { occupied = true }
                    else if y > 0 && foreground[index - width] { occupied = true }
                    else if y + 1 < height && foreground[index + width] { occupied = true }
                }
                // A layer no person can be (a residue the tracker took for someone standing still
                // and parked) is the pavement: into the background with it.
                if healsResidues && parkedOwner[index] >= 0 && isResidue(parked[index], at: index) {
                    background[index] += parked[index]
                    releaseParkedPixel(index)
                }
                let isParked = parkedOwner[index] >= 0
                let difference = pixels[index] - background[index] - (isParked ? parked[index] : 0)
                if occupied {
                    if foreground[index] || faint[index] {
                        let residue = healsResidues && !isParked && isResidue(difference, at: index)
                        background[index] += (residue ? rate : slowRate) * difference
                    }
                } else if isParked {
                    // The pavement under a parked person cannot be seen: the person's layer follows.
                    parked[index] += rate * difference
                } else {
                    background[index] += rate * difference
                    let updated = variance[index] + 0.5 * rate * (difference * difference - variance[index])
                    variance[index] = max(updated, Self.minimumVariance)
                }
            }
        }
    }

    /// Whether a pixel's difference from the scene is of the sign nobody has here: colder than a
    /// pavement cooler than any body, warmer than one hotter than any body. That is the pavement
    /// itself where the background took up some of a person who stood there (the foreground rate
    /// lets it), not a person; the background heals there at its full rate. The cheap tests come
    /// first and there is no square root: this runs for every foreground pixel of every frame.
    @inline(__always)
    func isResidue(_ difference: Float, at index: Int) -> Bool {
        let pavement = background[index]
        // Colder than a pavement below the body range, or warmer than one above it, by more
        // than the noise threshold that widens the range.
        let margin: Float
        if difference < 0 {
            margin = configuration.apparentBodyRange.lowerBound - pavement
        } else if difference > 0 {
            margin = pavement - configuration.apparentBodyRange.upperBound
        } else {
            return false
        }
        guard margin > configuration.minimumThreshold else { return false }
        let sigmas = configuration.noiseSigmas
        return margin * margin > sigmas * sigmas * variance[index]
    }
}
