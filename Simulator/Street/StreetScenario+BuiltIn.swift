extension StreetScenario {
    /// The named scenarios `simulate --scenario` knows, in the order they are listed.
    public static let builtIn: [StreetScenario] = [
        springWeekday, hotSummerAfternoon, crowdedSaturday, rainyAutumn, winterWeekday, quietSunday,
    ]

    /// Days kept out of tuning, for checking that the counter generalises (`accuracy --held-out`).
    /// The market day was examined in the seventh round of counting work (docs/counting.md), which
    /// found a fault in the street model's rain; the Friday evening is still unexamined.
    public static let heldOut: [StreetScenario] = [heldOutMarketDay, heldOutFridayEvening]

    /// The built-in or held-out scenario called `name`, if any.
    public static func named(_ name: String) -> StreetScenario? {
        (builtIn + heldOut).first { $0.name == name }
    }

    /// A mild Tuesday in April: the reference day.
    public static let springWeekday: StreetScenario = {
        var scenario = StreetScenario(
            name: "spring-weekday", summary: "Tuesday in April, mild, some clouds",
            start: localMidnight(year: 2026, month: 4, day: 14, utcOffsetHours: 2), utcOffsetSeconds: 7200,
            peakPeoplePerHour: 700, meanTemperature: 13, dailyAmplitude: 5, sunHeating: 9)
        scenario.cloudCover = 0.4
        scenario.sunrise = 6.5
        scenario.sunset = 20
        return scenario
    }()

    /// A Saturday in June at 33 °C: the pavement heats past body temperature in the afternoon,
    /// so people turn from warm spots into cool ones, with a cross-over in between.
    public static let hotSummerAfternoon: StreetScenario = {
        var scenario = StreetScenario(
            name: "hot-summer-afternoon", summary: "Saturday in June, 33 °C, sun heats the pavement to 50 °C",
            start: localMidnight(year: 2026, month: 6, day: 27, utcOffsetHours: 2), utcOffsetSeconds: 7200,
            peakPeoplePerHour: 750, meanTemperature: 26, dailyAmplitude: 7, sunHeating: 20)
        scenario.cloudCover = 0.05
        scenario.sunrise = 5
        scenario.sunset = 21.5
        scenario.lingerShare = 0.05
        scenario.partySizes = [0.55, 0.32, 0.09, 0.04]
        return scenario
    }()

    /// The Saturday before Christmas: the busiest day, many groups, children, people stopping.
    public static let crowdedSaturday: StreetScenario = {
        var scenario = StreetScenario(
            name: "crowded-saturday", summary: "Saturday in December, crowded, groups and children",
            start: localMidnight(year: 2026, month: 12, day: 19, utcOffsetHours: 1), utcOffsetSeconds: 3600,
            peakPeoplePerHour: 1000, meanTemperature: 3, dailyAmplitude: 3, sunHeating: 2)
        scenario.cloudCover = 0.7
        scenario.sunrise = 8.2
        scenario.sunset = 16.3
        scenario.partySizes = [0.45, 0.35, 0.13, 0.07]
        scenario.childShare = 0.2
        scenario.lingerShare = 0.06
        return scenario
    }()

    /// A Thursday in November with two showers: the wet pavement cools to the air temperature.
    public static let rainyAutumn: StreetScenario = {
        var scenario = StreetScenario(
            name: "rainy-autumn", summary: "Thursday in November, 9 °C, showers 10-13 h and 17-19 h",
            start: localMidnight(year: 2026, month: 11, day: 12, utcOffsetHours: 1), utcOffsetSeconds: 3600,
            peakPeoplePerHour: 550, meanTemperature: 9, dailyAmplitude: 3, sunHeating: 4)
        scenario.cloudCover = 0.8
        scenario.sunrise = 7.6
        scenario.sunset = 16.6
        scenario.rainHours = [10...13, 17...19]
        scenario.cyclistShare = 0.05
        return scenario
    }()

    /// A frosty Monday in January: large contrast, few people, many cyclists in the morning.
    public static let winterWeekday: StreetScenario = {
        var scenario = StreetScenario(
            name: "winter-weekday", summary: "Monday in January, -4 to 2 °C, clear and cold",
            start: localMidnight(year: 2027, month: 1, day: 11, utcOffsetHours: 1), utcOffsetSeconds: 3600,
            peakPeoplePerHour: 450, meanTemperature: -1, dailyAmplitude: 3, sunHeating: 3)
        scenario.cloudCover = 0.1
        scenario.sunrise = 8.2
        scenario.sunset = 16.6
        scenario.cyclistShare = 0.08
        return scenario
    }()

    /// A Sunday in May: shops closed, strollers, families, people stopping at the windows.
    public static let quietSunday: StreetScenario = {
        var scenario = StreetScenario(
            name: "quiet-sunday", summary: "Sunday in May, shops closed, strollers and families",
            start: localMidnight(year: 2026, month: 5, day: 17, utcOffsetHours: 2), utcOffsetSeconds: 7200,
            peakPeoplePerHour: 700, meanTemperature: 17, dailyAmplitude: 6, sunHeating: 13)
        scenario.cloudCover = 0.25
        scenario.sunrise = 5.5
        scenario.sunset = 21
        scenario.partySizes = [0.4, 0.4, 0.12, 0.08]
        scenario.childShare = 0.25
        scenario.lingerShare = 0.12
        return scenario
    }()

    /// Kept out of every tuning decision: a market Wednesday in September under a lower, noisier
    /// sensor with another daily rhythm. Only for checking that the counter generalises.
    public static let heldOutMarketDay: StreetScenario = {
        var scenario = StreetScenario(
            name: "held-out-market-day", summary: "Wednesday market in September, lower noisier sensor",
            start: localMidnight(year: 2026, month: 9, day: 16, utcOffsetHours: 2), utcOffsetSeconds: 7200,
            peakPeoplePerHour: 800, meanTemperature: 18, dailyAmplitude: 5, sunHeating: 11)
        scenario.mountingHeight = 3.6
        scenario.sensorNoise = 0.4
        scenario.hourlyProfile = [
            0.03, 0.02, 0.01, 0.01, 0.02, 0.05, 0.15, 0.45, 0.85, 1.00, 0.95, 0.90,
            0.80, 0.60, 0.45, 0.45, 0.55, 0.65, 0.55, 0.35, 0.25, 0.15, 0.08, 0.05,
        ]
        scenario.partySizes = [0.6, 0.28, 0.08, 0.04]
        scenario.lingerShare = 0.08
        scenario.cyclistShare = 0.06
        scenario.rainHours = [15.5...16.5]
        return scenario
    }()

    /// Kept out of every tuning decision, and written before it was first run: a Friday in October
    /// with the evening busier than the day, more people walking in than out, many cyclists, a
    /// shower at nightfall, under a sensor a little lower and noisier than the built-in ones.
    public static let heldOutFridayEvening: StreetScenario = {
        var scenario = StreetScenario(
            name: "held-out-friday-evening", summary: "Friday in October, busy evening, shower at nightfall",
            start: localMidnight(year: 2026, month: 10, day: 9, utcOffsetHours: 2), utcOffsetSeconds: 7200,
            peakPeoplePerHour: 650, meanTemperature: 12, dailyAmplitude: 4, sunHeating: 6)
        scenario.mountingHeight = 3.3
        scenario.sensorNoise = 0.35
        scenario.cloudCover = 0.5
        scenario.sunrise = 7.4
        scenario.sunset = 18.8
        scenario.hourlyProfile = [
            0.10, 0.06, 0.04, 0.02, 0.02, 0.03, 0.08, 0.20, 0.35, 0.40, 0.45, 0.55,
            0.65, 0.60, 0.55, 0.60, 0.70, 0.85, 1.00, 0.95, 0.85, 0.70, 0.45, 0.25,
        ]
        scenario.inShare = 0.55
        scenario.partySizes = [0.5, 0.33, 0.11, 0.06]
        scenario.lingerShare = 0.05
        scenario.cyclistShare = 0.1
        scenario.childShare = 0.08
        scenario.rainHours = [19...20.5]
        return scenario
    }()
}
