import Agent
import Aggregation
import Hardware
import Journal
import Testing

@Suite("export as open data", .serialized)
struct JournalReportExportTests {
    @Test("CSV: header, aggregates and footfall; NaN is empty; health only when asked")
    func csv() async throws {
        let small = try await SmallJournal()
        defer { small.remove() }
        let records = try small.journal.records(from: 1)
        let header = "box,sensor,quantity,unit,window_start,window_seconds,mean,min,max,count,coverage_seconds,"
            + "quality,time_synchronized,sequence,kind,direction,privacy,message\n"
        #expect(OpenDataExport(boxID: "hd-1").csv(records) == header + """
            hd-1,pm,pm2_5,ug/m3,2026-06-01T00:00:00Z,60,12.5,11.0,14.25,60,60.0,ok,true,1,aggregate,,,
            hd-1,air,relative_humidity,%RH,2026-06-01T00:01:00Z,60,81.5,80.0,,59,59.5,high_humidity|degraded,false,2,aggregate,,,
            hd-1,door,footfall,count,2026-06-01T00:00:00Z,900,,,,,900.0,,true,3,footfall,in,suppress:minimum_count=5,

            """)
        let withHealth = OpenDataExport(boxID: "hd-1", includeHealth: true).csv(records)
        #expect(withHealth.hasSuffix(#"""
            hd-1,soil,sensor.failed,,2026-06-01T00:16:00Z,,,,,,,warning,true,4,health,,,"no ack, ""twice"""
            hd-1,,gap,,2026-06-01T00:17:00Z,,,,,,,,true,5,gap,,,sequences 100...120 lost: retention: size limit

            """#))
    }

    @Test("CSV fields with commas, quotes and line breaks are quoted", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
    ])
    func csvQuoting(box: String, expected: String) {
        let record = JournalRecord(sequence: 9, time: SmallJournal.time(minute: 1), payload: SmallJournal.pm)
        let row = OpenDataExport(boxID: box).csv([record]).split(separator: "\n", maxSplits: 1)[1]
        #expect(row.hasPrefix(expected + ",pm,pm2_5,"))
    }

    @Test("JSON: one object a line, keys in the CSV's order, suppressed count and NaN as null")
    func json() async throws {
        let small = try await SmallJournal()
        defer { small.remove() }
        let records = try small.journal.records(from: 1, limit: 3)
        #expect(OpenDataExport(boxID: "hd-1").json(records) == """
            [
            {"box":"hd-1","sensor":"pm","quantity":"pm2_5","unit":"ug/m3","window_start":"2026-06-01T00:00:00Z","window_seconds":60,"mean":12.5,"min":11.0,"max":14.25,"count":60,"coverage_seconds":60.0,"quality":"ok","time_synchronized":true,"sequence":1,"kind":"aggregate"},
            {"box":"hd-1","sensor":"air","quantity":"relative_humidity","unit":"%RH","window_start":"2026-06-01T00:01:00Z","window_seconds":60,"mean":81.5,"min":80.0,"max":null,"count":59,"coverage_seconds":59.5,"quality":"high_humidity|degraded","time_synchronized":false,"sequence":2,"kind":"aggregate"},
            {"box":"hd-1","sensor":"door","quantity":"footfall","unit":"count","window_start":"2026-06-01T00:00:00Z","window_seconds":900,"count":null,"coverage_seconds":900.0,"time_synchronized":true,"sequence":3,"kind":"footfall","direction":"in","privacy":"suppress:minimum_count=5"}
            ]

            """)
        #expect(OpenDataExport(boxID: "hd-1").json([]) == "[]\n")
    }

    @Test("JSON strings escape quotes, backslashes and control characters, and keep UTF-8", arguments: [
        ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), (#"C:\box"#, #""C:\\box""#),
        ("a\nb\tc\r", #""a\nb\tc\r""#), ("bell\u{07}", #""bell\u0007""#), ("Straße °C", "\"Straße °C\""),
    ])
    func jsonEscaping(text: String, expected: String) {
        #expect(JSONValue.string(text).compact == expected)
    }

    @Test("--since and --until: durations count back from now, UTC times are taken as they are")
    func window() throws {
        let now = june1 + .seconds(86_400)
        #expect(try ExportWindow(since: "24h", until: nil, now: now) == ExportWindow(since: june1))
        let window = try ExportWindow(since: "2026-06-01T08:00:00Z", until: "2026-06-01T09:00:00Z", now: now)
        #expect(window.contains(june1 + .seconds(8 * 3600)) && window.contains(june1 + .seconds(9 * 3600)))
        #expect(!window.contains(june1 + .seconds(9 * 3600 + 1)))
        #expect(throws: ExportWindowError.self) { try ExportWindow(since: "yesterday", until: nil, now: now) }
        #expect(throws: ExportWindowError.self) { try ExportWindow(since: "1h", until: "2h", now: now) }
    }
}
