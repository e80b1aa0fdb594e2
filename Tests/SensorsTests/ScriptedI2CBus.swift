import Hardware
import Synchronization
import Testing

/// A bus double after embedded-hal-mock: it expects an exact sequence of transactions and answers
/// each with scripted bytes or an error. An unexpected transaction fails the test; so does an
/// expectation left unconsumed when ``finish()`` is called.
final class ScriptedI2CBus: I2CBus {
    struct Expectation {
        var address: I2CAddress
        var operations: [I2COperation]
        var reply: Result<[[UInt8]], I2CError>
    }

    let name = "scripted"
    private let script: Mutex<[Expectation]>

    init(_ expectations: [Expectation]) { script = Mutex(expectations) }

    func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        let next: Expectation? = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else {
            Issue.record("unexpected transaction to \(address): \(operations)")
            throw I2CError(.other, address: address, operation: "unexpected")
        }
        guard next.address == address, next.operations == operations else {
            Issue.record("expected \(next.address) \(next.operations), got \(address) \(operations)")
            throw I2CError(.other, address: address, operation: "mismatch")
        }
        return try next.reply.get()
    }

    /// Records an issue for every expectation that was not consumed.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        let left = script.withLock { $0 }
        for expectation in left {
            Issue.record("expected transaction not consumed: \(expectation.address) \(expectation.operations)", sourceLocation: sourceLocation)
        }
    }
}

extension ScriptedI2CBus.Expectation {
    /// Expect a write of `bytes`.
    static func write(_ address: I2CAddress, _ bytes: [UInt8]) -> Self {
        Self(address: address, operations: [.write(bytes)], reply: .success([]))
    }

    /// Expect a read of `reply.count` bytes, answered with `reply`.
    static func read(_ address: I2CAddress, _ reply: [UInt8]) -> Self {
        Self(address: address, operations: [.read(count: reply.count)], reply: .success([reply]))
    }

    /// Expect a write that fails with `error`.
    static func failingWrite(_ address: I2CAddress, _ bytes: [UInt8], _ error: I2CError.Kind) -> Self {
        Self(address: address, operations: [.write(bytes)], reply: .failure(I2CError(error, address: address, operation: "scripted")))
    }
}
