import Hardware

/// One of the two lines of a beam pair: `a` is the beam a person walking in the positive
/// direction meets first.
public enum BeamLine: Int, Hashable, Sendable {
    case a = 0
    case b = 1
}

/// An edge of one line of a beam pair, as the GPIO layer delivers them (time-ordered, both lines
/// merged).
public struct BeamLineEdge: Hashable, Sendable {
    public var line: BeamLine
    public var event: GPIOEdgeEvent

    public init(line: BeamLine, event: GPIOEdgeEvent) {
        self.line = line
        self.event = event
    }
}

/// Counts crossings of a pair of infrared break-beams (or PIR zones) a few centimetres apart,
/// with the direction from the order in which they are interrupted.
///
/// A crossing is the full sequence from both clear to both clear: the beam interrupted first and
/// the beam cleared last must differ (a → b is ``CountingLine/positiveName``). Someone who steps
/// into beam a and turns back is not counted. Each line is debounced: a level counts only once it
/// has held for ``debounce`` (receiver chatter as a body edge passes, rain drops).
///
/// Known limits, by construction of the sensor (not of this code):
/// - People walking abreast or close behind each other interrupt the beams as one body: one event.
/// - Someone standing in the beams holds them interrupted: counted once they leave.
/// - Two people crossing in opposite directions at the same moment may cancel into none.
/// - A cyclist is one person; a pram or a dog in front of a person may add a crossing.
public struct BeamPairCounter: Sendable {
    /// The level of a line while its beam is interrupted: `false` (low) for break-beam
    /// receivers with an open-collector output, `true` for PIR sensors.
    public var activeLevel: Bool
    public var debounce: Duration
    public var positiveName: String
    public var negativeName: String

    private var rawLevel: [Bool]
    private var rawTime: [MonotonicInstant]
    private var stableActive: [Bool] = [false, false]
    private var firstActive: BeamLine?
    private var bothSeen = [false, false]

    /// - Parameters:
    ///   - activeLevel: the line level while interrupted (see above).
    ///   - debounce: how long a level must hold to count (tens of ms).
    public init(
        activeLevel: Bool = false, debounce: Duration = .milliseconds(30),
        positiveName: String = "in", negativeName: String = "out"
    ) {
        self.activeLevel = activeLevel
        self.debounce = debounce
        self.positiveName = positiveName
        self.negativeName = negativeName
        rawLevel = [!activeLevel, !activeLevel]
        rawTime = [.zero, .zero]
    }

    /// Takes the next edge (edges must come in time order) and calls `onCrossing` for every
    /// crossing that was completed up to it.
    public mutating func process(_ edge: BeamLineEdge, onCrossing: (CrossingEvent) -> Void) {
        settle(upTo: edge.event.timestamp, onCrossing: onCrossing)
        let line = edge.line.rawValue
        rawLevel[line] = edge.event.edge == .rising
        rawTime[line] = edge.event.timestamp
    }

    /// Lets time pass without edges: levels held long enough become stable (call it before
    /// closing a window so that a crossing completed just before its end is not left pending).
    public mutating func advance(to time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void) {
        settle(upTo: time, onCrossing: onCrossing)
    }

    /// Commits every raw level that has held for the debounce time by `time`, oldest first.
    private mutating func settle(upTo time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void) {
        while true {
            var next: Int?
            for line in 0..<2 {
                let active = rawLevel[line] == activeLevel
                guard active != stableActive[line] else { continue }
                let due = rawTime[line].advanced(by: debounce)
                guard due <= time else { continue }
                if let other = next, rawTime[other] <= rawTime[line] { continue }
                next = line
            }
            guard let line = next else { return }
            commit(line: line, active: rawLevel[line] == activeLevel, at: rawTime[line].advanced(by: debounce), onCrossing: onCrossing)
        }
    }

    private mutating func commit(line: Int, active: Bool, at time: MonotonicInstant, onCrossing: (CrossingEvent) -> Void) {
        let beam = BeamLine(rawValue: line) ?? .a
        let wasIdle = !stableActive[0] && !stableActive[1]
        stableActive[line] = active
        if active {
            if wasIdle {
                firstActive = beam
                bothSeen = [false, false]
            }
            bothSeen[line] = true
            return
        }
        guard !stableActive[0] && !stableActive[1], let first = firstActive else { return }
        defer { firstActive = nil }
        guard bothSeen[0] && bothSeen[1], first != beam else { return }
        let positive = first == .a
        onCrossing(CrossingEvent(
            direction: positive ? positiveName : negativeName, sense: positive ? .positive : .negative,
            time: time))
    }
}
