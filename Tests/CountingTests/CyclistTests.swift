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

    /// Walkers and cyclists (three times a walker's area, 1.5 px a frame) crossing in `order`
    /// (`w`, `c`), each alone; what each crossing counted.
    func crossings(_ order: String) -> [Int] {
        var builder = FrameBuilder(pavement: 2)
        var counter = ThermalCounterLike()
        return order.enumerated().map { index, kind in
            let warmUp = index == 0 ? 60 : 10
            if kind == "c" {
                return builder.run(&counter, warmUp: warmUp, steps: 7) { step in
                    [FrameBuilder.Body(x: 4, y: -1 + 1.5 * Double(step), radiusX: 0.8, radiusY: 1.2, temperature: 20)]
                }.count
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
        for index in 0..<6 {
            let inward = index % 2 == 0
            _ = builder.run(&counter, warmUp: index == 0 ? 60 : 5, steps: 9, bodies: walk(
                from: inward ? -0.5 : 8.5, to: inward ? 8.5 : -0.5, steps: 9, x: 2.5 + Double(index % 3)))
        }
        return builder.run(&counter, warmUp: 5, steps: 9) { step in
            let y = -0.5 + 9 * Double(step) / 8
            return [FrameBuilder.Body(x: 2.9, y: y), FrameBuilder.Body(x: 4.5, y: y)]
        }
    }

    @Test("under a low sensor, walkers are as fast as the typical crossing and a pair counts two")
    func lowSensor() {
        #expect(pairUnderALowSensor(cyclistSpeedRatio: 2) == ["in", "in"])
    }
}
