#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hardware

/// Air temperature and relative humidity over a day: a cosine that peaks in the afternoon (humidity
/// peaks before dawn, when it is coolest), plus small seeded noise that changes once a minute.
///
/// SHT4x and SEN5x twins read it; the seesaw twin takes its temperature as the soil's.
public struct DiurnalWeather: Sendable {
    /// Daily mean air temperature, °C.
    public var meanTemperature: Double
    /// Half the day-night temperature swing, °C.
    public var temperatureAmplitude: Double
    /// Daily mean relative humidity, %.
    public var meanHumidity: Double
    /// Half the day-night humidity swing, %.
    public var humidityAmplitude: Double
    /// The hour of the day at monotonic zero (0 = midnight).
    public var startHour: Double
    /// Peak-to-peak noise half-width: temperature ±`noise` °C, humidity ±5·`noise` %.
    public var noise: Double
    private let random: ScenarioNoise

    /// A day-night curve; `seed` fixes the noise.
    public init(
        seed: UInt64, meanTemperature: Double = 12, temperatureAmplitude: Double = 6,
        meanHumidity: Double = 70, humidityAmplitude: Double = 18, startHour: Double = 0, noise: Double = 0.2
    ) {
        self.meanTemperature = meanTemperature
        self.temperatureAmplitude = temperatureAmplitude
        self.meanHumidity = meanHumidity
        self.humidityAmplitude = humidityAmplitude
        self.startHour = startHour
        self.noise = noise
        self.random = ScenarioNoise(seed: seed, step: .seconds(60))
    }

    /// Weather that never changes (for tests that compare exact values).
    public static func constant(temperature: Double, humidity: Double) -> DiurnalWeather {
        DiurnalWeather(
            seed: 0, meanTemperature: temperature, temperatureAmplitude: 0, meanHumidity: humidity,
            humidityAmplitude: 0, noise: 0)
    }

    /// The phase of the day: 1 at 15:00 (warmest), −1 at 03:00.
    private func dayPhase(at time: MonotonicInstant) -> Double {
        let hours = startHour + time.scenarioSeconds / 3600
        return cos(2 * Double.pi * (hours - 15) / 24)
    }

    /// Air temperature in °C.
    public func temperature(at time: MonotonicInstant) -> Double {
        meanTemperature + temperatureAmplitude * dayPhase(at: time) + noise * random.value(at: time, stream: 1)
    }

    /// Relative humidity in %, within 0…100.
    public func relativeHumidity(at time: MonotonicInstant) -> Double {
        let value = meanHumidity - humidityAmplitude * dayPhase(at: time) + 5 * noise * random.value(at: time, stream: 2)
        return min(max(value, 0), 100)
    }
}
