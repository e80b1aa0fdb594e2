extension ThermalCounter {
    /// What the tracker holds now, one line per blob of the last frame (and the track that took
    /// or started from it), live track and parked person, in pixels along and across the counting
    /// axis: for the counting benchmark's `trace` mode, to see why a count was made. Positions and
    /// counts only, no pixel values; the box never calls it.
    public var diagnosticTracks: [String] {
        func place(_ along: Double, _ across: Double) -> String {
            "\((along * 10).rounded() / 10)/\((across * 10).rounded() / 10)"
        }
        // The blob a track last took, against one person's learnt mass: a hint at why a track
        // weighs what it does. A crossing is weighed by a quantile of the track's masses, and a
        // faint track against other faint tracks, so this is not the count a crossing gets.
        func people(_ mass: Double) -> String {
            guard let logPersonMass else { return "" }
            return " weighs \((personUnits(mass) / exp(logPersonMass) * 100).rounded() / 100)"
        }
        var lines: [String] = []
        for b in 0..<blobCount {
            let blob = blobs[b]
            lines.append("blob at \(place(blob.along, blob.across))\(people(blob.mass)) pixels \(blob.pixels)"
                + "\(blob.faint ? " faint" : "")\(blob.owner >= 0 ? " taken by track \(blob.owner)" : "")")
        }
        for t in 0..<Self.maximumTracks where tracks[t].alive {
            let track = tracks[t]
            lines.append("track \(t) at \(place(track.along, track.across)) side \(track.side) hits \(track.hits)"
                + " missed \(track.missed) still \(track.stillFrames)\(people(track.lastMass))"
                + "\(track.confirmed ? "" : " tentative")\(track.faint ? " faint" : "")")
        }
        for slot in 0..<Self.maximumParked where parkedPeople[slot].active {
            let person = parkedPeople[slot]
            lines.append("parked \(slot) at \(place(person.along, person.across)) side \(person.side) hits \(person.hits)"
                + " pixels \(person.pixels) age \(person.age)")
        }
        return lines
    }

    /// One person's learnt mass (in the units blobs are weighed in), `nil` before the first
    /// person: for the counting benchmark, to see it follow the contrast through the day.
    public var diagnosticPersonMass: Double? { logPersonMass.map { exp($0) } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
