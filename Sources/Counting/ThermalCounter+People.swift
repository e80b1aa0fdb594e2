import Hardware

/// How many people a track carries: mass against one person's learnt mass (and, with
/// ``ThermalCounterConfiguration/learnsContrast``, one person's learnt contrast).
extension ThermalCounter {
    /// The step of a running quantile after `n` observations: large while little is known, then
    /// small, so that it settles within a few dozen people and then follows the weather slowly.
    static func learningStep(after n: Int) -> Double { n < 30 ? 0.15 : 0.03 }

    /// One step of a running `quantile` (0…1) of log values: up by `step · quantile` when `value`
    /// lies above `reference`, down by `step · (1 − quantile)` otherwise.
    static func runningQuantile(_ reference: Double, toward value: Double, step: Double, quantile: Double = 0.5) -> Double {
        reference + step * (value < reference ? quantile - 1 : quantile)
    }

    /// A blob's or track's mass in the unit of one person's contrast (with a learnt contrast; the
    /// masses are already normalised by the expected contrast otherwise).
    func personUnits(_ mass: Double) -> Double {
        guard configuration.learnsContrast, let logPersonContrast else { return mass }
        return mass / exp(logPersonContrast)
    }

    /// Moves one person's peak contrast towards this (compact) track's mean peak: a running median
    /// that follows the weather within a few dozen people.
    private mutating func learnContrast(track t: Int, step: Double) {
        guard configuration.learnsContrast, tracks[t].spreadCount > 0 else { return }
        let peak = tracks[t].peakSum / Double(tracks[t].spreadCount)
        guard peak > 0 else { return }
        let logPeak = log(peak)
        guard let reference = logPersonContrast, step < 1 else {
            logPersonContrast = logPeak
            return
        }
        logPersonContrast = Self.runningQuantile(reference, toward: logPeak, step: step)
    }

    /// People in a faint track: its mass against the running median of faint tracks' masses, so
    /// that two umbrellas side by side (one faint blob) count two. Faint tracks teach only this.
    mutating func faintPeople(_ mass: Double) -> (people: Int, share: Double) {
        guard configuration.weighsFaintParties, mass > 0 else { return (1, 0) }
        let logMass = log(mass)
        guard let reference = logFaintMass else {
            logFaintMass = logMass
            return (1, 1)
        }
        faintTracks += 1
        logFaintMass = Self.runningQuantile(reference, toward: logMass, step: Self.learningStep(after: faintTracks))
        let share = mass / exp(reference)
        return (max(1, min(Int(share.rounded()), 4)), share)
    }

    /// The track's mean speed along the counting axis since it started, in frame lengths per second.
    func speedAlong(track t: Int, at time: MonotonicInstant) -> Double {
        guard time > tracks[t].firstTime else { return 0 }
        let seconds = Double(time.nanoseconds - tracks[t].firstTime.nanoseconds) / 1e9
        return abs(tracks[t].along - tracks[t].firstAlong) / Double(along) / seconds
    }

    /// Tracks whose spreads' median is the typical spread, and compact tracks whose masses'
    /// median is one person's mass, before each runs on as a running quantile
    /// (``peopleIn(track:at:)``).
    static let personMassWarmUpTracks = 9

    /// Crossings whose speeds set the typical crossing (their median) before it runs on.
    static let speedWarmUpCrossings = 5

    /// Whether a crossing track is a cyclist (or a runner): faster than
    /// ``ThermalCounterConfiguration/cyclistSpeedRatio`` times the typical crossing. Speeds are
    /// in frame lengths per second, which depend on the mounting height (a walker at shoulder
    /// height crosses a 60° sensor's view in about 2.2 s from 4 m, in 0.9 s from 2.5 m): the
    /// typical crossing carries that, so the rule needs no height.
    ///
    /// The typical crossing is the median of the first five crossings' speeds, then a running
    /// median. Only crossings judged not to be cyclists teach it, and only a track's first
    /// crossing (a track that crosses back has covered little net distance), so that cyclists
    /// cannot lift it to their own speed; from the second crossing on, each is judged against
    /// the median so far. When nine crossings in ten have been judged cyclists for a while, it
    /// was learnt from people who dawdled (or before the sensor was hung elsewhere), and is
    /// learnt anew. Its limit: on a path where most crossings are cyclists from the start, the
    /// typical crossing is a cyclist's.
    mutating func isCyclist(track t: Int, at time: MonotonicInstant) -> Bool {
        let speed = speedAlong(track: t, at: time)
        guard configuration.cyclistSpeedRatio > 0, speed > 0 else { return false }
        let typical: Double?
        if let logTypicalSpeed {
            typical = exp(logTypicalSpeed)
        } else if speedCrossings > 0 {
            typical = medianOfFirstSpeeds()
        } else {
            typical = nil
        }
        let cyclist = typical.map { speed > configuration.cyclistSpeedRatio * $0 } ?? false
        if logTypicalSpeed != nil {
            judgedCyclistShare += 0.05 * ((cyclist ? 1 : 0) - judgedCyclistShare)
            if judgedCyclistShare > 0.9 {
                forgetTypicalSpeed()
                return cyclist
            }
        }
        if !cyclist && !tracks[t].hasCrossed { teachTypicalSpeed(speed) }
        return cyclist
    }

    private mutating func teachTypicalSpeed(_ speed: Double) {
        guard let reference = logTypicalSpeed else {
            firstSpeeds[speedCrossings] = speed
            speedCrossings += 1
            if speedCrossings == Self.speedWarmUpCrossings {
                logTypicalSpeed = log(medianOfFirstSpeeds())
                for i in firstSpeeds.indices { firstSpeeds[i] = 0 }
            }
            return
        }
        speedCrossings += 1
        logTypicalSpeed = Self.runningQuantile(reference, toward: log(speed), step: Self.learningStep(after: speedCrossings))
    }

