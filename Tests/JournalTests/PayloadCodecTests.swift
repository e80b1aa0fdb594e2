import Testing
import Hardware
@testable import Journal

@Suite("Payload encoding")
struct PayloadCodecTests {
    @Test("every payload kind round-trips with all its fields", arguments: Fixtures.allKinds)
    func roundTrip(payload: JournalPayload) throws {
        let time = Fixtures.time(12, synchronized: false)
        let decoded = try PayloadCodec.decode(PayloadCodec.encode(payload, time: time))
        #expect(decoded.payload == payload)
        #expect(decoded.time == time)
    }

    @Test("NaN survives bit for bit")
    func nan() throws {
        guard case .aggregate(var aggregate) = Fixtures.aggregate(1) else { return }
        aggregate.mean = .nan
        let decoded = try PayloadCodec.decode(PayloadCodec.encode(.aggregate(aggregate), time: Fixtures.time(0)))
        guard case .aggregate(let back) = decoded.payload else {
            Issue.record("not an aggregate")
            return
        }
        #expect(back.mean.bitPattern == Double.nan.bitPattern)
    }

    @Test("the format is little-endian and starts with version 1 and the monotonic time")
    func layout() {
        let bytes = PayloadCodec.encode(Fixtures.gap, time: Fixtures.time(0))
        #expect(bytes[0] == 1)
        #expect(Array(bytes[1...8]) == [17, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("an unknown version, a cut payload and trailing bytes are rejected, not trapped on")
    func rejects() {
        let bytes = PayloadCodec.encode(Fixtures.health, time: Fixtures.time(3))
        var future = bytes
        future[0] = 2
        #expect(throws: DecodeError.self) { try PayloadCodec.decode(future) }
        for cut in [0, 1, 9, bytes.count / 2, bytes.count - 1] {
            #expect(throws: DecodeError.self) { try PayloadCodec.decode(Array(bytes.prefix(cut))) }
        }
        #expect(throws: DecodeError.self) { try PayloadCodec.decode(bytes + [0]) }
    }
}
