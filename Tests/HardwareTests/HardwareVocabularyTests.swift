import Hardware
import Synchronization
import Testing

@Suite("Hardware vocabulary")
struct HardwareVocabularyTests {
    @Test func addressesAreSevenBit() {
        let fromConfig: [Int] = [0x7F, 0x80, -1]
        #expect(fromConfig.map { I2CAddress($0)?.rawValue } == [0x7F, nil, nil])
        let address: I2CAddress = 0x69
        #expect(address.description == "0x69")
    }

    @Test func conveniencesSpellTheirWireSequence() throws {
        let bus = RecordingBus()
        let address: I2CAddress = 0x48
        try bus.write(address, [0x01, 0xC3, 0x83])
        _ = try bus.read(address, count: 2)
        _ = try bus.writeRead(address, [0x00], readCount: 2)
        #expect(bus.log == [
            [.write([0x01, 0xC3, 0x83])],
            [.read(count: 2)],
            [.write([0x00]), .read(count: 2)],
        ])
    }

    @Test func errorsKeepTheirCause() {
        let error = I2CError(.noAcknowledge(.address), address: 0x69, operation: "I2C_RDWR", errno: 6)
        #expect(error.description == "no acknowledge on address at 0x69 (I2C_RDWR, errno 6)")
    }

    @Test func monotonicArithmetic() {
        let t = MonotonicInstant(nanoseconds: 1_500_000_000)
        #expect(t.advanced(by: .milliseconds(500)).nanoseconds == 2_000_000_000)
        #expect(t.advanced(by: .seconds(-2)) == .zero)
        #expect(t.duration(to: .zero) == .milliseconds(-1500))
    }

    @Test("RFC 3339 round trip", arguments: [
        (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (1_764_187_800, "2025-11-26T20:10:00Z"), (-86_400, "1969-12-31T00:00:00Z"),
    ] as [(Int64, String)])
    func iso8601(seconds: Int64, text: String) {
        #expect(WallTime(secondsSinceEpoch: seconds).iso8601 == text)
        #expect(WallTime(iso8601: text) == WallTime(secondsSinceEpoch: seconds))
    }

    @Test func malformedTimestampsAreRejected() {
        #expect(WallTime(iso8601: "2026-13-01") == nil)
        #expect(WallTime(iso8601: "2026-01-01T25:00:00Z") == nil)
        #expect(WallTime(iso8601: "yesterday") == nil)
    }

    @Test func weekday() {
        #expect(WallTime(iso8601: "2026-11-28")?.weekday == 5)  // a Saturday
    }
}

/// Records the transactions the conveniences produce.
final class RecordingBus: I2CBus {
    let name = "recording"
    private let recorded = Mutex<[[I2COperation]]>([])
    var log: [[I2COperation]] { recorded.withLock { $0 } }
    func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        recorded.withLock { $0.append(operations) }
        return operations.compactMap { if case .read(let n) = $0 { Array(repeating: 0, count: n) } else { nil } }
    }
}
