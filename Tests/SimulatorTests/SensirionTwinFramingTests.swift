import Testing
@testable import Simulator

@Suite("Sensirion framing of the twins")
struct SensirionTwinFramingTests {
    @Test("datasheet and docs/sensors.md CRC vectors", arguments: [
        (UInt16(0xBEEF), UInt8(0x92)), (0x0000, 0x81), (0x0001, 0xB0), (0x0300, 0xAC), (0x0500, 0xF6), (0x6666, 0x93), (0x8000, 0xA2),
    ])
    func crcVectors(word: UInt16, crc: UInt8) {
        #expect(SensirionTwinFraming.crc(UInt8(word >> 8), UInt8(word & 0xFF)) == crc)
    }

    @Test("SPS30 product type frame from docs/sensors.md")
    func productTypeFrame() {
        let words = SensirionTwinFraming.stringWords("00080000", words: 4)
        #expect(SensirionTwinFraming.frame(words).prefix(12) == [0x30, 0x30, 0xF6, 0x30, 0x38, 0x4F, 0x30, 0x30, 0xF6, 0x30, 0x30, 0xF6])
    }

    @Test("strings are NUL-terminated and padded")
    func strings() {
        #expect(SensirionTwinFraming.stringWords("SEN55", words: 4) == [0x5345, 0x4E35, 0x3500, 0x0000])
    }

    @Test("0x7FFF stays the unknown sentinel: real values saturate below it")
    func saturation() {
        #expect(SensirionTwinFraming.word(40_000, signed: true) == 0x7FFE)
        #expect(SensirionTwinFraming.word(-5, signed: true) == 0xFFFB)
        #expect(SensirionTwinFraming.word(70_000, signed: false) == 0xFFFE)
    }
}
