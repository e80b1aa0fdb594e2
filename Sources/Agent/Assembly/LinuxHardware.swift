import Hardware
import HardwareLinux

/// A real board: I2C buses opened through i2c-dev on first use, GPIO chips through libgpiod by
/// their label (chip numbers change across kernels and boards).
public final class LinuxHardware: HardwareBackend {
    public let clock: any BoxClock
    private let board: BoardConfig
    private var buses: [String: LinuxI2CBus] = [:]
    private var chips: [String: LinuxGPIOChip] = [:]

    public init(board: BoardConfig, clock: any BoxClock = SystemClock()) {
        self.board = board
        self.clock = clock
    }

    public func i2cBus(named name: String) throws -> any I2CBus {
        if let bus = buses[name] { return bus }
        guard let config = board.i2cBus(named: name) else {
            throw AssemblyError("board \(board.name) has no I2C bus \(name)")
        }
        let bus = try LinuxI2CBus(path: config.device)
        buses[name] = bus
        return bus
    }

    public func gpioLine(chip name: String, pin: String) throws -> any GPIOEdgeInput {
        guard let config = board.gpioChip(named: name) else {
            throw AssemblyError("board \(board.name) has no GPIO chip \(name)")
        }
        guard let offset = config.lineOffset(of: pin) else {
            throw AssemblyError("GPIO chip \(name) of board \(board.name) has no pin \(pin)")
        }
        let chip: LinuxGPIOChip
        if let opened = chips[name] {
            chip = opened
        } else {
            chip = try LinuxGPIOChip(label: config.chipLabel)
            chips[name] = chip
        }
        return try chip.requestEdgeInput(offset: offset)
    }
}
