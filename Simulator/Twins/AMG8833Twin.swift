import Hardware
import Synchronization

/// A Panasonic Grid-EYE AMG8833 at the register level (docs/sensors.md, "Panasonic Grid-EYE").
///
/// A write `[reg]` sets the register pointer, `[reg, value]` writes a register; reads
/// auto-increment from the pointer. Pixels (0x80–0xFF, 12-bit two's complement, 0.25 °C) and the
/// thermistor (0x0E/0x0F, 12-bit sign-magnitude, 0.0625 °C) are rendered from a ``ThermalScene``
/// once per frame (10 or 1 fps).
///
/// Power-on state: the output registers read 0 until the documented power-on sequence has run
/// (initial reset 0x3F written, then 200 ms for two frames) `[?]`: a real chip may start on its
/// own, but a driver must not rely on that, and this is what makes a brown-out visible.
///
/// Faults: `.notReady` — output registers read 0 (no frame); `.crcCorruption` — the chip has no
/// checksum, so a corrupted read sets the must-be-zero upper bits of the first high byte (the
/// only corruption a driver can see); `.frozenValue` — the same frame over and over.
public final class AMG8833Twin: SimulatedI2CDevice {
    private struct State {
        var pointer: UInt8 = 0
        var registers = [UInt8](repeating: 0, count: 256)
        /// When the output registers become valid; `nil` until the initial reset was written.
        var validFrom: MonotonicInstant? = nil
        var frozen: [UInt8]? = nil
    }

    public let model = "AMG8833"
    /// What the array looks at.
    public let scene: any ThermalScene
    private let state = Mutex(State())

    /// A chip in its power-on state looking at `scene` (8 × 8).
    public init(scene: any ThermalScene) {
        precondition(scene.width == 8 && scene.height == 8, "the AMG8833 sees 8 × 8 pixels")
        self.scene = scene
    }

    /// Whether the power-on sequence has run since the last power-up (for tests).
    public var isInitialised: Bool { state.withLock { $0.validFrom != nil } }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard let register = bytes.first else { return false }
        state.withLock { state in
            state.pointer = register
            for (offset, value) in bytes.dropFirst().enumerated() {
                write(&state, register: register &+ UInt8(offset), value: value, at: time)
            }
        }
        return true
    }

    private func write(_ state: inout State, register: UInt8, value: UInt8, at time: MonotonicInstant) {
        switch register {
        case 0x01:
            // 0x3F initial reset: settings back to defaults, two frames until valid output.
            if value == 0x3F {
                state.registers[0x02] = 0
                state.registers[0x07] = 0
                state.validFrom = time.advanced(by: .milliseconds(200))
            }
        case 0x00, 0x02, 0x03, 0x07, 0x08...0x0D: state.registers[Int(register)] = value
        case 0x05: state.registers[0x04] &= ~value  // status clear
        default: break  // output registers are read-only
        }
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            var registers = state.registers
            let valid = state.validFrom.map { time >= $0 } ?? false
            let awake = registers[0x00] == 0x00
            if valid, awake, !faults.contains(.notReady) {
                let output: [UInt8]
                if faults.contains(.frozenValue), let frozen = state.frozen {
                    output = frozen
                } else {
                    output = render(at: frameTime(time, oneFPS: registers[0x02] & 0x01 != 0))
                    state.frozen = output
                }
                registers.replaceSubrange(0x80...0xFF, with: output[2...])
                registers[0x0E] = output[0]
                registers[0x0F] = output[1]
            }
            var bytes = (0..<count).map { registers[Int(state.pointer &+ UInt8(truncatingIfNeeded: $0))] }
            state.pointer = state.pointer &+ UInt8(truncatingIfNeeded: count)
            if faults.contains(.crcCorruption), bytes.count >= 2 { bytes[1] |= 0xF0 }
            return bytes
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { $0 = State() }
    }

    /// The start of the frame that is current at `time`.
    private func frameTime(_ time: MonotonicInstant, oneFPS: Bool) -> MonotonicInstant {
        let period: UInt64 = oneFPS ? 1_000_000_000 : 100_000_000
        return MonotonicInstant(nanoseconds: time.nanoseconds / period * period)
    }

    /// Thermistor (2 bytes) then 64 pixels (128 bytes), low byte first.
    private func render(at time: MonotonicInstant) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(130)
        let thermistor = scene.thermistor(at: time)
        let magnitude = UInt16(min((abs(thermistor) / 0.0625).rounded(), 0x7FF))
        let thermistorRaw = magnitude | (thermistor < 0 && magnitude != 0 ? 0x800 : 0)
        bytes += [UInt8(thermistorRaw & 0xFF), UInt8(thermistorRaw >> 8)]
        for temperature in scene.frame(at: time) {
            let raw = Int16(min(max((temperature / 0.25).rounded(), -2048), 2047))
            let raw12 = UInt16(bitPattern: raw) & 0x0FFF
            bytes += [UInt8(raw12 & 0xFF), UInt8(raw12 >> 8)]
        }
        return bytes
    }
}
