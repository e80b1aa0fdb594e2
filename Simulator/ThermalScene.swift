import Hardware

/// What a thermal array twin (AMG8833) looks at: a source of temperature images.
///
/// The street model renders pedestrians on a pavement into one; tests use fixed or hand-built ones.
public protocol ThermalScene: Sendable {
    /// Width and height in pixels (8 × 8 for the AMG8833).
    var width: Int { get }
    var height: Int { get }
    /// The temperature of every pixel in °C, row-major, as the sensor would see it at `time`.
    func frame(at time: MonotonicInstant) -> [Double]
    /// The sensor's own (thermistor) temperature in °C at `time`.
    func thermistor(at time: MonotonicInstant) -> Double
}

/// What a pair of break-beam or PIR twins looks at: the level of each line over time.
public protocol BeamScene: Sendable {
    /// The edges of beam `index` (0 or 1) in the half-open interval `from ..< to`, oldest first.
    func edges(beam index: Int, from: MonotonicInstant, to: MonotonicInstant) -> [GPIOEdgeEvent]
}
