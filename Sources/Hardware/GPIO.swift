/// Which way a GPIO line changed.
public enum GPIOEdge: Sendable, Hashable {
    case rising
    case falling
}

/// One edge on an input line, stamped by the kernel at the interrupt (not when userspace read it),
/// on the monotonic clock.
public struct GPIOEdgeEvent: Sendable, Hashable {
    public var edge: GPIOEdge
    public var timestamp: MonotonicInstant

    public init(_ edge: GPIOEdge, at timestamp: MonotonicInstant) {
        self.edge = edge
        self.timestamp = timestamp
    }
}

/// Why a GPIO operation failed.
public struct GPIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var errno: Int32?
    public var detail: String

    public init(operation: String, errno: Int32? = nil, detail: String) {
        self.operation = operation
        self.errno = errno
        self.detail = detail
    }

    public var description: String {
        "\(operation) failed" + (errno.map { " (errno \($0))" } ?? "") + ": \(detail)"
    }
}

/// An input line requested for both edges: a PIR output or an infrared break-beam receiver.
public protocol GPIOEdgeInput: Sendable {
    /// `gpiochip0:17`-style name for logs.
    var name: String { get }
    /// The current level of the line (`true` = high).
    func level() throws(GPIOError) -> Bool
    /// The edges that arrived since the previous call, oldest first, without waiting.
    func readEvents() throws(GPIOError) -> [GPIOEdgeEvent]
}
