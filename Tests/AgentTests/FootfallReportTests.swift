import Agent
import Hardware
import Simulator
import Testing

/// What `simulate --report` prints: the heading, the window statistics, where it starts.
@Suite("Footfall: the evaluation report")
struct FootfallReportTests {
    /// Half an hour of the quiet Sunday from 08:00 local: no window has 20 true crossings.
    static let quietHalfHour = FootfallEvaluation.run(.init(
        scenario: .quietSunday, duration: .seconds(1800), startOffset: .seconds(8 * 3600), windowSeconds: 3600))

    @Test("the window statistics are headed with the real window length")
    func headingSaysTheWindowLength() {
        let text = Self.quietHalfHour.text
        #expect(text.contains("\n60-min windows, counted"), "\(text)")
        #expect(!text.contains("15-min"))
        #expect(text.hasPrefix("Scenario quiet-sunday, 0h30 from 08:00\nseed 1, "))
    }

    @Test("a span that is not whole minutes is shown with its seconds")
    func headingShowsSeconds() {
        let result = FootfallEvaluation.run(.init(scenario: .quietSunday, duration: .seconds(90)))
        #expect(result.text.hasPrefix("Scenario quiet-sunday, 0h01m30s from 00:00\n"), "\(result.text)")
    }

    @Test("window statistics over no compared window are '-' and null, not a perfect 0 %")
    func nothingComparedIsNotZero() throws {
        let result = Self.quietHalfHour
        let direction = try #require(result.directions.first)
        #expect(result.windowErrors(direction).windowsCompared == 0)
        let row = try #require(result.text.split(separator: "\n").first {
            $0.hasPrefix(direction + " ") && $0.hasSuffix(" 0")
        })
        #expect(row.split(separator: " ").filter { $0 == "-" }.count == 3, "\(row)")
        #expect(result.json.contains(
            "\"share_within_5_percent\":null,\"median_absolute_error\":null,\"p90_absolute_error\":null,\"windows_compared\":0"))
        #expect(!result.json.contains("\"share_within_5_percent\":0.0"))
    }

    @Test("the weighted error is '-' and null without true crossings")
    func noTruthNoWeightedError() throws {
        // 03:00–03:05 of the quiet Sunday: nobody about.
        let result = FootfallEvaluation.run(.init(
            scenario: .quietSunday, duration: .seconds(300), startOffset: .seconds(3 * 3600)))
        for direction in result.directions {
            #expect(result.total(direction).truth == 0)
            #expect(result.json.contains("\"\(direction)\":{\"weighted_absolute_error\":null,"))
            let row = try #require(result.text.split(separator: "\n").first { $0.hasPrefix(direction + " ") && $0.hasSuffix(" 0") })
            #expect(row.split(separator: " ").filter { $0 == "-" }.count == 4, "\(row)")
        }
    }

    @Test("--start: a UTC time in the scenario's first week, counted from its first local midnight")
    func startOffsets() {
        let scenario = StreetScenario.quietSunday  // local midnight 2026-05-16T22:00:00Z
        let offset = { (text: String) in FootfallEvaluation.startOffset(of: WallTime(iso8601: text)!, in: scenario) }
        #expect(offset("2026-05-16T22:00:00Z") == .zero)
        #expect(offset("2026-05-17T06:00:00Z") == .seconds(8 * 3600))
        #expect(offset("2026-05-18T06:00:00Z") == .seconds(32 * 3600))
        #expect(offset("2026-05-16T21:59:59Z") == nil)
        #expect(offset("2026-05-23T22:00:00Z") == nil)
    }
}
