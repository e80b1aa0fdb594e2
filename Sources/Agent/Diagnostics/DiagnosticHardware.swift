import Hardware
import HardwareLinux
import Simulator

/// The hardware `scan` and `selftest` run on: the real board through Linux, or the simulated
/// board with a twin wired for every sensor of the box, on a ``VirtualClock`` so that waits
/// between attempts take no real time.
public enum DiagnosticHardware {
    /// For a simulated board, `simulated` is the same object as `backend`, for fault injection.
    public static func make(board: BoardConfig, box: BoxConfig?, seed: UInt64 = 1) -> (backend: any HardwareBackend, simulated: SimulatedHardware?) {
        guard board.simulated else { return (LinuxHardware(board: board, clock: SystemClock()), nil) }
        // The virtual clock starts at the real wall time: the twins' weather follows the day.
        let clock = VirtualClock(start: SystemClock().wallTime().time)
        let simulated = SimulatedHardware(board: board, clock: clock, seed: seed)
        if let box { simulated.wire(box) }
        // A box under test has been powered for a while; fresh twins are deaf while they boot
        // (seesaw 500 ms, SHT4x 1 ms) and a scan at power-on would miss them.
        clock.advance(by: .seconds(1))
        return (simulated, simulated)
    }
}
