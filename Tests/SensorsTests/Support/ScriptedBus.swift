import Hardware
import Synchronization
import Testing

/// A scripted bus double (after embedded-hal-mock): the test lists the transactions it expects, in
/// order, with the bytes the chip answers. An unexpected transaction fails the test and throws;
/// ``verify(sourceLocation:)`` fails it when an expected transaction was never made.
final class ScriptedBus: I2CBus {
    struct Expectation {
        var address: I2CAddress
        var operations: [I2COperation]
        var result: Result<[[UInt8]], I2CError>
    }

    let name = "scripted"
    let capabilities: I2CCapabilities
    private let expectations: Mutex<[Expectation]>

    init(capabilities: I2CCapabilities = [.plainI2C, .smbusI2CBlock]) {
        self.capabilities = capabilities
        self.expectations = Mutex([])
    }

    /// Expects one transaction of `operations` and answers its reads with `replies`.
    func expect(_ address: I2CAddress, _ operations: [I2COperation], replies: [[UInt8]] = []) {
        expectations.withLock { $0.append(Expectation(address: address, operations: operations, result: .success(replies))) }
    }

    /// Expects one transaction and fails it with `error`.
    func expect(_ address: I2CAddress, _ operations: [I2COperation], failing error: I2CError) {
        expectations.withLock { $0.append(Expectation(address: address, operations: operations, result: .failure(error))) }
    }

    /// `S addr+W bytes P`
    func expectWrite(_ address: I2CAddress, _ bytes: [UInt8]) { expect(address, [.write(bytes)]) }

    /// `S addr+R … P` answered with `reply`.
    func expectRead(_ address: I2CAddress, reply: [UInt8]) { expect(address, [.read(count: reply.count)], replies: [reply]) }

    /// `S addr+W bytes Sr addr+R … P` answered with `reply`.
    func expectWriteRead(_ address: I2CAddress, _ bytes: [UInt8], reply: [UInt8]) {
        expect(address, [.write(bytes), .read(count: reply.count)], replies: [reply])
    }

    var remaining: Int { expectations.withLock { $0.count } }

    /// Fails the test for every expected transaction that was not made.
    func verify(sourceLocation: SourceLocation = #_sourceLocation) {
        for left in expectations.withLock({ $0 }) {
            Issue.record("expected transaction never made: \(left.address) \(left.operations)", sourceLocation: sourceLocation)
        }
    }

    func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        let next: Expectation? = expectations.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else {
            Issue.record("unexpected transaction: \(address) \(operations)")
            throw I2CError(.other, address: address, operation: "scripted", detail: "unexpected transaction")
        }
        guard next.address == address, next.operations == operations else {
            Issue.record("expected \(next.address) \(next.operations), got \(address) \(operations)")
            throw I2CError(.other, address: address, operation: "scripted", detail: "wrong transaction")
        }
        return try next.result.get()
    }
}
