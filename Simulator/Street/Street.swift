import Hardware

/// A simulated pavement under a sensor looking down: people arriving over the day with the
/// scenario's daily and weekly rhythm, walking alone or in groups, stopping, cycling, in the
/// scenario's weather. Renders thermal frames and break-beam edges and logs every crossing.
///
/// Arrivals are generated lazily as time advances (a busy Saturday has thousands of people), so
/// the street holds only the few people on the simulated stretch. Time is in seconds since the
/// scenario's start (monotonic zero) and must not go backwards. Deterministic from the seed.
public struct Street: Sendable {
    public let scenario: StreetScenario
    let weather: StreetWeather
    var arrivals: SeededRandom
    var noise: SeededRandom
    /// People between their entry and their exit.
    var people: [StreetPerson] = []
    var now: Double = 0
    var nextPartyTime: Double = 0
    var nextGroup = 0
    let maximumPartyRate: Double
    let meanPartySize: Double
    /// Where people enter and leave (m from the line), outside every pixel's view.
    let spawnDistance: Double
    let pavementWidth: Double
    /// Fixed per-pixel pattern of the pavement (stains, a drain cover, sensor offsets).
    let pixelOffsets: [Double]
    var pendingCrossings: [GroundTruthCrossing] = []
    var beams = [StreetBeam(position: -0.03), StreetBeam(position: 0.03)]
    var coverage: [Double]
    var heat: [Double]

    public init(scenario: StreetScenario, seed: UInt64) {
        self.scenario = scenario
        var root = SeededRandom(seed: seed)
        weather = StreetWeather(scenario: scenario, random: &root)
        arrivals = root.fork()
        noise = root.fork()
        var pattern = root.fork()
        pixelOffsets = (0..<(scenario.width * scenario.height)).map { _ in pattern.gaussian(standardDeviation: 0.25) }
        let sizes = scenario.partySizes
        let total = sizes.reduce(0, +)
        let walkingMean = sizes.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element } / total
        meanPartySize = scenario.cyclistShare + (1 - scenario.cyclistShare) * walkingMean
        let peak = (scenario.hourlyProfile.max() ?? 1) * (scenario.weekdayFactors.max() ?? 1)
        maximumPartyRate = scenario.peakPeoplePerHour * peak / 3600 / meanPartySize
        spawnDistance = Self.viewLength(scenario, planeHeight: 0) / 2 + 1
        pavementWidth = 0.9 * Self.viewLength(scenario, planeHeight: 1.4)
        coverage = Array(repeating: 0, count: scenario.width * scenario.height)
        heat = coverage
        nextPartyTime = arrivals.exponential(rate: maximumPartyRate)
    }

    /// The stretch of pavement (m) one side of the frame spans at a plane `planeHeight` above it.
    static func viewLength(_ scenario: StreetScenario, planeHeight: Double) -> Double {
        2 * (scenario.mountingHeight - planeHeight) * tan(scenario.fieldOfViewDegrees / 2 * Double.pi / 180)
    }

    /// The wall time at simulation second `seconds`.
    public func wallTime(atSeconds seconds: Double) -> WallTime {
        scenario.start + .nanoseconds(Int64(seconds * 1e9))
    }

    /// The sensor's own temperature (the AMG8833 thermistor) at `seconds`.
    public func thermistor(atSeconds seconds: Double) -> Double {
        weather.air(seconds) + 3 + 5 * weather.sunshine(seconds)
    }

    /// Activity (people per second) at `seconds`: daily profile × weekday factor × peak rate.
    func peopleRate(_ seconds: Double) -> Double {
        let hour = weather.localHour(seconds)
        let profile = scenario.hourlyProfile
        let lower = Int(hour) % 24, upper = (lower + 1) % 24
        let fraction = hour - Double(Int(hour))
        let activity = profile[lower] * (1 - fraction) + profile[upper] * fraction
        let local = scenario.start.secondsSinceEpoch + scenario.utcOffsetSeconds + Int64(seconds)
        // 1970-01-01 was a Thursday; index 0 is Monday.
        let weekday = Int((local.floorDivided(by: 86_400) + 3) % 7)
        return scenario.peakPeoplePerHour * activity * scenario.weekdayFactors[weekday] / 3600
    }

    /// Moves the world to `seconds`: people arrive (thinning a Poisson process at the maximum
    /// rate down to the rate of the hour) and those who left are forgotten.
    public mutating func advance(to seconds: Double) {
        guard seconds > now else { return }
        while nextPartyTime <= seconds {
            let time = nextPartyTime
            nextPartyTime += arrivals.exponential(rate: maximumPartyRate)
            let accept = peopleRate(time) / meanPartySize / maximumPartyRate
            if arrivals.unit() < accept { spawnParty(at: time) }
        }
        now = seconds
        people.removeAll { $0.exitTime < seconds }
    }

    /// The crossings that happened up to `seconds`, oldest first, removed from the log.
    public mutating func drainCrossings(upTo seconds: Double) -> [GroundTruthCrossing] {
        advance(to: seconds)
        let limit = MonotonicInstant(nanoseconds: UInt64(max(seconds, 0) * 1e9))
        let due = pendingCrossings.filter { $0.time <= limit }.sorted { $0.time < $1.time }
        pendingCrossings.removeAll { $0.time <= limit }
        return due
    }

    /// How many people are on the simulated stretch now.
    public var peopleOnStretch: Int { people.count }

    /// How many people are under the sensor at `seconds`, and how many of them stand still.
    public func peopleInView(atSeconds seconds: Double) -> (all: Int, standing: Int) {
        var all = 0, standing = 0
        for person in people {
            let y = person.y(at: seconds)
            guard abs(y) < Self.viewLength(scenario, planeHeight: person.planeHeight) / 2 else { continue }
            all += 1
            if person.lingers && y == person.stopY { standing += 1 }
        }
        return (all, standing)
    }

    /// The people under the sensor at `seconds` (x across, y along the street, metres), for the
    /// counting benchmark's trace.
    public func diagnosticPeople(atSeconds seconds: Double) -> [String] {
        people.compactMap { person in
            let y = person.y(at: seconds)
            guard abs(y) < Self.viewLength(scenario, planeHeight: person.planeHeight) / 2 + 0.3 else { return nil }
            let standing = person.lingers && y == person.stopY
            return "person group \(person.group) \(person.direction) at x \((person.x * 100).rounded() / 100) y \((y * 100).rounded() / 100)"
                + (standing ? " standing" : "")
        }
    }
}

extension SeededRandom {
    /// An exponentially distributed gap with the given rate (per second).
    mutating func exponential(rate: Double) -> Double {
        -log(max(1 - unit(), 1e-300)) / rate
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
