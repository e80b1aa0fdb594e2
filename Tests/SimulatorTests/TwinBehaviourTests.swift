import Hardware
import Testing
@testable import Simulator

/// Byte-level behaviour of the twins as docs/sensors.md describes it, driven by raw transfers
/// (no driver involved).
@Suite("Twin behaviour")
struct TwinBehaviourTests {
    let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 0))
    var bus: SimulatedI2CBus { SimulatedI2CBus(name: "sim", clock: clock) }

    func later(_ milliseconds: Int) { clock.advance(by: .milliseconds(milliseconds)) }

    @Test("SHT4x: 25 °C / 56.5 %RH answers the docs/sensors.md frame 66 66 93 80 00 A2")
    func sht4xFrame() throws {
        let bus = bus
        let address = I2CAddress(0x44 as UInt8)
        bus.attach(SHT4xTwin(weather: .constant(temperature: 25.0002, humidity: 56.5009)), at: address)
        later(5)
        try bus.write(address, [0xFD])
        later(10)
        #expect(try bus.read(address, count: 6) == [0x66, 0x66, 0x93, 0x80, 0x00, 0xA2])
        #expect(throws: I2CError.self) { try bus.write(address, [0x33]) }  // not a command
    }

    @Test("SEN5x: idle after power-on, NACKs read-values while idle, busy during a command")
    func sen5xModes() throws {
        let bus = bus
        let address = I2CAddress(0x69 as UInt8)
        let twin = SEN5xTwin(air: .constant(pm2_5: 10), weather: .constant(temperature: 20, humidity: 50))
        bus.attach(twin, at: address)
        later(200)
        #expect(!twin.isMeasuring)
        #expect(throws: I2CError(.noAcknowledge(.data), address: address, operation: "write on sim")) { try bus.write(address, [0x03, 0xC4]) }
        try bus.write(address, [0x00, 0x21])
        #expect(throws: I2CError.self) { try bus.write(address, [0x02, 0x02]) }  // 50 ms execution time
        later(1000)
        try bus.write(address, [0x02, 0x02])
        later(20)
        #expect(try bus.read(address, count: 3) == [0x00, 0x01, 0xB0])
        try bus.write(address, [0x03, 0xC4])
        later(20)
        let values = try bus.read(address, count: 24)
        #expect(Array(values[3..<5]) == [0x00, 0x64])  // PM2.5 10.0 µg/m³
        #expect(Array(values[21..<23]) == [0x7F, 0xFF])  // NOx unknown in the first 10 s
        try bus.write(address, [0x02, 0x02])
        later(20)
        #expect(try bus.read(address, count: 3) == [0x00, 0x00, 0x81])  // cleared by the read
        bus.powerCycle(at: address)
        #expect(!twin.isMeasuring)
    }

    @Test("PMSA003I: zeros, then garbage, then valid frames after power-up")
    func pmsa003iStartUp() throws {
        let bus = bus
        let address = I2CAddress(0x12 as UInt8)
        bus.attach(PMSA003ITwin(air: .constant(pm2_5: 8)), at: address)
        #expect(try bus.read(address, count: 32) == Array(repeating: 0, count: 32))
        later(2000)
        #expect(try bus.read(address, count: 32).prefix(2) != [0x42, 0x4D])
        later(2000)
        let frame = try bus.read(address, count: 32)
        #expect(frame.prefix(4) == [0x42, 0x4D, 0x00, 0x1C])
        #expect(Array(frame[12..<14]) == [0x00, 0x08])
        let sum = frame.prefix(30).reduce(UInt16(0)) { $0 &+ UInt16($1) }
        #expect(Array(frame[30...]) == [UInt8(sum >> 8), UInt8(sum & 0xFF)])
        #expect(try bus.writeRead(address, [0x00], readCount: 32) == frame)
    }

    @Test("seesaw: 0xFF before 5 ms, the value after; deaf for 500 ms after a software reset")
    func seesawTiming() throws {
        let bus = bus
        let address = I2CAddress(0x36 as UInt8)
        bus.attach(SeesawSoilTwin(soil: .constant(25), weather: .constant(temperature: 25, humidity: 50)), at: address)
        later(600)
        try bus.write(address, [0x0F, 0x10])
        later(4)
        #expect(try bus.read(address, count: 2) == [0xFF, 0xFF])
        later(1)
        #expect(try bus.read(address, count: 2) == [0x04, 0x4C])  // 1100 counts at half saturation
        try bus.write(address, [0x00, 0x04])
        later(5)
        #expect(try bus.read(address, count: 4) == [0x00, 0x19, 0x00, 0x00])
        try bus.write(address, [0x00, 0x7F, 0xFF])
        later(499)
        #expect(throws: I2CError.self) { try bus.write(address, [0x00, 0x01]) }
        later(1)
        try bus.write(address, [0x00, 0x01])
    }

    @Test("ADS1115: reset config 0x8583; OS reads 0 for 1/SPS after a single-shot start; conversion of the input")
    func ads1115Conversion() throws {
        let bus = bus
        let address = I2CAddress(0x48 as UInt8)
        bus.attach(ADS1115Twin(inputs: [0: { _ in 2.048 }, 2: { _ in -0.5 }]), at: address)
        #expect(try bus.writeRead(address, [0x01], readCount: 2) == [0x85, 0x83])
        try bus.write(address, [0x01, 0xC3, 0x83])
        #expect(try bus.writeRead(address, [0x01], readCount: 2) == [0x43, 0x83])
        clock.advance(by: .microseconds(7813))
        #expect(try bus.writeRead(address, [0x01], readCount: 2) == [0xC3, 0x83])
        #expect(try bus.writeRead(address, [0x00], readCount: 2) == [0x40, 0x00])
        // AIN2 single-ended at ±2.048 V, 860 SPS: −0.5 V = −8000 LSB.
        try bus.write(address, [0x01, 0xE5, 0xE3])
        clock.advance(by: .microseconds(1163))
        #expect(try bus.writeRead(address, [0x00], readCount: 2) == [0xE0, 0xC0])
    }

    @Test("AMG8833: output registers stay 0 until the power-on sequence; then sign conventions per register")
    func amg8833Registers() throws {
        let bus = bus
        let address = I2CAddress(0x68 as UInt8)
        let twin = AMG8833Twin(scene: UniformThermalScene(background: -0.25, sensorTemperature: -5))
        bus.attach(twin, at: address)
        #expect(try bus.writeRead(address, [0x80], readCount: 4) == [0, 0, 0, 0])
        try bus.write(address, [0x01, 0x3F])
        later(200)
        #expect(try bus.writeRead(address, [0x80], readCount: 4) == [0xFF, 0x0F, 0xFF, 0x0F])
        #expect(try bus.writeRead(address, [0x0E], readCount: 2) == [0x50, 0x08])
        let all = try bus.writeRead(address, [0x80], readCount: 128)
        #expect(all.count == 128 && all.allSatisfy { $0 == 0xFF || $0 == 0x0F })
        bus.powerCycle(at: address)
        #expect(!twin.isInitialised)
    }

    @Test("every twin stops answering when unplugged and answers again when plugged back")
    func unplugged() throws {
        let bus = bus
        let address = I2CAddress(0x48 as UInt8)
        bus.attach(ADS1115Twin(inputs: [:]), at: address)
        bus.setFault(.unplugged, at: address)
        #expect(throws: I2CError(.noAcknowledge(.address), address: address, operation: "transfer on sim")) {
            try bus.writeRead(address, [0x01], readCount: 2)
        }
        bus.clearFaults(at: address)
        #expect(try bus.writeRead(address, [0x01], readCount: 2) == [0x85, 0x83])
    }
}
