import Counting
import Hardware
import Testing

@Suite("Beam-pair counter")
struct BeamPairCounterTests {
    /// Edges of a break-beam pair (low while interrupted), `ms` in milliseconds.
    static func edges(_ script: [(BeamLine, GPIOEdge, Int)]) -> [BeamLineEdge] {
        script.map { BeamLineEdge(line: $0.0, event: GPIOEdgeEvent($0.1, at: MonotonicInstant(nanoseconds: UInt64($0.2) * 1_000_000))) }
    }

    static func count(_ edges: [BeamLineEdge], counter: BeamPairCounter = BeamPairCounter()) -> [String] {
        var counter = counter
        var names: [String] = []
        for edge in edges { counter.process(edge) { names.append($0.direction) } }
        counter.advance(to: MonotonicInstant(nanoseconds: 3_600_000_000_000)) { names.append($0.direction) }
        return names
    }

    @Test("the order of interruption gives the direction", arguments: [
        (first: BeamLine.a, second: BeamLine.b, expected: "in"),
        (first: BeamLine.b, second: BeamLine.a, expected: "out"),
    ])
    func direction(first: BeamLine, second: BeamLine, expected: String) {
        let names = Self.count(Self.edges([
            (first, .falling, 1000), (second, .falling, 1050), (first, .rising, 1250), (second, .rising, 1300),
        ]))
        #expect(names == [expected])
    }

    @Test("someone who steps into the first beam and turns back is not counted")
    func turnBack() {
        let names = Self.count(Self.edges([
            (.a, .falling, 1000), (.b, .falling, 1100), (.b, .rising, 1300), (.a, .rising, 1400),
        ]))
        #expect(names.isEmpty)
    }

    @Test("receiver chatter shorter than the debounce time does not add crossings")
    func chatter() {
        let names = Self.count(Self.edges([
            (.a, .falling, 1000), (.a, .rising, 1002), (.a, .falling, 1004),
            (.b, .falling, 1050), (.b, .rising, 1051), (.b, .falling, 1053),
            (.a, .rising, 1250), (.a, .falling, 1252), (.a, .rising, 1255),
            (.b, .rising, 1300),
        ]))
        #expect(names == ["in"])
    }

    @Test("a group that holds the beams interrupted is one crossing (documented limit)")
    func groupIsOneEvent() {
        let names = Self.count(Self.edges([
            (.a, .falling, 1000), (.b, .falling, 1040), (.a, .rising, 2500), (.b, .rising, 2540),
        ]))
        #expect(names == ["in"])
    }

    @Test("PIR sensors are active high and direction names are configurable")
    func pirNames() {
        let counter = BeamPairCounter(activeLevel: true, positiveName: "north", negativeName: "south")
        let names = Self.count(Self.edges([
            (.b, .rising, 1000), (.a, .rising, 1200), (.b, .falling, 2000), (.a, .falling, 2300),
        ]), counter: counter)
        #expect(names == ["south"])
    }
}
