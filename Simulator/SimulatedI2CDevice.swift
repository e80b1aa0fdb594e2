import Hardware

/// A chip twin on a ``SimulatedI2CBus``: a register-level model that answers at the byte level
/// exactly as its datasheet says (after Zephyr's I2C emulators).
///
/// The bus calls these in wire order for every transaction: ``acknowledgeAddress(at:)`` for each
/// START (and repeated START), then ``receive(_:at:faults:)`` or ``transmit(count:at:faults:)`` for
/// the message, and ``stop(at:)`` at the STOP. Twins keep their state behind a lock, so a test may
/// hold a twin and change its scenario or read its state while a driver talks to it.
public protocol SimulatedI2CDevice: AnyObject, Sendable {
    /// The chip's model name (`SPS30`).
    var model: String { get }
    /// Whether the chip acknowledges its address now (a sleeping or busy chip may not).
    func acknowledgeAddress(at time: MonotonicInstant) -> Bool
    /// The controller wrote `bytes`. Returns `false` to NACK the data.
    func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool
    /// The controller reads `count` bytes.
    func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8]
    /// The controller sent STOP.
    func stop(at time: MonotonicInstant)
    /// Power was lost and came back (a brown-out): the chip is back in its power-on state.
    func powerCycle(at time: MonotonicInstant)
}

extension SimulatedI2CDevice {
    public func acknowledgeAddress(at time: MonotonicInstant) -> Bool { true }
    public func stop(at time: MonotonicInstant) {}
}

/// Flips the lowest bit of the byte at `index`, if there is one: how twins corrupt a checksum.
public func corruptByte(_ bytes: inout [UInt8], at index: Int) {
    guard bytes.indices.contains(index) else { return }
    bytes[index] ^= 0x01
}
