import Counting
import Hardware
import Simulator

/// A recording with a pause: two spans of `span` seconds of a day, from `startA` and `startB`
/// (seconds of the day), counted four ways: the truth; one counter at the frames' own times (it
/// starts again after the pause); one counter fed the second span as if it followed the first at
/// once (a counter that ignores the pause); and each span by a counter of its own.
func comparePause(
    scenario: StreetScenario, seed: UInt64, startA: Double, startB: Double, span: Double,
    configuration: ThermalCounterConfiguration
) {
    let rate = Double(scenario.framesPerSecond)
    var street = Street(scenario: scenario, seed: seed)
    var frame = [Float](repeating: 0, count: scenario.width * scenario.height)
    func render(from start: Double) -> (frames: [[Float]], truth: Int) {
        _ = street.drainCrossings(upTo: start)
        let frames = (0..<Int(span * rate)).map { index in
            street.renderThermal(into: &frame, atSeconds: start + Double(index) / rate, quantized: true)
            return frame
        }
        return (frames, street.drainCrossings(upTo: start + span).count)
    }
    let a = render(from: startA), b = render(from: startB)
    func count(_ spans: [(frames: [[Float]], start: Double)], _ counter: inout ThermalCounter) -> [Int] {
        spans.map { frames, start in
            var counted = 0
            for (index, frame) in frames.enumerated() {
                let seconds = start + Double(index) / rate
                counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))) { _ in counted += 1 }
            }
            return counted
        }
    }
    func counter() -> ThermalCounter { ThermalCounter(configuration: configuration) }
    var one = counter(), unpaused = counter(), ownA = counter(), ownB = counter()
    let resumed = count([(a.frames, startA), (b.frames, startB)], &one)
    let ignored = count([(a.frames, startA), (b.frames, startA + span)], &unpaused)
    let own = count([(a.frames, startA)], &ownA) + count([(b.frames, startB)], &ownB)
    print("\(scenario.name) seed \(seed), \(Int(span)) s from \(startA / 3600) h and from \(startB / 3600) h")
    print("  true           \(a.truth) \(b.truth)")
    print("  after a pause  \(resumed[0]) \(resumed[1])   (pauses: \(one.pausesResumed))")
    print("  pause ignored  \(ignored[0]) \(ignored[1])")
    print("  each its own   \(own[0]) \(own[1])")
}
