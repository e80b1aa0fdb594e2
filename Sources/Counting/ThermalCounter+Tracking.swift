import Hardware

/// One connected region of foreground pixels, in counting coordinates (`along` the counting axis,
/// `across` it, pixel centres at +0.5).
struct Blob: Sendable {
    var mass: Double = 0
    var along: Double = 0
    var across: Double = 0
    var pixels = 0
    /// Root of the excess-weighted variance of the blob's pixel positions (pixels): a single
    /// person is compact, people side by side are spread.
    var spread: Double = 0
    /// The largest |pixel − background| in the blob (°C).
    var peak: Double = 0
    /// Made of faint pixels only (``ThermalCounterConfiguration/faintContrastFraction``).
    var faint = false
    /// The component's label in ``ThermalCounter/labels``, and whether it is warmer than the scene.
    var label: Int16 = 0
    var warm = true
    var owner = -1
    var shared = false
}

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
    /// Seen only as faint blobs so far: counted as one person, and not taught from.
    var faint = false
    /// Where and when the track started (for its speed along the counting axis).
    var firstAlong: Double = 0
    var firstTime = MonotonicInstant(nanoseconds: 0)
}

extension ThermalCounter {
    /// Standard deviations of its pixels' summed noise a faint blob's summed excess must reach.
    static let faintSignificance = 4.0

    /// 8-connected components of the foreground with excess-weighted sub-pixel centroids; then,
    /// with ``ThermalCounterConfiguration/faintContrastFraction``, the components of faint pixels
    /// that touch no foreground pixel (an umbrella, a person nearly at the pavement's temperature).
    mutating func findBlobs() {
        for index in 0..<pixelCount { labels[index] = 0 }
        blobCount = 0
        var nextLabel: Int16 = 1
        for start in 0..<pixelCount where foreground[start] && labels[start] == 0 {
            guard blobCount < Self.maximumBlobs else { return }
            addBlob(from: start, label: nextLabel, faint: false)
            nextLabel += 1
        }
        if configuration.faintContrastFraction > 0 {
            for start in 0..<pixelCount where faint[start] && labels[start] == 0 {
                guard blobCount < Self.maximumBlobs else { break }
                addBlob(from: start, label: nextLabel, faint: true)
                nextLabel += 1
            }
        }
        if configuration.weighsSurroundings { weighSurroundings() }
    }

    /// Replaces each blob's mass by the signed excess summed over its pixels and the pixels around
    /// them that belong to no blob (each to the first blob that reaches it): the part of a body
    /// below the threshold is weighed too, so a person's mass no longer depends on how the
    /// threshold cuts them, and noise sums towards zero.
    private mutating func weighSurroundings() {
        let width = configuration.width
        let height = configuration.height
        for index in 0..<pixelCount {
            claimed[index] = labels[index] != 0
            blobOfLabel[index] = -1
        }
        for b in 0..<blobCount {
            blobOfLabel[Int(blobs[b].label)] = Int16(b)
            weighed[b] = 0
        }
        for index in 0..<pixelCount where labels[index] != 0 {
            let b = Int(blobOfLabel[Int(labels[index])])
            guard b >= 0 else { continue }  // a component that was not kept as a blob
            var sum = Double(signedExcess[index])
            let x = index % width, y = index / width
            for dy in -1...1 {
                let ny = y + dy
                if ny < 0 || ny >= height { continue }
                for dx in -1...1 {
                    let nx = x + dx
                    if nx < 0 || nx >= width { continue }
                    let neighbour = ny * width + nx
                    if !claimed[neighbour] {
                        claimed[neighbour] = true
                        sum += Double(signedExcess[neighbour])
                    }
                }
            }
            weighed[b] += sum
        }
        for b in 0..<blobCount {
            let mass = blobs[b].warm ? weighed[b] : -weighed[b]
            // Never lighter than half its own thresholded pixels: noise around a faint blob can
            // pull the sum below what was plainly seen.
            blobs[b].mass = max(mass, 0.5 * blobs[b].mass)
        }
    }

    /// Floods one component from `start` (foreground pixels, or faint ones) and adds it as a blob;
    /// a faint component that reaches a foreground pixel is the fringe of a person and is dropped.
    private mutating func addBlob(from start: Int, label: Int16, faint isFaint: Bool) {
        let width = configuration.width
        let height = configuration.height
        let alongRows = configuration.line.axis == .rows
        var mass = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, count = 0, peak = 0.0
        var evidence = 0.0, noise = 0.0, signedSum = 0.0
        var touchesForeground = false
        var top = 0
        stack[top] = Int16(start); top += 1
        labels[start] = label
        while top > 0 {
            top -= 1
            let index = Int(stack[top])
            let x = index % width, y = index / width
            let weight = Double(excess[index])
            mass += weight
            peak = max(peak, Double(difference[index]))
            evidence += Double(difference[index])
            signedSum += Double(signedExcess[index])
            noise += Double(self.variance[index])
            sumX += weight * (Double(x) + 0.5)
            sumY += weight * (Double(y) + 0.5)
            sumXX += weight * (Double(x) + 0.5) * (Double(x) + 0.5)
            sumYY += weight * (Double(y) + 0.5) * (Double(y) + 0.5)
            count += 1
            for dy in -1...1 {
                let ny = y + dy
                if ny < 0 || ny >= height { continue }
                for dx in -1...1 {
                    let nx = x + dx
                    if nx < 0 || nx >= width { continue }
                    let neighbour = ny * width + nx
                    if isFaint && foreground[neighbour] { touchesForeground = true }
                    let member = isFaint ? faint[neighbour] : foreground[neighbour]
                    if member && labels[neighbour] == 0 {
                        labels[neighbour] = label
                        stack[top] = Int16(neighbour); top += 1
                    }
                }
            }
        }
        guard mass > 0, !touchesForeground else { return }
        // A faint blob must stand out from the noise of its pixels taken together: one pixel just
        // over the threshold does not, an umbrella's dozen pixels at 1.5 °C do by far.
        if isFaint && evidence < Self.faintSignificance * noise.squareRoot() { return }
        let x = sumX / mass, y = sumY / mass
        let variance = max(sumXX / mass - x * x, 0) + max(sumYY / mass - y * y, 0)
        blobs[blobCount] = Blob(
            mass: mass, along: alongRows ? y : x, across: alongRows ? x : y, pixels: count,
            spread: variance.squareRoot(), peak: peak, faint: isFaint, label: label, warm: signedSum >= 0)
        blobCount += 1
    }

