import Agent
import Counting
import Hardware
import Simulator

// The footfall accuracy table (every built-in scenario, or the held-out ones) and the tracker's
// cost per 8×8 frame. Not a test: numbers to read and to quote, reproducible from the seeds.
//
//   CountingBenchmark accuracy [--hours H] [--seeds 1,2] [--held-out] [--scenario NAME] [--thermal-only]
//   CountingBenchmark windows [--seeds 1,2] [--held-out] [--scenario NAME] [--churn MISSED,EXTRA] [--each]  (window error by how well the thermal array saw; --each: every window)
//   CountingBenchmark report NAME [--hours H] [--seed S] [--json] [--thermal-only]
//   CountingBenchmark pause NAME [--seed S] [--a HOURS] [--b HOURS] [--span SECONDS]  (two spans of a day with a pause between)
//   CountingBenchmark tracker [--frames N]
//   CountingBenchmark contrast NAME [--seed S]   (per hour: the low-contrast hint, true and counted, one person's mass; then the tracks' motion)
//   CountingBenchmark parties NAME [--seed S] [--after SECONDS]  (who is missed and who is counted twice, by party)
//   CountingBenchmark trace NAME --at SECONDS [--seed S] [--every-frame]  (people, blobs, tracks and counts around a moment)
//
// "counted" is what the box releases: the thermal count with low-contrast windows filled in from
// the beam pair (FootfallFusion); --thermal-only counts with the thermal counter alone.
// Every mode takes --set name=value,... (counter settings); accuracy, report, contrast, parties and
// trace also take --parties 1,2 / --children, --lingering, --cyclists SHARE (the scenario's mix) and
// --mounting-height METRES / --noise KELVIN / --frame 32x24 / --fps N / --fov DEGREES (its sensor) and --rain 15.5-16.5,...
// (its showers, local hours). For exploring, on seeds kept out of the table.

let allArguments = Array(CommandLine.arguments.dropFirst())
let mode = allArguments.first ?? "accuracy"
let arguments = Array(allArguments.dropFirst())

@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let hours = Double(option("--hours") ?? "24") ?? 24
let seeds = (option("--seeds") ?? option("--seed") ?? "1").split(separator: ",").compactMap { UInt64($0) }

/// The scenario the first argument that is not an option names (the spring day when none does),
/// or `nil` after saying that no scenario has that name.
func namedScenario() -> StreetScenario? {
    let name = arguments.first { !$0.hasPrefix("--") } ?? "spring-weekday"
    guard let scenario = StreetScenario.named(name) else {
        print("unknown scenario \(name)")
        return nil
    }
    return scenario
}

func pct(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 10
    return (scaled > 0 ? "+" : "") + "\(scaled)%"
}

