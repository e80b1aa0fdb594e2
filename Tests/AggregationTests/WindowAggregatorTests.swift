import Aggregation
import Hardware
import Sensors
import Testing

@Suite("Window aggregation")
struct WindowAggregatorTests {
    let base = WallTime(iso8601: "2026-06-01T08:00:00Z")!

    func reading(_ value: Double, _ flags: QualityFlags = [], quantity: Quantity = .massConcentrationPM2_5) -> Reading {
        Reading(sensor: "pm", quantity: quantity, value: value, unit: .microgramsPerCubicMetre, time: .zero, quality: flags)
    }

    func at(_ seconds: Int64, synchronized: Bool = true) -> WallClockReading {
        WallClockReading(time: base + .seconds(seconds), isSynchronized: synchronized)
    }

    @Test func windowsAreAlignedToTheClock() {
        #expect(WindowAggregator.windowStart(containing: WallTime(iso8601: "2026-06-01T08:14:59Z")!, seconds: 900)
                == WallTime(iso8601: "2026-06-01T08:00:00Z")!)
        #expect(WindowAggregator.windowStart(containing: WallTime(iso8601: "2026-06-01T08:15:00Z")!, seconds: 900)
                == WallTime(iso8601: "2026-06-01T08:15:00Z")!)
        #expect(WindowAggregator.windowStart(containing: WallTime(secondsSinceEpoch: -1), seconds: 60)
                == WallTime(secondsSinceEpoch: -60))
    }

    @Test func statisticsOfAWindow() throws {
        var aggregator = WindowAggregator()
        for (second, value) in [(5, 10.0), (6, 14.0), (7, 12.0)] {
            #expect(aggregator.add(reading(value, second == 6 ? .warmUp : []), at: at(Int64(second)), covering: .seconds(1)).isEmpty)
        }
        let closed = aggregator.add(reading(1), at: at(61), covering: .seconds(1))
        let window = try #require(closed.first)
        #expect(closed.count == 1)
        #expect(window.windowStart == base)
        #expect(window.mean == 12 && window.minimum == 10 && window.maximum == 14 && window.count == 3)
        #expect(window.coverageSeconds == 3)
        #expect(window.quality == .warmUp)
        #expect(window.timeSynchronized)
    }

    @Test func silentSensorsWindowClosesByTime() {
        var aggregator = WindowAggregator(windows: ["pm": 300])
        _ = aggregator.add(reading(3), at: at(10), covering: .seconds(1))
        #expect(aggregator.closeWindows(endingBy: base + .seconds(299)).isEmpty)
        let closed = aggregator.closeWindows(endingBy: base + .seconds(300))
        #expect(closed.map(\.windowSeconds) == [300])
        #expect(aggregator.closeWindows(endingBy: base + .seconds(900)).isEmpty)
    }

    @Test func coverageNeverExceedsTheWindow() {
        var aggregator = WindowAggregator()
        for second in 0..<60 { _ = aggregator.add(reading(1), at: at(Int64(second)), covering: .seconds(2)) }
        #expect(aggregator.closeAll().first?.coverageSeconds == 60)
    }

    @Test func unsynchronisedClockMarksTheWindow() {
        var aggregator = WindowAggregator()
        _ = aggregator.add(reading(1), at: at(1), covering: .seconds(1))
        _ = aggregator.add(reading(2), at: at(2, synchronized: false), covering: .seconds(1))
        #expect(aggregator.closeAll().first?.timeSynchronized == false)
    }

    @Test func closingOrderIsStable() {
        var aggregator = WindowAggregator()
        for quantity in [Quantity.typicalParticleSize, .massConcentrationPM10, .massConcentrationPM1_0] {
            _ = aggregator.add(reading(1, quantity: quantity), at: at(1), covering: .seconds(1))
        }
        #expect(aggregator.closeWindows(endingBy: base + .seconds(60)).map(\.quantity)
                == [.massConcentrationPM10, .massConcentrationPM1_0, .typicalParticleSize])
    }
}
