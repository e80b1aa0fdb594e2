/// The box config used when no config file is given: the simulated board carrying one of every
/// supported sensor, so `sensorbox run --simulate` shows the whole pipeline with no files.
public enum BuiltInBox {
    /// A full box on the simulator board. The AMG8833 is strapped to 0x68 because the SPS30 owns
    /// 0x69 (docs/sensors.md, address plan); both soil probes are read every minute.
    public static let simulatorTOML = #"""
        [box]
        id = "simulated-box"
        name = "Simulated box (all sensors)"
        board = "simulator"
        latitude = 49.41
        longitude = 8.69

        [journal]
        max_size_mb = 64
        commit_interval_ms = 1000
        commit_records = 50

        [privacy]
        profile = "suppress"
        minimum_count = 5

        [[sensor]]
        id = "pm"
        type = "sps30"
        bus = "i2c-1"
        address = 0x69
        interval = "1s"
        window = "1m"

        [[sensor]]
        id = "climate"
        type = "sht4x"
        bus = "i2c-1"
        address = 0x44
        interval = "10s"
        window = "1m"

        [[sensor]]
        id = "soil-a"
        type = "seesaw-soil"
        bus = "i2c-1"
        address = 0x36
        interval = "1m"
        window = "15m"

        [[sensor]]
        id = "soil-b"
        type = "ads1115-soil"
        bus = "i2c-1"
        address = 0x48
        channel = 0
        gain = "4.096"
        dry_voltage = 2.8
        wet_voltage = 1.2
        interval = "1m"
        window = "15m"

        [[sensor]]
        id = "footfall-thermal"
        type = "amg8833"
        bus = "i2c-1"
        address = 0x68
        interval = "100ms"
        window = "15m"
        line = "middle"
        axis = "rows"
        directions = ["in", "out"]
        beams = "footfall-beams"

        [[sensor]]
        id = "footfall-beams"
        type = "beam-pair"
        gpio = "main"
        pins = ["GPIO17", "GPIO27"]
        debounce = "30ms"
        window = "15m"
        directions = ["in", "out"]

        [[uplink]]
        type = "stdout"

        """#
}