    /// Joins blobs whose centroids are closer than the merge distance (one person in two pieces).
    mutating func mergeCloseBlobs() {
        let limit = configuration.mergeDistance * configuration.mergeDistance
        var i = 0
        while i < blobCount {
            var j = i + 1
            while j < blobCount {
                let da = blobs[i].along - blobs[j].along, dc = blobs[i].across - blobs[j].across
                if da * da + dc * dc < limit {
                    let a = blobs[i], b = blobs[j]
                    let mass = a.mass + b.mass
                    blobs[i].along = (a.along * a.mass + b.along * b.mass) / mass
                    blobs[i].across = (a.across * a.mass + b.across * b.mass) / mass
                    blobs[i].mass = mass
                    blobs[i].pixels = a.pixels + b.pixels
                    blobs[i].peak = max(a.peak, b.peak)
                    blobs[i].faint = a.faint && b.faint
                    let da2 = (a.along - b.along) * (a.along - b.along), dc2 = (a.across - b.across) * (a.across - b.across)
                    let between = (da2 + dc2) * a.mass * b.mass / (mass * mass)
                    blobs[i].spread = ((a.spread * a.spread * a.mass + b.spread * b.spread * b.mass) / mass + between).squareRoot()
                    blobCount -= 1
                    blobs[j] = blobs[blobCount]
                } else {
                    j += 1
                }
            }
            i += 1
        }
    }

    /// Drops blobs much lighter than one person (``ThermalCounterConfiguration/minimumBlobShare``),
    /// once one person's mass has been learnt.
    mutating func dropFaintBlobs() {
        guard configuration.minimumBlobShare > 0, let logPersonMass else { return }
        let limit = configuration.minimumBlobShare * exp(logPersonMass)
        var b = 0
        while b < blobCount {
            if personUnits(blobs[b].mass) < limit {
                blobCount -= 1
                blobs[b] = blobs[blobCount]
            } else {
                b += 1
            }
        }
    }

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
        assignGreedily(confirmed: true, gate2: gate2)
        let tentativeGate = configuration.tentativeGate * Double(along)
        assignGreedily(confirmed: false, gate2: tentativeGate * tentativeGate)
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
                    tracks[t].alive = false
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
        }
    }

    /// Greedy nearest-first assignment between the predicted positions of the (confirmed or
    /// tentative) tracks without a blob and the blobs nobody has taken.
    private mutating func assignGreedily(confirmed: Bool, gate2: Double) {
        while true {
            var best = gate2, bestTrack = -1, bestBlob = -1
            for t in 0..<Self.maximumTracks
            where tracks[t].alive && tracks[t].confirmed == confirmed && assignedBlob[t] < 0 {
                let pa = tracks[t].along + tracks[t].velocityAlong
                let pc = tracks[t].across + tracks[t].velocityAcross
                // A faint blob extends a faint track or an established one, never a young track
                // of strong blobs (which may be noise itself: two of them would make a chain).
                let takesFaint = tracks[t].faint || tracks[t].hits >= Self.minimumLostTrackHits
                for b in 0..<blobCount where blobs[b].owner < 0 && (takesFaint || !blobs[b].faint) {
                    let da = blobs[b].along - pa, dc = blobs[b].across - pc
                    let d2 = da * da + dc * dc
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
            firstTime: time)
        if !inheritParking(t) { inheritLostTrack(t) }
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
        let oldSide = tracks[t].side
        tracks[t].side = newSide
        guard oldSide != 0, oldSide != newSide else { return }
        // Motion continuity at 10 fps: a track seen in only a few frames (a noise pixel next to a
        // person, coasting on a velocity it got by jumping onto that person) is not a crossing.
        // Its side is still updated, so it cannot count later for the same passage.
        guard tracks[t].hits >= configuration.minimumHits else { return }
        let (people, share) = peopleIn(track: t, at: time)
        let line = configuration.line
        let sense: CrossingSense = newSide > 0 ? .positive : .negative
        let name = newSide > 0 ? line.positiveName : line.negativeName
        for _ in 0..<people {
            onCrossing(CrossingEvent(direction: name, sense: sense, time: time, partySize: people, personShare: share))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