func abs1(_ value: Double) -> String { "\((value * 1000).rounded() / 10)%" }

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// `--set name=value,...` overrides counter settings (for exploring on seeds kept out of the table);
/// the frame's size is the scenario's (`--frame`), 8 × 8 without one.
@MainActor func counterConfiguration(for scenario: StreetScenario? = nil) -> ThermalCounterConfiguration {
    // For the scenario's sensor as the box would be set up for it (its frame rate, `--no-binning`:
    // as for 10 fps; its mounting, `--set contrastFraction=0.2,faintContrastFraction=0.05,
    // learnsSpreadFromLightTracks=0`: as for 4 m and 60°), so that --set has the last word.
    var configuration = ThermalCounterConfiguration()
    if var sensor = scenario {
        if arguments.contains("--no-binning") { sensor.framesPerSecond = 10 }
        configuration = FootfallEvaluation.counterSettings(for: sensor)
    }
    for pair in (option("--set") ?? "").split(separator: ",") {
        let parts = pair.split(separator: "=")
        guard parts.count == 2, let value = Double(parts[1]) else { continue }
        switch parts[0] {
        case "contrastFraction": configuration.contrastFraction = Float(value)
        case "noiseSigmas": configuration.noiseSigmas = Float(value)
        case "personQuantile": configuration.personQuantile = value
        case "mergeDistance": configuration.mergeDistance = value
        case "gate": configuration.gate = value
        case "backgroundRate": configuration.backgroundRate = Float(value)
        case "foregroundRate": configuration.foregroundRate = Float(value)
        case "hysteresis": configuration.line.hysteresis = value
        case "maximumMissedFrames": configuration.maximumMissedFrames = Int(value)
        case "minimumHits": configuration.minimumHits = Int(value)
        case "personWarmUpTracks": configuration.personWarmUpTracks = Int(value)
        case "learnsContrast": configuration.learnsContrast = value != 0
        case "minimumBlobShare": configuration.minimumBlobShare = value
        case "averagedFrames": configuration.averagedFrames = Int(value)
        case "bodyTemperature": configuration.bodyTemperature = Float(value)
        case "minimumThreshold": configuration.minimumThreshold = Float(value)
        case "maximumSharedFrames": configuration.maximumSharedFrames = Int(value)
        case "parkingFrames": configuration.parkingFrames = Int(value)
        case "lostTrackFrames": configuration.lostTrackFrames = Int(value)
        case "confirmationHits": configuration.confirmationHits = Int(value)
        case "weighsFaintParties": configuration.weighsFaintParties = value != 0
        case "joinsFaintFringes": configuration.joinsFaintFringes = value != 0
        case "weighsSurroundings": configuration.weighsSurroundings = value != 0
        case "trackMassQuantile": configuration.trackMassQuantile = value
        case "widePairShare": configuration.widePairShare = value
        case "cyclistSpeedRatio": configuration.cyclistSpeedRatio = value
        case "faintContrastFraction": configuration.faintContrastFraction = Float(value)
        case "confirmationFrames": configuration.confirmationFrames = Int(value)
        case "tentativeGate": configuration.tentativeGate = value
        case "parkedLifetimeFrames": configuration.parkedLifetimeFrames = Int(value)
        case "infersSideAtBirth": configuration.infersSideAtBirth = value != 0
        case "firstStepGate": configuration.firstStepGate = value
        case "healsResidues": configuration.healsResidues = value != 0
        case "learnsSpreadFromLightTracks": configuration.learnsSpreadFromLightTracks = value != 0
        default: print("unknown setting \(parts[0])")
        }
    }
    return configuration
}

/// The box's fusion of low-contrast windows with the beams; `--thermal-only`: none.
@MainActor func fusion() -> FootfallFusion? {
    arguments.contains("--thermal-only") ? nil : FootfallFusion()
}

/// Diagnostic variants (`--parties 1,2`): only parties of the given sizes, no lingering, no
/// cyclists, no children; `--children`, `--lingering`, `--cyclists SHARE` set those shares;
/// `--mounting-height METRES` (2–15) and `--noise KELVIN` change the sensor's mounting and noise
/// (at 10 fps), `--frame 32x24` its pixels (another array over the same 60° field of view),
/// `--fps N` its frame rate (the noise per frame grows with its square root), `--fov DEGREES`
/// (10–150) its field of view (on both axes); the counter's settings follow the mounting and the
/// frame rate (`counterConfiguration(for:)`);
/// `--rain 15.5-16.5,18-19` replaces the scenario's showers (local hours).
@MainActor func diagnosticVariant(_ scenario: StreetScenario) -> StreetScenario {
    var variant = scenario
    if let sizes = option("--parties") {
        variant.partySizes = sizes.split(separator: ",").compactMap { Double($0) }
        variant.lingerShare = 0
        variant.cyclistShare = 0
        variant.childShare = 0
    }
    if let share = option("--children").flatMap(Double.init) { variant.childShare = share }
    if let share = option("--lingering").flatMap(Double.init) { variant.lingerShare = share }
    if let share = option("--cyclists").flatMap(Double.init) { variant.cyclistShare = share }
    // Within what the counter can be told (`ThermalMounting`), so that the box's settings follow.
    if let metres = option("--mounting-height").flatMap(Double.init) {
        if ThermalMounting.heights.contains(metres) {
            variant.mountingHeight = metres
        } else {
            print("--mounting-height: \(metres) is outside 2–15 m; left at \(variant.mountingHeight)")
        }
    }
    if let kelvin = option("--noise").flatMap(Double.init) { variant.sensorNoise = kelvin }
    if let rate = option("--fps").flatMap(Int.init), rate >= 1 { variant.framesPerSecond = rate }
    if let degrees = option("--fov").flatMap(Double.init) {
        if ThermalMounting.fieldsOfView.contains(degrees) {
            variant.fieldOfViewDegrees = degrees
        } else {
            print("--fov: \(degrees) is outside 10–150°; left at \(variant.fieldOfViewDegrees)")
        }
    }
    if let size = option("--frame") {
        // "32x24": another array's pixels over the same field of view.
        let sides = size.split(separator: "x").compactMap { Int($0) }
        if sides.count == 2, sides.allSatisfy({ $0 >= 2 }) {
            variant.width = sides[0]
            variant.height = sides[1]
        } else {
            print("--frame: \"\(size)\" is not WIDTHxHEIGHT (e.g. 32x24); left at \(variant.width)x\(variant.height)")
        }
    }
    if let showers = option("--rain") {
        // "15.5-16.5,18-19": local hours of rain, replacing the scenario's own.
        variant.rainHours = showers.split(separator: ",").compactMap { shower in
            let ends = shower.split(separator: "-", omittingEmptySubsequences: false).map { Double($0) }
            guard ends.count == 2, let from = ends[0], let to = ends[1], 0 <= from, from <= to, to <= 24 else {
                print("--rain: \"\(shower)\" is not a shower FROM-TO in local hours (0-24, FROM before TO); left out")
                return nil
            }
            return from...to
        }
    }
    return variant
}

