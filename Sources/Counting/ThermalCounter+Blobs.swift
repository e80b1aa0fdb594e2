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

    /// The squared distance between two blobs' centroids (pixels²).
    func distance2(to other: Blob) -> Double {
        let da = along - other.along, dc = across - other.across
        return da * da + dc * dc
    }
}

/// Excess-weighted sums over a set of pixels (positions in pixels, x = column, y = row, centres
/// at +0.5): a blob's mass, centroid, spread and peak.
struct PixelMoments {
    var mass = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, peak = 0.0, signed = 0.0
    var count = 0

    mutating func add(x: Double, y: Double, weight: Double, difference: Double, signed: Double) {
        mass += weight
        sumX += weight * x
        sumY += weight * y
        sumXX += weight * x * x
        sumYY += weight * y * y
        peak = max(peak, difference)
        self.signed += signed
        count += 1
    }

    /// The blob these pixels make, in counting coordinates; nil without any weight.
    func blob(alongRows: Bool, faint: Bool, label: Int16) -> Blob? {
        guard mass > 0 else { return nil }
        let x = sumX / mass, y = sumY / mass
        let variance = max(sumXX / mass - x * x, 0) + max(sumYY / mass - y * y, 0)
        return Blob(
            mass: mass, along: alongRows ? y : x, across: alongRows ? x : y, pixels: count,
            spread: variance.squareRoot(), peak: peak, faint: faint, label: label, warm: signed >= 0)
    }
}

extension ThermalCounter {
    /// Calls `body` with every pixel of the 3 × 3 block around `index` (itself included) that lies
    /// inside a `width × height` frame: the 8-neighbourhood of blob finding and weighing.
    @inline(__always)
    static func forEachNeighbour(of index: Int, width: Int, height: Int, _ body: (Int) -> Void) {
        let x = index % width, y = index / width
        for ny in max(y - 1, 0)...min(y + 1, height - 1) {
            for nx in max(x - 1, 0)...min(x + 1, width - 1) { body(ny * width + nx) }
        }
    }

    /// Standard deviations of its pixels' summed noise a faint blob's summed excess must reach.
    static let faintSignificance = 4.0

    /// 8-connected components of the foreground with excess-weighted sub-pixel centroids; then,
    /// with ``ThermalCounterConfiguration/faintContrastFraction``, the components of faint pixels:
    /// on their own where they touch no foreground pixel (an umbrella, a person nearly at the
    /// pavement's temperature), joined to the blob they touch otherwise.
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
            Self.forEachNeighbour(of: index, width: width, height: height) { neighbour in
                if !claimed[neighbour] {
                    claimed[neighbour] = true
                    sum += Double(signedExcess[neighbour])
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
    /// a faint component that reaches a foreground pixel joins that pixel's blob
    /// (``ThermalCounterConfiguration/joinsFaintFringes``, ``joinFringe(_:label:touching:and:)``).
    private mutating func addBlob(from start: Int, label: Int16, faint isFaint: Bool) {
        let width = configuration.width
        let height = configuration.height
        var moments = PixelMoments()
        var evidence = 0.0, noise = 0.0
        // The labels of the first two foreground blobs a faint component touches (0: none).
        var touched: Int16 = 0, alsoTouched: Int16 = 0
        var touchesParked = false
        var top = 0
        stack[top] = Int16(start); top += 1
        labels[start] = label
        while top > 0 {
            top -= 1
            let index = Int(stack[top])
            moments.add(
                x: Double(index % width) + 0.5, y: Double(index / width) + 0.5, weight: Double(excess[index]),
                difference: Double(difference[index]), signed: Double(signedExcess[index]))
            evidence += Double(difference[index])
            noise += Double(self.variance[index])
            Self.forEachNeighbour(of: index, width: width, height: height) { neighbour in
                if isFaint && parkedOwner[neighbour] >= 0 { touchesParked = true }
                if isFaint && foreground[neighbour] {
                    let other = labels[neighbour]
                    if touched == 0 { touched = other } else if other != touched && alsoTouched == 0 { alsoTouched = other }
                }
                let member = isFaint ? faint[neighbour] : foreground[neighbour]
                if member && labels[neighbour] == 0 {
                    labels[neighbour] = label
                    stack[top] = Int16(neighbour); top += 1
                }
            }
        }
        guard let blob = moments.blob(alongRows: configuration.line.axis == .rows, faint: isFaint, label: label) else { return }
        if touched != 0 {
            // Next to a parked person it is what they leave behind as they sway: weighed with nobody.
            if configuration.joinsFaintFringes && !touchesParked {
                joinFringe(blob, label: label, touching: touched, and: alsoTouched)
            }
            return
        }
        // A faint blob must stand out from the noise of its pixels taken together: one pixel just
        // over the threshold does not, an umbrella's dozen pixels at 1.5 °C do by far.
        if isFaint && evidence < Self.faintSignificance * noise.squareRoot() { return }
        blobs[blobCount] = blob
        blobCount += 1
    }

    /// A faint patch touching a person's blob: part of them, or of someone walking next to them
    /// whose body lies across two pixels and reads faint in both. It joins that blob whole;
    /// touching two, the one whose centroid is nearer its own (someone straddling pixels between
    /// two others stays whole, so their mass is counted somewhere). Of the other sign than that
    /// blob (colder than the pavement next to someone warm) it is no part of a person, and is
    /// weighed with nobody.
    private mutating func joinFringe(_ patch: Blob, label: Int16, touching first: Int16, and second: Int16) {
        guard var target = blobIndex(labelled: first) else { return }
        if second != 0, let other = blobIndex(labelled: second),
            patch.distance2(to: blobs[other]) < patch.distance2(to: blobs[target])
        {
            target = other
        }
        guard patch.warm == blobs[target].warm else { return }
        let targetLabel = blobs[target].label
        for index in 0..<pixelCount where labels[index] == label { labels[index] = targetLabel }
        join(patch, into: target)
    }

    /// The blob carrying `label`, if it was kept.
    private func blobIndex(labelled label: Int16) -> Int? {
        for b in 0..<blobCount where blobs[b].label == label { return b }
        return nil
    }

    /// Adds blob `b` to blob `i`: masses, excess-weighted centroids and spreads combined.
    private mutating func join(_ b: Blob, into i: Int) {
        let a = blobs[i]
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
    }

    /// Joins blobs whose centroids are closer than the merge distance (one person in two pieces).
    mutating func mergeCloseBlobs() {
        let limit = configuration.mergeDistance * configuration.mergeDistance
        var i = 0
        while i < blobCount {
            var j = i + 1
            while j < blobCount {
                if blobs[i].distance2(to: blobs[j]) < limit {
                    join(blobs[j], into: i)
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
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
