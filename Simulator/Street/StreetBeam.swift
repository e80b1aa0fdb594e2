import Hardware

/// One infrared break-beam across the pavement: the union of the intervals during which someone
/// interrupts it, turned into GPIO edges (high = beam received, falling = interrupted), with the
/// receiver's chatter at some transitions.
struct StreetBeam: Sendable {
    /// Position along the street (m from the counting line).
    let position: Double
    /// Interruptions not yet turned into edges, as (start, end) in seconds.
    var pending: [(start: Double, end: Double)] = []
    var blocked = false
    var blockedUntil: Double = 0

    init(position: Double) { self.position = position }

    mutating func add(from start: Double, to end: Double) {
        pending.append((start, max(end, start)))
    }

    /// Emits the edges before `seconds`. Callers advance the street first: every interruption
    /// that starts before `seconds` is then known (people enter far from the beams).
    mutating func edges(upTo seconds: Double, beam: Int, random: inout SeededRandom, into output: inout [StreetBeamEdge]) {
        pending.sort { $0.start < $1.start }
        var consumed = 0
        for interval in pending {
            if interval.start >= seconds { break }
            consumed += 1
            if blocked && interval.start <= blockedUntil {
                blockedUntil = max(blockedUntil, interval.end)
                continue
            }
            if blocked { emit(.rising, at: blockedUntil, beam: beam, random: &random, into: &output) }
            emit(.falling, at: interval.start, beam: beam, random: &random, into: &output)
            blocked = true
            blockedUntil = interval.end
        }
        pending.removeFirst(consumed)
        if blocked && blockedUntil < seconds && (pending.first.map { $0.start > blockedUntil } ?? true) {
            emit(.rising, at: blockedUntil, beam: beam, random: &random, into: &output)
            blocked = false
        }
    }

    private func emit(_ edge: GPIOEdge, at seconds: Double, beam: Int, random: inout SeededRandom, into output: inout [StreetBeamEdge]) {
        let time = MonotonicInstant(nanoseconds: UInt64(max(seconds, 0) * 1e9))
        output.append(StreetBeamEdge(beam: beam, event: GPIOEdgeEvent(edge, at: time)))
        // A receiver chatters for a few milliseconds as an edge of the body passes.
        if random.unit() < 0.3 {
            let back: GPIOEdge = edge == .rising ? .falling : .rising
            let bounce = time.advanced(by: .microseconds(Int64(1000 + random.unit() * 3000)))
            output.append(StreetBeamEdge(beam: beam, event: GPIOEdgeEvent(back, at: bounce)))
            output.append(StreetBeamEdge(beam: beam, event: GPIOEdgeEvent(edge, at: bounce.advanced(by: .milliseconds(2)))))
        }
    }
}

extension Street {
    /// The edges of both beams before `seconds` that were not returned yet, in time order.
    public mutating func drainBeamEdges(upTo seconds: Double) -> [StreetBeamEdge] {
        advance(to: seconds)
        var output: [StreetBeamEdge] = []
        for index in beams.indices {
            beams[index].edges(upTo: seconds, beam: index, random: &noise, into: &output)
        }
        output.sort { $0.event.timestamp < $1.event.timestamp }
        return output
    }
}
