import Hardware
import Simulator
import Testing

/// The SPS30 twin answers byte-exactly as the datasheet table says.
@Suite("SPS30 twin")
struct SPS30TwinTests {
    let address: I2CAddress = 0x69
    let clock = VirtualClock(start: WallTime(iso8601: "2026-06-01T08:00:00Z")!)
    let bus: SimulatedI2CBus
    let twin: SPS30Twin

    init() {
        bus = SimulatedI2CBus(name: "sim", clock: clock)
        twin = SPS30Twin(air: UrbanAirScenario(seed: 7), clock: clock, serialNumber: "SIM0001")
        bus.attach(twin, at: address)
    }

    func read(_ pointer: [UInt8], _ count: Int) throws -> [UInt8] {
        try bus.write(address, pointer)
        return try bus.read(address, count: count)
    }

    @Test func identityAnswers() throws {
        #expect(try read([0xD0, 0x02], 12) == [0x30, 0x30, 0xF6, 0x30, 0x38, 0x4F, 0x30, 0x30, 0xF6, 0x30, 0x30, 0xF6])
        #expect(try read([0xD1, 0x00], 3) == [0x02, 0x02, sensirionCRC8([0x02, 0x02])])
        let serial = try read([0xD0, 0x33], 48)
        #expect(serial.prefix(6) == [0x53, 0x49, sensirionCRC8([0x53, 0x49]), 0x4D, 0x30, sensirionCRC8([0x4D, 0x30])])
    }

    @Test func dataReadyOnceASecondWhileMeasuring() throws {
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])  // idle: never ready
        try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAC])
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])
        clock.advance(by: .seconds(1))
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x01, 0xB0])
        let values = try read([0x03, 0x00], 60)
        #expect(values.count == 60)
        for word in 0..<20 {
            #expect(sensirionCRC8(values[word * 3..<word * 3 + 2]) == values[word * 3 + 2])
        }
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])  // reading cleared the flag
        clock.advance(by: .milliseconds(999))
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])  // the next value is due at 2 s
        clock.advance(by: .milliseconds(1))
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x01, 0xB0])
    }

    @Test func startWithBadCRCIsNacked() {
        #expect(throws: I2CError(.noAcknowledge(.data), address: address, operation: "write on sim")) {
            try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAD])
        }
        #expect(twin.mode == .idle)
    }

    @Test func unknownPointerReadsAsFF() throws {
        #expect(try read([0x03, 0x20], 6) == Array(repeating: 0xFF, count: 6))
    }

    @Test func sleepNacksTheFirstWakeUp() throws {
        try bus.write(address, [0x10, 0x01])
        #expect(twin.mode == .sleep)
        #expect(throws: I2CError.self) { try bus.write(address, [0x11, 0x03]) }  // first: NACKed by design
        try bus.write(address, [0x11, 0x03])                                       // second: executed
        #expect(twin.mode == .idle)
    }

    @Test func sleepOnlyFromIdle() throws {
        try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAC])
        #expect(throws: I2CError.self) { try bus.write(address, [0x10, 0x01]) }
    }

    @Test func fanCleaningFreezesValuesForTenSeconds() throws {
        try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAC])
        clock.advance(by: .seconds(20))
        let before = try read([0x03, 0x00], 60)
        try bus.write(address, [0x56, 0x07])
        for _ in 0..<9 {
            clock.advance(by: .seconds(1))
            #expect(try read([0x03, 0x00], 60) == before)
        }
        clock.advance(by: .seconds(2))
        #expect(try read([0x03, 0x00], 60) != before)
    }

    @Test func statusRegisterBitsAndClear() throws {
        twin.setStatusBits(1 << 21)
        #expect(try read([0xD2, 0x06], 6) == [0x00, 0x20, 0x07, 0x00, 0x00, 0x81])
        twin.setStatusBits(1 << 21, false)
        #expect(try read([0xD2, 0x06], 6) == sensirionFrame([0, 0]))  // fan speed warning clears itself
        twin.setStatusBits(1 << 4)
        #expect(try read([0xD2, 0x06], 6) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2])
        twin.setStatusBits(1 << 4, false)
        #expect(try read([0xD2, 0x06], 6) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2])  // fan failure stays latched
        try bus.write(address, [0xD2, 0x10])
        #expect(try read([0xD2, 0x06], 6) == sensirionFrame([0, 0]))
    }

    @Test func resetNacksWhileExecutingThenIdle() throws {
        try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAC])
        try bus.write(address, [0xD3, 0x04])
        #expect(throws: I2CError.self) { try bus.write(address, [0x02, 0x02]) }
        clock.advance(by: .milliseconds(100))
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])
        #expect(twin.mode == .idle)
    }

    @Test func autoCleaningIntervalRoundTrip() throws {
        #expect(try read([0x80, 0x04], 6) == [0x00, 0x09, 0x09, 0x3A, 0x80, 0xA7])
        try bus.write(address, [0x80, 0x04] + sensirionFrame([0, 3600]))
        #expect(try read([0x80, 0x04], 6) == sensirionFrame([0, 3600]))
    }

    @Test func powerCycleStopsMeasurement() throws {
        try bus.write(address, [0x00, 0x10, 0x03, 0x00, 0xAC])
        bus.powerCycle(at: address)
        clock.advance(by: .seconds(2))
        #expect(twin.mode == .idle)
        #expect(try read([0x02, 0x02], 3) == [0x00, 0x00, 0x81])
    }

    @Test func injectedFaults() throws {
        bus.setFault(.unplugged, at: address)
        #expect(throws: I2CError(.noAcknowledge(.address), address: address, operation: "transfer on sim")) {
            try bus.read(address, count: 3)
        }
        bus.clearFaults(at: address)
        bus.setFault(.crcCorruption, at: address)
        let corrupted = try read([0xD1, 0x00], 3)
        #expect(sensirionCRC8(corrupted[0..<2]) != corrupted[2])
        bus.clearFaults(at: address)
        bus.setFault(.busTimeout, at: address)
        #expect(throws: I2CError.self) { try bus.read(address, count: 3) }
        bus.clearFaults(at: address)
        bus.setFault(.shortRead, at: address)
        #expect(try read([0xD0, 0x02], 12).suffix(6) == Array(repeating: 0xFF, count: 6))
    }

    @Test func smbusOnlyAdapterRefusesLongReads() {
        let smbus = SimulatedI2CBus(name: "stub", clock: clock, capabilities: [.smbusI2CBlock])
        smbus.attach(SPS30Twin(air: UrbanAirScenario(seed: 1), clock: clock), at: address)
        #expect(throws: I2CError.self) { try smbus.read(address, count: 60) }
    }

    @Test func airIsAPureFunctionOfSeedAndTime() {
        let a = UrbanAirScenario(seed: 3), b = UrbanAirScenario(seed: 3), c = UrbanAirScenario(seed: 4)
        let noon = WallTime(iso8601: "2026-06-01T12:00:00Z")!
        #expect(a.sample(at: noon) == b.sample(at: noon))
        #expect(a.sample(at: noon) != c.sample(at: noon))
        let day = (0..<24).map { a.sample(at: noon + .seconds($0 * 3600)).mass.pm2_5 }
        #expect(day.allSatisfy { $0 > 0 && $0 < 200 })
    }
}
