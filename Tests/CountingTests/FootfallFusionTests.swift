import Counting
import Testing

@Suite("Filling in low-contrast windows from the beam pair")
struct FootfallFusionTests {
    /// Four good windows in which the thermal counter saw 150 people (both directions) for every
    /// 100 the beams saw: the ratio is 1.5.
    func calibrated() -> FootfallFusion {
        var fusion = FootfallFusion()
        for _ in 0..<4 {
            #expect(fusion.fuse(thermal: [80, 70], beams: [52, 48], hiddenShare: 0.02) == [80, 70])
        }
        return fusion
    }

    @Test("a window in which the thermal counter saw nobody takes the calibrated beam count")
    func blindWindow() {
        var fusion = calibrated()
        #expect(fusion.ratio == 1.5)
        #expect(fusion.fuse(thermal: [3, 1], beams: [40, 20], hiddenShare: 1) == [60, 30])
    }

    @Test("a window half hidden fills in three quarters of the gap, a tenth hidden about a fifth")
    func partlyBlindWindow() {
        var fusion = calibrated()
        // Calibrated at 1.5: the beams say 60 and 36, the gaps are 20 and 16.
        #expect(fusion.fuse(thermal: [40, 20], beams: [40, 24], hiddenShare: 0.5) == [55, 32])
        #expect(fusion.fuse(thermal: [40, 20], beams: [40, 24], hiddenShare: 0.1) == [44, 23])
    }

    @Test("the thermal count is never lowered, and a good window is the thermal count")
    func neverLowered() {
        var fusion = calibrated()
        #expect(fusion.fuse(thermal: [90, 80], beams: [40, 20], hiddenShare: 1) == [90, 80])
        #expect(fusion.fuse(thermal: [10, 10], beams: [40, 20], hiddenShare: 0) == [10, 10])
    }

    @Test("before calibration, without beams or without frames, the thermal count stands")
    func uncalibrated() {
        var fusion = FootfallFusion()
        #expect(fusion.fuse(thermal: [2, 1], beams: [10, 9], hiddenShare: 1) == [2, 1])
        var calibratedFusion = calibrated()
        #expect(calibratedFusion.fuse(thermal: [2, 1], beams: nil, hiddenShare: 1) == [2, 1])
        #expect(calibratedFusion.fuse(thermal: [2, 1], beams: [40, 20], hiddenShare: nil) == [2, 1])
    }

    @Test("blind windows do not teach the ratio; good windows do")
    func calibratesOnGoodWindowsOnly() {
        var fusion = calibrated()
        _ = fusion.fuse(thermal: [0, 0], beams: [500, 500], hiddenShare: 0.9)
        #expect(fusion.ratio == 1.5)
        _ = fusion.fuse(thermal: [200, 200], beams: [100, 100], hiddenShare: 0)
        #expect(fusion.ratio == 1000.0 / 600.0)
    }

    @Test("the calibration forgets slowly: old windows weigh half once the memory is full")
    func forgets() {
        var fusion = FootfallFusion(calibrationMemory: 1000)
        _ = fusion.fuse(thermal: [450, 450], beams: [500, 500], hiddenShare: 0)  // 1000 beams: 0.9
        _ = fusion.fuse(thermal: [100, 100], beams: [50, 50], hiddenShare: 0)  // 1100 → halved
        #expect(fusion.beamSum == 550)
        #expect(fusion.ratio == 1)
    }
}

@Suite("The fusion's calibration across a restart")
struct FootfallFusionCalibrationTextTests {
    @Test("the calibration survives as text, and a restored fusion fills in at once")
    func roundTrip() {
        var learnt = FootfallFusion()
        for _ in 0..<4 { _ = learnt.fuse(thermal: [80, 70], beams: [52, 48], hiddenShare: 0) }
        var restarted = FootfallFusion()
        let restored = restarted.restoreCalibration(from: learnt.calibrationText)
        #expect(restored)
        #expect(restarted.ratio == 1.5)
        #expect(restarted.fuse(thermal: [0, 0], beams: [40, 20], hiddenShare: 1) == [60, 30])
    }

    @Test("text that is not two non-negative sums is refused and changes nothing", arguments: [
        "", "thermal_sum 600\n", "thermal_sum 600\nbeam_sum -4\n", "thermal_sum x\nbeam_sum 400\n",
        "thermal_sum 600\nbeam_sum 400\nextra 1\n", "thermal_sum 600 beam_sum 400\n",
    ])
    func refusesGarbage(text: String) {
        var fusion = FootfallFusion()
        let restored = fusion.restoreCalibration(from: text)
        #expect(!restored)
        #expect(fusion.beamSum == 0 && fusion.thermalSum == 0)
    }
}
