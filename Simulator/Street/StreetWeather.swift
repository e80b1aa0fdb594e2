/// Air and pavement temperature over the day: a day/night swing of the air, the sun heating the
/// pavement behind a lag, passing clouds, rain wetting the pavement down to the air temperature,
/// and radiative cooling at night. Pure functions of the time, so any frame can be rendered alone.
struct StreetWeather: Sendable {
    let scenario: StreetScenario
    /// Phases of the passing-cloud waves, from the seed.
    let cloudPhases: (Double, Double)

    init(scenario: StreetScenario, random: inout SeededRandom) {
        self.scenario = scenario
        cloudPhases = (random.unit() * 2 * Double.pi, random.unit() * 2 * Double.pi)
    }

    /// Local hour of the day (0 ..< 24) at simulation second `seconds`.
    func localHour(_ seconds: Double) -> Double {
        let local = Double(scenario.start.secondsSinceEpoch + scenario.utcOffsetSeconds) + seconds
        let day = local - 86_400 * (local / 86_400).rounded(.down)
        return day / 3600
    }

    /// Days since the scenario started (0 for the first day).
    func dayIndex(_ seconds: Double) -> Int { Int((seconds / 86_400).rounded(.down)) }

    /// Air temperature, coldest before sunrise, warmest at 15 h.
    func air(_ seconds: Double) -> Double {
        let hour = localHour(seconds)
        return scenario.meanTemperature + scenario.dailyAmplitude * cos(2 * Double.pi * (hour - 15) / 24)
            - 1.5 * rain(seconds)
    }

    /// 0 (dry) … 1 (raining), easing in and out over about a quarter of an hour.
    func rain(_ seconds: Double) -> Double {
        let hour = localHour(seconds)
        var wet = 0.0
        for range in scenario.rainHours {
            let rise = min(max((hour - range.lowerBound) / 0.25, 0), 1)
            let fall = min(max((range.upperBound + 0.5 - hour) / 0.5, 0), 1)
            wet = max(wet, min(rise, fall))
        }
        return wet
    }

    /// Cloud cover 0…1: the mean plus two slow waves (periods of about 28 and 9 minutes).
    func clouds(_ seconds: Double) -> Double {
        let wave = 0.25 * sin(2 * Double.pi * seconds / 1_700 + cloudPhases.0)
            + 0.12 * sin(2 * Double.pi * seconds / 530 + cloudPhases.1)
        return min(max(scenario.cloudCover + wave, 0), 1)
    }

    /// Sun elevation factor 0…1 (0 at night).
    func sun(_ hour: Double) -> Double {
        guard hour > scenario.sunrise, hour < scenario.sunset else { return 0 }
        return sin(Double.pi * (hour - scenario.sunrise) / (scenario.sunset - scenario.sunrise))
    }

    /// The pavement's temperature where no shadow falls.
    func pavement(_ seconds: Double) -> Double {
        let hour = localHour(seconds)
        // The pavement stores heat: it lags the sun by about an hour and cools below the air at night.
        let heating = scenario.sunHeating * sun(hour - 1) * (1 - 0.8 * clouds(seconds))
        let nightCooling = sun(hour) > 0 ? 0 : 1.2 * (1 - scenario.cloudCover)
        let dry = air(seconds) + heating - nightCooling
        let wet = air(seconds) - 0.5
        let rain = rain(seconds)
        return dry * (1 - rain) + wet * rain
    }

    /// Sunshine on clothes and hair now (warms people seen from above), 0…1.
    func sunshine(_ seconds: Double) -> Double {
        sun(localHour(seconds)) * (1 - clouds(seconds)) * (1 - rain(seconds))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
