import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("QualityMonitor")
struct QualityMonitorTests {
    func reading(_ sensor: SensorID, _ quantity: Quantity, _ value: Double, at seconds: Int = 0) -> Reading {
        Reading(sensor: sensor, quantity: quantity, value: value, unit: .degreesCelsius, time: MonotonicInstant.zero + .seconds(seconds))
    }

    @Test("stuck after exactly N identical samples; a change resets the count")
    func stuck() {
        var monitor = QualityMonitor(configuration: .init(stuckAfterSamples: 3))
        let flags = [20.25, 20.25, 20.25, 20.25, 20.5, 20.5].map { monitor.assess([reading("air", .temperature, $0)])[0].quality.contains(.stuck) }
        #expect(flags == [false, false, true, true, false, false])
    }

    @Test("whole-number values must repeat 20 times as long to count as stuck")
    func coarseValues() {
        var monitor = QualityMonitor(configuration: .init(stuckAfterSamples: 3))
        let flags = (0..<60).map { _ in monitor.assess([reading("pm", .massConcentrationPM2_5, 1)])[0].quality.contains(.stuck) }
        #expect(flags.firstIndex(of: true) == 59)
    }

    @Test("stuck is tracked per sensor and quantity")
    func stuckPerSeries() {
        var monitor = QualityMonitor(configuration: .init(stuckAfterSamples: 2))
        _ = monitor.assess([reading("a", .temperature, 10.5), reading("b", .temperature, 11.5)])
        let second = monitor.assess([reading("a", .temperature, 10.5), reading("b", .temperature, 12.5)])
        #expect(second.map { $0.quality.contains(.stuck) } == [true, false])
    }

    @Test("out of the specified range", arguments: [
        (Quantity.massConcentrationPM2_5, 1000.0, false), (.massConcentrationPM2_5, 1000.1, true),
        (.relativeHumidity, -0.1, true), (.temperature, -40, false), (.temperature, 85.5, true), (.noxIndex, 0, true),
    ])
    func outOfRange(quantity: Quantity, value: Double, flagged: Bool) {
        var monitor = QualityMonitor()
        #expect(monitor.assess([reading("s", quantity, value)])[0].quality.contains(.outOfRange) == flagged)
    }

    @Test("degraded for the N samples after a failure, then clean again")
    func degraded() {
        var monitor = QualityMonitor(configuration: .init(errorMemory: 2))
        #expect(!monitor.assess([reading("pm", .massConcentrationPM2_5, 1)])[0].quality.contains(.degraded))
        monitor.recordFailure(of: "pm")
        let flags = (0..<3).map { monitor.assess([reading("pm", .massConcentrationPM2_5, Double($0)), reading("air", .temperature, 1)]) }
        #expect(flags.map { $0[0].quality.contains(.degraded) } == [true, true, false])
        #expect(flags.allSatisfy { !$0[1].quality.contains(.degraded) }, "another sensor's failure does not degrade this one")
    }

    @Test("PM readings are flagged above 70 % RH from another sensor, other quantities are not")
    func highHumidity() {
        var monitor = QualityMonitor()
        _ = monitor.assess([reading("air", .relativeHumidity, 71, at: 0)])
        let pm = monitor.assess([reading("pm", .massConcentrationPM2_5, 12, at: 5), reading("pm", .temperature, 12, at: 5)])
        #expect(pm.map { $0.quality.contains(.highHumidity) } == [true, false])
        _ = monitor.assess([reading("air", .relativeHumidity, 70, at: 10)])
        #expect(!monitor.assess([reading("pm", .massConcentrationPM2_5, 12, at: 15)])[0].quality.contains(.highHumidity))
    }

    @Test("a SEN5x's own humidity flags its PM of the same sample; stale humidity is ignored")
    func sameSampleAndStale() {
        var monitor = QualityMonitor(configuration: .init(humidityMaxAge: .seconds(60)))
        let sample = monitor.assess([reading("sen", .massConcentrationPM2_5, 3, at: 0), reading("sen", .relativeHumidity, 90, at: 0)])
        #expect(sample[0].quality.contains(.highHumidity))
        #expect(!monitor.assess([reading("sen", .massConcentrationPM2_5, 3, at: 61)])[0].quality.contains(.highHumidity))
    }

    @Test("a frozen SHT4x (valid CRCs, same value) is caught as stuck")
    func frozenTwinIsStuck() async throws {
        let bench = SimulationBench()
        let address = I2CAddress(0x44 as UInt8)
        bench.bus.attach(SHT4xTwin(weather: DiurnalWeather(seed: 1, noise: 0.5)), at: address)
        let sensor = SHT4x(id: "air", bus: bench.bus, clock: bench.clock)
        var monitor = QualityMonitor(configuration: .init(stuckAfterSamples: 5))
        var stuck: [Bool] = []
        for index in 0..<10 {
            if index == 3 { bench.bus.setFault(.frozenValue, at: address) }
            bench.advance(by: .seconds(60))
            let readings = monitor.assess(try await sensor.sample())
            stuck.append(readings.allSatisfy { $0.quality.contains(.stuck) })
        }
        #expect(stuck == [false, false, false, false, false, false, true, true, true, true])
    }

    @Test("a frozen SEN5x is caught as stuck")
    func frozenSEN5xIsStuck() async throws {
        let bench = SimulationBench()
        let address = I2CAddress(0x69 as UInt8)
        bench.bus.attach(SEN5xTwin(air: .urban(UrbanAirScenario(seed: 2), clock: bench.clock), weather: DiurnalWeather(seed: 2, noise: 0.5)), at: address)
        let sensor = SEN5x(id: "pm", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        var monitor = QualityMonitor(configuration: .init(stuckAfterSamples: 3))
        _ = monitor.assess(try await bench.firstReadings(from: sensor))
        bench.bus.setFault(.frozenValue, at: address)
        var last: [Reading] = []
        for _ in 0..<3 { last = monitor.assess(try await bench.firstReadings(from: sensor, interval: .seconds(60))) }
        #expect(last.first { $0.quantity == .massConcentrationPM2_5 }?.quality.contains(.stuck) == true)
    }
}
