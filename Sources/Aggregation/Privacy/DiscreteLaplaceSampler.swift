/// Exact two-sided geometric (discrete Laplace) noise: P(x) ∝ exp(−ε·|x|) over the integers,
/// sampled with integer arithmetic only (Canonne, Kamath, Steinke, "The Discrete Gaussian for
/// Differential Privacy", 2020, algorithms 1 and 2), so no floating-point rounding can leak the
/// exact count through the noise's low bits.
///
/// ε is taken as a rational number `numerator / denominator` (0.5 = 1/2).
public struct DiscreteLaplaceSampler: Hashable, Sendable {
    public let numerator: UInt64
    public let denominator: UInt64

    /// The range of ε the sampler takes: below 0.001 no fraction with a denominator of at most
    /// 1000 comes near it (the nearest would be 1/1000, twice ε at 0.0005, or worse).
    public static let epsilonRange: ClosedRange<Double> = 0.001...100

    /// - Parameter epsilon: the privacy parameter (in ``epsilonRange``), approximated by the
    ///   nearest fraction with a denominator of at most 1000 (so 0.5 → 1/2, 0.1 → 1/10, 0.25 → 1/4).
    public init(epsilon: Double) {
        precondition(Self.epsilonRange.contains(epsilon), "ε must be in 0.001…100")
        let (numerator, denominator) = Self.fraction(epsilon, maximumDenominator: 1000)
        self.numerator = numerator
        self.denominator = denominator
    }

    /// ε as the sampler uses it.
    public var epsilon: Double { Double(numerator) / Double(denominator) }

    /// The noise's variance, 2·e^(−ε) / (1 − e^(−ε))².
    public var variance: Double {
        let q = exp(-epsilon)
        return 2 * q / ((1 - q) * (1 - q))
    }

    /// One noise value.
    public func sample(using source: inout some PrivacyRandomSource) throws(RandomSourceError) -> Int {
        // Algorithm 2 with scale t/s = 1/ε: s = numerator, t = denominator.
        let s = numerator, t = denominator
        while true {
            let u = try source.uniform(below: t)
            guard try bernoulliExp(numerator: u, denominator: t, source: &source) else { continue }
            var v: UInt64 = 0
            while try bernoulliExp(numerator: 1, denominator: 1, source: &source) { v += 1 }
            let x = u + t * v
            let y = x / s
            let negative = try source.uniform(below: 2) == 1
            if negative && y == 0 { continue }
            return negative ? -Int(y) : Int(y)
        }
    }

    /// Bernoulli(exp(−n/d)) exactly (algorithm 1).
    private func bernoulliExp(numerator n: UInt64, denominator d: UInt64, source: inout some PrivacyRandomSource) throws(RandomSourceError) -> Bool {
        if n > d {
            for _ in 0..<(n / d) {
                guard try bernoulliExp(numerator: 1, denominator: 1, source: &source) else { return false }
            }
            return try bernoulliExp(numerator: n % d, denominator: d, source: &source)
        }
        var k: UInt64 = 1
        while true {
            // Bernoulli(γ / k) with γ = n/d.
            let (scaled, overflow) = d.multipliedReportingOverflow(by: k)
            if overflow { break }
            guard try source.uniform(below: scaled) < n else { break }
            k += 1
        }
        return k % 2 == 1
    }

    /// The best rational approximation with a bounded denominator (continued fractions).
    static func fraction(_ value: Double, maximumDenominator: UInt64) -> (UInt64, UInt64) {
        var (h0, h1): (UInt64, UInt64) = (0, 1)
        var (k0, k1): (UInt64, UInt64) = (1, 0)
        var x = value
        for _ in 0..<40 {
            let a = UInt64(x.rounded(.down))
            let k2 = a * k1 + k0
            if k2 > maximumDenominator { break }
            (h0, h1) = (h1, a * h1 + h0)
            (k0, k1) = (k1, k2)
            let rest = x - Double(a)
            if rest < 1e-12 { break }
            x = 1 / rest
        }
        return (max(h1, 1), max(k1, 1))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
