import Hardware

/// Deterministic noise for scenarios: a value in [-1, 1) that depends only on the seed, the stream
/// and the time step, so a scenario answers the same at the same instant however often, and in
/// whatever order, twins ask it.
struct ScenarioNoise: Sendable {
    let seed: UInt64
    /// The length of one noise step: the value is constant within a step.
    let step: Duration

    func value(at time: MonotonicInstant, stream: UInt64) -> Double {
        let stepNanoseconds = UInt64(max(step.nanosecondsClamped, 1))
        let index = time.nanoseconds / stepNanoseconds
        var random = SeededRandom(seed: seed ^ (index &* 0x9E37_79B9_7F4A_7C15) ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return random.unit() * 2 - 1
    }
}

extension MonotonicInstant {
    /// Seconds since monotonic zero, as scenario formulas use them.
    var scenarioSeconds: Double { Double(nanoseconds) / 1e9 }
}
