import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("AMG8833")
struct AMG8833Tests {
    let address = I2CAddress(0x68 as UInt8)

    @Test("datasheet vectors: pixels two's complement, thermistor sign-magnitude", arguments: [
        (UInt8(0x64), UInt8(0x00), Float(25.0), true), (0xFF, 0x0F, -0.25, true),
        (0x90, 0x01, 25.0, false), (0x50, 0x08, -5.0, false),
    ])
    func vectors(low: UInt8, high: UInt8, celsius: Float, isPixel: Bool) throws {
        let value = isPixel ? try amg8833PixelTemperature(low: low, high: high) : try amg8833ThermistorTemperature(low: low, high: high)
        #expect(value == celsius)
    }

    @Test("a sub-zero pixel is a few degrees below zero, not ~500 °C below (the sign-magnitude bug)")
    func subZeroPixel() throws {
        // −10 °C = −40 LSB = 0xFD8 in 12-bit two's complement.
        let value = try amg8833PixelTemperature(low: 0xD8, high: 0x0F)
        #expect(value == -10)
        #expect(value > -100)
    }

    @Test("bits above bit 11 mean a corrupted read")
    func rejectsHighBits() {
        #expect(throws: SensorError.self) { try amg8833PixelTemperature(low: 0x00, high: 0x10) }
        #expect(throws: SensorError.self) { try amg8833ThermistorTemperature(low: 0x00, high: 0xFF) }
    }

    static func scriptedPixels() -> [UInt8] {
        (0..<64).flatMap { index -> [UInt8] in
            let raw = UInt16(bitPattern: Int16(index - 32)) & 0x0FFF  // −8 … +7.75 °C
            return [UInt8(raw & 0xFF), UInt8(raw >> 8)]
        }
    }

    @Test("byte-exact: power-on sequence, then one 128-byte read, or four 32-byte reads over SMBus", arguments: [true, false])
    func byteExact(plainI2C: Bool) async throws {
        let bus = ScriptedBus(capabilities: plainI2C ? [.plainI2C, .smbusI2CBlock] : [.smbusI2CBlock])
        let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
        bus.expectWrite(address, [0x00, 0x00])
        bus.expectWrite(address, [0x01, 0x3F])
        bus.expectWrite(address, [0x01, 0x30])
        bus.expectWrite(address, [0x02, 0x00])
        let pixels = Self.scriptedPixels()
        if plainI2C {
            bus.expectWriteRead(address, [0x80], reply: pixels)
        } else {
            for block in 0..<4 {
                bus.expectWriteRead(address, [0x80 + UInt8(block * 32)], reply: Array(pixels[(block * 32)..<(block * 32 + 32)]))
            }
        }
        bus.expectWriteRead(address, [0x0E], reply: [0x50, 0x08])
        let sensor = AMG8833(id: "footfall", bus: bus, clock: clock)
        try await sensor.start()
        #expect(clock.now() == MonotonicInstant.zero + .milliseconds(252))
        let frame = try await sensor.readFrame()
        #expect(frame[0, 0] == -8)
        #expect(frame[7, 7] == 7.75)
        #expect(frame.thermistor == -5)
        bus.verify()
    }

    @Test("against the twin: a sub-zero street with one warm person, on plain I2C and SMBus-only", arguments: [true, false])
    func matchesTwin(plainI2C: Bool) async throws {
        let bench = SimulationBench(capabilities: plainI2C ? [.plainI2C, .smbusI2CBlock] : [.smbusI2CBlock])
        let scene = UniformThermalScene(background: -12.5, sensorTemperature: -3.0625, hotPixels: [[3, 4], [4, 4]], hotTemperature: 31.25)
        bench.bus.attach(AMG8833Twin(scene: scene), at: address)
        let sensor = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        let frame = try await sensor.readFrame()
        #expect(frame[3, 4] == 31.25)
        #expect(frame[4, 4] == 31.25)
        #expect(frame[0, 0] == -12.5)
        #expect(frame.pixels.filter { $0 == -12.5 }.count == 62)
        #expect(frame.thermistor == -3.0625)
        #expect(frame.time == bench.clock.now())
    }

    @Test("sample() returns only the thermistor temperature, never pixels")
    func sampleIsThermistorOnly() async throws {
        let bench = SimulationBench()
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 20, sensorTemperature: 24.5)), at: address)
        let sensor = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        let readings = try await sensor.sample()
        #expect(readings.count == 1)
        #expect(readings.first?.quantity == .temperature)
        #expect(readings.first?.value == 24.5)
    }

    @Test("a thermistor at exactly 0 °C is a value, not a reset chip")
    func zeroThermistor() async throws {
        let bench = SimulationBench()
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 2, sensorTemperature: 0)), at: address)
        let sensor = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        #expect(try await sensor.sample().value(.temperature) == 0)
    }

    @Test("under every fault readFrame throws, and reads again once it is cleared", arguments: readFailingFaults)
    func faultAndRecovery(fault: Fault) async throws {
        let bench = SimulationBench()
        bench.bus.attach(AMG8833Twin(scene: UniformThermalScene(background: 18, sensorTemperature: 22)), at: address)
        let sensor = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.setFault(fault, at: address)
        await #expect(throws: SensorError.self) { try await sensor.readFrame() }
        bench.bus.setFault(fault, false, at: address)
        bench.advance(by: .milliseconds(100))
        #expect(try await sensor.readFrame().pixels.allSatisfy { $0 == 18 })
    }

    @Test("after a brown-out the driver notices the empty frame and runs the power-on sequence again")
    func brownOut() async throws {
        let bench = SimulationBench()
        let twin = AMG8833Twin(scene: UniformThermalScene(background: 18, sensorTemperature: 22))
        bench.bus.attach(twin, at: address)
        let sensor = AMG8833(id: "footfall", bus: bench.bus, clock: bench.clock)
        try await sensor.start()
        bench.bus.powerCycle(at: address)
        await #expect(throws: SensorError.notReady) { try await sensor.readFrame() }
        #expect(try await sensor.readFrame().thermistor == 22)
        #expect(twin.isInitialised)
    }
}
