#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hardware

/// The volumetric water content of a street tree's soil: it dries exponentially towards a dry
/// level and jumps back up at watering events (the city's watering truck, or rain), drawn from the
/// seed every few days.
public struct SoilDrying: Sendable {
    /// Water content right after watering, in %vol.
    public var wetContent: Double
    /// The level the soil dries towards, in %vol.
    public var dryContent: Double
    /// Time constant of the drying.
    public var dryingTimeConstant: Duration
    /// Watering instants, ascending. The soil starts wet at monotonic zero.
    public let waterings: [MonotonicInstant]

    /// - Parameters:
    ///   - wateringEvery: waterings happen at random intervals within this range.
    ///   - horizon: how far ahead waterings are drawn.
    public init(
        seed: UInt64, wetContent: Double = 40, dryContent: Double = 8, dryingTimeConstant: Duration = .seconds(3 * 86_400),
        wateringEvery: ClosedRange<Double> = 2 * 86_400...5 * 86_400, horizon: Duration = .seconds(90 * 86_400)
    ) {
        self.wetContent = wetContent
        self.dryContent = dryContent
        self.dryingTimeConstant = dryingTimeConstant
        var random = SeededRandom(seed: seed)
        var times: [MonotonicInstant] = []
        var at = 0.0
        let end = horizon.seconds
        while true {
            at += wateringEvery.lowerBound + random.unit() * (wateringEvery.upperBound - wateringEvery.lowerBound)
            guard at < end else { break }
            times.append(MonotonicInstant(nanoseconds: UInt64(at * 1e9)))
        }
        self.waterings = times
    }

    /// Soil at a fixed water content (for tests that compare exact values).
    public static func constant(_ content: Double) -> SoilDrying {
        SoilDrying(seed: 0, wetContent: content, dryContent: content, wateringEvery: 1...1, horizon: .zero)
    }

    /// Volumetric water content in %vol.
    public func waterContent(at time: MonotonicInstant) -> Double {
        let lastWatering = waterings.last(where: { $0 <= time }) ?? .zero
        let elapsed = time.scenarioSeconds - lastWatering.scenarioSeconds
        let tau = max(dryingTimeConstant.seconds, 1)
        return dryContent + (wetContent - dryContent) * exp(-elapsed / tau)
    }
}
