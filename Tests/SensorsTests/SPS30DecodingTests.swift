import Hardware
import Sensors
import Testing

@Suite("SPS30 decoding")
struct SPS30DecodingTests {
    /// docs/sensors.md: a 60-byte answer for these ten values [calc]. The doc prints a stray 61st
    /// byte (`60`) after the last CRC; recomputing the frame from the values confirms 60 bytes.
    static let answer: [UInt8] = [
        0x3F, 0x87, 0x47, 0xE1, 0x33, 0x95, 0x3F, 0x8E, 0xCF, 0x47, 0xED, 0x2B, 0x3F, 0x90, 0x93, 0x3D,
        0x9B, 0xA0, 0x3F, 0x90, 0x93, 0xDC, 0x33, 0x67, 0x41, 0x01, 0xCD, 0xD9, 0x8A, 0x27, 0x41, 0x13,
        0xEC, 0x1B, 0x28, 0xCA, 0x41, 0x13, 0xEC, 0xC7, 0x6F, 0x10, 0x41, 0x13, 0xEC, 0xD4, 0x80, 0xBC,
        0x41, 0x13, 0xEC, 0xD7, 0xC7, 0x3B, 0x3F, 0x1A, 0x32, 0x05, 0x47, 0x5C,
    ]
    static let values: [Float] = [1.06156, 1.11157, 1.12688, 1.13172, 8.11561, 9.19413, 9.23619, 9.23938, 9.24018, 0.601643]

    @Test func datasheetFrameDecodes() throws {
        #expect(Self.answer.count == 60)
        let measurement = try SPS30Measurement.decode(float: Self.answer)
        for (decoded, expected) in zip(measurement.values, Self.values) {
            #expect(abs(decoded - expected) <= expected.ulp * 4)
        }
        #expect(measurement.massPM2_5 > 1.11 && measurement.massPM2_5 < 1.12)
    }

    @Test func everyCorruptedCRCIsCaught() {
        for word in 0..<20 {
            var bytes = Self.answer
            bytes[word * 3 + 2] ^= 0x40
            #expect(throws: SensorError.crcMismatch(what: "measured values, word \(word)")) {
                try SPS30Measurement.decode(float: bytes)
            }
        }
    }

    @Test func shortAnswerIsRejected() {
        #expect(throws: SensorError.self) { try SPS30Measurement.decode(float: Array(Self.answer.prefix(30))) }
    }

    @Test func uint16ModeConvertsTypicalSizeToMicrometres() throws {
        let words: [UInt16] = [1, 2, 3, 4, 10, 11, 12, 13, 14, 600]
        let measurement = try SPS30Measurement.decode(uint16: sensirionFrame(words))
        #expect(measurement.massPM10 == 4)
        #expect(measurement.typicalParticleSize == 0.6)
    }

    @Test("warm-up period by number concentration (datasheet §4.5)", arguments: [
        (250.0, 8), (150.0, 16), (60.0, 30), (10.0, 30),
    ] as [(Float, Int64)])
    func warmUp(numberPM0_5: Float, seconds: Int64) {
        var values = Array(repeating: Float(1), count: 10)
        values[4] = numberPM0_5
        #expect(SPS30Measurement(values: values).warmUpDuration == .seconds(seconds))
    }

    @Test func worked_frames() {
        #expect(SPS30Command.startMeasurement.bytes + sensirionFrame([SPS30OutputFormat.float.rawValue]) == [0x00, 0x10, 0x03, 0x00, 0xAC])
        #expect(SPS30Command.startMeasurement.bytes + sensirionFrame([SPS30OutputFormat.uint16.rawValue]) == [0x00, 0x10, 0x05, 0x00, 0xF6])
        #expect(sensirionFrame([0x0020, 0x0000]) == [0x00, 0x20, 0x07, 0x00, 0x00, 0x81])  // status bit 21
        #expect(sensirionFrame([0x0000, 0x0010]) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2])  // status bit 4
        #expect(SPS30Status(rawValue: 0x0020_0000) == .fanSpeedWarning)
        #expect(SPS30Command.autoCleaningInterval.bytes + sensirionFrame([0x0009, 0x3A80]) == [0x80, 0x04, 0x00, 0x09, 0x09, 0x3A, 0x80, 0xA7])
    }
}
