import Hardware
import Synchronization

/// A Plantower PMSA003I at the byte level (docs/sensors.md, "Plantower PMSA003I").
///
/// Any read returns the latest 32-byte frame (updated once a second), with or without a preceding
/// register-0 write. After power-up the sensor is sluggish: it answers zeros, then garbage, for
/// ``sluggishPeriod`` before its first valid frame. PM comes from a ``ParticulateSource``.
///
/// Faults: `.crcCorruption` flips a bit of the checksum; `.notReady` answers zeros (as during
/// start-up); `.frozenValue` repeats the last frame.
public final class PMSA003ITwin: SimulatedI2CDevice {
    private struct State {
        var poweredOnAt: MonotonicInstant
        var lastFrame: [UInt8]? = nil
    }

    public let model = "PMSA003I"
    /// The air the sensor samples.
    public let air: ParticulateSource
    /// How long after power-up the sensor answers zeros (first half) and garbage (second half).
    public let sluggishPeriod: Duration
    private let seed: UInt64
    private let state: Mutex<State>

    /// A sensor powered on at `poweredOnAt`; `seed` fixes its start-up garbage.
    public init(
        air: ParticulateSource, poweredOnAt: MonotonicInstant = .zero, sluggishPeriod: Duration = .seconds(3),
        seed: UInt64 = 1
    ) {
        self.air = air
        self.sluggishPeriod = sluggishPeriod
        self.seed = seed
        self.state = Mutex(State(poweredOnAt: poweredOnAt))
    }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        // Only register 0 exists: some drivers select it before reading.
        bytes == [0x00]
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            let sincePowerOn = time - state.poweredOnAt
            var frame: [UInt8]
            if sincePowerOn < sluggishPeriod / 2 || faults.contains(.notReady) {
                frame = Array(repeating: 0, count: 32)
            } else if sincePowerOn < sluggishPeriod {
                var random = SeededRandom(seed: seed ^ time.nanoseconds)
                frame = (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else if faults.contains(.frozenValue), let last = state.lastFrame {
                frame = last
            } else {
                // A new frame once a second.
                let second = MonotonicInstant(nanoseconds: time.nanoseconds / 1_000_000_000 * 1_000_000_000)
                frame = Self.frame(air.sample(at: second).mass)
                state.lastFrame = frame
            }
            if faults.contains(.crcCorruption) { corruptByte(&frame, at: 31) }
            return Array(frame.prefix(count))
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { $0 = State(poweredOnAt: time) }
    }

    /// Builds a valid frame for the given mass concentrations (µg/m³).
    static func frame(_ mass: (pm1_0: Double, pm2_5: Double, pm4_0: Double, pm10: Double)) -> [UInt8] {
        func clamp(_ value: Double) -> UInt16 { UInt16(min(max(value.rounded(), 0), 65535)) }
        let masses = [mass.pm1_0, mass.pm2_5, mass.pm10].map(clamp)
        // Counts per 0.1 L: rough urban size distribution scaled by PM2.5.
        let counts = [120.0, 35, 6, 0.8, 0.25, 0.1].map { clamp($0 * mass.pm2_5) }
        var words: [UInt16] = [0x424D, 28]
        words += masses + masses + counts
        words.append(0x9700)  // version 0x97, error code 0
        var bytes = words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let sum = bytes.reduce(UInt16(0)) { $0 &+ UInt16($1) }
        bytes += [UInt8(sum >> 8), UInt8(sum & 0xFF)]
        return bytes
    }
}
