/// How far the tracks that ended moved along the counting axis and across it, summed: people
/// walking across the line move mostly along the axis. A recording counted with the wrong axis
/// shows the opposite (`sensorbox replay` warns). Sums of distances only: no track, position or
/// time is kept.
public struct TrackMotion: Hashable, Sendable {
    /// Tracks that ended after at least five frames and a quarter of the frame's shorter side
    /// from where they started: someone lingering, whose track is parked and taken over again
    /// and again, makes many short tracks that say nothing about where people walk.
    public internal(set) var tracks = 0
    /// Their summed displacement from start to end, in pixels, along the counting axis and across it.
    public internal(set) var along = 0.0
    public internal(set) var across = 0.0

    public init() {}

    /// Adds a track that ended, in a frame `frame.along` × `frame.across` pixels.
    mutating func add(_ track: Track, frame: (along: Int, across: Int)) {
        let along = abs(track.along - track.startAlong), across = abs(track.across - track.startAcross)
        guard max(along, across) >= 0.25 * Double(min(frame.along, frame.across)) else { return }
        tracks += 1
        self.along += along
        self.across += across
    }

    /// Tracks needed before the sums say anything.
    public static let minimumTracks = 20

    /// Whether the tracks moved mostly across the counting axis (along the line), more than
    /// `factor` times as far as along it, over at least ``minimumTracks`` tracks.
    public func mostlyAcross(factor: Double = 2) -> Bool {
        tracks >= Self.minimumTracks && across > factor * along
    }
}