/// The scenarios a table runs: every built-in one, the held-out ones (`--held-out`) or the one
/// named by `--scenario`, each with the diagnostic options applied.
@MainActor func selectedScenarios() -> [StreetScenario] {
    var scenarios = StreetScenario.builtIn
    if arguments.contains("--held-out") { scenarios = StreetScenario.heldOut }
    if let name = option("--scenario"), let scenario = StreetScenario.named(name) { scenarios = [scenario] }
    return scenarios.map(diagnosticVariant)
}

/// One scenario and seed through the box's counters, for `--hours`, with the counter and fusion
/// settings of the command line.
@MainActor func evaluate(_ scenario: StreetScenario, seed: UInt64) -> FootfallEvaluationResult {
    FootfallEvaluation.run(.init(
        scenario: scenario, duration: .seconds(hours * 3600), seed: seed, counter: counterConfiguration(for: scenario), fusion: fusion()))
}

/// The expected Σ |counted − true| over windows with `truths` true crossings, for a counter that
/// misses each person with probability `missed` and counts each one twice with probability
/// `extra`, independently: the mean over 200 draws (seeded, so the same every run).
func churnError(_ truths: [Int], missed: Double, extra: Double) -> Double {
    var random = SeededRandom(seed: 1)
    let draws = 200
    var error = 0
    for _ in 0..<draws {
        for truth in truths {
            var change = 0
            for _ in 0..<truth {
                if random.unit() < missed { change -= 1 }
                if random.unit() < extra { change += 1 }
            }
            error += abs(change)
        }
    }
    return Double(error) / Double(draws)
}

