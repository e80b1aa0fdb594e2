import Hardware
import Testing
@testable import Simulator

@Suite("Scenarios")
struct ScenarioTests {
    func hours(_ value: Double) -> MonotonicInstant { MonotonicInstant(nanoseconds: UInt64(value * 3600 * 1e9)) }

    @Test("weather: warmest in the afternoon, most humid before dawn, within physics")
    func diurnal() {
        let weather = DiurnalWeather(seed: 1, meanTemperature: 12, temperatureAmplitude: 6, noise: 0)
        #expect(abs(weather.temperature(at: hours(15)) - 18) < 1e-9)
        #expect(abs(weather.temperature(at: hours(3)) - 6) < 1e-9)
        #expect(weather.relativeHumidity(at: hours(3)) > weather.relativeHumidity(at: hours(15)))
        let noisy = DiurnalWeather(seed: 2, meanHumidity: 95, humidityAmplitude: 20, noise: 2)
        for hour in stride(from: 0.0, to: 48, by: 0.25) {
            #expect((0...100).contains(noisy.relativeHumidity(at: hours(hour))))
        }
    }

    @Test("the same seed gives the same values, another seed other values")
    func deterministic() {
        let a = DiurnalWeather(seed: 42), b = DiurnalWeather(seed: 42), c = DiurnalWeather(seed: 43)
        let times = stride(from: 0.0, to: 24, by: 0.5).map(hours)
        #expect(times.map(a.temperature(at:)) == times.map(b.temperature(at:)))
        #expect(times.map(a.temperature(at:)) != times.map(c.temperature(at:)))
        #expect(SoilDrying(seed: 5).waterings == SoilDrying(seed: 5).waterings)
    }

    @Test("soil dries between waterings and jumps back up at each")
    func soil() throws {
        let soil = SoilDrying(seed: 3)
        let first = try #require(soil.waterings.first)
        #expect(soil.waterings.count > 10)
        let justBefore = first.advanced(by: .seconds(-1))
        #expect(soil.waterContent(at: .zero) == 40)
        #expect(soil.waterContent(at: justBefore) < soil.waterContent(at: hours(1)))
        #expect(soil.waterContent(at: first) == 40)
        #expect(soil.waterContent(at: justBefore) > soil.dryContent)
        let gaps = zip(soil.waterings, soil.waterings.dropFirst()).map { ($1 - $0).seconds / 86_400 }
        #expect(gaps.allSatisfy { (2...5).contains($0) })
    }

    @Test("a particulate source maps monotonic time to the urban scenario's wall time")
    func particulateSource() {
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 1_780_000_000))
        let scenario = UrbanAirScenario(seed: 4)
        let source = ParticulateSource.urban(scenario, clock: clock)
        #expect(source.sample(at: hours(2)) == scenario.sample(at: WallTime(secondsSinceEpoch: 1_780_000_000 + 7200)))
        #expect(ParticulateSource.constant(pm2_5: 12).sample(at: hours(5)).mass.pm2_5 == 12)
    }

    @Test("uniform thermal scene: background everywhere but the hot pixels")
    func thermal() {
        let scene = UniformThermalScene(background: -2, sensorTemperature: 5, hotPixels: [[0, 7]], hotTemperature: 33)
        let frame = scene.frame(at: .zero)
        #expect(frame.count == 64)
        #expect(frame[7] == 33)
        #expect(frame.filter { $0 == -2 }.count == 63)
    }
}
