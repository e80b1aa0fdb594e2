import Counting
import Hardware
import Testing

@Suite("Parties walking abreast at low contrast")
struct GroupTests {
    /// Eight single walkers, then twelve parties of three abreast (1.6–2 px apart, a little
    /// staggered, each person a degree warmer or cooler), only 8 °C warmer than the pavement: at
    /// this contrast a party splits and merges from frame to frame.
    func threesAbreast(trackMassQuantile: Double, weighsSurroundings: Bool, joinsFaintFringes: Bool = true) -> Int {
        var builder = FrameBuilder(pavement: 16)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(
            trackMassQuantile: trackMassQuantile, weighsSurroundings: weighsSurroundings, joinsFaintFringes: joinsFaintFringes))
        var names: [String] = []
        for index in 0..<8 {
            names += builder.run(&counter, warmUp: index == 0 ? 60 : 10, steps: 27, bodies: walk(
                from: -0.5, to: 8.5, steps: 27, x: 3.5 + Double(index % 2), temperature: 24 + Double(index % 3 - 1)))
        }
        let singles = names.count
        for party in 0..<12 {
            let spacing = 1.6 + 0.1 * Double(party % 5)
            let offset = Double(party % 3) * 0.37
            names += builder.run(&counter, warmUp: 10, steps: 27) { step in
                let y = -0.5 + 9 * Double(step) / 26
                var bodies: [FrameBuilder.Body] = []
                for member in 0..<3 {
                    let x = 4 + offset + Double(member - 1) * spacing
                    let temperature = 24 + Double((member + party) % 3 - 1)
                    bodies.append(FrameBuilder.Body(x: x, y: y + 0.1 * Double(member % 2), temperature: temperature))
                }
                return bodies
            }
        }
        #expect(singles == 8)
        return names.count - singles
    }

    /// With faint patches joined to the blobs they touch (``ThermalCounterConfiguration/joinsFaintFringes``)
    /// these parties, whose bodies are a whole pixel each (as from 3 m), split and merge more
    /// often: 32 are counted (39 with the patches dropped), one party is found again inside the
    /// hysteresis band and not counted. On the simulated street, with bodies of half a pixel,
    /// joining them brings the groups closer (docs/counting.md, sixth round).
    @Test("36 people in twelve parties of three are counted within a seventh")
    func threes() {
        #expect(abs(threesAbreast(trackMassQuantile: 0.75, weighsSurroundings: true) - 36) <= 5)
    }

    // With one person's mass first the median of the first tracks (tenth round), these hand-built
    // parties no longer show that the median of a track's thresholded masses, faint patches
    // dropped, loses people (it counts all 36); the simulated street does (`accuracy --seeds
    // 100,101 --set trackMassQuantile=0.5,weighsSurroundings=0,joinsFaintFringes=0`: 3.14 % /
    // 7.79 % against 1.25 % / 5.78 %), so the control that asserted it here is gone.
}

@Suite("Umbrellas")
struct UmbrellaTests {
    /// Six people under umbrellas one by one (an umbrella is ~1.5 °C above the wet pavement and
    /// 3 px across), then two side by side, whose umbrellas touch: one faint blob.
    func umbrellaPair(weighsFaintParties: Bool) -> [String] {
        var builder = FrameBuilder(pavement: 8)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(weighsFaintParties: weighsFaintParties))
        for index in 0..<6 {
            _ = builder.run(&counter, warmUp: index == 0 ? 60 : 10, steps: 27) { step in
                [FrameBuilder.Body(
                    x: 3.5 + Double(index % 3) * 0.5, y: -1.5 + 11 * Double(step) / 26, radiusX: 1.5, radiusY: 1.5,
                    temperature: 9.5)]
            }
        }
        return builder.run(&counter, warmUp: 10, steps: 27) { step in
            let y = -1.5 + 11 * Double(step) / 26
            return [
                FrameBuilder.Body(x: 2.4, y: y, radiusX: 1.5, radiusY: 1.5, temperature: 9.5),
                FrameBuilder.Body(x: 5.4, y: y + 0.2, radiusX: 1.5, radiusY: 1.5, temperature: 9.5),
            ]
        }
    }

    @Test("two umbrellas side by side count two")
    func pairCountsTwo() {
        #expect(umbrellaPair(weighsFaintParties: true) == ["in", "in"])
    }

    @Test("counted one per faint blob, the same pair is one")
    func onePerBlob() {
        #expect(umbrellaPair(weighsFaintParties: false) == ["in"])
    }
}

@Suite("A track that crosses twice")
struct RecrossingTrackTests {
    /// Eight single walkers; then, six times, a slow walker (5 s in view) leaves at the bottom edge
    /// just as a party of three (a pixel apart) enters there, so the walker's track takes the party over.
    @Test("an exiting walker's track that takes over a party entering at the same edge weighs the party by the party")
    func takenOverParty() {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike()
        #expect(builder.teachSingles(&counter, count: 8, firstColumn: 3.5, columns: 2).count == 8)
        var names: [String] = []
        for _ in 0..<6 {
            names += builder.run(&counter, warmUp: 10, steps: 50 + 27) { step in
                var bodies: [FrameBuilder.Body] = []
                // The walker goes out, from the last row to row −0.5, in 50 frames.
                if step < 50 { bodies.append(FrameBuilder.Body(x: 3.5, y: 8.5 - 9 * Double(step) / 49)) }
                // The party comes in at the same edge as the walker leaves it.
                if step >= 48 {
                    let y = -0.5 + 9 * Double(step - 48) / 26
                    for member in 0..<3 {
                        bodies.append(FrameBuilder.Body(x: 2.5 + Double(member), y: y + 0.2 * Double(member % 2)))
                    }
                }
                return bodies
            }
        }
        let counted = names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        #expect(counted["out"] == 6)
        #expect(abs((counted["in"] ?? 0) - 18) <= 2)
    }
}

