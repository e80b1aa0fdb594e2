import Testing

@testable import Agent

@Suite("parseDuration")
struct ConfigDurationTests {
    @Test(
        "accepted durations",
        arguments: [
            ("250ms", Duration.milliseconds(250)),
            ("1s", .seconds(1)),
            ("30ms", .milliseconds(30)),
            ("5m", .seconds(300)),
            ("1h", .seconds(3600)),
            ("7d", .seconds(604_800)),
            ("1d12h", .seconds(129_600)),
            ("24h", .seconds(86_400)),
            ("1h30m", .seconds(5400)),
            ("1m30s", .seconds(90)),
            ("2s500ms", .milliseconds(2500)),
            ("0s", .zero),
            ("007s", .seconds(7)),
        ])
    func accepted(text: String, expected: Duration) throws {
        #expect(try parseDuration(text) == expected)
    }

    @Test(
        "rejected durations",
        arguments: ["", "5", "s", "1.5s", "-1s", "+1s", " 1s", "1s ", "1 s", "1sec", "1w", "1h1d", "5M", "1H", "30m1h", "1s1s", "ms",
            "99999999999999999999h", "9223372036854775807ms"])
    func rejected(text: String) {
        #expect(throws: DurationParseError(text: text)) { try parseDuration(text) }
    }

    @Test("the error says what is accepted")
    func errorMessage() {
        #expect(
            DurationParseError(text: "5 minutes").description
                == "\"5 minutes\" is not a duration: write whole numbers with a unit ms, s, m, h or d, e.g. \"250ms\", \"1s\", \"5m\", \"24h\", \"7d\" or \"1h30m\""
        )
    }

    @Test("formatDuration does not trap on extreme durations")
    func extremes() {
        #expect(formatDuration(.seconds(Int64.max)) == "\(Int64.max / 3600)h")
        #expect(formatDuration(.milliseconds(-1500)) == "-1s500ms")
        #expect(formatDuration(.seconds(Int64.min)).hasPrefix("-"))
    }

    @Test(
        "formatDuration writes what parseDuration reads",
        arguments: [
            (Duration.milliseconds(250), "250ms"), (.seconds(1), "1s"), (.seconds(90), "1m30s"), (.seconds(3600), "1h"),
            (.seconds(86_400), "24h"), (.zero, "0s"), (.milliseconds(3_723_004), "1h2m3s4ms"),
        ])
    func formatting(duration: Duration, text: String) throws {
        #expect(formatDuration(duration) == text)
        #expect(try parseDuration(text) == duration)
    }
}
