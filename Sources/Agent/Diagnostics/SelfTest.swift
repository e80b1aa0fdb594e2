import Hardware
import HardwareLinux
import Journal
import Sensors

/// `sensorbox selftest` as a library: checks the board's buses and GPIO chips, the journal
/// directory, and every configured sensor, and reports PASS or FAIL with a reason for each.
public enum SelfTest {
    /// How hard the test tries.
    public struct Options: Sendable {
        /// Read attempts per sensor before it FAILs.
        public var attempts: Int
        /// Attempts are one sampling interval apart, at most this long.
        public var longestWait: Duration
        /// `false` on the simulated board: its GPIO chips are the simulator's, not `/dev` files.
        public var opensGPIOChips: Bool

        public init(attempts: Int = 5, longestWait: Duration = .seconds(10), opensGPIOChips: Bool = true) {
            self.attempts = max(attempts, 1)
            self.longestWait = longestWait
            self.opensGPIOChips = opensGPIOChips
        }
    }

    /// Runs every check. The sensors are read on `hardware` (its clock paces the attempts: a
    /// ``VirtualClock`` on the simulated board, so the test finishes at once); the journal probe
    /// goes to `<stateDirectory>/journal` on `fileSystem`.
    public static func run(
        box: BoxConfig, board: BoardConfig, hardware: any HardwareBackend, stateDirectory: String,
        fileSystem: any FileSystem = LinuxFileSystem(), options: Options = Options()
    ) async -> SelfTestReport {
        var checks: [SelfTestCheck] = []
        for bus in board.i2cBuses { checks.append(busOpens(bus, on: hardware)) }
        for chip in board.gpioChips { checks.append(gpioChipExists(chip, board: board, options: options)) }
        checks.append(journalDirectoryWritable(stateDirectory: stateDirectory, fileSystem: fileSystem))
        for sensor in box.sensors {
            checks.append(await SensorSelfTest(config: sensor, hardware: hardware, options: options).run())
        }
        return SelfTestReport(box: box.id, board: board.name, checks: checks)
    }

    static func busOpens(_ bus: I2CBusConfig, on hardware: any HardwareBackend) -> SelfTestCheck {
        let name = "bus \(bus.name) opens"
        do {
            _ = try hardware.i2cBus(named: bus.name)
            return SelfTestCheck(name: name, passed: true, detail: bus.device)
        } catch {
            return SelfTestCheck(name: name, passed: false, detail: "\(bus.device): \(error)")
        }
    }

    /// Opened by label, as the agent does: chip numbers change across kernels.
    static func gpioChipExists(_ chip: GPIOChipConfig, board: BoardConfig, options: Options) -> SelfTestCheck {
        let name = "GPIO chip \(chip.name) exists"
        guard options.opensGPIOChips, !board.simulated else {
            return SelfTestCheck(name: name, passed: true, detail: "simulated (\(chip.chipLabel))")
        }
        do {
            let opened = try LinuxGPIOChip(label: chip.chipLabel)
            return SelfTestCheck(name: name, passed: true, detail: "\(opened.name) \"\(chip.chipLabel)\", \(opened.lineCount) lines")
        } catch {
            return SelfTestCheck(name: name, passed: false, detail: "\(error)")
        }
    }

    /// Creates the journal directory if needed, then creates, writes, fsyncs and removes a probe
    /// file in it: what the journal does, short of keeping the file.
    static func journalDirectoryWritable(stateDirectory: String, fileSystem: any FileSystem) -> SelfTestCheck {
        let directory = stateDirectory + "/journal"
        let name = "journal directory writable"
        let probe = directory + "/.selftest-probe"
        do {
            var prefix = directory.hasPrefix("/") ? "/" : ""
            for component in directory.split(separator: "/") {
                prefix += component + "/"
                try fileSystem.makeDirectory(String(prefix.dropLast()))
            }
            let file = try fileSystem.open(probe, mode: .readWriteCreate)
            do {
                try fileSystem.write(file, Array("sensorbox selftest\n".utf8), at: 0)
                try fileSystem.fsync(file)
            } catch {
                fileSystem.close(file)
                try? fileSystem.unlink(probe)
                throw error
            }
            fileSystem.close(file)
            try fileSystem.unlink(probe)
            return SelfTestCheck(name: name, passed: true, detail: directory)
        } catch {
            return SelfTestCheck(name: name, passed: false, detail: "\(directory): \(error)")
        }
    }
}
