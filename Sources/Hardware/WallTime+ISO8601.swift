// Calendar arithmetic for UTC timestamps without Foundation (days from civil, after H. Hinnant's
// public-domain algorithms): enough for RFC 3339 timestamps in output and on the command line.

extension WallTime {
    /// `2026-11-26T20:10:00Z` (whole seconds, UTC).
    public var iso8601: String {
        let seconds = secondsSinceEpoch
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD` (UTC); `nil` if it is not that.
    public init?(iso8601 text: String) {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let datePart = parts.first else { return nil }
        let date = datePart.split(separator: "-")
        guard date.count == 3, let year = Int64(date[0]), let month = Int64(date[1]), let day = Int64(date[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var secondOfDay: Int64 = 0
        if parts.count == 2 {
            var time = parts[1]
            guard time.hasSuffix("Z") else { return nil }
            time.removeLast()
            let hms = time.split(separator: ":")
            guard hms.count == 3, let h = Int64(hms[0]), let m = Int64(hms[1]), let s = Int64(hms[2]),
                  (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s) else { return nil }
            secondOfDay = h * 3600 + m * 60 + s
        }
        self.init(secondsSinceEpoch: days(fromCivil: year, month, day) * 86_400 + secondOfDay)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekday: Int { Int((secondsSinceEpoch.floorDivided(by: 86_400) + 3) % 7 + 7) % 7 }

    /// Seconds since midnight UTC.
    public var secondOfDay: Int64 { secondsSinceEpoch - secondsSinceEpoch.floorDivided(by: 86_400) * 86_400 }
}

private func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDivided(by: 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

private func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = z.floorDivided(by: 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
