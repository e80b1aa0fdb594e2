import Hardware

/// When a ``CommitBatcher`` commits: after `maxDelay` since its oldest held payload, or once it
/// holds `maxRecords`, whichever comes first.
public struct CommitPolicy: Hashable, Sendable {
    /// The longest a payload is held in memory before its commit (the window of data a power
    /// cut can take). `.zero` commits every add at once.
    public var maxDelay: Duration
    /// Commit once this many payloads are held.
    public var maxRecords: Int

    public init(maxDelay: Duration, maxRecords: Int) {
        precondition(maxRecords >= 1 && maxDelay >= .zero, "a commit policy needs maxRecords ≥ 1 and maxDelay ≥ 0")
        self.maxDelay = maxDelay
        self.maxRecords = maxRecords
    }

    /// Every add is committed at once: the default (see docs/journal.md for the measured cost).
    public static let immediate = CommitPolicy(maxDelay: .zero, maxRecords: 1)
}

/// Groups the payloads of several scheduler ticks into one commit, for boxes where flash wear
/// matters more than the data of the last `maxDelay`.
///
/// Payloads held here are *not* acknowledged: ``add(_:time:)`` returns the sequences of what it
/// committed (possibly payloads of earlier ticks, possibly none). The scheduler calls
/// ``flushIfDue(now:)`` at ``deadline`` (virtual time jumps there in a simulation) and ``flush()``
/// on shutdown. Owned by the one pipeline task, so it is not `Sendable`.
public final class CommitBatcher {
    public let journal: any Journal
    public let policy: CommitPolicy
    /// The payloads held, oldest first.
    public private(set) var pending: [JournalEntry] = []

    public init(journal: any Journal, policy: CommitPolicy) {
        self.journal = journal
        self.policy = policy
    }

    /// When the oldest held payload must be committed, or `nil` when nothing is held.
    public var deadline: MonotonicInstant? {
        pending.first.map { $0.time.monotonic.advanced(by: policy.maxDelay) }
    }

    /// Holds `payloads` and commits everything held if the policy says so (at `time`).
    /// - Returns: the sequences committed by this call, in order (empty if all is still held).
    public func add(_ payloads: [JournalPayload], time: RecordTime) async throws -> [UInt64] {
        pending += payloads.map { JournalEntry(payload: $0, time: time) }
        return try await flushIfDue(now: time.monotonic)
    }

    /// Commits everything held if the oldest payload's delay is used up or enough are held.
    public func flushIfDue(now: MonotonicInstant) async throws -> [UInt64] {
        guard let deadline else { return [] }
        guard pending.count >= policy.maxRecords || now >= deadline else { return [] }
        return try await flush()
    }

    /// Commits everything held as one group. On failure the payloads stay held (nothing is
    /// lost by a refused commit; the next call tries again) and the error is thrown.
    public func flush() async throws -> [UInt64] {
        guard !pending.isEmpty else { return [] }
        let sequences = try await journal.append(entries: pending)
        pending = []
        return sequences
    }
}
