import Hardware

/// A person (or a group walking as one) followed from frame to frame.
struct Track: Sendable {
    var alive = false
    var along: Double = 0
    var across: Double = 0
    var velocityAlong: Double = 0
    var velocityAcross: Double = 0
    var missed = 0
    var sharedFrames = 0
    var hits = 0
    /// -1 before the hysteresis band, +1 beyond it, 0 not yet known.
    var side: Int8 = 0
    var massCount = 0
    var lastMass: Double = 0
    var spreadSum: Double = 0
    var spreadCount = 0
    var peakSum: Double = 0
    /// Where the track stood when it last moved, and the frames since (for parking).
    var anchorAlong: Double = 0
    var anchorAcross: Double = 0
    var stillFrames = 0
    /// Whether the track has been seen often enough to be a person (and may count, share blobs
    /// and be remembered when lost), and the frames since it started.
    var confirmed = true
    var age = 0
    /// Seen only as faint blobs so far: weighed against other faint tracks only, and not taught from.
    var faint = false
    /// Where and when the track started (for its speed along the counting axis).
    var firstAlong: Double = 0
    var firstTime = MonotonicInstant(nanoseconds: 0)
    /// Where the track was first seen (``TrackMotion``); unlike `firstAlong`, kept over crossings.
    var startAlong: Double = 0
    var startAcross: Double = 0
    /// Has crossed the line before (and carries someone else now, timed from that crossing).
    var hasCrossed = false
    /// First seen inside the hysteresis band, with no side yet (``ThermalCounterConfiguration/infersSideAtBirth``).
    var bornInBand = false
    /// Its first step was longer than the gate (``ThermalCounterConfiguration/firstStepGate``).
    var longFirstStep = false
}

extension ThermalCounter {
    /// Assigns blobs to tracks, moves tracks, recognises crossings, starts new tracks.
    mutating func track(at time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void) {
        let gate2 = gateDistance * gateDistance
        for b in 0..<blobCount {
            blobs[b].owner = -1
            blobs[b].shared = false
        }
        // Greedy nearest-first assignment between predicted track positions and blobs.
        for t in 0..<Self.maximumTracks {
            assignedBlob[t] = -1
            sharing[t] = false
        }
        // Confirmed tracks choose first; tentative ones (``ThermalCounterConfiguration/confirmationHits``)
        // only among the blobs left, within a narrower gate, so that a blob of noise next to a
        // person can neither take the person's blob nor grow into a track of its own.
        // A fresh track has no velocity yet: its first step may go as far along the counting axis
        // as a cyclist's (``ThermalCounterConfiguration/firstStepGate``), across it as far as the gate.
        let firstStep = max(configuration.firstStepGate * Double(along), gateDistance)
        assignGreedily(confirmed: true, gate2: gate2, firstStepWeight: gate2 / (firstStep * firstStep))
        let tentativeGate = configuration.tentativeGate * Double(along)
        assignGreedily(confirmed: false, gate2: tentativeGate * tentativeGate, firstStepWeight: 1)
        // A track left over with a taken blob in its gate: two people in one blob (passing each
        // other, or one catching up). Both coast on their own velocity until they part.
        for t in 0..<Self.maximumTracks where tracks[t].alive && tracks[t].confirmed && assignedBlob[t] < 0 {
            let pa = tracks[t].along + tracks[t].velocityAlong
            let pc = tracks[t].across + tracks[t].velocityAcross
            for b in 0..<blobCount where blobs[b].owner >= 0 {
                let da = blobs[b].along - pa, dc = blobs[b].across - pc
                if da * da + dc * dc <= gate2 {
                    blobs[b].shared = true
                    sharing[t] = true
                    break
                }
            }
        }
        for t in 0..<Self.maximumTracks where tracks[t].alive {
            let b = assignedBlob[t]
            tracks[t].age += 1
            if !tracks[t].confirmed {
                if b >= 0 {
                    observe(track: t, blob: blobs[b])
                    if tracks[t].hits >= configuration.confirmationHits {
                        tracks[t].confirmed = true
                        // A crossing made while it was tentative counts now.
                        checkCrossing(track: t, at: time, onCrossing: onCrossing)
                    }
                } else {
                    tracks[t].missed += 1
                }
                if !tracks[t].confirmed
                    && (tracks[t].age >= configuration.confirmationFrames
                        || tracks[t].missed > configuration.maximumMissedFrames)
                {
                    forgetTrack(t)
                }
                continue
            }
            if b >= 0 && !blobs[b].shared {
                observe(track: t, blob: blobs[b])
            } else if b >= 0 || sharing[t] {
                tracks[t].sharedFrames += 1
                tracks[t].along += tracks[t].velocityAlong
                tracks[t].across += tracks[t].velocityAcross
                if tracks[t].sharedFrames > configuration.maximumSharedFrames {
                    loseTrack(t)
                    continue
                }
            } else {
                tracks[t].missed += 1
                if tracks[t].missed > configuration.maximumMissedFrames { loseTrack(t) }
                continue
            }
            checkCrossing(track: t, at: time, onCrossing: onCrossing)
        }
        for b in 0..<blobCount where blobs[b].owner < 0 {
            guard let slot = tracks.firstIndex(where: { !$0.alive }) else { break }
            startTrack(slot, blob: blobs[b], at: time)
            blobs[b].owner = slot
        }
    }

