import Counting
import Hardware
import Simulator

/// One track's crossing as the thermal counter reported it.
struct CountedTrack {
    var seconds: Double
    var positive: Bool
    var people: Int
    var share: Double
    var matched = false
    /// Someone standing still under the sensor when the count was made.
    var nearStanding = false
    /// Nobody at all under the sensor when the count was made (a count of noise or of the pavement).
    var nobodyInView = false
}

func partyDiagnosis(
    scenario: StreetScenario, seed: UInt64, hours: Double, examplesAfter: Double, configuration: ThermalCounterConfiguration
) {
    var street = Street(scenario: scenario, seed: seed)
    var counter = ThermalCounter(configuration: configuration)
    var frame = [Float](repeating: 0, count: scenario.width * scenario.height)
    var tracks: [CountedTrack] = []
    var remaining = 0
    var truth: [GroundTruthCrossing] = []
    let fps = scenario.framesPerSecond
    let frames = Int(hours * 3600) * fps
    for index in 0..<frames {
        let seconds = Double(index) / Double(fps)
        street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
        counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))) { event in
            if remaining > 0 { remaining -= 1; return }
            remaining = event.partySize - 1
            let inView = street.peopleInView(atSeconds: seconds)
            tracks.append(CountedTrack(
                seconds: Double(event.time.nanoseconds) / 1e9, positive: event.sense == .positive,
                people: event.partySize, share: event.personShare,
                nearStanding: inView.standing > 0, nobodyInView: inView.all == 0))
        }
        if index % (60 * fps) == 0 { truth += street.drainCrossings(upTo: seconds) }
    }
    truth += street.drainCrossings(upTo: Double(frames) / Double(fps))
    // Every true person matched to the nearest free counted person (a track of k people gives k
    // slots) of the same direction within 2.5 s (100 s for lingering parties).
    var slots: [CountedTrack] = []
    for track in tracks { for _ in 0..<track.people { slots.append(track) } }
    slots.sort { $0.seconds < $1.seconds }
    let people = truth.sorted { $0.time < $1.time }
    // rows: party size 1...4+, columns: found by a track of 1...6 people, or missed (0)
    var table = Array(repeating: Array(repeating: 0, count: 7), count: 5)
    var shares: [[Double]] = Array(repeating: [], count: 5)
    var missedTimes: [(seconds: Double, positive: Bool)] = []
    var lingeringMissed = 0, cyclistsMissed = 0, lingering = 0, cyclists = 0
    for person in people {
        let seconds = Double(person.time.nanoseconds) / 1e9
        let positive = person.direction == .in
        let slack = person.lingering ? 100.0 : 2.5
        var best = -1, bestDistance = slack
        var lower = 0, upper = slots.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if slots[middle].seconds < seconds - slack { lower = middle + 1 } else { upper = middle }
        }
        var i = lower
        while i < slots.count && slots[i].seconds <= seconds + slack {
            let distance = abs(slots[i].seconds - seconds)
            if !slots[i].matched && slots[i].positive == positive && distance <= bestDistance {
                best = i; bestDistance = distance
            }
            i += 1
        }
        let row = min(person.groupSize, 4)
        if person.lingering { lingering += 1 }
        if person.kind == .cyclist { cyclists += 1 }
        if best >= 0 {
            slots[best].matched = true
            table[row][min(slots[best].people, 6)] += 1
            shares[row].append(slots[best].share)
        } else {
            table[row][0] += 1
            missedTimes.append((seconds, positive))
            if person.lingering { lingeringMissed += 1 }
            if person.kind == .cyclist { cyclistsMissed += 1 }
        }
    }
    let trueTotal = truth.count
    let countedTotal = tracks.reduce(0) { $0 + $1.people }
    print("\(scenario.name) seed \(seed), \(hours) h: true \(trueTotal), counted \(countedTotal) (\(pct(Double(countedTotal - trueTotal) / Double(max(trueTotal, 1)))))")
    print("in party of  people  missed   by a track of 1     2     3     4     5    6+")
    for size in 1...4 {
        let row = table[size]
        let total = row.reduce(0, +)
        guard total > 0 else { continue }
        var line = pad(size == 4 ? "4+" : "\(size)", 11) + pad("\(total)", 8) + pad("\(row[0])", 8) + "        "
        for column in 1...6 { line += pad("\(row[column])", 6) }
        let values = shares[size].sorted()
        if !values.isEmpty {
            line += "   share p50 \((values[values.count / 2] * 100).rounded() / 100)"
        }
        print(line)
    }
    let unmatched = slots.filter { !$0.matched }
    var byPeople = Array(repeating: 0, count: 7)
    for track in unmatched { byPeople[min(track.people, 6)] += 1 }
    var sizes: [String] = []
    for size in 1...6 { sizes.append("\(size):\(byPeople[size])") }
    print("counted but matched to nobody: \(unmatched.count), from tracks of " + sizes.joined(separator: " "))
    // An unmatched count with a missed person of the same direction within 10 s is most likely
    // that person counted late or early; without one, a count of nobody (a double count).
    var used = Array(repeating: false, count: missedTimes.count)
    var late = 0
    for slot in unmatched {
        if let index = missedTimes.indices.first(where: {
            !used[$0] && missedTimes[$0].positive == slot.positive && abs(missedTimes[$0].seconds - slot.seconds) <= 10
        }) {
            used[index] = true
            late += 1
        }
    }
    let standingAll = slots.filter(\.nearStanding).count
    let standingUnmatched = unmatched.filter(\.nearStanding).count
    print("  \(standingUnmatched) of them made while someone stood under the sensor (\(standingAll) of all \(slots.count) counts)")
    print("  of which \(late) have a missed person of the same direction within 10 s (late or early), \(unmatched.count - late) none (extra)")
    // Counts made with nobody in view at all: noise or the pavement, crossing (by local hour).
    var byHour = Array(repeating: 0, count: 24)
    for slot in unmatched where slot.nobodyInView { byHour[Int(slot.seconds / 3600) % 24] += 1 }
    print("  \(unmatched.filter(\.nobodyInView).count) of them made while nobody at all was under the sensor, by hour: "
        + byHour.map { "\($0)" }.joined(separator: " "))
    let examples = unmatched.filter { $0.seconds > examplesAfter }.prefix(8).map { "\(($0.seconds * 10).rounded() / 10)" }
    print("  the first counts of nobody after \(examplesAfter) s (seconds, for `trace --at`): " + examples.joined(separator: " "))
    let missedExamples = missedTimes.filter { $0.seconds > examplesAfter }.prefix(8).map { "\(($0.seconds * 10).rounded() / 10)" }
    print("  the first missed people after \(examplesAfter) s (seconds, for `trace --at`): " + missedExamples.joined(separator: " "))
    var histogram = Array(repeating: 0, count: 31)
    for track in tracks { histogram[min(Int(track.share * 10), 30)] += 1 }
    print("tracks by share (0.1 wide bins from 0): " + histogram.map { "\($0)" }.joined(separator: " "))
    print("missed: lingering \(lingeringMissed) of \(lingering), cyclists \(cyclistsMissed) of \(cyclists)")
}

