/// How footfall counts leave the box (the `privacy` setting of the box config).
public enum PrivacyProfile: Hashable, Sendable, CustomStringConvertible {
    /// The exact count per direction and window.
    case exact
    /// Counts below `minimumCount` (k) are withheld: the window is released as suppressed.
    case suppress(minimumCount: Int)
    /// Two-sided geometric noise with scale 1/ε added to each count, clamped at zero.
    /// The exact count of a window is never released alongside.
    case differentialPrivacy(epsilon: Double)

    /// What the released values record about how they were made.
    public var mechanism: ReleaseMechanism {
        switch self {
        case .exact: .exact
        case .suppress(let k): .suppression(minimumCount: k)
        case .differentialPrivacy(let epsilon): .differentialPrivacy(epsilon: DiscreteLaplaceSampler(epsilon: epsilon).epsilon)
        }
    }

    /// Parses `exact`, `suppress:5`, `dp:0.5` (the command-line spelling).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first {
        case "exact" where parts.count == 1: self = .exact
        case "suppress" where parts.count == 2:
            guard let k = Int(parts[1]), k >= 1 else { return nil }
            self = .suppress(minimumCount: k)
        case "dp" where parts.count == 2:
            guard let epsilon = Double(parts[1]), DiscreteLaplaceSampler.epsilonRange.contains(epsilon) else { return nil }
            self = .differentialPrivacy(epsilon: epsilon)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .suppress(let k): "suppress:\(k)"
        case .differentialPrivacy(let epsilon): "dp:\(epsilon)"
        }
    }

    /// The value to release for an exact `count`: itself, nothing, or a noisy value.
    public func release(_ count: Int, using source: inout some PrivacyRandomSource) throws(RandomSourceError) -> Int? {
        switch self {
        case .exact:
            return count
        case .suppress(let k):
            return count < k ? nil : count
        case .differentialPrivacy(let epsilon):
            // Clamping after the noise is post-processing: it costs no privacy.
            let noise = try DiscreteLaplaceSampler(epsilon: epsilon).sample(using: &source)
            return max(0, count + noise)
        }
    }
}