    /// Greedy nearest-first assignment between the predicted positions of the (confirmed or
    /// tentative) tracks without a blob and the blobs nobody has taken. A fresh track's distance
    /// along the counting axis counts `firstStepWeight` times (an elliptic gate for its first step).
    private mutating func assignGreedily(confirmed: Bool, gate2: Double, firstStepWeight: Double) {
        while true {
            var best = gate2, bestTrack = -1, bestBlob = -1
            for t in 0..<Self.maximumTracks
            where tracks[t].alive && tracks[t].confirmed == confirmed && assignedBlob[t] < 0 {
                let pa = tracks[t].along + tracks[t].velocityAlong
                let pc = tracks[t].across + tracks[t].velocityAcross
                // A faint blob extends a faint track or an established one, never a young track
                // of strong blobs (which may be noise itself: two of them would make a chain).
                let takesFaint = tracks[t].faint || tracks[t].hits >= Self.establishedHits
                let alongWeight = tracks[t].hits == 1 ? firstStepWeight : 1
                for b in 0..<blobCount where blobs[b].owner < 0 && (takesFaint || !blobs[b].faint) {
                    let da = blobs[b].along - pa, dc = blobs[b].across - pc
                    let d2 = alongWeight * da * da + dc * dc
                    if d2 <= best { best = d2; bestTrack = t; bestBlob = b }
                }
            }
            if bestTrack < 0 { return }
            assignedBlob[bestTrack] = bestBlob
            blobs[bestBlob].owner = bestTrack
        }
    }

    private mutating func observe(track t: Int, blob: Blob) {
        let previousAlong = tracks[t].along, previousAcross = tracks[t].across
        // From where it was predicted: a track that took over a lost one has that one's velocity.
        if tracks[t].hits == 1 {
            tracks[t].longFirstStep = abs(blob.along - previousAlong - tracks[t].velocityAlong) > gateDistance
        }
        // A fresh track has no velocity yet: take the first step whole.
        let keep = tracks[t].hits > 1 ? 0.5 : 0.0
        tracks[t].velocityAlong = keep * tracks[t].velocityAlong + (1 - keep) * (blob.along - previousAlong)
        tracks[t].velocityAcross = keep * tracks[t].velocityAcross + (1 - keep) * (blob.across - previousAcross)
        tracks[t].along = blob.along
        tracks[t].across = blob.across
        let da = blob.along - tracks[t].anchorAlong, dc = blob.across - tracks[t].anchorAcross
        if da * da + dc * dc > 1 {
            tracks[t].anchorAlong = blob.along
            tracks[t].anchorAcross = blob.across
            tracks[t].stillFrames = 0
        } else {
            tracks[t].stillFrames += 1
        }
        tracks[t].missed = 0
        tracks[t].sharedFrames = 0
        tracks[t].hits += 1
        if !blob.faint { tracks[t].faint = false }
        tracks[t].lastMass = blob.mass
        // Mass counts only while the whole body is in view (not cut by the frame's edge).
        if weighsMass(at: blob.along) && tracks[t].massCount < Self.massesPerTrack {
            trackMasses[t * Self.massesPerTrack + tracks[t].massCount] = Float(blob.mass)
            tracks[t].massCount += 1
            tracks[t].spreadSum += blob.spread
            tracks[t].spreadCount += 1
            tracks[t].peakSum += blob.peak
        }
    }

