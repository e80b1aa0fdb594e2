#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hardware

/// Particulate matter on a street: a background PM2.5 level with morning and evening rush-hour
/// bumps and seeded noise; the other size classes follow from typical urban ratios.
public struct ParticulateScenario: Sendable {
    /// Background PM2.5 in µg/m³.
    public var backgroundPM2_5: Double
    /// Extra PM2.5 at the peak of each rush hour (08:00 and 18:00).
    public var rushHourPM2_5: Double
    /// The hour of the day at monotonic zero.
    public var startHour: Double
    /// Relative noise (0.1 = ±10 %), changing every 10 s.
    public var noise: Double
    private let random: ScenarioNoise

    public init(seed: UInt64, backgroundPM2_5: Double = 9, rushHourPM2_5: Double = 12, startHour: Double = 0, noise: Double = 0.1) {
        self.backgroundPM2_5 = backgroundPM2_5
        self.rushHourPM2_5 = rushHourPM2_5
        self.startHour = startHour
        self.noise = noise
        self.random = ScenarioNoise(seed: seed, step: .seconds(10))
    }

    /// A level that never changes.
    public static func constant(pm2_5: Double) -> ParticulateScenario {
        ParticulateScenario(seed: 0, backgroundPM2_5: pm2_5, rushHourPM2_5: 0, noise: 0)
    }

    /// PM2.5 in µg/m³.
    public func pm2_5(at time: MonotonicInstant) -> Double {
        let hours = (startHour + time.scenarioSeconds / 3600).truncatingRemainder(dividingBy: 24)
        func bump(_ centre: Double) -> Double { exp(-pow((hours - centre) / 1.5, 2)) }
        let level = backgroundPM2_5 + rushHourPM2_5 * (bump(8) + bump(18))
        return max(0, level * (1 + noise * random.value(at: time, stream: 3)))
    }

    /// PM1.0, PM2.5, PM4.0 and PM10 in µg/m³ (each class includes the smaller ones).
    public func massConcentrations(at time: MonotonicInstant) -> (pm1_0: Double, pm2_5: Double, pm4_0: Double, pm10: Double) {
        let pm2_5 = pm2_5(at: time)
        return (pm2_5 * 0.75, pm2_5, pm2_5 * 1.1, pm2_5 * 1.4)
    }
}
