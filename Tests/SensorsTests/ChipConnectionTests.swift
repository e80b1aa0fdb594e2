import Hardware
import Simulator
import Testing
@testable import Sensors

@Suite("ChipConnection")
struct ChipConnectionTests {
    @Test("a bus that returns fewer bytes than asked is reported, not indexed past")
    func shortAnswer() async {
        let bus = ScriptedBus()
        let address = I2CAddress(0x44 as UInt8)
        bus.expectWrite(address, [0xFD])
        bus.expect(address, [.read(count: 6)], replies: [[0x66, 0x66]])
        let sensor = SHT4x(id: "air", bus: bus, clock: VirtualClock(start: WallTime(secondsSinceEpoch: 0)))
        await #expect(throws: SensorError.implausible("0x44: 2 bytes read, 6 asked")) { try await sensor.sample() }
        bus.verify()
    }
}
