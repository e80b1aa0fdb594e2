import Hardware
import Synchronization

/// A simulated I2C adapter: chip twins attach by address, and the bus delivers each transaction to
/// the twin at its address as the wire would — NACK when nobody is there, faults injected per
/// device, transactions serialised.
public final class SimulatedI2CBus: I2CBus {
    private struct State {
        var devices: [I2CAddress: any SimulatedI2CDevice] = [:]
        var faults: [I2CAddress: FaultSet] = [:]
        var busTimedOut = false
        var transactionCount = 0
    }

    public let name: String
    public let capabilities: I2CCapabilities
    private let clock: any BoxClock
    private let state = Mutex(State())

    /// - Parameters:
    ///   - capabilities: `[.smbusI2CBlock]` models an SMBus-only adapter (like Linux i2c-stub):
    ///     only register reads and writes of ≤32 bytes after an 8-bit command work.
    public init(name: String, clock: any BoxClock, capabilities: I2CCapabilities = [.plainI2C, .smbusI2CBlock]) {
        self.name = name
        self.clock = clock
        self.capabilities = capabilities
    }

    /// Puts a twin on the bus. A second twin at the same address is a programmer error.
    public func attach(_ device: any SimulatedI2CDevice, at address: I2CAddress) {
        state.withLock { state in
            precondition(state.devices[address] == nil, "two simulated devices at \(address) on \(name)")
            state.devices[address] = device
        }
    }

    /// Takes the twin at `address` off the bus (as if its cable were pulled for good).
    public func detach(at address: I2CAddress) {
        _ = state.withLock { $0.devices.removeValue(forKey: address) }
    }

    /// The twin at `address`, if any.
    public func device(at address: I2CAddress) -> (any SimulatedI2CDevice)? {
        state.withLock { $0.devices[address] }
    }

    /// The addresses that have a twin.
    public var addresses: [I2CAddress] { state.withLock { $0.devices.keys.sorted() } }

    /// Switches `fault` on or off for the device at `address`.
    public func setFault(_ fault: Fault, _ on: Bool = true, at address: I2CAddress) {
        state.withLock { state in
            if fault == .busTimeout {
                state.busTimedOut = on
            } else if on {
                state.faults[address, default: FaultSet()].active.insert(fault)
            } else {
                state.faults[address]?.active.remove(fault)
            }
        }
    }

    /// Clears every fault of the device at `address` (and a hung bus).
    public func clearFaults(at address: I2CAddress) {
        state.withLock { state in
            state.faults[address] = nil
            state.busTimedOut = false
        }
    }

    /// The faults active for the device at `address`.
    public func faults(at address: I2CAddress) -> FaultSet {
        state.withLock { state in
            var set = state.faults[address] ?? FaultSet()
            if state.busTimedOut { set.active.insert(.busTimeout) }
            return set
        }
    }

    /// A brown-out of the chip at `address`: it resets to its power-on state (measurement stopped).
    public func powerCycle(at address: I2CAddress) {
        let now = clock.now()
        state.withLock { $0.devices[address]?.powerCycle(at: now) }
    }

    /// How many transactions the bus has carried (for tests and benchmarks).
    public var transactionCount: Int { state.withLock { $0.transactionCount } }

    public func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        let now = clock.now()
        let result: Result<[[UInt8]], I2CError> = state.withLock { state in
            state.transactionCount += 1
            if let error = checkSupported(address, operations) { return .failure(error) }
            if state.busTimedOut {
                return .failure(I2CError(.timeout, address: address, operation: "transfer on \(name)", detail: "simulated bus hang"))
            }
            let faults = state.faults[address] ?? FaultSet()
            guard let device = state.devices[address], !faults.contains(.unplugged) else {
                return .failure(I2CError(.noAcknowledge(.address), address: address, operation: "transfer on \(name)"))
            }
            var reads: [[UInt8]] = []
            defer { device.stop(at: now) }
            for operation in operations {
                guard device.acknowledgeAddress(at: now) else {
                    return .failure(I2CError(.noAcknowledge(.address), address: address, operation: "transfer on \(name)"))
                }
                switch operation {
                case .write(let bytes):
                    guard !faults.contains(.nackOnData), device.receive(bytes, at: now, faults: faults) else {
                        return .failure(I2CError(.noAcknowledge(.data), address: address, operation: "write on \(name)"))
                    }
                case .read(let count):
                    var bytes = device.transmit(count: count, at: now, faults: faults)
                    if bytes.count < count { bytes += Array(repeating: 0xFF, count: count - bytes.count) }
                    if bytes.count > count { bytes.removeLast(bytes.count - count) }
                    if faults.contains(.shortRead), count > 1 {
                        // An interrupted read: the rest of the bytes read as an idle (pulled-up) bus.
                        for index in (count / 2)..<count { bytes[index] = 0xFF }
                    }
                    reads.append(bytes)
                }
            }
            return .success(reads)
        }
        return try result.get()
    }

    /// What an SMBus-only adapter refuses (Linux answers `EOPNOTSUPP` before touching the wire).
    private func checkSupported(_ address: I2CAddress, _ operations: [I2COperation]) -> I2CError? {
        if capabilities.contains(.plainI2C) { return nil }
        var supported = false
        if operations.count == 1, case .write(let bytes) = operations[0] {
            supported = (1...33).contains(bytes.count)
        } else if operations.count == 2, case .write(let bytes) = operations[0], case .read(let count) = operations[1] {
            supported = bytes.count == 1 && (1...32).contains(count)
        }
        if supported { return nil }
        return I2CError(
            .unsupported, address: address, operation: "transfer on \(name)", errno: 95,
            detail: "the adapter has no plain-I2C support (I2C_FUNC_I2C); only SMBus register access of up to 32 bytes")
    }
}
