#if canImport(Glibc)
import Glibc
#endif

/// Why no random bits could be had: the noise of a release cannot be drawn, so nothing is released.
public struct RandomSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var errno: Int32
    public init(errno: Int32) { self.errno = errno }
    public var description: String { "getrandom(2) failed (errno \(errno))" }
}

/// Where the privacy noise gets its random bits. Production uses ``SystemRandomSource``; tests
/// use ``SeededRandomSource`` so a distribution check is reproducible.
public protocol PrivacyRandomSource {
    /// 64 uniformly random bits.
    mutating func nextUInt64() throws(RandomSourceError) -> UInt64
}

extension PrivacyRandomSource {
    /// A uniform integer in `0 ..< bound` (rejection sampling: no modulo bias).
    mutating func uniform(below bound: UInt64) throws(RandomSourceError) -> UInt64 {
        precondition(bound > 0, "an empty range has no uniform value")
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = try nextUInt64()
            if value < limit { return value % bound }
        }
    }
}

/// The kernel's cryptographic random number generator, through `getrandom(2)` (via `getentropy`) (blocking until the
/// pool is initialised at boot, which happens long before the first window closes).
public struct SystemRandomSource: PrivacyRandomSource, Sendable {
    public init() {}

    public mutating func nextUInt64() throws(RandomSourceError) -> UInt64 {
        var value: UInt64 = 0
        #if canImport(Glibc)
        // getentropy(3) is glibc's wrapper of the getrandom(2) system call (no flags: it blocks
        // only until the kernel's pool is initialised at boot).
        while true {
            let result = withUnsafeMutableBytes(of: &value) { getentropy($0.baseAddress, 8) }
            if result == 0 { break }
            let code = errno
            if code == EINTR { continue }
            throw RandomSourceError(errno: code)
        }
        #else
        value = UInt64.random(in: .min ... .max)
        #endif
        return value
    }
}

/// A reproducible, NOT cryptographic source (SplitMix64) for tests and simulations. A box must
/// never release differentially private counts with it: the noise could be recomputed.
public struct SeededRandomSource: PrivacyRandomSource, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func nextUInt64() throws(RandomSourceError) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
