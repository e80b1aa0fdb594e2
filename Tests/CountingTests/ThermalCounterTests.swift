import Counting
import Hardware
import Testing

@Suite("Thermal counter on hand-built frames")
struct ThermalCounterTests {
    // A walker at 1.35 m/s under a sensor 4 m up covers about a third of a pixel per frame at
    // 10 fps: crossing the 8 rows (and a little beyond) takes about 27 frames.

    @Test("one walker each way is counted once, in the right direction", arguments: [
        (from: -0.5, to: 8.5, expected: "in"),
        (from: 8.5, to: -0.5, expected: "out"),
    ])
    func singleWalker(from: Double, to: Double, expected: String) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 27, bodies: walk(from: from, to: to, steps: 27))
        #expect(names == [expected])
    }

    @Test("two people walking abreast in one blob count as two")
    func twoAbreast() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        // Teach the counter one person's size first: singles walk through alternately.
        let names = builder.teachSingles(&counter, count: 6, firstColumn: 2.5, columns: 3)
        #expect(names.filter { $0 == "in" }.count == 3)
        #expect(names.filter { $0 == "out" }.count == 3)
        let pair = builder.run(&counter, warmUp: 5, steps: 27, bodies: pairAbreast(steps: 27))
        #expect(pair == ["in", "in"])
    }

    @Test("someone who stops under the sensor for a minute is counted once")
    func lingering() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 27 + 600) { step in
            // Walk to row 3.2, stand for 60 s swaying a little, then walk on.
            let y: Double
            if step < 10 { y = -0.5 + 0.37 * Double(step) }
            else if step < 610 { y = 3.2 + 0.1 * sin(Double(step) / 7) }
            else { y = 3.2 + 0.33 * Double(step - 609) }
            return [FrameBuilder.Body(x: 4, y: min(y, 8.5))]
        }
        #expect(names == ["in"])
    }

    @Test("on a pavement hotter than people, a cooler walker is counted")
    func warmPavement() {
        var builder = FrameBuilder(pavement: 48)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 27, bodies: walk(from: 8.5, to: -0.5, steps: 27, temperature: 35))
        #expect(names == ["out"])
    }

    @Test("someone who turns back before the line is not counted")
    func turnsBack() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        let names = builder.run(&counter, steps: 24) { step in
            let y = step < 12 ? -0.5 + 0.3 * Double(step) : 2.8 - 0.3 * Double(step - 12)
            return [FrameBuilder.Body(x: 4, y: y)]
        }
        #expect(names.isEmpty)
    }

    @Test("noise and a slowly warming pavement alone count nobody")
    func emptyPavement() {
        var builder = FrameBuilder(pavement: 20)
        var counter = ThermalCounterLike()
        var names: [String] = []
        for index in 0..<3000 {
            builder.pavement = 20 + Double(index) / 3000 * 4 // 4 °C in 5 minutes: a sunny spell
            names += counter.feed(builder.frame([]), at: builder.nextTime())
        }
        #expect(names.isEmpty)
    }

    @Test("the line's axis and direction names are configurable")
    func configurableLine() {
        let line = CountingLine(axis: .columns, positiveName: "east", negativeName: "west")
        var builder = FrameBuilder(pavement: 10)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(line: line))
        let names = builder.run(&counter, steps: 27) { step in
            [FrameBuilder.Body(x: 8.5 - 9 * Double(step) / 26, y: 4, radiusX: 0.45, radiusY: 0.7)]
        }
        #expect(names == ["west"])
    }
}

#if canImport(Glibc)
import Glibc
#endif
