import Agent
import Hardware
import Sensors
import Simulator
import Testing

@Suite("scan and selftest reports")
struct DiagnosticsReportTests {
    @Test func scanOfTheWiredBuiltInBoxFindsEveryWiredChip() async throws {
        let (box, board) = try ConfigLoader.loadBuiltIn()
        let clock = VirtualClock(start: june1)
        let hardware = SimulatedHardware(board: board, clock: clock, seed: 1)
        hardware.wire(box)
        clock.advance(by: .seconds(1))
        let results = await BusScan.run(board: board, hardware: hardware)
        let bus = try #require(results.first)
        #expect(results.count == 1)
        #expect(bus.error == nil)
        #expect(bus.chips.map(\.model) == ["seesaw soil", "SHT4x", "ADS1115", "AMG8833", "SPS30"])
        #expect(bus.chips.map(\.address) == [0x36, 0x44, 0x48, 0x68, 0x69])
        #expect(bus.chips.last?.serial?.hasPrefix("SPS") == true)
    }

    @Test func scanReportsABusThatDoesNotOpen() async throws {
        let (_, board) = try ConfigLoader.loadBuiltIn()
        var busless = board
        busless.i2cBuses = []
        let results = await BusScan.run(board: board, hardware: SimulatedHardware(board: busless, clock: VirtualClock(start: june1), seed: 1))
        #expect(results.first?.error?.contains("i2c-1") == true)
        #expect(BusScan.text(results, board: board).contains("i2c-1 (sim): does not open"))
    }

    @Test func scanJSONHasAStableLayout() {
        let board = BoardConfig(name: "b", description: "", simulated: true, bootConfig: [], i2cBuses: [], gpioChips: [], file: "")
        let results = [
            BusScanResult(bus: "i2c-1", device: "/dev/i2c-1", chips: [
                DetectedChip(address: 0x44, model: "SHT4x", serial: "0E5A1C3B"), DetectedChip(address: 0x48, model: "ADS1115"),
            ]),
            BusScanResult(bus: "i2c-3", device: "/dev/i2c-3", chips: [], error: "no such file"),
        ]
        #expect(BusScan.json(results, board: board).compact == #"""
            {"board":"b","buses":[{"bus":"i2c-1","device":"/dev/i2c-1","chips":[{"address":"0x44","chip":"SHT4x","serial":"0E5A1C3B"},{"address":"0x48","chip":"ADS1115"}]},{"bus":"i2c-3","device":"/dev/i2c-3","error":"no such file","chips":[]}]}
            """#)
    }

    @Test func selftestJSONEscapesAndKeepsKeyOrder() {
        let report = SelfTestReport(box: "box-1", board: "pi", checks: [
            SelfTestCheck(name: "journal directory writable", passed: true, detail: "/var/lib/sensorbox/journal"),
            SelfTestCheck(name: "sensor pm", sensor: "pm", passed: false, detail: "said \"hi\"\n\u{1}", failedAttempts: 5),
        ])
        #expect(report.json.compact == #"""
            {"box":"box-1","board":"pi","passed":false,"checks":[{"check":"journal directory writable","status":"PASS","detail":"/var/lib/sensorbox/journal"},{"check":"sensor pm","sensor":"pm","status":"FAIL","detail":"said \"hi\"\n\u0001","failed_attempts":5}]}
            """#)
    }

    @Test func selftestTextFitsEightyColumnsAndPutsTheVerdictFirst() {
        let long = String(repeating: "the chip answered something else entirely ", count: 4) + String(repeating: "x", count: 120)
        let report = SelfTestReport(box: "box-1", board: "pi", checks: [
            SelfTestCheck(name: "sensor pm", sensor: "pm", passed: false, detail: long),
            SelfTestCheck(name: "sensor climate", sensor: "climate", passed: true, detail: "SHT4x"),
        ])
        let lines = report.text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.first == "FAIL sensor pm")
        #expect(lines[1].hasPrefix("      the chip answered"))
        #expect(lines.contains("PASS sensor climate: SHT4x"))
        #expect(lines.last == "selftest of box box-1: 2 checks, 1 PASS, 1 FAIL (pm)")
        // Nothing of the reason is lost in the wrapping.
        #expect(lines.dropFirst().filter { $0.hasPrefix("      ") }.joined().filter { $0 == "x" }.count == 120)
    }

    @Test(arguments: [("unplugged", InjectedFault.fault(.unplugged)), ("crcCorruption", .fault(.crcCorruption)), ("wrong-identity", .wrongIdentity)])
    func injectedFaultNames(_ text: String, _ fault: InjectedFault) {
        #expect(InjectedFault(text) == fault)
        #expect(fault.description == text)
    }

    @Test func unknownFaultAndUnknownSensorAreRefused() throws {
        #expect(InjectedFault("melted") == nil)
        let (box, board) = try ConfigLoader.loadBuiltIn()
        let hardware = SimulatedHardware(board: board, clock: VirtualClock(start: june1), seed: 1)
        #expect(throws: FaultInjectionError.self) { try hardware.inject(.fault(.unplugged), into: "nope", of: box) }
        #expect(throws: FaultInjectionError.self) { try hardware.inject(.fault(.unplugged), into: "footfall-beams", of: box) }
    }
}
