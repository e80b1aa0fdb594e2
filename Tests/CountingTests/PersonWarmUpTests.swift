import Counting
import Hardware
import Testing

@Suite("Counting one person per track while one person's mass is learnt")
struct PersonWarmUpTests {
    @Test("a pair after six singles: two people, or one track while still warming up", arguments: [
        (warmUp: 0, expected: ["in", "in"]), (warmUp: 10, expected: ["in"]),
    ])
    func pairAfterSingles(warmUp: Int, expected: [String]) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(personWarmUpTracks: warmUp))
        _ = builder.teachSingles(&counter, count: 6, firstColumn: 2.5, columns: 3)
        let pair = builder.run(&counter, warmUp: 5, steps: 27, bodies: pairAbreast(steps: 27))
        #expect(pair == expected)
    }
}

@Suite("The first people a counter sees")
struct FirstPeopleTests {
    /// A counter that has just started sees `first`, then six single walkers, then four pairs
    /// abreast. Returns what it counts for the singles and for the pairs.
    func counted(after first: @escaping (Int) -> [FrameBuilder.Body]) -> (singles: Int, pairs: Int) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        _ = builder.run(&counter, warmUp: 60, steps: 27, bodies: first)
        let singles = builder.teachSingles(&counter, count: 6, firstColumn: 2.5, columns: 3).count
        var pairs = 0
        for _ in 0..<4 { pairs += builder.run(&counter, warmUp: 5, steps: 27, bodies: pairAbreast(steps: 27)).count }
        return (singles, pairs)
    }

    /// One person's mass and size were the first track's until enough people had moved a running
    /// median: after a fragment, every walker counted three and every pair six for a long while
    /// (a box that starts at night sees a handful of people an hour). They are the medians of the
    /// first nine tracks now.
    @Test("a small fragment as the first track does not make the walkers and pairs after it count three times")
    func fragmentFirst() {
        let result = counted { step in
            [FrameBuilder.Body(x: 3.5, y: -0.5 + 9 * Double(step) / 26, radiusX: 0.35, radiusY: 0.25)]
        }
        // The first walker after the fragment is still weighed against it (18 and 24 before).
        #expect(result.singles <= 8, "\(result.singles) counted for 6 walkers")
        #expect(abs(result.pairs - 8) <= 1, "\(result.pairs) counted for 4 pairs")
    }

    /// Of two tracks, a median would be their midpoint: a pair after one walker would be weighed
    /// against the mean of the two, about 1.4 people, and counted one.
    @Test("a pair walking close together as the second track counts two")
    func pairSecond() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        #expect(builder.run(&counter, warmUp: 60, steps: 27, bodies: walk(from: -0.5, to: 8.5, steps: 27, x: 3.5)) == ["in"])
        let pair = builder.run(&counter, warmUp: 5, steps: 27) { step in
            let y = -0.5 + 9 * Double(step) / 26
            return [FrameBuilder.Body(x: 3.1, y: y), FrameBuilder.Body(x: 4.0, y: y)]
        }
        #expect(pair == ["in", "in"])
    }

    @Test("a single walker first, the same walkers and pairs count one and two each")
    func singleFirst() {
        let result = counted(after: walk(from: -0.5, to: 8.5, steps: 27, x: 3.5))
        #expect(result.singles == 6)
        #expect(abs(result.pairs - 8) <= 1, "\(result.pairs) counted for 4 pairs")
    }
}
