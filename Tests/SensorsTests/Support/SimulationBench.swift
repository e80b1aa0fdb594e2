import Hardware
import Sensors
import Simulator

/// A simulated bus on a virtual clock: what behaviour tests run drivers against.
struct SimulationBench {
    let clock = VirtualClock(start: WallTime(secondsSinceEpoch: 1_780_000_000))
    let bus: SimulatedI2CBus

    init(capabilities: I2CCapabilities = [.plainI2C, .smbusI2CBlock]) {
        bus = SimulatedI2CBus(name: "sim-i2c-1", clock: clock, capabilities: capabilities)
        // The agent starts a while after the chips got power (their power-up times have passed).
        clock.advance(by: .seconds(1))
    }

    func advance(by duration: Duration) { clock.advance(by: duration) }
}

/// Every fault a twin or the bus can inject, except `.frozenValue`: a frozen value is not an error
/// on a single read (QualityMonitor flags it as stuck; tested there).
let readFailingFaults: [Fault] = [.unplugged, .nackOnData, .crcCorruption, .notReady, .busTimeout, .shortRead]

extension Reading {
    var summary: String { "\(quantity)=\(value)" }
}

extension Array where Element == Reading {
    /// The value of `quantity`, if a reading of it is present.
    func value(_ quantity: Quantity) -> Double? { first { $0.quantity == quantity }?.value }
}

extension SimulationBench {
    /// Samples every `interval` until the sensor returns readings (a sensor may return nothing
    /// while it has no new data), at most `attempts` times.
    func firstReadings(from sensor: some Sensor, interval: Duration = .seconds(1), attempts: Int = 5) async throws -> [Reading] {
        for _ in 0..<attempts {
            advance(by: interval)
            let readings = try await sensor.sample()
            if !readings.isEmpty { return readings }
        }
        return []
    }

    /// Samples every `interval` until the sensor throws, at most `attempts` times: the error it
    /// reported, or `nil` when it never did.
    func firstError(from sensor: some Sensor, interval: Duration = .seconds(1), attempts: Int = 5) async -> SensorError? {
        for _ in 0..<attempts {
            advance(by: interval)
            do { _ = try await sensor.sample() } catch { return SensorError(error) }
        }
        return nil
    }
}
