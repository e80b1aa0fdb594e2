import Counting
import Hardware
import Testing

@Suite("Dropping blobs much lighter than one person")
struct FaintBlobTests {
    @Test("a small warm spot is counted without the filter and dropped with it", arguments: [
        (share: 0.0, expected: ["in", "in"]), (share: 0.3, expected: ["in"]),
    ])
    func smallSpot(share: Double, expected: [String]) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(contrastFraction: 0, minimumBlobShare: share))
        // A person first, so that one person's mass is known ...
        var names = builder.run(&counter, steps: 27, bodies: walk(from: -0.5, to: 8.5, steps: 27))
        // ... then a spot carrying a small fraction of it (a dog, a warm bag on a trolley).
        names += builder.run(&counter, warmUp: 5, steps: 27) { step in
            [FrameBuilder.Body(x: 3.5, y: -0.5 + 9 * Double(step) / 26, radiusX: 0.3, radiusY: 0.3, temperature: 28)]
        }
        #expect(names == expected)
    }
}
