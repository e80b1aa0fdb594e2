#if canImport(Glibc)
import Glibc
#endif
import Agent
import Hardware
import Logging
import Simulator

/// A fresh temporary directory for one test.
func temporaryDirectory(_ name: String = "sensorbox-test") -> String {
    var template = Array("/tmp/\(name)-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let path = mkdtemp(buffer.baseAddress!) else { return "/tmp/\(name)-\(getpid())" }
        return String(cString: path)
    }
}

/// Removes a directory tree (test clean-up).
func removeTree(_ path: String) {
    _ = system("rm -rf '\(path)'")
}

/// A logger that discards everything (tests assert on health events and status, not log text).
let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

let june1 = WallTime(iso8601: "2026-06-01T00:00:00Z")!

/// A box with one AMG8833 footfall counter ("door", 0x68, one-minute windows) on the simulated
/// board, the twin looking at `scene` instead of the street; the config's default privacy
/// profile unless `privacyProfile` names one.
func thermalCounterBox(
    scene: any ThermalScene, privacyProfile: String? = nil, sensorKeys: String = ""
) throws -> (box: BoxConfig, hardware: SimulatedHardware, clock: VirtualClock) {
    let board = try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "board")
    let box = try ConfigLoader.decodeBox("""
        [box]
        id = "thermal-test"
        board = "simulator"
        \(privacyProfile.map { "[privacy]\nprofile = \"\($0)\"" } ?? "")
        [[sensor]]
        id = "door"
        type = "amg8833"
        bus = "i2c-1"
        address = 0x68
        window = "1m"
        \(sensorKeys)
        [[uplink]]
        type = "stdout"
        """, file: "box", board: board)
    let clock = VirtualClock(start: june1)
    let hardware = SimulatedHardware(board: board, clock: clock, seed: 1)
    hardware.simulatedBus(named: "i2c-1")?.attach(AMG8833Twin(scene: scene), at: 0x68)
    return (box, hardware, clock)
}