@Suite("Someone walking next to a person, across two pixels")
struct FaintFringeTests {
    /// Eight single walkers (a body of half a pixel, as at 4 m); then ten pairs abreast, one
    /// walking down the middle of a column and the other, in a cooler coat, down the border
    /// between the next two columns, so that their body is split across two pixels and reads
    /// faint in both.
    func pairs(joinsFaintFringes: Bool) -> (singles: Int, pairs: Int) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(joinsFaintFringes: joinsFaintFringes))
        func body(x: Double, y: Double, temperature: Double = 30) -> FrameBuilder.Body {
            FrameBuilder.Body(x: x, y: y, radiusX: 0.45, radiusY: 0.35, temperature: temperature)
        }
        var singles = 0
        for index in 0..<8 {
            let inward = index % 2 == 0
            singles += builder.run(&counter, warmUp: index == 0 ? 60 : 5, steps: 27) { step in
                let y = inward ? -0.5 + 9 * Double(step) / 26 : 8.5 - 9 * Double(step) / 26
                return [body(x: 3.5 + Double(index % 2), y: y)]
            }.count
        }
        var pairs = 0
        for index in 0..<10 {
            let inward = index % 2 == 0
            pairs += builder.run(&counter, warmUp: 5, steps: 27) { step in
                let y = inward ? -0.5 + 9 * Double(step) / 26 : 8.5 - 9 * Double(step) / 26
                return [body(x: 3.5, y: y), body(x: 5.0, y: y + 0.15, temperature: 25)]
            }.count
        }
        return (singles, pairs)
    }

    @Test("the pair counts two: the faint half-covered pixels are weighed with the person they touch")
    func pairCountsTwo() {
        let counted = pairs(joinsFaintFringes: true)
        #expect(counted.singles == 8)
        #expect(abs(counted.pairs - 20) <= 2, "\(counted.pairs) of 20")
    }

    @Test("dropped as the first person's fringe, the second person is lost")
    func droppedFringeLosesThem() {
        let counted = pairs(joinsFaintFringes: false)
        #expect(counted.singles == 8)
        #expect(counted.pairs <= 14, "\(counted.pairs) of 20")
    }
}

@Suite("An adult with a child at their side")
struct ChildTests {
    /// Eight single adults to learn one person's mass and size, then eight adults each with a
    /// child at their side, 1.4 px apart (one blob in most frames), with one single adult after
    /// each pair (most people on a street walk alone). From above a child covers about half
    /// what an adult does, so each pair weighs about 1.4–1.5 people. Returns the people counted
    /// in the pairs' walks and in the singles' walks.
    func adultsWithChildren(widePairShare: Double) -> (pairs: Int, singles: Int) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(widePairShare: widePairShare))
        var singles = builder.teachSingles(&counter, count: 8, firstColumn: 3.2, columns: 2).count
        var pairs = 0
        for pair in 0..<8 {
            let adult = 2.8 + 0.25 * Double(pair % 3)
            let child = adult + (pair % 2 == 0 ? 1.4 : -1.4)
            pairs += builder.run(&counter, warmUp: 10, steps: 27) { step in
                let y = -0.5 + 9 * Double(step) / 26
                return [
                    FrameBuilder.Body(x: adult, y: y),
                    FrameBuilder.Body(x: child, y: y + 0.15, radiusX: 0.53, radiusY: 0.34, temperature: 29),
                ]
            }.count
            singles += builder.teachSingles(&counter, count: 1, firstColumn: 3.2 + Double(pair % 2), columns: 1).count
        }
        return (pairs, singles)
    }

    @Test("an adult with a child at their side counts two, and a single adult still one")
    func counted() {
        let counted = adultsWithChildren(widePairShare: 1.4)
        #expect(counted.pairs >= 13)
        #expect(counted.singles == 16)
    }

    @Test("rounding alone counts more such pairs one")
    func roundedLoses() {
        #expect(adultsWithChildren(widePairShare: 0).pairs < adultsWithChildren(widePairShare: 1.4).pairs)
    }

    /// 36.5–38 °C against the others' 30 on a 14 °C pavement: 1.4–1.5 times their mass, in one body.
    @Test("one warm adult is compact and counts one, however heavy", arguments: [36.5, 37.0, 37.5, 38.0])
    func warmSingle(temperature: Double) {
        var builder = FrameBuilder(pavement: 14)
        var counter = ThermalCounterLike(ThermalCounterConfiguration(widePairShare: 1.4))
        #expect(builder.teachSingles(&counter, count: 8, firstColumn: 3.2, columns: 2).count == 8)
        let warm = builder.run(&counter, warmUp: 10, steps: 27, bodies: walk(
            from: -0.5, to: 8.5, steps: 27, x: 3.4, temperature: temperature))
        #expect(warm == ["in"])
    }
}
