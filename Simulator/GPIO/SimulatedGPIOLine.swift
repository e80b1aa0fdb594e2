import Hardware
import Synchronization

/// A simulated GPIO input requested for both edges: a break-beam receiver or PIR output whose
/// edges come from a ``BeamScene`` on a ``BoxClock``.
///
/// Like the kernel's line events, each edge keeps the time it happened (not the time it was read),
/// and ``readEvents()`` returns the edges since the previous call without waiting.
public final class SimulatedGPIOLine: GPIOEdgeInput {
    private struct State {
        var readUpTo: MonotonicInstant
        var levelAtReadUpTo: Bool
        var failure: GPIOError? = nil
    }

    public let name: String
    /// Where the edges come from.
    public let scene: any BeamScene
    /// Which beam of the scene this line carries (0 or 1).
    public let beam: Int
    private let clock: any BoxClock
    private let state: Mutex<State>

    /// - Parameter initialLevel: the level before the first edge of the scene (a break-beam
    ///   receiver reads high while the beam is unbroken).
    public init(name: String, scene: any BeamScene, beam: Int, clock: any BoxClock, initialLevel: Bool = true) {
        self.name = name
        self.scene = scene
        self.beam = beam
        self.clock = clock
        self.state = Mutex(State(readUpTo: clock.now(), levelAtReadUpTo: initialLevel))
    }

    /// Makes every call fail with `error` (a line claimed by another process, a chip gone), or
    /// works again with `nil`.
    public func setFailure(_ error: GPIOError?) {
        state.withLock { $0.failure = error }
    }

    public func level() throws(GPIOError) -> Bool {
        let now = clock.now()
        let result: Result<Bool, GPIOError> = state.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            let pending = scene.edges(beam: beam, from: state.readUpTo, to: now.advanced(by: .nanoseconds(1)))
            return .success(pending.last.map { $0.edge == .rising } ?? state.levelAtReadUpTo)
        }
        return try result.get()
    }

    public func readEvents() throws(GPIOError) -> [GPIOEdgeEvent] {
        let now = clock.now()
        let result: Result<[GPIOEdgeEvent], GPIOError> = state.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            let events = scene.edges(beam: beam, from: state.readUpTo, to: now.advanced(by: .nanoseconds(1)))
            state.readUpTo = now.advanced(by: .nanoseconds(1))
            if let last = events.last { state.levelAtReadUpTo = last.edge == .rising }
            return .success(events)
        }
        return try result.get()
    }
}
