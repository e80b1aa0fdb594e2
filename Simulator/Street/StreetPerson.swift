/// Who a simulated walker is, for the ground truth.
public enum PedestrianKind: String, Hashable, Sendable, CaseIterable {
    case adult
    case child
    case cyclist
}

/// The two directions along the street: `in` moves towards the last row of the frame.
public enum StreetDirection: String, Hashable, Sendable, CaseIterable {
    case `in`
    case out
}

/// One person on the pavement: a straight walk along the street at constant speed, possibly
/// with one stop under the sensor. Positions in metres: `y` along the street (0 = the counting
/// line under the sensor), `x` across it (0 = under the sensor).
struct StreetPerson: Sendable {
    var kind: PedestrianKind
    var direction: StreetDirection
    var group: Int
    var groupSize: Int
    var x: Double
    /// Position along the street at `entryTime` (where the person comes into the simulation).
    var entryY: Double
    var entryTime: Double
    /// Signed speed along the street (m/s).
    var speed: Double
    /// Where and how long the person stands still, if they linger.
    var stopY: Double
    var stopSeconds: Double
    /// Half-axes of the body seen from above (m): across and along the street.
    var halfAcross: Double
    var halfAlong: Double
    /// Height of the plane seen by the sensor (shoulders, a cyclist's back).
    var planeHeight: Double
    /// How this person's clothes and hair differ from the average (°C).
    var temperatureOffset: Double
    var carriesUmbrella: Bool

    var lingers: Bool { stopSeconds > 0 }

    /// When the person reaches position `y` (the first time; a stop before `y` delays it).
    func time(reaching y: Double) -> Double {
        let direct = entryTime + (y - entryY) / speed
        guard lingers else { return direct }
        // Past the stop point in the walking direction: the stop came first.
        return (y - stopY) * speed.sign2 > 0 ? direct + stopSeconds : direct
    }

    /// Position along the street at `time`.
    func y(at time: Double) -> Double {
        let moving = time - entryTime
        guard lingers else { return entryY + speed * moving }
        let stopTime = (stopY - entryY) / speed
        if moving < stopTime { return entryY + speed * moving }
        if moving < stopTime + stopSeconds { return stopY }
        return entryY + speed * (moving - stopSeconds)
    }

    /// When the person leaves the simulated stretch (at the mirror of their entry point).
    var exitTime: Double { time(reaching: -entryY) }
}

extension Double {
    /// +1 or -1.
    var sign2: Double { self < 0 ? -1 : 1 }
}
