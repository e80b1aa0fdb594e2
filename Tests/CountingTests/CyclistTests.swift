import Counting
import Hardware
import Testing

@Suite("Cyclists")
struct CyclistTests {
    /// Six walkers teach one person's mass and the typical crossing; then a cyclist — a bicycle
    /// and rider, three times a walker's area, at 1.5 px per frame — rides through.
    func cyclistAfterWalkers(cyclistSpeedRatio: Double) -> [String] {
        var builder = FrameBuilder(pavement: 2)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(cyclistSpeedRatio: cyclistSpeedRatio))
        for index in 0..<6 {
            _ = builder.run(&counter, warmUp: index == 0 ? 60 : 10, steps: 27, bodies: walk(
                from: -0.5, to: 8.5, steps: 27, x: 3.5 + Double(index % 2), temperature: 20))
        }
        return builder.run(&counter, warmUp: 10, steps: 7) { step in
            [FrameBuilder.Body(x: 4, y: -1 + 1.5 * Double(step), radiusX: 0.8, radiusY: 1.2, temperature: 20)]
        }
    }

    @Test("a cyclist is one person, however large the blob")
    func cyclistIsOne() {
        #expect(cyclistAfterWalkers(cyclistSpeedRatio: 2) == ["in"])
    }

    /// Walkers, cyclists (three times a walker's area, 1.5 px a frame), people dawdling across
    /// (a twelfth of a walker's speed, never still long enough to be parked) and parties of three abreast
    /// crossing in `order` (`w`, `c`, `d`,
    /// `p`), one party at a time; what each crossing counted.
    func crossings(_ order: String) -> [Int] {
        var builder = FrameBuilder(pavement: 2)
        var counter = ThermalCounterLike()
        return order.enumerated().map { index, kind in
            let warmUp = index == 0 ? 60 : 10
            switch kind {
            case "c":
                return builder.run(&counter, warmUp: warmUp, steps: 7) { step in
                    [FrameBuilder.Body(x: 4, y: -1 + 1.5 * Double(step), radiusX: 0.8, radiusY: 1.2, temperature: 20)]
                }.count
            case "d":
                return builder.run(&counter, warmUp: warmUp, steps: 225, bodies: walk(
                    from: -0.5, to: 8.5, steps: 225, x: 3.5, temperature: 20)).count
            case "p":
                return builder.run(&counter, warmUp: warmUp, steps: 27) { step in
                    let y = -0.5 + 9 * Double(step) / 26
                    return [2.0, 3.6, 5.2].map { FrameBuilder.Body(x: $0, y: y, temperature: 20) }
                }.count
            default:
                break
            }
            return builder.run(&counter, warmUp: warmUp, steps: 27, bodies: walk(
                from: -0.5, to: 8.5, steps: 27, x: 3.5 + Double(index % 2), temperature: 20)).count
        }
    }

    @Test("a cyclist among the first crossings does not make cyclists the typical crossing")
    func cyclistFirst() {
        let counts = crossings("cwwwwwwccc")
        #expect(Array(counts.suffix(3)) == [1, 1, 1])
    }

    @Test("a cyclist among the first five crossings is judged against those before it")
    func cyclistSecond() {
        #expect(crossings("wcwwwwwc") == [1, 1, 1, 1, 1, 1, 1, 1])
    }

    @Test("after five people dawdled across first, walkers teach the typical crossing anew")
    func dawdlersFirst() {
        // Until it is learnt anew, every walker is "faster than twice the typical crossing", and
        // a party is taken for a cyclist. (This hand-built party of three reads as four after
        // walkers alone too; the point is that the dawdlers leave no trace.)
        let walkers = String(repeating: "w", count: 60)
        let afterDawdlers = crossings("ddddd" + walkers + "p").last
        let afterWalkers = crossings("wwwww" + walkers + "p").last
        #expect(afterDawdlers == afterWalkers)
        #expect((afterDawdlers ?? 0) > 1)
    }

    @Test("twice as many cyclists as walkers: every crossing is still one person")
    func manyCyclists() {
        let counts = crossings("wwwwww" + String(repeating: "ccw", count: 12))
        #expect(counts.dropFirst(6).allSatisfy { $0 == 1 })
    }

    @Test("without the speed rule, the same cyclist reads as a group")
    func withoutSpeedRule() {
        #expect(cyclistAfterWalkers(cyclistSpeedRatio: 0).count > 1)
    }

    /// From 2.5 m a walker crosses the view in about a second (1.25 frame lengths a second), which
    /// is as fast as a cyclist from 4 m. Six single walkers at that speed, then a pair abreast.
    func pairUnderALowSensor(cyclistSpeedRatio: Double) -> [String] {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(cyclistSpeedRatio: cyclistSpeedRatio))
        _ = builder.teachSingles(&counter, count: 6, firstColumn: 2.5, columns: 3, steps: 9)
        return builder.run(&counter, warmUp: 5, steps: 9, bodies: pairAbreast(steps: 9))
    }

    @Test("under a low sensor, walkers are as fast as the typical crossing and a pair counts two")
    func lowSensor() {
        #expect(pairUnderALowSensor(cyclistSpeedRatio: 2) == ["in", "in"])
    }
}