switch mode {
case "accuracy":
    let scenarios = selectedScenarios()
    print("scenario                 seed dir    true  counted   daily  win-WAPE  in5%   p90  thermal   seen  beams")
    for scenario in scenarios {
        for seed in seeds {
            let started = ContinuousClock.now
            let result = evaluate(scenario, seed: seed)
            let elapsed = ContinuousClock.now - started
            for (d, direction) in result.directions.enumerated() {
                let total = result.total(direction)
                // The thermal counter in the windows it saw well (as the fusion calibrates on).
                let seen = result.windows.filter { ($0.hidden ?? 1) < FootfallFusion().calibratingShare }
                let seenTruth = seen.reduce(0) { $0 + $1.counts[d].truth }
                let seenThermal = seen.reduce(0) { $0 + $1.counts[d].thermal }
                let seenError = seenTruth > 0 ? pct(Double(seenThermal - seenTruth) / Double(seenTruth)) : "-"
                let errors = result.windowErrors(direction)
                let error = { (count: Int) in total.truth > 0 ? Double(count - total.truth) / Double(total.truth) : 0 }
                print(
                    scenario.name.padding(24) + pad("\(seed)", 5) + " " + direction.padding(4)
                        + pad("\(total.truth)", 7) + pad("\(total.counted)", 9)
                        + pad(pct(error(total.counted)), 8) + pad(abs1(errors.weightedAbsoluteError), 10)
                        + pad(abs1(errors.shareWithin5Percent), 6) + pad(abs1(errors.percentile90AbsoluteError), 6)
                        + pad(pct(error(total.thermal)), 9) + pad(seenError, 7) + pad(pct(error(total.beams)), 7))
            }
            let recall = result.recall.map { "\($0.category) \(abs1(Double($0.matched) / Double(max($0.truth, 1))))" }
            print("    recall: " + recall.joined(separator: ", ") + "   (\(elapsed))")
        }
    }
case "windows":
    // Where the window error lies: the windows the thermal counter saw well (hidden share below
    // 0.1), saw in part, and hardly saw (0.9 and more), each with the box's WAPE; for the last,
    // also the WAPE of the beams times the day's true people per beam crossing: what the best
    // beam-only fill-in (one that knew the day's ratio beforehand) would reach there. Then the
    // box's WAPE over the whole day, and two floors for it. The churn floor: the WAPE of a
    // counter that misses each person and counts each one twice independently, with the shares
    // of --churn MISSED,EXTRA (4 % each by default: the winter weekday's, the best day's, from
    // `parties winter-weekday --seed 100`); small windows cannot get under it however good the
    // counter is on average. The day floor: the blind windows at the beams' floor and all others
    // at the churn floor. --each prints every window as well.
    let calibrating = FootfallFusion().calibratingShare
    let churn = (option("--churn") ?? "0.04,0.04").split(separator: ",").compactMap { Double($0) }
    let (missShare, extraShare) = churn.count == 2 ? (churn[0], churn[1]) : (0.04, 0.04)
    let printsEachWindow = arguments.contains("--each")
    print("scenario                 seed dir     seen  WAPE   partial  WAPE     blind  WAPE  beams×true-ratio    day  churn floor  day floor")
    for scenario in selectedScenarios() {
        for seed in seeds {
            let result = evaluate(scenario, seed: seed)
            for (d, direction) in result.directions.enumerated() {
                let total = result.total(direction)
                let trueRatio = total.beams > 0 ? Double(total.truth) / Double(total.beams) : 0
                var truth = [0, 0, 0], error = [0, 0, 0], windows = [0, 0, 0], oracle = 0.0
                var allTruths: [Int] = [], seenTruths: [Int] = []
                for window in result.windows {
                    let hidden = window.hidden ?? 1
                    let kind = hidden < calibrating ? 0 : (hidden < 0.9 ? 1 : 2)
                    let counts = window.counts[d]
                    truth[kind] += counts.truth
                    error[kind] += abs(counts.counted - counts.truth)
                    windows[kind] += 1
                    if kind == 2 { oracle += abs(trueRatio * Double(counts.beams) - Double(counts.truth)) }
                    allTruths.append(counts.truth)
                    if kind < 2 { seenTruths.append(counts.truth) }
                    if printsEachWindow {
                        print("  window \(window.start) \(direction) hidden \(window.hidden.map { "\(($0 * 100).rounded() / 100)" } ?? "-")"
                            + " true \(counts.truth) thermal \(counts.thermal) beams \(counts.beams) counted \(counts.counted)")
                    }
                }
                func wape(_ e: Double, _ t: Int) -> String { t > 0 ? abs1(e / Double(t)) : "-" }
                let dayTruth = truth.reduce(0, +)
                print(
                    scenario.name.padding(24) + pad("\(seed)", 5) + " " + direction.padding(4)
                        + pad("\(windows[0])", 6) + pad(wape(Double(error[0]), truth[0]), 7)
                        + pad("\(windows[1])", 9) + pad(wape(Double(error[1]), truth[1]), 7)
                        + pad("\(windows[2])", 9) + pad(wape(Double(error[2]), truth[2]), 7)
                        + pad(wape(oracle, truth[2]), 17)
                        + pad(wape(Double(error.reduce(0, +)), dayTruth), 7)
                        + pad(wape(churnError(allTruths, missed: missShare, extra: extraShare), dayTruth), 13)
                        + pad(wape(oracle + churnError(seenTruths, missed: missShare, extra: extraShare), dayTruth), 11))
            }
        }
    }
case "report":
    guard let scenario = namedScenario() else { break }
    let result = evaluate(diagnosticVariant(scenario), seed: seeds.first ?? 1)
    print(arguments.contains("--json") ? result.json : result.text, terminator: "")
case "pause":
    guard let scenario = namedScenario() else { break }
    let variant = diagnosticVariant(scenario)
    let hoursA = Double(option("--a") ?? "12") ?? 12, hoursB = Double(option("--b") ?? "17") ?? 17
    let span = Double(option("--span") ?? "1800") ?? 1800
    guard hoursB * 3600 >= hoursA * 3600 + span else {
        print("--b must start after --a's span")
        break
    }
    comparePause(
        scenario: variant, seed: seeds.first ?? 1, startA: hoursA * 3600, startB: hoursB * 3600, span: span,
        configuration: counterConfiguration(for: variant))
case "tracker":
    let frameCount = Int(option("--frames") ?? "36000") ?? 36000
    // One busy hour of the crowded Saturday, rendered first so only the tracker is timed.
    var street = Street(scenario: .crowdedSaturday, seed: 7)
    var frames: [[Float]] = []
    frames.reserveCapacity(frameCount)
    var frame = [Float](repeating: 0, count: 64)
    for index in 0..<frameCount {
        street.renderThermal(into: &frame, atSeconds: 15 * 3600 + Double(index) / 10, quantized: true)
        frames.append(frame)
    }
    var best = Duration.seconds(1000)
    var crossings = 0
    for _ in 0..<5 {
        var counter = ThermalCounter(configuration: counterConfiguration())
        let started = ContinuousClock.now
        for (index, frame) in frames.enumerated() {
            counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(index) * 100_000_000)) { _ in crossings += 1 }
        }
        best = min(best, ContinuousClock.now - started)
    }
    let perFrame = best.seconds / Double(frameCount) * 1e6
    print("tracker: \(frameCount) frames of 8x8, best of 5 runs: \((perFrame * 1000).rounded() / 1000) µs per frame (\(crossings / 5) crossings per run)")
