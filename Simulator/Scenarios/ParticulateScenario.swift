import Hardware

/// Particulate matter in the air at one moment, as an SPS30 would measure it.
public struct ParticulateSample: Hashable, Sendable {
    /// Mass concentrations PM1.0, PM2.5, PM4.0, PM10 in µg/m³.
    public var mass: (pm1_0: Double, pm2_5: Double, pm4_0: Double, pm10: Double)
    /// Number concentrations PM0.5, PM1.0, PM2.5, PM4.0, PM10 in #/cm³.
    public var number: (pm0_5: Double, pm1_0: Double, pm2_5: Double, pm4_0: Double, pm10: Double)
    /// Typical particle size in µm.
    public var typicalSize: Double

    public static func == (a: Self, b: Self) -> Bool { a.values == b.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }

    /// The ten values in SPS30 wire order.
    public var values: [Double] {
        [mass.pm1_0, mass.pm2_5, mass.pm4_0, mass.pm10, number.pm0_5, number.pm1_0, number.pm2_5,
         number.pm4_0, number.pm10, typicalSize]
    }

    /// A plausible urban size distribution for a given PM2.5 mass concentration.
    public init(pm2_5: Double) {
        let pm = max(0, pm2_5)
        mass = (pm * 0.78, pm, pm * 1.12, pm * 1.21)
        // Urban aerosol: most particles are small; ~7 particles/cm³ of PM0.5 per µg/m³ of PM2.5.
        let n05 = pm * 6.9
        number = (n05, n05 * 1.17, n05 * 1.19, n05 * 1.195, n05 * 1.2)
        typicalSize = 0.45 + min(0.4, pm / 400)
    }
}

/// A deterministic street-side air quality curve: a diurnal background with morning and evening
/// traffic peaks, lower at night and at weekends, noise, and occasional episodes (construction
/// dust, a bonfire, New Year fireworks). A pure function of the seed and the wall time, so twins
/// that sample at different rates see the same air.
public struct UrbanAirScenario: Sendable {
    public var seed: UInt64
    /// Mean PM2.5 background in µg/m³.
    public var background: Double

    public init(seed: UInt64, background: Double = 9) {
        self.seed = seed
        self.background = background
    }

    /// The air at `time`.
    public func sample(at time: WallTime) -> ParticulateSample {
        let seconds = time.secondsSinceEpoch
        let hourOfDay = Double(seconds.floorDivided(by: 60) % 1440) / 60
        let dayOfWeek = (seconds.floorDivided(by: 86_400) + 3) % 7  // 1970-01-01 was a Thursday: 0 = Monday
        let weekend = dayOfWeek >= 5
        func peak(_ centre: Double, _ width: Double) -> Double {
            let d = (hourOfDay - centre) / width
            return exp(-d * d)
        }
        var pm = background * (0.7 + 0.25 * sin((hourOfDay - 9) / 24 * 2 * .pi))
        pm += background * (weekend ? 0.3 : 0.9) * peak(8, 1.3) + background * 0.7 * peak(18.5, 1.8)
        pm += episode(atSecond: seconds)
        var noise = SeededRandom(seed: seed ^ UInt64(bitPattern: seconds) &* 0x9E37_79B9_7F4A_7C15)
        pm *= 1 + noise.gaussian(standardDeviation: 0.04)
        return ParticulateSample(pm2_5: pm)
    }

    /// Extra PM2.5 from an episode covering `second`, if any: each hour has a small chance to start
    /// one, lasting 20–90 minutes, 15–80 µg/m³ at its peak.
    private func episode(atSecond second: Int64) -> Double {
        let hour = second.floorDivided(by: 3600)
        var total = 0.0
        for start in (hour - 2)...hour {
            var random = SeededRandom(seed: seed &+ 0xE915_0DE5 ^ UInt64(bitPattern: start))
            guard random.unit() < 0.04 else { continue }
            let begin = start * 3600 + Int64(random.unit() * 3600)
            let length = 1200 + random.unit() * 4200
            let height = 15 + random.unit() * 65
            let t = Double(second - begin) / length
            if t >= 0, t <= 1 { total += height * sin(t * .pi) }
        }
        return total
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
