import Hardware

/// Adds the quality flags that need history or context beyond one read (pure logic; the pipeline
/// feeds it every sample and every failure of every sensor of the box):
///
/// - ``QualityFlags/stuck``: the value has not changed for ``Configuration/stuckAfterSamples``
///   samples in a row (a frozen sensor still answers, with a valid checksum); 20 times as many
///   for whole-number values, which repeat legitimately;
/// - ``QualityFlags/outOfRange``: outside the quantity's specified range;
/// - ``QualityFlags/degraded``: the sensor failed within its last ``Configuration/errorMemory`` samples;
/// - ``QualityFlags/highHumidity``: an optical PM reading while the box's latest relative humidity
///   (from an SHT4x or SEN5x) is above ``Configuration/highHumidityThreshold``: droplets make
///   optical counters over-read.
public struct QualityMonitor: Sendable {
    /// Thresholds of the checks.
    public struct Configuration: Sendable {
        /// Consecutive identical values that count as stuck (at least 2; smaller values count as 2).
        public var stuckAfterSamples: Int
        /// Specified range per quantity; quantities without one are not range-checked.
        public var ranges: [Quantity: ClosedRange<Double>]
        /// How many samples after a failure a sensor's readings stay flagged degraded.
        public var errorMemory: Int
        /// %RH above which optical PM readings are flagged.
        public var highHumidityThreshold: Double
        /// A humidity older than this (relative to the PM reading) is not used.
        public var humidityMaxAge: Duration
        /// The quantities measured optically (light scattering).
        public var opticalQuantities: Set<Quantity>

        /// Defaults: stuck after 30 equal samples, degraded for 10 samples after a failure, PM flagged above 70 %RH no older than 15 min.
        public init(
            stuckAfterSamples: Int = 30, ranges: [Quantity: ClosedRange<Double>] = QualityMonitor.specifiedRanges,
            errorMemory: Int = 10, highHumidityThreshold: Double = 70, humidityMaxAge: Duration = .seconds(900),
            opticalQuantities: Set<Quantity> = QualityMonitor.opticalQuantities
        ) {
            // A value is only stuck after repeating: fewer than 2 would flag every first sample.
            self.stuckAfterSamples = max(stuckAfterSamples, 2)
            self.ranges = ranges
            self.errorMemory = errorMemory
            self.highHumidityThreshold = highHumidityThreshold
            self.humidityMaxAge = humidityMaxAge
            self.opticalQuantities = opticalQuantities
        }
    }

    /// Datasheet measuring ranges: SPS30 0–1000 µg/m³, SHT4x/SEN5x RH 0–100 %, the box's
    /// operating temperatures −40…85 °C, Sensirion indices 1–500, soil 0–100 %vol, seesaw counts
    /// 200…2000 widened to the 12-bit range it can report.
    public static let specifiedRanges: [Quantity: ClosedRange<Double>] = [
        .massConcentrationPM1_0: 0...1000, .massConcentrationPM2_5: 0...1000,
        .massConcentrationPM4_0: 0...1000, .massConcentrationPM10: 0...1000,
        .numberConcentrationPM0_5: 0...3000, .numberConcentrationPM1_0: 0...3000,
        .numberConcentrationPM2_5: 0...3000, .numberConcentrationPM4_0: 0...3000,
        .numberConcentrationPM10: 0...3000, .typicalParticleSize: 0...10,
        .temperature: -40...85, .relativeHumidity: 0...100, .vocIndex: 1...500, .noxIndex: 1...500,
        .soilMoisture: 0...100, .soilMoistureRaw: 0...4095,
    ]

    /// Every particulate quantity: all come from optical counters here.
    public static let opticalQuantities: Set<Quantity> = [
        .massConcentrationPM1_0, .massConcentrationPM2_5, .massConcentrationPM4_0, .massConcentrationPM10,
        .numberConcentrationPM0_5, .numberConcentrationPM1_0, .numberConcentrationPM2_5,
        .numberConcentrationPM4_0, .numberConcentrationPM10, .typicalParticleSize,
    ]

    private struct SeriesKey: Hashable {
        var sensor: SensorID
        var quantity: Quantity
    }

    /// The thresholds in use.
    public var configuration: Configuration
    private var repeats: [SeriesKey: (value: Double, count: Int)] = [:]
    private var samplesSinceFailure: [SensorID: Int] = [:]
    private var humidity: (value: Double, time: MonotonicInstant)?

    /// A monitor with no history yet.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The latest relative humidity seen from any sensor, %RH.
    public var latestHumidity: Double? { humidity?.value }

    /// Notes that a sample of `sensor` failed (the driver threw).
    public mutating func recordFailure(of sensor: SensorID) {
        samplesSinceFailure[sensor] = 0
    }

    /// Returns `readings` with the flags added. Call once per sample, with all readings of it.
    public mutating func assess(_ readings: [Reading]) -> [Reading] {
        // Humidity first, so a SEN5x's own RH flags its PM of the same sample.
        for reading in readings where reading.quantity == .relativeHumidity {
            if humidity.map({ reading.time >= $0.time }) ?? true { humidity = (reading.value, reading.time) }
        }
        var degradedSensors: Set<SensorID> = []
        for sensor in Set(readings.map(\.sensor)) {
            guard let since = samplesSinceFailure[sensor] else { continue }
            if since < configuration.errorMemory { degradedSensors.insert(sensor) }
            samplesSinceFailure[sensor] = since + 1 < configuration.errorMemory ? since + 1 : nil
        }
        return readings.map { reading in
            var reading = reading
            let key = SeriesKey(sensor: reading.sensor, quantity: reading.quantity)
            let count = repeats[key].map { $0.value == reading.value ? $0.count + 1 : 1 } ?? 1
            repeats[key] = (reading.value, count)
            // Coarse values (whole µg/m³ of a PMSA003I in clean air, a NOx index of 1, seesaw
            // counts) legitimately repeat for a while: they must repeat 20 times longer to count as
            // stuck. A float from an SPS30 or SHT4x never repeats exactly unless frozen.
            let threshold = reading.value == reading.value.rounded() ? configuration.stuckAfterSamples * 20 : configuration.stuckAfterSamples
            if count >= threshold { reading.quality.insert(.stuck) }
            if let range = configuration.ranges[reading.quantity], !range.contains(reading.value) {
                reading.quality.insert(.outOfRange)
            }
            if degradedSensors.contains(reading.sensor) { reading.quality.insert(.degraded) }
            if configuration.opticalQuantities.contains(reading.quantity), let humidity,
               humidity.value > configuration.highHumidityThreshold,
               humidity.time.duration(to: reading.time) <= configuration.humidityMaxAge {
                reading.quality.insert(.highHumidity)
            }
            return reading
        }
    }
}
