import Hardware

/// Where the buses and lines of a board come from: the simulator's twins or the Linux kernel.
public protocol HardwareBackend: AnyObject {
    /// The clock drivers wait on.
    var clock: any BoxClock { get }
    /// The I2C bus of the board with this name (`i2c-1`); opened on first use.
    func i2cBus(named name: String) throws -> any I2CBus
    /// An input line of a GPIO chip of the board, requested for both edges.
    func gpioLine(chip: String, pin: String) throws -> any GPIOEdgeInput
}
