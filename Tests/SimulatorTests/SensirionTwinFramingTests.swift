import Hardware
import Testing
@testable import Simulator

@Suite("Sensirion words of the twins")
struct SensirionTwinFramingTests {
    @Test("0x7FFF stays the SEN5x unknown sentinel: real values saturate below it")
    func saturation() {
        #expect(SensirionTwinFraming.word(40_000, signed: true) == 0x7FFE)
        #expect(SensirionTwinFraming.word(-5, signed: true) == 0xFFFB)
        #expect(SensirionTwinFraming.word(70_000, signed: false) == 0xFFFE)
        #expect(SensirionTwinFraming.word(-3, signed: false) == 0)
    }

    @Test("a command pointer needs two bytes")
    func command() {
        #expect(SensirionTwinFraming.command([0x03, 0xC4]) == 0x03C4)
        #expect(SensirionTwinFraming.command([0x03]) == nil)
    }
}
