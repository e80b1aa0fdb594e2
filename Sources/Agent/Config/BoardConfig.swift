/// What a board offers the sensors: its I2C buses, GPIO chips and pin names, and the lines its
/// boot configuration needs. Read from a board file (`Boards/raspberry-pi-4.toml`).
public struct BoardConfig: Hashable, Sendable {
    /// The name box configs use (`raspberry-pi-4`); equal to the board file's base name.
    public var name: String
    public var description: String
    /// `true` for the simulated board: buses and chips are the simulator's, not `/dev` files.
    public var simulated: Bool
    /// Lines for `/boot/firmware/config.txt` that enable the buses this board file describes.
    public var bootConfig: [String]
    /// The buses sensors may use, in the order of the file.
    public var i2cBuses: [I2CBusConfig]
    /// The GPIO chips with their pin names.
    public var gpioChips: [GPIOChipConfig]
    /// The file the board was read from (`<built-in>` for the compiled-in simulator board).
    public var file: String

    public init(
        name: String, description: String, simulated: Bool, bootConfig: [String], i2cBuses: [I2CBusConfig],
        gpioChips: [GPIOChipConfig], file: String
    ) {
        self.name = name
        self.description = description
        self.simulated = simulated
        self.bootConfig = bootConfig
        self.i2cBuses = i2cBuses
        self.gpioChips = gpioChips
        self.file = file
    }

    /// The bus sensors call `name`.
    public func i2cBus(named name: String) -> I2CBusConfig? { i2cBuses.first { $0.name == name } }

    /// The GPIO chip sensors call `name`.
    public func gpioChip(named name: String) -> GPIOChipConfig? { gpioChips.first { $0.name == name } }
}

/// One I2C adapter of a board.
public struct I2CBusConfig: Hashable, Sendable {
    /// The name sensors refer to (`i2c-1`).
    public var name: String
    /// The character device (`/dev/i2c-1`), or `sim` on the simulated board.
    public var device: String
    /// Where the bus is on the header, for technicians (`SDA GPIO2 (pin 3), SCL GPIO3 (pin 5)`).
    public var pins: String?

    public init(name: String, device: String, pins: String? = nil) {
        self.name = name
        self.device = device
        self.pins = pins
    }
}

/// One GPIO chip of a board, opened by label because chip numbers change across kernels.
public struct GPIOChipConfig: Hashable, Sendable {
    /// The name sensors refer to (`main`).
    public var name: String
    /// The kernel's label of the chip (`pinctrl-bcm2711`; `pinctrl-rp1` on a Pi 5).
    public var chipLabel: String
    /// Header pin names and their line offsets on the chip, sorted by name.
    public var pins: [GPIOPinConfig]

    public init(name: String, chipLabel: String, pins: [GPIOPinConfig]) {
        self.name = name
        self.chipLabel = chipLabel
        self.pins = pins
    }

    /// The line offset of the pin called `name` (`GPIO17` → 17).
    public func lineOffset(of name: String) -> UInt32? { pins.first { $0.name == name }?.lineOffset }
}

/// A named line of a GPIO chip.
public struct GPIOPinConfig: Hashable, Sendable {
    /// The header name (`GPIO17`).
    public var name: String
    /// The line offset on the chip (libgpiod's `offset`).
    public var lineOffset: UInt32

    public init(name: String, lineOffset: UInt32) {
        self.name = name
        self.lineOffset = lineOffset
    }
}
