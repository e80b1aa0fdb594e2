import Hardware
import Sensors
import Testing

@Suite("Sensirion CRC-8 and word framing")
struct SensirionCRCTests {
    @Test("datasheet and calculated vectors", arguments: [
        ([0xBE, 0xEF], 0x92), ([0x00, 0x00], 0x81), ([0x00, 0x01], 0xB0), ([0x03, 0x00], 0xAC),
        ([0x05, 0x00], 0xF6), ([0x66, 0x66], 0x93), ([0x80, 0x00], 0xA2),
    ] as [([UInt8], UInt8)])
    func vectors(bytes: [UInt8], crc: UInt8) {
        #expect(sensirionCRC8(bytes) == crc)
    }

    @Test func frameAndWordsRoundTrip() throws {
        let frame = sensirionFrame([0xBEEF, 0x0300])
        #expect(frame == [0xBE, 0xEF, 0x92, 0x03, 0x00, 0xAC])
        #expect(try sensirionWords(frame, what: "test") == [0xBEEF, 0x0300])
    }

    @Test func corruptedWordIsNamed() {
        #expect(throws: SensorError.crcMismatch(what: "test, word 1")) {
            try sensirionWords([0xBE, 0xEF, 0x92, 0x03, 0x00, 0xAD], what: "test")
        }
    }

    @Test func ragged() {
        #expect(throws: SensorError.self) { try sensirionWords([0xBE, 0xEF], what: "test") }
    }

    @Test func productTypeString() throws {
        let bytes: [UInt8] = [0x30, 0x30, 0xF6, 0x30, 0x38, 0x4F, 0x30, 0x30, 0xF6, 0x30, 0x30, 0xF6]
        #expect(sensirionString(try sensirionWords(bytes, what: "product")) == "00080000")
        #expect(sensirionFrame(sensirionStringWords("00080000", words: 4)) == bytes)
    }
}
