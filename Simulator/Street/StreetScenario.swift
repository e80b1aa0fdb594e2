import Hardware

/// The physical parameters of a simulated shopping street under a thermal sensor: who walks
/// when, how, and in what weather. A scenario plus a seed gives one reproducible day.
public struct StreetScenario: Hashable, Sendable {
    public var name: String
    public var summary: String
    /// Wall time at simulation second 0 (local midnight of the scenario's first day).
    public var start: WallTime
    /// The local time zone's offset from UTC, in seconds (the daily profile is in local time).
    public var utcOffsetSeconds: Int64

    // Sensor and site.
    /// Height of the sensor above the pavement, in metres.
    public var mountingHeight: Double = 4.0
    /// The field of view of the array, in degrees (60° for the AMG8833), on both axes.
    public var fieldOfViewDegrees: Double = 60
    public var width = 8
    public var height = 8
    /// Standard deviation of the per-pixel noise in °C at 10 fps.
    public var sensorNoise: Double = 0.3
    /// Frames per second the array delivers. Its noise per frame grows with the square root of
    /// the rate (a frame integrates for less time): ``sensorNoise`` × √(fps / 10).
    public var framesPerSecond = 10

    // People.
    /// People per hour (both directions together) at the busiest hour of a normal weekday.
    public var peakPeoplePerHour: Double
    /// Activity per hour of the local day (0…23) relative to the peak, interpolated in between.
    public var hourlyProfile: [Double] = StreetScenario.shoppingStreetHours
    /// Activity per weekday relative to a normal weekday, Monday first.
    public var weekdayFactors: [Double] = [0.85, 0.85, 0.9, 0.95, 1.05, 1.6, 0.25]
    /// Share of walkers going in the `in` direction (towards the last row of the frame).
    public var inShare: Double = 0.5
    /// Probabilities of party sizes 1, 2, 3, 4 (a party walks together, abreast when it can).
    public var partySizes: [Double] = [0.68, 0.24, 0.06, 0.02]
    /// Share of parties that stop under the sensor for a while (window shoppers, a chat).
    public var lingerShare: Double = 0.03
    /// How long a lingering party stands, in seconds.
    public var lingerSeconds: ClosedRange<Double> = 5...90
    /// Share of people in a party of two or more who are children.
    public var childShare: Double = 0.12
    /// Share of parties that are one person on a bicycle.
    public var cyclistShare: Double = 0.03

    // Weather.
    /// Daily mean air temperature, °C, and the half-range of its day/night swing.
    public var meanTemperature: Double
    public var dailyAmplitude: Double
    /// How many °C the sun can heat the pavement above the air at noon under a clear sky.
    public var sunHeating: Double
    /// Mean cloud cover 0…1 (passing clouds vary around it).
    public var cloudCover: Double = 0.3
    /// Local sunrise and sunset hours.
    public var sunrise: Double = 6
    public var sunset: Double = 20
    /// Rain, as ranges of local hours of the day.
    public var rainHours: [ClosedRange<Double>] = []

    public init(
        name: String, summary: String, start: WallTime, utcOffsetSeconds: Int64, peakPeoplePerHour: Double,
        meanTemperature: Double, dailyAmplitude: Double, sunHeating: Double
    ) {
        self.name = name
        self.summary = summary
        self.start = start
        self.utcOffsetSeconds = utcOffsetSeconds
        self.peakPeoplePerHour = peakPeoplePerHour
        self.meanTemperature = meanTemperature
        self.dailyAmplitude = dailyAmplitude
        self.sunHeating = sunHeating
    }

    /// A shopping street: quiet nights, a noon peak, a bigger early-evening peak.
    public static let shoppingStreetHours: [Double] = [
        0.04, 0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.12, 0.25, 0.38, 0.58, 0.78,
        0.95, 0.90, 0.78, 0.80, 0.88, 0.97, 1.00, 0.78, 0.50, 0.30, 0.16, 0.08,
    ]

    /// Local midnight of a calendar day, as wall time.
    public static func localMidnight(year: Int, month: Int, day: Int, utcOffsetHours: Int64) -> WallTime {
        WallTime(secondsSinceEpoch: daysFromCivil(year: year, month: month, day: day) * 86_400 - utcOffsetHours * 3600)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