case "contrast":
    // Per hour of the day: the counter's low-contrast hint next to the true and counted
    // crossings (both directions), to see whether the flagged hours are the undercounted ones.
    guard let scenario = namedScenario() else { break }
    let variant = diagnosticVariant(scenario)
    var street = Street(scenario: variant, seed: seeds.first ?? 1)
    var counter = ThermalCounter(configuration: counterConfiguration(for: variant))
    var frame = [Float](repeating: 0, count: variant.width * variant.height)
    print("hour  lowContrast   true  thermal   error  person")
    for hour in 0..<Int(hours) {
        var counted = 0
        for index in 0..<(3600 * variant.framesPerSecond) {
            let seconds = Double(hour) * 3600 + Double(index) / Double(variant.framesPerSecond)
            street.renderThermal(into: &frame, atSeconds: seconds, quantized: true)
            counter.process(frame, at: MonotonicInstant(nanoseconds: UInt64(seconds * 1e9))) { _ in counted += 1 }
        }
        let truth = street.drainCrossings(upTo: Double(hour + 1) * 3600).count
        let low = counter.takeContrastStatistics().lowContrastFraction ?? 0
        let error = truth > 0 ? pct(Double(counted - truth) / Double(truth)) : "-"
        print(pad("\(hour)", 4) + pad(abs1(low), 13) + pad("\(truth)", 7) + pad("\(counted)", 9) + pad(error, 8)
                + pad(counter.diagnosticPersonMass.map { "\(($0 * 100).rounded() / 100)" } ?? "-", 8))
    }
    // How far the tracks moved along the counting axis and across it (replay warns when across wins).
    let motion = counter.trackMotion
    print("track motion: \(motion.tracks) tracks, \(Int(motion.along.rounded())) px along the axis, \(Int(motion.across.rounded())) px across")
case "parties":
    // Where the error comes from: every true party matched to the thermal crossing of the same
    // direction nearest in time, and what the counter made of it (people per track).
    guard let scenario = namedScenario() else { break }
    let variant = diagnosticVariant(scenario)
    partyDiagnosis(
        scenario: variant, seed: seeds.first ?? 1, hours: hours,
        examplesAfter: option("--after").flatMap(Double.init) ?? 36_000, configuration: counterConfiguration(for: variant))
case "trace":
    let name = arguments.first { !$0.hasPrefix("--") } ?? "spring-weekday"
    guard let scenario = StreetScenario.named(name), let at = option("--at").flatMap(Double.init) else {
        print("trace NAME --at SECONDS [--seed S] [--every-frame] [mix options]")
        break
    }
    let variant = diagnosticVariant(scenario)
    trace(
        scenario: variant, seed: seeds.first ?? 1, at: at,
        everyFrame: arguments.contains("--every-frame"), configuration: counterConfiguration(for: variant))
default:
    print("usage: CountingBenchmark accuracy|windows|report|pause|tracker|contrast|parties|trace")
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
