/// How often a recording's frames really come, from their times: a header whose fps does not
/// fit them (or that names none, so 10) gives the counter settings for the wrong rate, and it
/// then counts worse without saying why.
struct FrameRateProbe: Sendable {
    /// Seconds per frame between successive frames whose times differ: times written coarser
    /// than the frames (whole seconds at 10 fps) share one value over several frames, and the
    /// step to the next value is spread over them.
    private var intervals: [Double] = []
    private var last: (time: Double, frame: Int)?

    /// Intervals taken from the start of a recording: enough for a median that a pause or two
    /// does not move.
    static let capacity = 101
    static let minimumIntervals = 10

    /// Takes the `frame`-th frame's time (counted from 1).
    mutating func observe(time: Double, frame: Int) {
        guard intervals.count < Self.capacity else { return }
        guard let last else {
            self.last = (time, frame)
            return
        }
        guard time > last.time else { return }
        intervals.append((time - last.time) / Double(frame - last.frame))
        self.last = (time, frame)
    }

    /// The median rate of the frames seen, once ``minimumIntervals`` intervals are known.
    var framesPerSecond: Double? {
        guard intervals.count >= Self.minimumIntervals else { return nil }
        return 1 / intervals.sorted()[intervals.count / 2]
    }

    /// A warning when the frames come at a rate further than a factor of 1.5 from the header's.
    func warning(for header: ThermalRecordingHeader) -> String? {
        let stated = header.framesPerSecond
        guard let measured = framesPerSecond, measured > stated * 1.5 || measured < stated / 1.5 else { return nil }
        // Two significant digits below 10 fps (0.04 for a frame every 25 s), whole ones above.
        let digits = measured < 10 ? max(1, 1 - log10Floor(measured)) : 0
        let rate = formatDecimal(measured, digits: digits)
        let source = header.namesFramesPerSecond ? "as the header's fps says" : "as for a header that names no fps"
        let advice = measured <= 1000 ? ": write fps=\(rate) in the header" : " (fps is at most 1000)"
        return "the frames come at about \(rate) fps, but were counted at \(formatNumber(stated)) fps, \(source)" + advice
    }
}

/// ⌊log10 x⌋ for x > 0, without Foundation.
private func log10Floor(_ x: Double) -> Int {
    var exponent = 0, value = x
    while value >= 10 { value /= 10; exponent += 1 }
    while value < 1 { value *= 10; exponent -= 1 }
    return exponent
}
