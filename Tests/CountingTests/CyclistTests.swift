import Counting
import Hardware
import Testing

@Suite("Cyclists")
struct CyclistTests {
    /// Six walkers teach one person's mass; then a cyclist — a bicycle and rider, three times a
    /// walker's area, at 1.5 px per frame — rides through.
    func cyclistAfterWalkers(cyclistSpeed: Double) -> [String] {
        var builder = FrameBuilder(pavement: 2)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(cyclistSpeed: cyclistSpeed))
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
        #expect(cyclistAfterWalkers(cyclistSpeed: 0.9) == ["in"])
    }

    @Test("without the speed rule, the same cyclist reads as a group")
    func withoutSpeedRule() {
        #expect(cyclistAfterWalkers(cyclistSpeed: 0).count > 1)
    }
}
