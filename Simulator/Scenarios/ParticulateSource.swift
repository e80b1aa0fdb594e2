import Hardware

/// Where a particulate-matter twin (SEN5x, PMSA003I) gets its air: a function of monotonic time.
///
/// The street's air is an ``UrbanAirScenario`` (a function of wall time, so that twins sampling
/// at different rates see the same air); ``urban(_:clock:)`` maps monotonic to wall time through
/// the clock, as the SPS30 twin does. Tests use ``constant(pm2_5:)``.
public struct ParticulateSource: Sendable {
    private let sample: @Sendable (MonotonicInstant) -> ParticulateSample

    /// Air from any function of monotonic time.
    public init(_ sample: @escaping @Sendable (MonotonicInstant) -> ParticulateSample) {
        self.sample = sample
    }

    /// The air of `scenario`, at the wall time that corresponds to each monotonic instant.
    public static func urban(_ scenario: UrbanAirScenario, clock: any BoxClock) -> ParticulateSource {
        ParticulateSource { time in
            let offset = clock.now().duration(to: time)
            return scenario.sample(at: clock.wallTime().time + offset)
        }
    }

    /// Air of one PM2.5 level forever (the other sizes follow ``ParticulateSample/init(pm2_5:)``).
    public static func constant(pm2_5: Double) -> ParticulateSource {
        ParticulateSource { _ in ParticulateSample(pm2_5: pm2_5) }
    }

    /// The air at `time`.
    public func sample(at time: MonotonicInstant) -> ParticulateSample { sample(time) }
}
