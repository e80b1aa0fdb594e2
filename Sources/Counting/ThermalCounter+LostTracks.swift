/// A track that died recently, moving on its last velocity, for a new track to take over.
struct LostTrack: Sendable {
    var along: Double = 0
    var across: Double = 0
    var velocityAlong: Double = 0
    var velocityAcross: Double = 0
    var side: Int8 = 0
    var age = Int.max / 2
}

extension ThermalCounter {
    /// Frames a track must have been observed in to be *established*: remembered when it is lost,
    /// and allowed to take faint blobs (a blob of noise lives a frame or two).
    static let establishedHits = 5
    /// Observations before a track with a long first step, or born inside the band, takes a side.
    static let provenHits = 3

    /// Keeps a track that lost its blob for a moment (``ThermalCounterConfiguration/lostTrackFrames``):
    /// a person fading below the threshold for a few frames, or two people parting where the
    /// tracker did not expect them.
    mutating func loseTrack(_ t: Int) {
        defer { forgetTrack(t) }
        // Only a track seen for a while is worth finding again: a blob of noise lives a frame or two.
        guard configuration.lostTrackFrames > 0, tracks[t].side != 0, tracks[t].hits >= Self.establishedHits
        else { return }
        // The oldest slot: a forgotten one if there is any.
        let slot = lostTracks.indices.max { lostTracks[$0].age < lostTracks[$1].age } ?? 0
        lostTracks[slot] = LostTrack(
            along: tracks[t].along, across: tracks[t].across, velocityAlong: tracks[t].velocityAlong,
            velocityAcross: tracks[t].velocityAcross, side: tracks[t].side, age: 0)
    }

    /// Ages the lost tracks by one frame, and forgets those nobody took over in time.
    mutating func ageLostTracks() {
        for slot in lostTracks.indices where lostTracks[slot].age <= configuration.lostTrackFrames {
            lostTracks[slot].age += 1
            lostTracks[slot].along += lostTracks[slot].velocityAlong
            lostTracks[slot].across += lostTracks[slot].velocityAcross
            if lostTracks[slot].age > configuration.lostTrackFrames { lostTracks[slot] = LostTrack() }
        }
    }

    /// Ends track `t` and forgets where it was and what it weighed: nothing of a person stays in
    /// memory after their track is gone (PRIVACY.md).
    mutating func forgetTrack(_ t: Int) {
        if tracks[t].alive && tracks[t].hits >= Self.establishedHits { trackMotion.add(tracks[t], frame: (along, across)) }
        tracks[t] = Track()
        for index in 0..<Self.massesPerTrack { trackMasses[t * Self.massesPerTrack + index] = 0 }
    }

    /// A new track where a lost one would be now is that track found again: it takes over the side
    /// of the line the lost one was on, so that a crossing it completes is counted (once).
    mutating func inheritLostTrack(_ t: Int) {
        let gate2 = gateDistance * gateDistance
        var best = -1, bestDistance = gate2
        for slot in lostTracks.indices where lostTracks[slot].age <= configuration.lostTrackFrames {
            let da = lostTracks[slot].along - tracks[t].along, dc = lostTracks[slot].across - tracks[t].across
            let d2 = da * da + dc * dc
            if d2 <= bestDistance { best = slot; bestDistance = d2 }
        }
        guard best >= 0 else { return }
        // The side only: the new track earns its own hits, so a chain of short tracks cannot
        // pass on a history that none of them had.
        tracks[t].side = lostTracks[best].side
        tracks[t].velocityAlong = lostTracks[best].velocityAlong
        tracks[t].velocityAcross = lostTracks[best].velocityAcross
        lostTracks[best] = LostTrack()
    }
}
