import Testing
@testable import Journal

@Suite("CRC-32C")
struct CRC32CTests {
    @Test("check value of \"123456789\" is 0xE3069283 (CRC catalogue, CRC-32/ISCSI)")
    func checkValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test("32 bytes of zeros give the RFC 3720 vector 0x8A9136AA")
    func zeros() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    /// Slicing-by-8 must agree with the bit-at-a-time definition for every length and alignment.
    @Test("slicing-by-8 agrees with the bitwise definition", arguments: [0, 1, 7, 8, 9, 15, 16, 63, 200, 1001])
    func agreesWithBitwise(length: Int) {
        var random = SplitMix(seed: UInt64(length))
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        #expect(CRC32C.checksum(bytes) == ~crc)
        // Continuing over a split gives the same result.
        let split = length / 3
        #expect(CRC32C.update(CRC32C.checksum(bytes[..<split]), with: bytes[split...]) == ~crc)
    }
}
