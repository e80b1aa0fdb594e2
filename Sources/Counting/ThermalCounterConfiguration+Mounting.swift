/// How a thermal array hangs over the pavement: how high, looking straight down, and what its
/// lens sees along each side of the frame (for a lens wider one way than the other, their mean).
public struct ThermalMounting: Hashable, Sendable {
    /// Metres above the pavement.
    public let height: Double
    /// Degrees along each side of the frame.
    public let fieldOfView: Double

    /// Heights and lenses a mounting may have: from a doorway's lintel to higher than a pole or
    /// a façade offers; from a narrow lens to a very wide one.
    public static let heights: ClosedRange<Double> = 2...15
    public static let fieldsOfView: ClosedRange<Double> = 10...150

    /// What the counter's settings are made for: 4 m up, the AMG8833's 60° lens.
    public static let reference = ThermalMounting(height: 4, fieldOfView: 60)

    public init(height: Double, fieldOfView: Double) {
        precondition(Self.heights.contains(height), "a mounting height is 2 to 15 m")
        precondition(Self.fieldsOfView.contains(fieldOfView), "a field of view is 10° to 150°")
        self.height = height
        self.fieldOfView = fieldOfView
    }

    /// Where the array sees most of an adult from above: the shoulders, about 1.4 m up.
    static let shoulderHeight = 1.4

    /// The area one pixel of a `columns` × `rows` array sees at shoulder height, in m².
    func pixelArea(columns: Int, rows: Int) -> Double {
        let side = 2 * (height - Self.shoulderHeight) * tan(fieldOfView / 2 * .pi / 180)
        return side * side / Double(columns * rows)
    }
}

extension ThermalCounterConfiguration {
    /// These settings, made for an 8 × 8 array at the ``ThermalMounting/reference`` mounting, for
    /// this frame size at `mounting`. Apply it once: applied again, it scales again.
    ///
    /// Where one pixel sees a larger patch of shoulders than an 8 × 8 array from 4 m with 60°
    /// (hung higher, or behind a wider lens), a person covers a smaller share of a pixel and reads
    /// fainter in it: the share of the body contrast a pixel must reach (``contrastFraction``)
    /// shrinks with the ratio of the two patches' areas, from 0.2 to 0.14 at 4.5 m and 0.10 at
    /// 5 m (the sixth round found about these by hand, docs/counting.md), and the faint
    /// threshold (``faintContrastFraction``) with it, so that it stays a quarter of the
    /// foreground one, and the typical spread is learnt from light tracks only
    /// (``learnsSpreadFromLightTracks``). Where a pixel sees less (hung lower, a larger array),
    /// nothing changes: a person then covers most of a pixel, and a higher threshold cuts people
    /// apart (the spring day from 3.3 m counted +5.8 % with it, +1.5 % without).
    public func mounted(_ mounting: ThermalMounting) -> ThermalCounterConfiguration {
        let reference = ThermalMounting.reference.pixelArea(columns: 8, rows: 8)
        let share = Float(min(reference / mounting.pixelArea(columns: width, rows: height), 1))
        var mounted = self
        mounted.contrastFraction = contrastFraction * share
        mounted.faintContrastFraction = faintContrastFraction * share
        mounted.learnsSpreadFromLightTracks = share < 1
        return mounted
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
