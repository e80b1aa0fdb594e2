import Hardware

/// Two GPIO edge inputs (a pair of break-beams or PIRs across a doorway or pavement), read
/// together: bounces and glitches removed, edges of both lines merged in time order.
///
/// The direction logic (which beam broke first) belongs to the counting engine; this type only
/// gives it clean, ordered edges. An edge is kept when the line then stays at its new level for at
/// least ``debounce``; shorter pulses are dropped with both their edges. So an edge can only be
/// confirmed ``debounce`` after it happened: ``poll()`` returns the edges up to
/// `now − debounce`, oldest first, and holds newer ones back for the next call. Timestamps are
/// the kernel's (when the edge happened), so polling late does not reorder anything.
public final class BeamPair {
    /// Which of the two lines an edge came from.
    public enum Line: Int, Sendable, Hashable {
        case first = 0, second = 1
    }

    /// A confirmed edge of one of the lines.
    public struct Edge: Sendable, Hashable, CustomStringConvertible {
        /// Which line changed.
        public var line: Line
        /// Which way it changed.
        public var edge: GPIOEdge
        /// When it changed, as the kernel stamped it.
        public var timestamp: MonotonicInstant

        /// An edge of `line`.
        public init(line: Line, edge: GPIOEdge, timestamp: MonotonicInstant) {
            self.line = line
            self.edge = edge
            self.timestamp = timestamp
        }

        /// The edge as a GPIO event (what the counting engine's beam-pair counter takes, with the
        /// line's raw value as its line index).
        public var event: GPIOEdgeEvent { GPIOEdgeEvent(edge, at: timestamp) }

        public var description: String { "\(line) \(edge) at \(timestamp)" }
    }

    /// How long a line must hold a new level for its edge to count.
    public let debounce: Duration
    private let lines: [any GPIOEdgeInput]
    private let clock: any BoxClock
    /// The confirmed level of each line; `nil` before ``start()``.
    private var levels: [Bool?] = [nil, nil]
    /// Raw edges not yet confirmed, per line.
    private var pending: [[GPIOEdgeEvent]] = [[], []]

    /// No I/O here; ``start()`` or the first ``poll()`` reads the lines.
    public init(first: any GPIOEdgeInput, second: any GPIOEdgeInput, debounce: Duration = .milliseconds(5), clock: any BoxClock) {
        precondition(debounce >= .zero, "a debounce time cannot be negative")
        self.lines = [first, second]
        self.debounce = debounce
        self.clock = clock
    }

    /// Reads both lines' current levels and drops edges queued before now.
    public func start() throws(SensorError) {
        for index in 0..<2 {
            do {
                _ = try lines[index].readEvents()
                levels[index] = try lines[index].level()
            } catch {
                throw .gpio(error)
            }
            pending[index] = []
        }
    }

    /// The confirmed edges of both lines since the previous call, in time order (ties: first line
    /// first).
    public func poll() throws(SensorError) -> [Edge] {
        if levels.contains(where: { $0 == nil }) { try start() }
        for index in 0..<2 {
            do { pending[index] += try lines[index].readEvents() } catch { throw .gpio(error) }
        }
        let horizon = clock.now().advanced(by: .zero - debounce)
        var confirmed: [Edge] = []
        for index in 0..<2 {
            confirmed += confirm(line: index, upTo: horizon)
        }
        return confirmed.sorted { ($0.timestamp, $0.line.rawValue) < ($1.timestamp, $1.line.rawValue) }
    }

    /// Runs the glitch filter over a line's pending edges up to `horizon`.
    private func confirm(line index: Int, upTo horizon: MonotonicInstant) -> [Edge] {
        let edges = pending[index]
        var accepted: [Edge] = []
        var next = 0
        while next < edges.count {
            let edge = edges[next]
            if next + 1 < edges.count {
                // Another edge within the debounce time: the line never settled at this level.
                if edges[next + 1].timestamp - edge.timestamp < debounce {
                    next += 1
                    continue
                }
            } else if edge.timestamp > horizon {
                break  // the last edge may still be a glitch: decide on a later poll
            }
            let level = edge.edge == .rising
            if levels[index] != level {
                levels[index] = level
                accepted.append(Edge(line: Line(rawValue: index) ?? .first, edge: edge.edge, timestamp: edge.timestamp))
            }
            next += 1
        }
        pending[index] = Array(edges[next...])
        return accepted
    }
}