    private mutating func startTrack(_ t: Int, blob: Blob, at time: MonotonicInstant) {
        tracks[t] = Track(
            alive: true, along: blob.along, across: blob.across, hits: 1, side: side(of: blob.along),
            lastMass: blob.mass, anchorAlong: blob.along, anchorAcross: blob.across,
            confirmed: !blob.faint || configuration.confirmationHits <= 1, faint: blob.faint, firstAlong: blob.along,
            firstTime: time, startAlong: blob.along, startAcross: blob.across)
        if !inheritParking(t) { inheritLostTrack(t) }
        tracks[t].bornInBand = tracks[t].side == 0 && configuration.infersSideAtBirth
        if weighsMass(at: blob.along) {
            trackMasses[t * Self.massesPerTrack] = Float(blob.mass)
            tracks[t].massCount = 1
            tracks[t].spreadSum = blob.spread
            tracks[t].spreadCount = 1
            tracks[t].peakSum = blob.peak
        }
    }

    /// Whether a blob at `coordinate` is weighed for its track's people count: only while the
    /// whole body is in view (not cut by the frame's edge).
    func weighsMass(at coordinate: Double) -> Bool {
        coordinate >= 1 && coordinate <= Double(along) - 1
    }

    private func side(of coordinate: Double) -> Int8 {
        coordinate < bandLow ? -1 : (coordinate > bandHigh ? 1 : 0)
    }

    private mutating func checkCrossing(track t: Int, at time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void) {
        let newSide = side(of: tracks[t].along)
        guard newSide != 0 else { return }
        // A track that took a long first step (wider than the gate: a slow array) or was first seen
        // inside the band takes a side only once it has been seen a third time, still across: two
        // noise pixels a long step apart, or one in the band and one beside it, are not a crossing.
        let unproven = tracks[t].longFirstStep || tracks[t].bornInBand
        guard !unproven || tracks[t].hits >= Self.provenHits || tracks[t].side == newSide else { return }
        var oldSide = tracks[t].side
        // Seen first inside the band and now leaving it the way it moves: it came from the other side.
        if oldSide == 0 && tracks[t].bornInBand && (tracks[t].velocityAlong > 0 ? 1 : -1) == Int(newSide) {
            oldSide = -newSide
        }
        tracks[t].bornInBand = false
        tracks[t].side = newSide
        guard oldSide != 0, oldSide != newSide else { return }
        // A track that crosses again carries someone else (an exiting track takes over a party
        // entering at the same edge): weigh that crossing by what it carries from now on only,
        // and time its speed from here.
        defer {
            tracks[t].hasCrossed = true
            tracks[t].firstAlong = tracks[t].along
            tracks[t].firstTime = time
            tracks[t].massCount = 0
            tracks[t].spreadSum = 0
            tracks[t].spreadCount = 0
            tracks[t].peakSum = 0
        }
        // Motion continuity at 10 fps: a track seen in only a few frames (a noise pixel next to a
        // person, coasting on a velocity it got by jumping onto that person) is not a crossing.
        // Its side is still updated, so it cannot count later for the same passage.
        guard tracks[t].hits >= configuration.minimumHits else { return }
        let (people, share) = peopleIn(track: t, at: time)
        let line = configuration.line
        let sense: CrossingSense = newSide > 0 ? .positive : .negative
        let name = newSide > 0 ? line.positiveName : line.negativeName
        contrastStatistics.crossings += people
        if tracks[t].faint { contrastStatistics.faintCrossings += people }
        for _ in 0..<people {
            onCrossing(CrossingEvent(direction: name, sense: sense, time: time, partySize: people, personShare: share))
        }
    }
}