    /// The median of the speeds kept while the typical crossing is being set.
    private mutating func medianOfFirstSpeeds() -> Double {
        for i in 0..<speedCrossings { scratch[i] = Float(firstSpeeds[i]) }
        let median = Double(medianOfScratch(speedCrossings))
        for i in 0..<speedCrossings { scratch[i] = 0 }
        return median
    }

    /// Starts learning the typical crossing again from the next five crossings.
    mutating func forgetTypicalSpeed() {
        for i in firstSpeeds.indices { firstSpeeds[i] = 0 }
        logTypicalSpeed = nil
        speedCrossings = 0
        judgedCyclistShare = 0
    }

    /// How many people a track carries: its mass (the ``ThermalCounterConfiguration/trackMassQuantile``
    /// of its blobs' masses) against one person's mass, and that ratio before rounding.
    ///
    /// One person's mass is learnt from the tracks themselves: a running median over the
    /// compact tracks only (spread no larger than the running median spread), so that groups do
    /// not inflate it whatever their share, and it follows the contrast through the day. Both
    /// start as the medians of the first nine tracks (``personMassWarmUpTracks``,
    /// ``warmUpQuantile(of:count:_:)``), so that a fragment or a pair seen first does not set them.
    mutating func peopleIn(track t: Int, at time: MonotonicInstant) -> (people: Int, share: Double) {
        let count = tracks[t].massCount
        let rawMass: Double
        if count == 0 {
            rawMass = tracks[t].lastMass
        } else {
            for i in 0..<count { scratch[i] = trackMasses[t * Self.massesPerTrack + i] }
            rawMass = Double(quantileOfScratch(count, configuration.trackMassQuantile))
            for i in 0..<count { scratch[i] = 0 }
        }
        // A faint track is weighed against other faint tracks (most of them one umbrella, or one
        // person near the pavement's temperature), never against people seen in full contrast.
        if tracks[t].faint { return faintPeople(rawMass) }
        // Faster than anyone walks: a cyclist (or a runner), one person however large the blob.
        if isCyclist(track: t, at: time) { return (1, 0) }
        // The very first person sets the contrast too, so that masses have a unit from the start.
        if logPersonContrast == nil { learnContrast(track: t, step: 1) }
        let mass = personUnits(rawMass)
        guard mass > 0 else { return (1, 0) }
        let spread = tracks[t].spreadCount > 0 ? tracks[t].spreadSum / Double(tracks[t].spreadCount) : 0
        countedTracks += 1
        let step = Self.learningStep(after: countedTracks)
        let logSpread = log(max(spread, 0.05))
        let compact: Bool
        if countedTracks <= Self.personMassWarmUpTracks {
            // The typical spread is first the median of the tracks so far, this one included:
            // a fragment (or a pair) first does not make everyone after it wide (or compact).
            firstSpreads[countedTracks - 1] = logSpread
            let typical = warmUpQuantile(of: firstSpreads, count: countedTracks, 0.5)
            compact = logSpread <= typical + 0.3
            logPersonSpread = typical
            if countedTracks == Self.personMassWarmUpTracks {
                for i in firstSpreads.indices { firstSpreads[i] = 0 }
            }
        } else if let reference = logPersonSpread {
            // ln 1.35: clearly wider than the typical track is not one person.
            compact = logSpread <= reference + 0.3
            // From high up, only a track lighter than a pair teaches it (one person's mass is
            // looked up only then).
            if !configuration.learnsSpreadFromLightTracks || (logPersonMass.map { mass / exp($0) < 1.5 } ?? true) {
                logPersonSpread = Self.runningQuantile(reference, toward: logSpread, step: step)
            }
        } else {
            compact = true
            logPersonSpread = logSpread
        }
        let logMass = log(mass)
        let reference: Double
        if let known = logPersonMass, !compact || firstMassCount >= Self.personMassWarmUpTracks {
            reference = known
            if compact {
                logPersonMass = Self.runningQuantile(
                    known, toward: logMass, step: step, quantile: configuration.personQuantile)
                learnContrast(track: t, step: step)
            }
        } else {
            // One person's mass is first the quantile of the compact tracks so far, this one
            // included (the first counted track is always among them): one fragment or one
            // pair among the first does not set the unit.
            firstMasses[firstMassCount] = logMass
            firstMassCount += 1
            reference = warmUpQuantile(of: firstMasses, count: firstMassCount, configuration.personQuantile)
            if firstMassCount == Self.personMassWarmUpTracks {
                for i in firstMasses.indices { firstMasses[i] = 0 }
            }
            let first = logPersonMass == nil
            logPersonMass = reference
            if first { return (1, 1) }
            learnContrast(track: t, step: step)
        }
        // Until enough people have been seen, one person's mass is a guess: count one per track.
        let share = mass / exp(reference)
        if countedTracks <= configuration.personWarmUpTracks { return (1, share) }
        let people = share.rounded()
        // A warm but compact blob is one person (a warm coat, a pixel-aligned walker).
        if people >= 2, let spreadReference = logPersonSpread, logSpread < spreadReference + 0.15 { return (1, share) }
        // A wide track a little lighter than two is an adult and a child (or someone small): one
        // person is compact.
        if people < 2, !compact, configuration.widePairShare > 0, share >= configuration.widePairShare { return (2, share) }
        return (max(1, min(Int(people), 6)), share)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
