/// Where a thermal counter counts: a line across the frame, the axis people move along, a
/// hysteresis band on both sides of the line, and the names of the two directions.
///
/// By default people move along the columns (the row index changes): from row 0 towards the last
/// row counts as ``positiveName`` (`in`), the other way as ``negativeName`` (`out`), across a line
/// through the middle of the frame.
public struct CountingLine: Hashable, Sendable {
    /// Which pixel index changes while a person crosses.
    public enum Axis: String, Hashable, Sendable, CaseIterable {
        /// People move along the columns: their row index changes (the default).
        case rows
        /// People move along the rows: their column index changes.
        case columns
    }

    public var axis: Axis
    /// The line's position along ``axis`` as a fraction of the frame (0.5 = the middle).
    public var position: Double
    /// Half the width of the hysteresis band, as a fraction of the frame along ``axis``: a track
    /// counts only once it has been seen beyond the band on one side and then beyond it on the other.
    /// The default, 1/16, is half a pixel on 8 × 8: wider than the jitter of a tracked centroid, and
    /// narrow enough that a track that starts near the line (two people parting) can still count.
    public var hysteresis: Double
    /// The name of a crossing towards the higher pixel index.
    public var positiveName: String
    /// The name of a crossing towards the lower pixel index.
    public var negativeName: String

    public init(
        axis: Axis = .rows, position: Double = 0.5, hysteresis: Double = 0.0625,
        positiveName: String = "in", negativeName: String = "out"
    ) {
        precondition(position > 0 && position < 1, "the counting line must lie inside the frame")
        precondition(hysteresis >= 0 && hysteresis < 0.5, "the hysteresis band must fit in the frame")
        precondition(positiveName != negativeName, "the two directions need different names")
        self.axis = axis
        self.position = position
        self.hysteresis = hysteresis
        self.positiveName = positiveName
        self.negativeName = negativeName
    }

    /// How close to either end of a frame `length` pixels long along ``axis`` a line with this
    /// band may lie (a fraction of the frame, exclusive): the band must leave the centre of the
    /// first and of the last pixel outside it, or nobody is ever seen beyond it on that side.
    /// On 8 × 8 with the default band, 0.125: lines from 0.125 to 0.875, exclusive.
    public func edgeMargin(length: Int) -> Double { 0.5 / Double(length) + hysteresis }

    /// Whether a person can be seen on both sides of the band in a frame `length` pixels long.
    public func isCrossable(length: Int) -> Bool {
        let margin = edgeMargin(length: length)
        return position > margin && position < 1 - margin
    }

    /// Both direction names, positive first.
    public var directionNames: [String] { [positiveName, negativeName] }
}

/// Which way a crossing went relative to the pixel grid.
public enum CrossingSense: Int8, Hashable, Sendable {
    /// Towards the higher pixel index (row 0 → last row by default).
    case positive = 1
    /// Towards the lower pixel index.
    case negative = -1
}

/// One person crossing a counting line. Lives in memory only: crossings are summed into windows
/// (``FootfallWindows`` in Aggregation) and never stored or sent one by one.
public struct CrossingEvent: Hashable, Sendable {
    /// The direction's configured name (`in`, `out`, `north` …).
    public var direction: String
    public var sense: CrossingSense
    /// When the crossing was recognised, on the monotonic clock.
    public var time: MonotonicInstant
    /// How many people the counter took the moving object to be (a group gives that many
    /// events, each with the same value; 1 for a break-beam pair).
    public var partySize: Int
    /// The object's size in units of one person as measured, before rounding (for diagnostics:
    /// how sure the counter was of ``partySize``); 0 when it was not weighed (a faint track, a
    /// cyclist).
    public var personShare: Double

    public init(
        direction: String, sense: CrossingSense, time: MonotonicInstant, partySize: Int = 1, personShare: Double = 1
    ) {
        self.direction = direction
        self.sense = sense
        self.time = time
        self.partySize = partySize
        self.personShare = personShare
    }
}

import Hardware
