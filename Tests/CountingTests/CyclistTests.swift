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
