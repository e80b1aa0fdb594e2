/// How far the tracks that ended moved along the counting axis and across it, summed: people
/// walking across the line move mostly along the axis. A recording counted with the wrong axis
/// shows the opposite (`sensorbox replay` warns). Sums of distances only: no track, position or
/// time is kept.
public struct TrackMotion: Hashable, Sendable {
    /// Tracks seen in at least five frames that have ended.
    public internal(set) var tracks = 0
    /// Their summed displacement from start to end, in pixels, along the counting axis and across it.
    public internal(set) var along = 0.0
    public internal(set) var across = 0.0

    public init() {}

    /// Tracks needed before the sums say anything.
    public static let minimumTracks = 20

    /// Whether the tracks moved mostly across the counting axis (along the line), at least
    /// `factor` times as far as along it, over at least ``minimumTracks`` tracks.
    public func mostlyAcross(factor: Double = 2) -> Bool {
        tracks >= Self.minimumTracks && across > factor * along
    }
}
