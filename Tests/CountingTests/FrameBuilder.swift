import Hardware
import Simulator

/// Builds 8 × 8 frames by hand: a uniform pavement with sensor noise (0.25 °C steps, as the
/// AMG8833 reports) and warm or cool elliptic bodies at sub-pixel positions.
struct FrameBuilder {
    struct Body {
        /// Centre in pixel coordinates (x = column, y = row; pixel centres at +0.5).
        var x: Double
        var y: Double
        var radiusX: Double = 0.7
        var radiusY: Double = 0.45
        var temperature: Double = 30
    }

    var width = 8
    var height = 8
    var pavement: Double
    var noise: Double = 0.3
    var random = SeededRandom(seed: 42)
    var frameIndex = 0

    init(pavement: Double, noise: Double = 0.3, seed: UInt64 = 42) {
        self.pavement = pavement
        self.noise = noise
        random = SeededRandom(seed: seed)
    }

    mutating func frame(_ bodies: [Body]) -> [Float] {
        var coverage = [Double](repeating: 0, count: width * height)
        var heat = coverage
        for body in bodies {
            for row in 0..<height {
                for column in 0..<width {
                    var inside = 0
                    for sy in 0..<6 {
                        for sx in 0..<6 {
                            let dx = (Double(column) + (Double(sx) + 0.5) / 6 - body.x) / body.radiusX
                            let dy = (Double(row) + (Double(sy) + 0.5) / 6 - body.y) / body.radiusY
                            if dx * dx + dy * dy <= 1 { inside += 1 }
                        }
                    }
                    let fraction = Double(inside) / 36
                    coverage[row * width + column] += fraction
                    heat[row * width + column] += fraction * body.temperature
                }
            }
        }
        return (0..<(width * height)).map { index in
            let covered = min(coverage[index], 1)
            let mixed = coverage[index] >= 1 ? heat[index] / coverage[index] : pavement * (1 - covered) + heat[index]
            let value = mixed + random.gaussian(standardDeviation: noise)
            return Float((value * 4).rounded() / 4)
        }
    }

    /// Feeds `count` empty frames (for the background), then frames of `bodies(step)` for each
    /// step, and returns the crossings, at 10 fps.
    mutating func run(
        _ counter: inout ThermalCounterLike, warmUp count: Int = 60, steps: Int,
        bodies: (Int) -> [Body]
    ) -> [String] {
        feed(&counter, frames: count) + feed(&counter, frames: steps, bodies: bodies) + feed(&counter, frames: 20)
    }

    /// Feeds `count` frames of `bodies(step)` (nobody by default), at 10 fps, and returns the crossings.
    mutating func feed(
        _ counter: inout ThermalCounterLike, frames count: Int, bodies: (Int) -> [Body] = { _ in [] }
    ) -> [String] {
        var names: [String] = []
        for step in 0..<count { names += counter.feed(frame(bodies(step)), at: nextTime()) }
        return names
    }

    /// Teaches the counter one person's size: `count` single walkers, in and out by turns, at
    /// columns `firstColumn`, `firstColumn + 1`, … (`columns` of them, then again). Returns what
    /// was counted.
    /// Each walk takes `steps` frames (27: about 2.7 s, as from 4 m).
    mutating func teachSingles(
        _ counter: inout ThermalCounterLike, count: Int, firstColumn: Double, columns: Int, steps: Int = 27
    ) -> [String] {
        var names: [String] = []
        for index in 0..<count {
            let inward = index % 2 == 0
            names += run(&counter, warmUp: index == 0 ? 60 : 5, steps: steps, bodies: walk(
                from: inward ? -0.5 : 8.5, to: inward ? 8.5 : -0.5, steps: steps,
                x: firstColumn + Double(index % columns)))
        }
        return names
    }

    mutating func nextTime() -> MonotonicInstant {
        frameIndex += 1
        return MonotonicInstant(nanoseconds: UInt64(frameIndex) * 100_000_000)
    }
}

import Counting

/// The counter under test, wrapped to return direction names.
struct ThermalCounterLike {
    var counter: ThermalCounter
    init(_ configuration: ThermalCounterConfiguration = ThermalCounterConfiguration()) {
        counter = ThermalCounter(configuration: configuration)
    }
    mutating func feed(_ frame: [Float], at time: MonotonicInstant) -> [String] {
        counter.process(frame, at: time).map(\.direction)
    }
}

/// Two people 0.6 m (1.6 px) apart, side by side, walking in across the frame in `steps` frames.
func pairAbreast(steps: Int) -> (Int) -> [FrameBuilder.Body] {
    { step in
        let y = -0.5 + 9 * Double(step) / Double(steps - 1)
        return [FrameBuilder.Body(x: 2.9, y: y), FrameBuilder.Body(x: 4.5, y: y)]
    }
}

/// A walk across the frame along the rows from `from` to `to` (row coordinates) in `steps` frames.
func walk(from: Double, to: Double, steps: Int, x: Double = 3.7, temperature: Double = 30) -> (Int) -> [FrameBuilder.Body] {
    { step in
        let y = from + (to - from) * Double(step) / Double(max(steps - 1, 1))
        return [FrameBuilder.Body(x: x, y: y, temperature: temperature)]
    }
}
