import Aggregation
import Counting
import Simulator
import Testing

@testable import Agent

/// The mounting a technician writes into the config, or a scenario's sensor has, reaches the
/// tracker that counts (``ThermalCounterConfiguration/mounted(_:)``).
@Suite("Footfall: the array's mounting reaches the tracker")
struct FootfallMountingTests {
    func trackerSettings(sensorKeys: String) throws -> ThermalCounterConfiguration {
        let (box, hardware, _) = try thermalCounterBox(
            scene: UniformThermalScene(background: 15, sensorTemperature: 25), sensorKeys: sensorKeys)
        let config = try #require(box.sensor("door"))
        let sensor = try BoxAssembly.driver(
            for: config, on: hardware, privacy: PrivacyProfile(box.privacy), randomness: .seeded(1))
        return try #require(sensor as? ThermalFootfallCounter).trackerSettings
    }

    @Test("the box's tracker takes mounting_height and field_of_view from the config, 4 m and 60° without them")
    func boxTakesTheMounting() throws {
        let plain = ThermalCounterConfiguration()
        #expect(try trackerSettings(sensorKeys: "").contrastFraction == plain.contrastFraction)
        let high = try trackerSettings(sensorKeys: "mounting_height = 5\nfield_of_view = 90")
        let expected = plain.mounted(ThermalMounting(height: 5, fieldOfView: 90))
        #expect(high.contrastFraction == expected.contrastFraction)
        #expect(high.faintContrastFraction == expected.faintContrastFraction)
        #expect(high.learnsSpreadFromLightTracks == expected.learnsSpreadFromLightTracks)
        #expect(high.contrastFraction < plain.contrastFraction / 4)
    }

    @Test("a scenario's evaluation counts with settings for its sensor's height and lens")
    func evaluationTakesTheScenariosMounting() {
        var scenario = StreetScenario.springWeekday
        scenario.mountingHeight = 5.5
        scenario.fieldOfViewDegrees = 75
        let options = FootfallEvaluation.Options(scenario: scenario)
        let expected = ThermalCounterConfiguration().mounted(ThermalMounting(height: 5.5, fieldOfView: 75))
        #expect(options.counter.contrastFraction == expected.contrastFraction)
        #expect(options.counter.learnsSpreadFromLightTracks == expected.learnsSpreadFromLightTracks)
        #expect(FootfallEvaluation.Options(scenario: .springWeekday).counter == ThermalCounterConfiguration())
    }
}
