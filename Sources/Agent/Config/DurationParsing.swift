/// Why a duration text could not be read.
public struct DurationParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public var text: String

    public init(text: String) { self.text = text }

    public var description: String {
        "\"\(text)\" is not a duration: write whole numbers with a unit ms, s, m, h or d, e.g. \"250ms\", \"1s\", \"5m\", \"24h\", \"7d\" or \"1h30m\""
    }
}

/// Reads a duration as config files and the command line write them: one or more whole numbers,
/// each followed by a unit — `ms`, `s`, `m` (minutes), `h` or `d` (days) — largest unit first:
/// `"250ms"`, `"1s"`, `"5m"`, `"24h"`, `"1h30m"`. No spaces, signs or fractions, so a value
/// means the same to every reader.
///
/// - Throws: ``DurationParseError`` saying what is accepted.
public func parseDuration(_ text: String) throws(DurationParseError) -> Duration {
    let bytes = Array(text.utf8)
    var index = 0
    var totalMilliseconds: Int64 = 0
    var previousUnitRank = Int.max
    guard !bytes.isEmpty else { throw DurationParseError(text: text) }

    while index < bytes.count {
        var number: Int64 = 0
        let digitsStart = index
        while index < bytes.count, let digit = digitValue(bytes[index]) {
            let (times10, overflow1) = number.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw DurationParseError(text: text) }
            number = sum
            index += 1
        }
        guard index > digitsStart else { throw DurationParseError(text: text) }

        let unit: (milliseconds: Int64, rank: Int)
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "m"), bytes[index + 1] == UInt8(ascii: "s") {
            unit = (1, 0)
            index += 2
        } else if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "s"): unit = (1000, 1)
            case UInt8(ascii: "m"): unit = (60_000, 2)
            case UInt8(ascii: "h"): unit = (3_600_000, 3)
            case UInt8(ascii: "d"): unit = (86_400_000, 4)
            default: throw DurationParseError(text: text)
            }
            index += 1
        } else {
            throw DurationParseError(text: text)  // a bare number: which unit was meant?
        }
        // "1h30m" reads naturally; "30m1h" or "1s1s" is more likely a typo than a wish.
        guard unit.rank < previousUnitRank else { throw DurationParseError(text: text) }
        previousUnitRank = unit.rank

        let (part, overflow1) = number.multipliedReportingOverflow(by: unit.milliseconds)
        let (sum, overflow2) = totalMilliseconds.addingReportingOverflow(part)
        // Keep well inside Duration's range and any sane use (about 292 years in nanoseconds).
        guard !overflow1, !overflow2, sum <= Int64.max / 1_000_000 else { throw DurationParseError(text: text) }
        totalMilliseconds = sum
    }
    return .milliseconds(totalMilliseconds)
}

/// Writes a duration the way ``parseDuration(_:)`` reads it, in the largest units that are exact:
/// `"250ms"`, `"1s"`, `"1h30m"`. Sub-millisecond remainders are rounded down.
public func formatDuration(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0, attoseconds >= 0 else {
        guard seconds > Int64.min else { return "-\(seconds / -3600)h" }  // cannot be negated
        return "-" + formatDuration(.zero - duration)
    }
    // Beyond about 292 million years in milliseconds: hours are exact enough.
    let (secondsInMilliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
    if overflow { return "\(seconds / 3600)h" }
    var milliseconds = secondsInMilliseconds + attoseconds / 1_000_000_000_000_000
    if milliseconds == 0 { return "0s" }
    var text = ""
    for (unit, size) in [("h", Int64(3_600_000)), ("m", 60_000), ("s", 1000), ("ms", 1)] where milliseconds >= size {
        text += "\(milliseconds / size)\(unit)"
        milliseconds %= size
    }
    return text
}

private func digitValue(_ byte: UInt8) -> Int64? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
}

/// Aggregation windows the clock aligns (…:00, :15, :30, :45): whole minutes that divide an hour.
public enum ClockWindow {
    /// Whether `window` divides an hour into whole minutes.
    public static func isAligned(_ window: Duration) -> Bool {
        let (seconds, attoseconds) = window.components
        return attoseconds == 0 && seconds >= 60 && seconds % 60 == 0 && 3600 % seconds == 0
    }

    /// What to write instead, for an error message.
    public static let choices = "1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m or 60m"
}
