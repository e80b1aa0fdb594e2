/// A person standing still under the sensor (``ThermalCounterConfiguration/parkingFrames``):
/// their pixels are held in a temporary layer on top of the background, so people walking past
/// are segmented against them instead of merging into one blob with them, and the side of the
/// line they stood on is kept for the track that starts when they walk on.
struct ParkedPerson: Sendable {
    var active = false
    var along: Double = 0
    var across: Double = 0
    /// The side of the hysteresis band the person's track was last seen on.
    var side: Int8 = 0
    var hits = 0
    /// Frames since parking, and the pixels still held in the layer.
    var age = 0
    var pixels = 0
}

extension ThermalCounter {
    static let maximumParked = 8
    /// How close (pixels) a pixel or a new blob must be to a parked person to belong to them.
    static let parkingRadius = 1.5

    /// The scene a pixel is compared with: the pavement, plus a parked person on it. A parked
    /// pixel back near the pavement (closer to it than to the person) is released: they left.
    mutating func sceneValue(_ pixel: Float, at index: Int) -> Float {
        let owner = Int(parkedOwner[index])
        guard owner >= 0 else { return background[index] }
        let offset = parked[index]
        if abs(pixel - background[index]) < 0.5 * abs(offset) {
            releaseParkedPixel(index)
            return background[index]
        }
        return background[index] + offset
    }

    mutating func releaseParkedPixel(_ index: Int) {
        let owner = Int(parkedOwner[index])
        guard owner >= 0 else { return }
        parked[index] = 0
        parkedOwner[index] = -1
        parkedPeople[owner].pixels -= 1
    }

    /// Parks every track that has stood still long enough; ages the parked and lets go of those
    /// nobody walked away from for a long time (they become background).
    mutating func parkStillTracks(_ pixels: [Float]) {
        guard configuration.parkingFrames > 0 else { return }
        for slot in 0..<Self.maximumParked where parkedPeople[slot].active {
            parkedPeople[slot].age += 1
            // Gone: every pixel released, and a few seconds for the walker's new track to claim it.
            if parkedPeople[slot].pixels <= 0 && parkedPeople[slot].age > configuration.parkingFrames {
                parkedPeople[slot] = ParkedPerson()
            } else if parkedPeople[slot].age > configuration.parkedLifetimeFrames {
                for index in 0..<pixelCount where Int(parkedOwner[index]) == slot {
                    background[index] += parked[index]
                    releaseParkedPixel(index)
                }
                parkedPeople[slot] = ParkedPerson()
            }
        }
        for t in 0..<Self.maximumTracks
        where tracks[t].alive && tracks[t].missed == 0 && tracks[t].stillFrames >= configuration.parkingFrames {
            guard let slot = parkedPeople.firstIndex(where: { !$0.active }) else { return }
            park(track: t, slot: slot, pixels)
        }
    }

    private mutating func park(track t: Int, slot: Int, _ pixels: [Float]) {
        let width = configuration.width
        let alongRows = configuration.line.axis == .rows
        let radius2 = Self.parkingRadius * Self.parkingRadius
        var count = 0
        for index in 0..<pixelCount where parkedOwner[index] < 0 {
            let x = Double(index % width) + 0.5, y = Double(index / width) + 0.5
            let da = (alongRows ? y : x) - tracks[t].along, dc = (alongRows ? x : y) - tracks[t].across
            guard da * da + dc * dc <= radius2 else { continue }
            let difference = pixels[index] - background[index]
            let noise = max(configuration.noiseSigmas * variance[index].squareRoot(), configuration.minimumThreshold)
            guard abs(difference) > noise else { continue }
            parked[index] = difference
            parkedOwner[index] = Int8(slot)
            count += 1
        }
        guard count > 0 else { return }
        parkedPeople[slot] = ParkedPerson(
            active: true, along: tracks[t].along, across: tracks[t].across, side: tracks[t].side,
            hits: tracks[t].hits, age: 0, pixels: count)
        forgetTrack(t)
    }

    /// A new track next to a parked person is that person walking on: it takes over their side of
    /// the line (and their history, so that it counts as a track seen long enough).
    @discardableResult
    mutating func inheritParking(_ t: Int) -> Bool {
        let radius2 = Self.parkingRadius * Self.parkingRadius
        for slot in 0..<Self.maximumParked where parkedPeople[slot].active {
            let da = parkedPeople[slot].along - tracks[t].along, dc = parkedPeople[slot].across - tracks[t].across
            guard da * da + dc * dc <= radius2 else { continue }
            if parkedPeople[slot].side != 0 { tracks[t].side = parkedPeople[slot].side }
            tracks[t].hits = max(tracks[t].hits, parkedPeople[slot].hits)
            return true
        }
        return false
    }

    /// Drops faint blobs next to a parked person: what is left of them when they sway or turn a
    /// little, which the layer (fixed per pixel) cannot follow.
    mutating func dropParkedResiduals() {
        guard parkedPeople.contains(where: \.active) else { return }
        let radius = Self.parkingRadius + 0.5
        var b = 0
        while b < blobCount {
            var residual = false
            if blobs[b].faint {
                for slot in 0..<Self.maximumParked where parkedPeople[slot].active {
                    let da = parkedPeople[slot].along - blobs[b].along, dc = parkedPeople[slot].across - blobs[b].across
                    if da * da + dc * dc <= radius * radius { residual = true }
                }
            }
            if residual {
                blobCount -= 1
                blobs[b] = blobs[blobCount]
            } else {
                b += 1
            }
        }
    }

    /// Lets go of every parked person at once (a change of scene, a reset).
    mutating func releaseAllParked() {
        for index in 0..<pixelCount { releaseParkedPixel(index) }
        for slot in 0..<Self.maximumParked { parkedPeople[slot] = ParkedPerson() }
    }
}
