import Aggregation
import Hardware
import Testing

@Suite("Privacy: discrete Laplace sampler and profiles")
struct PrivacyProfileTests {
    @Test("ε is used as an exact fraction", arguments: [
        (epsilon: 0.5, numerator: UInt64(1), denominator: UInt64(2)),
        (epsilon: 0.1, numerator: 1, denominator: 10),
        (epsilon: 1.0, numerator: 1, denominator: 1),
        (epsilon: 0.25, numerator: 1, denominator: 4),
    ])
    func rationalEpsilon(epsilon: Double, numerator: UInt64, denominator: UInt64) {
        let sampler = DiscreteLaplaceSampler(epsilon: epsilon)
        #expect(sampler.numerator == numerator)
        #expect(sampler.denominator == denominator)
    }

    @Test("noise has mean 0, the discrete Laplace variance and P(0) within statistical bounds", arguments: [0.5, 1.0, 2.0])
    func distribution(epsilon: Double) throws {
        let sampler = DiscreteLaplaceSampler(epsilon: epsilon)
        var source = SeededRandomSource(seed: 2026)
        let n = 40_000
        var sum = 0.0, sumSquares = 0.0, zeros = 0, positives = 0, negatives = 0
        for _ in 0..<n {
            let x = try sampler.sample(using: &source)
            sum += Double(x)
            sumSquares += Double(x * x)
            if x == 0 { zeros += 1 }
            if x > 0 { positives += 1 }
            if x < 0 { negatives += 1 }
        }
        let q = exp(-epsilon)
        let variance = 2 * q / ((1 - q) * (1 - q))
        let mean = sum / Double(n)
        // Mean: within 5 standard errors.
        #expect(abs(mean) < 5 * (variance / Double(n)).squareRoot())
        // Variance: the sample variance of a Laplace-like law has relative sd ≈ sqrt(5/n) ≈ 1.1 %.
        let sampleVariance = sumSquares / Double(n) - mean * mean
        #expect(abs(sampleVariance / variance - 1) < 0.06)
        // P(0) = (1 − q) / (1 + q).
        let p0 = (1 - q) / (1 + q)
        #expect(abs(Double(zeros) / Double(n) - p0) < 5 * (p0 * (1 - p0) / Double(n)).squareRoot())
        // Symmetric.
        #expect(abs(positives - negatives) < 5 * Int(Double(positives + negatives).squareRoot()))
    }

    @Test("ε = 0.5 gives a standard deviation of about 2.8 people")
    func documentedNoiseLevel() {
        #expect(abs(DiscreteLaplaceSampler(epsilon: 0.5).variance.squareRoot() - 2.8) < 0.05)
    }

    @Test("suppression withholds counts below k and releases the others exactly", arguments: [0, 1, 4, 5, 6, 40])
    func suppression(count: Int) throws {
        var source = SeededRandomSource(seed: 1)
        let released = try PrivacyProfile.suppress(minimumCount: 5).release(count, using: &source)
        #expect(released == (count < 5 ? nil : count))
    }

    @Test("dp releases are never negative and scatter around the count")
    func dpClampedAndNoisy() throws {
        var source = SeededRandomSource(seed: 9)
        let profile = PrivacyProfile.differentialPrivacy(epsilon: 0.5)
        var values: [Int] = []
        for _ in 0..<2000 { values.append(try #require(try profile.release(1, using: &source))) }
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(Set(values).count > 5)
        var high: [Int] = []
        for _ in 0..<2000 { high.append(try #require(try profile.release(100, using: &source))) }
        let mean = Double(high.reduce(0, +)) / 2000
        #expect(abs(mean - 100) < 0.5)
    }

    @Test("profiles parse from their command-line spelling", arguments: [
        ("exact", PrivacyProfile.exact), ("suppress:5", .suppress(minimumCount: 5)), ("dp:0.5", .differentialPrivacy(epsilon: 0.5)),
    ])
    func parsing(text: String, profile: PrivacyProfile) {
        #expect(PrivacyProfile(parsing: text) == profile)
    }

    @Test("nonsense profiles are refused", arguments: ["", "dp", "dp:0", "dp:-1", "dp:0.0005", "dp:101", "suppress:0", "suppress:x", "exactly"])
    func parsingRefuses(text: String) {
        #expect(PrivacyProfile(parsing: text) == nil)
    }

    @Test("the system source gives varying 64-bit values")
    func systemSource() throws {
        var source = SystemRandomSource()
        let values = try (0..<8).map { _ in try source.nextUInt64() }
        #expect(Set(values).count == 8)
    }
}

#if canImport(Glibc)
import Glibc
#endif