/// Frame by frame (every half second) from `at` − 4 s to `at` + 2 s: the people under the sensor,
/// the tracker's blobs, tracks and parked people, and the crossings it reports. With `everyFrame`,
/// every frame from `at` − 1.5 s to `at` + 0.5 s instead.
func trace(
    scenario: StreetScenario, seed: UInt64, at: Double, everyFrame: Bool, configuration: ThermalCounterConfiguration
) {
    var street = Street(scenario: scenario, seed: seed)
    var counter = ThermalCounter(configuration: configuration)
    var frame = [Float](repeating: 0, count: scenario.width * scenario.height)
    let fps = scenario.framesPerSecond
    let last = Int((at + (everyFrame ? 0.5 : 2)) * Double(fps))
    for index in 0...last {
        let seconds = Double(index) / Double(fps)
        street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
        var events: [String] = []
        counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))) { event in
            events.append("COUNT \(event.direction) x\(event.partySize)")
        }
        if index % (60 * fps) == 0 { _ = street.drainCrossings(upTo: seconds) }
        if everyFrame {
            guard seconds >= at - 1.5 else { continue }
        } else {
            guard seconds >= at - 4, index % max(fps / 2, 1) == 0 || !events.isEmpty else { continue }
        }
        print("t \(seconds)  " + events.joined(separator: ", "))
        for line in street.diagnosticPeople(atSeconds: seconds) + counter.diagnosticTracks { print("    " + line) }
    }
}
