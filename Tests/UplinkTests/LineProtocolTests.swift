import Aggregation
import Hardware
import Journal
import Sensors
import Testing
import Uplink

@Suite("InfluxDB line protocol uplink")
struct LineProtocolTests {
    let time = RecordTime(monotonic: .zero, bootID: "b", wall: WallTime(secondsSinceEpoch: 1_780_272_060), wallSynchronized: true)

    func aggregate(sensor: String = "pm") -> Aggregate {
        Aggregate(
            sensor: sensor, quantity: .massConcentrationPM2_5, unit: .microgramsPerCubicMetre,
            windowStart: WallTime(secondsSinceEpoch: 1_780_272_000), windowSeconds: 60, mean: 12.5, minimum: 11,
            maximum: 14.25, count: 60, coverageSeconds: 60, quality: [.warmUp, .highHumidity])
    }

    @Test func aggregateLine() {
        let line = LineProtocolEncoder(boxID: "hd-1").encode(JournalRecord(sequence: 42, time: time, payload: .aggregate(aggregate())))
        #expect(line == #"pm2_5,box=hd-1,sensor=pm,unit=ug/m3,window=60s mean=12.5,min=11.0,max=14.25,count=60i,coverage=60.0,flags=5i,quality="warm_up|high_humidity",seq=42i 1780272000"#)
    }

    @Test func tagsAreEscaped() {
        let line = LineProtocolEncoder(boxID: "box 1,a=b").encode(JournalRecord(sequence: 1, time: time, payload: .aggregate(aggregate(sensor: "soil north"))))
        #expect(line.hasPrefix(#"pm2_5,box=box\ 1\,a\=b,sensor=soil\ north,"#))
    }

    @Test func footfallNeverCarriesTheExactCountWhenSuppressed() {
        let release = FootfallRelease(
            counter: "door", direction: "in", windowStart: WallTime(secondsSinceEpoch: 1_780_272_000), windowSeconds: 900,
            count: nil, mechanism: .suppression(minimumCount: 5), coverageSeconds: 900)
        let line = LineProtocolEncoder(boxID: "b").encode(JournalRecord(sequence: 3, time: time, payload: .footfall(release)))
        #expect(line == #"footfall,box=b,sensor=door,direction=in,window=900s suppressed=true,privacy="suppress",minimum_count=5i,coverage=900.0,seq=3i 1780272000"#)
    }

    @Test func healthAndGapLines() {
        let encoder = LineProtocolEncoder(boxID: "b")
        let health = encoder.encode(JournalRecord(sequence: 7, time: time, payload: .health(
            HealthEvent(sensor: "pm", severity: .warning, kind: "sensor.failed", message: #"read "failed""#))))
        #expect(health == #"sensorbox_health,box=b,sensor=pm,kind=sensor.failed,severity=warning message="read \"failed\"",seq=7i 1780272060"#)
        let gap = encoder.encode(JournalRecord(sequence: 8, time: time, payload: .gap(Gap(firstSequence: 1, lastSequence: 5, reason: "retention"))))
        #expect(gap == "sensorbox_gap,box=b,reason=retention first_seq=1i,last_seq=5i,seq=8i 1780272060")
    }

    @Test func forwarderAcknowledgesOnlyWhatWasDelivered() async throws {
        let journal = MemoryJournal(cursors: ["stdout"])
        _ = try await journal.append(Array(repeating: .aggregate(aggregate()), count: 7), time: time)
        let sink = RecordingSink()
        let uplink = LineProtocolUplink(boxID: "b", sink: sink)
        #expect(try await UplinkForwarder(uplink: uplink, batchSize: 3).forward(from: journal) == 7)
        #expect(sink.lines.count == 7)
        #expect(try journal.acknowledgedSequence(cursor: "stdout") == 7)

        sink.failing = true
        _ = try await journal.append([.aggregate(aggregate())], time: time)
        await #expect(throws: (any Error).self) { try await UplinkForwarder(uplink: uplink).forward(from: journal) }
        #expect(try journal.acknowledgedSequence(cursor: "stdout") == 7)  // not delivered: not acknowledged
    }
}

final class RecordingSink: LineSink {
    var lines: [String] = []
    var failing = false
    struct Closed: Error {}
    func write(lines: [String]) throws {
        if failing { throw Closed() }
        self.lines += lines
    }
}
