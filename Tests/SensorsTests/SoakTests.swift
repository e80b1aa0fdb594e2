import Hardware
import Simulator
import Testing
@testable import Sensors

/// A simulated day of six drivers on one bus, with faults and brown-outs switched on and off by a
/// seeded random stream, sampled once a minute the way the supervisor does (recover() after three
/// failures in a row). Nothing may crash, no wrong value may come out while a device is healthy,
/// and at the end every driver reads correctly again.
@Suite("Soak: a faulty simulated day")
struct SoakTests {
    struct Device {
        var address: I2CAddress
        var sensor: any Sensor
        var check: ([Reading]) -> Bool
        /// Faults this chip cannot detect on its own (see the per-chip tests).
        var undetectable: Set<Fault> = []
    }

    @Test("six drivers, one bus, 24 h of random faults", arguments: [UInt64(1), 2, 3])
    func faultyDay(seed: UInt64) async throws {
        let bench = SimulationBench()
        let bus = bench.bus, clock = bench.clock
        func at(_ raw: UInt8) -> I2CAddress { I2CAddress(raw) }
        let weather = DiurnalWeather.constant(temperature: 21.5, humidity: 60)
        bus.attach(SHT4xTwin(weather: weather), at: at(0x44))
        bus.attach(SEN5xTwin(air: .constant(pm2_5: 12.3), weather: weather), at: at(0x69))
        bus.attach(PMSA003ITwin(air: .constant(pm2_5: 12.3)), at: at(0x12))
        bus.attach(SeesawSoilTwin(soil: .constant(25), weather: weather), at: at(0x36))
        bus.attach(ADS1115Twin(inputs: [0: { _ in 2.0 }]), at: at(0x48))
        bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 18, sensorTemperature: 22)), at: at(0x68))
        let amg = AMG8833(id: "footfall", bus: bus, clock: clock)
        func near(_ readings: [Reading], _ quantity: Quantity, _ value: Double, _ tolerance: Double) -> Bool {
            readings.value(quantity).map { abs($0 - value) <= tolerance } ?? false
        }
        let devices = [
            Device(address: at(0x44), sensor: SHT4x(id: "air", bus: bus, clock: clock)) { near($0, .temperature, 21.5, 0.01) },
            Device(address: at(0x69), sensor: SEN5x(id: "pm", bus: bus, clock: clock)) { near($0, .massConcentrationPM2_5, 12.3, 0.05) },
            Device(address: at(0x12), sensor: PMSA003I(id: "pm-b", bus: bus, clock: clock)) { near($0, .massConcentrationPM2_5, 12, 0) },
            Device(address: at(0x36), sensor: SeesawSoil(id: "soil", bus: bus, clock: clock), check: { near($0, .soilMoistureRaw, 1100, 0) },
                   undetectable: [.shortRead]),
            Device(address: at(0x48), sensor: ADS1115SoilProbe(id: "probe", bus: bus, clock: clock,
                   calibration: SoilProbeCalibration(dryVoltage: 2.8, wetVoltage: 1.2))) { near($0, .voltage, 2.0, 0.000125) },
            Device(address: at(0x68), sensor: amg) { near($0, .temperature, 22, 0) },
        ]
        bench.advance(by: .seconds(5))
        for device in devices { try await device.sensor.start() }

        var random = SeededRandom(seed: seed)
        let faults: [Fault] = [.unplugged, .nackOnData, .crcCorruption, .notReady, .busTimeout, .shortRead]
        var failuresInARow = Array(repeating: 0, count: devices.count)
        var failures = 0, wrongValues: [String] = [], goodSamples = 0
        for _ in 0..<1440 {
            bench.advance(by: .seconds(60))
            let target = devices[Int(random.next() % UInt64(devices.count))]
            switch random.unit() {
            case ..<0.06:
                let fault = faults[Int(random.next() % UInt64(faults.count))]
                if !target.undetectable.contains(fault) { bus.setFault(fault, at: target.address) }
            case ..<0.3: bus.clearFaults(at: target.address)
            case ..<0.32: bus.powerCycle(at: target.address)
            default: break
            }
            for (index, device) in devices.enumerated() {
                let healthyBefore = bus.faults(at: device.address).active.isEmpty
                do {
                    let readings = try await device.sensor.sample()
                    if device.address == at(0x68) { _ = try await amg.readFrame() }
                    failuresInARow[index] = 0
                    guard !readings.isEmpty, healthyBefore else { continue }
                    if device.check(readings) { goodSamples += 1 } else { wrongValues.append("\(device.sensor.id): \(readings.map(\.summary))") }
                } catch {
                    #expect(error is SensorError, "\(device.sensor.id) threw \(error)")
                    failures += 1
                    failuresInARow[index] += 1
                    if failuresInARow[index] >= 3 {
                        try? await device.sensor.recover()
                        failuresInARow[index] = 0
                    }
                }
            }
        }
        #expect(wrongValues.isEmpty, "\(wrongValues.prefix(5))")
        #expect(failures > 50, "the day had faults")
        #expect(goodSamples > 1440 * 3, "and mostly good samples")

        for device in devices { bus.clearFaults(at: device.address) }
        for device in devices {
            try? await device.sensor.recover()
            let readings = try await bench.firstReadings(from: device.sensor, attempts: 6)
            #expect(device.check(readings), "\(device.sensor.id) reads correctly after the day: \(readings.map(\.summary))")
        }
    }
}
