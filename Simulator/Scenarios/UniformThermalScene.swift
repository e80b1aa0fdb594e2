import Hardware

/// A thermal scene of one temperature everywhere, optionally with a warm rectangle (a stand-in for
/// a person), for tests of the AMG8833 path. The street model with walking people lives elsewhere.
public struct UniformThermalScene: ThermalScene {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The temperature of every pixel, °C.
    public var background: Double
    /// The sensor's own temperature, °C.
    public var sensorTemperature: Double
    /// Pixels (row, column) that read `hotTemperature` instead.
    public var hotPixels: Set<[Int]>
    /// The temperature of ``hotPixels``, °C.
    public var hotTemperature: Double

    /// A scene of `background` °C with `hotPixels` (`[row, column]`) at `hotTemperature`.
    public init(
        background: Double, sensorTemperature: Double, width: Int = 8, height: Int = 8,
        hotPixels: Set<[Int]> = [], hotTemperature: Double = 30
    ) {
        self.width = width
        self.height = height
        self.background = background
        self.sensorTemperature = sensorTemperature
        self.hotPixels = hotPixels
        self.hotTemperature = hotTemperature
    }

    public func frame(at time: MonotonicInstant) -> [Double] {
        var pixels = Array(repeating: background, count: width * height)
        for pixel in hotPixels where pixel.count == 2 {
            let (row, column) = (pixel[0], pixel[1])
            guard (0..<height).contains(row), (0..<width).contains(column) else { continue }
            pixels[row * width + column] = hotTemperature
        }
        return pixels
    }

    public func thermistor(at time: MonotonicInstant) -> Double { sensorTemperature }
}
