/// The simulated board, compiled in so the binary runs with no files at all. It is the text of
/// `Boards/simulator.toml` (a test checks they stay equal).
public enum BuiltInBoard {
    /// The board's name, `simulator`.
    public static let name = "simulator"

    /// The text of `Boards/simulator.toml`.
    public static let simulatorTOML = #"""
        # The simulated board: every chip of docs/sensors.md answers on the simulator's I2C bus at
        # register level, and the beam pairs' edges come from the scenario. No /dev files are opened.
        [board]
        name = "simulator"
        description = "Simulated board (register-level chip twins, virtual time)"
        simulated = true
        boot_config = []

        [[i2c]]
        name = "i2c-1"
        device = "sim"
        pins = "simulated"

        [[gpio]]
        name = "main"
        chip_label = "sim-gpio"

        [gpio.pins]   # the same names and offsets as a Raspberry Pi header, so box files carry over
        GPIO4 = 4
        GPIO5 = 5
        GPIO6 = 6
        GPIO7 = 7
        GPIO8 = 8
        GPIO9 = 9
        GPIO10 = 10
        GPIO11 = 11
        GPIO12 = 12
        GPIO13 = 13
        GPIO16 = 16
        GPIO17 = 17
        GPIO18 = 18
        GPIO19 = 19
        GPIO20 = 20
        GPIO21 = 21
        GPIO22 = 22
        GPIO23 = 23
        GPIO24 = 24
        GPIO25 = 25
        GPIO26 = 26
        GPIO27 = 27

        """#
}
