import Hardware

extension Street {
    /// One party arriving at the edge of the simulated stretch at `time`: its size, kinds,
    /// speed, layout (abreast when the pavement allows, two rows for four) and whether it stops.
    mutating func spawnParty(at time: Double) {
        let group = nextGroup
        nextGroup += 1
        let direction: StreetDirection = arrivals.unit() < scenario.inShare ? .in : .out
        let sign: Double = direction == .in ? 1 : -1
        let umbrellas = weather.rain(time) > 0.5

        if arrivals.unit() < scenario.cyclistShare {
            let speed = 3.5 + 3 * arrivals.unit()
            let x = (arrivals.unit() - 0.5) * (pavementWidth - 0.6)
            add(StreetPerson(
                kind: .cyclist, direction: direction, group: group, groupSize: 1, x: x,
                entryY: -sign * spawnDistance, entryTime: time, speed: sign * speed, stopY: 0, stopSeconds: 0,
                halfAcross: 0.25, halfAlong: 0.4, planeHeight: 1.3,
                temperatureOffset: arrivals.gaussian(standardDeviation: 0.8), carriesUmbrella: false))
            return
        }

        let size = drawPartySize()
        var speed = min(max(arrivals.gaussian(mean: 1.35, standardDeviation: 0.2), 0.7), 2.0)
        if size > 1 { speed *= 0.92 }
        let lingers = arrivals.unit() < scenario.lingerShare
        let stopY = lingers ? (arrivals.unit() - 0.5) * 1.2 : 0
        let range = scenario.lingerSeconds
        let stopSeconds = lingers ? range.lowerBound + arrivals.unit() * (range.upperBound - range.lowerBound) : 0
        let abreast = size == 4 ? 2 : min(size, 3)
        let spacing = 0.6 + 0.15 * arrivals.unit()
        let halfWidth = Double(abreast - 1) * spacing / 2 + 0.25
        let room = max(pavementWidth / 2 - halfWidth, 0)
        let centre = (arrivals.unit() * 2 - 1) * room
        for member in 0..<size {
            let isChild = member > 0 && arrivals.unit() < scenario.childShare
            let slot = member % abreast, row = member / abreast
            let x = centre + (Double(slot) - Double(abreast - 1) / 2) * spacing
            let behind = Double(row) * 0.9 + 0.1 * arrivals.unit()
            let umbrella = umbrellas && !isChild && arrivals.unit() < 0.6
            add(StreetPerson(
                kind: isChild ? .child : .adult, direction: direction, group: group, groupSize: size, x: x,
                entryY: -sign * (spawnDistance + behind), entryTime: time, speed: sign * speed,
                stopY: stopY, stopSeconds: stopSeconds,
                halfAcross: umbrella ? 0.45 : (isChild ? 0.17 : 0.24),
                halfAlong: umbrella ? 0.45 : (isChild ? 0.11 : 0.14),
                planeHeight: umbrella ? 2.0 : (isChild ? 1.0 : 1.4),
                temperatureOffset: arrivals.gaussian(standardDeviation: 0.8), carriesUmbrella: umbrella))
        }
    }

    private mutating func drawPartySize() -> Int {
        let sizes = scenario.partySizes
        var draw = arrivals.unit() * sizes.reduce(0, +)
        for (index, share) in sizes.enumerated() {
            draw -= share
            if draw < 0 { return index + 1 }
        }
        return sizes.count
    }

    /// Puts a person on the stretch, logs their crossing and their beam interruptions.
    private mutating func add(_ person: StreetPerson) {
        people.append(person)
        let crossing = person.time(reaching: 0)
        pendingCrossings.append(GroundTruthCrossing(
            time: MonotonicInstant(nanoseconds: UInt64(crossing * 1e9)), direction: person.direction,
            group: person.group, groupSize: person.groupSize, kind: person.kind, lingering: person.lingers))
        // Beams at about 1 m height see legs and torso (a bicycle: most of its length).
        let half = person.kind == .cyclist ? 0.8 : (person.kind == .child ? 0.1 : 0.15)
        let sign = person.speed.sign2
        for index in beams.indices {
            let position = beams[index].position
            beams[index].add(
                from: person.time(reaching: position - sign * half),
                to: person.time(reaching: position + sign * half))
        }
    }
}
