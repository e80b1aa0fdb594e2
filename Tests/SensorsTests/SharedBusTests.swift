import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("Drivers sharing one bus")
struct SharedBusTests {
    @Test("SEN5x and SHT4x interleaved on one bus: each reads its own twin; a fault on one leaves the other alone")
    func twoDrivers() async throws {
        let bench = SimulationBench()
        let sen5xAddress = I2CAddress(0x69 as UInt8), sht4xAddress = I2CAddress(0x44 as UInt8)
        bench.bus.attach(SEN5xTwin(air: .constant(pm2_5: 22.2), weather: .constant(temperature: 30, humidity: 80)), at: sen5xAddress)
        bench.bus.attach(SHT4xTwin(weather: .constant(temperature: 12, humidity: 40)), at: sht4xAddress)
        let sen5x = SEN5x(id: "pm", bus: bench.bus, clock: bench.clock)
        let sht4x = SHT4x(id: "air", bus: bench.bus, clock: bench.clock)
        try await sen5x.start()
        try await sht4x.start()
        for _ in 0..<3 {
            let pm = try await bench.firstReadings(from: sen5x)
            let air = try await sht4x.sample()
            #expect(pm.value(.massConcentrationPM2_5) == 22.2)
            #expect(pm.value(.temperature) == 30)
            #expect(abs(try #require(air.value(.temperature)) - 12) < 0.01)
        }
        bench.bus.setFault(.unplugged, at: sen5xAddress)
        await #expect(throws: SensorError.self) { try await sen5x.sample() }
        #expect(abs(try #require(try await sht4x.sample().value(.relativeHumidity)) - 40) < 0.01)
    }

    @Test("a hung bus fails every driver on it; all read again when it is released")
    func hungBus() async throws {
        let bench = SimulationBench()
        let amgAddress = I2CAddress(0x68 as UInt8), seesawAddress = I2CAddress(0x36 as UInt8)
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 10, sensorTemperature: 15)), at: amgAddress)
        bench.bus.attach(SeesawSoilTwin(soil: .constant(25), weather: .constant(temperature: 15, humidity: 50)), at: seesawAddress)
        let amg = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        let soil = SeesawSoil(id: "soil", bus: bench.bus, clock: bench.clock)
        try await amg.start()
        try await soil.start()
        bench.bus.setFault(.busTimeout, at: amgAddress)
        await #expect(throws: SensorError.self) { try await amg.readFrame() }
        await #expect(throws: SensorError.self) { try await soil.sample() }
        bench.bus.clearFaults(at: amgAddress)
        #expect(try await amg.readFrame().thermistor == 15)
        #expect(try await soil.sample().value(.soilMoistureRaw) == 1100)
    }
}
