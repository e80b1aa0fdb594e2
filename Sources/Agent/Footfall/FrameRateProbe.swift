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

    /// A warning when the frames come at a rate further than a factor of 1.5 from `stated`.
    func warning(stated: Double) -> String? {
        guard let measured = framesPerSecond, measured > stated * 1.5 || measured < stated / 1.5 else { return nil }
        let rate = formatDecimal(measured, digits: measured < 10 ? 1 : 0)
        return "the frames come at about \(rate) fps, but were counted as \(formatNumber(stated)) fps, "
            + "the header's fps (10 when it names none): write fps=\(rate) in the header"
    }
}
