// A probe of HardwareLinux against a real kernel: run inside the virtual board's QEMU guest by
// run.sh, with i2c-stub at 0x68/0x69 and a gpio-sim chip whose line 3 is named "button".
//
//   probe <i2c bus path> <gpiochip path> <sysfs pull file of line 3>
//
// Prints PASS/FAIL per check and "PROBE RESULT ALL-PASS" when everything held.
import Glibc
import Hardware
import HardwareLinux

@MainActor var failures = 0

@MainActor
func check(_ condition: Bool, _ what: String, _ got: @autoclosure () -> String = "") {
    if condition {
        print("PASS: \(what)")
    } else {
        failures += 1
        print("FAIL: \(what) — got \(got())")
    }
}

/// Writes a sysfs attribute: gpio-sim's simulated pull drives the line as a sensor output would.
@MainActor
func writeSysfs(_ path: String, _ value: String) {
    let descriptor = open(path, O_WRONLY)
    guard descriptor >= 0 else { check(false, "open \(path)", "errno \(errno)"); return }
    _ = value.withCString { write(descriptor, $0, strlen($0)) }
    close(descriptor)
}

@MainActor
func probeI2C(_ path: String) {
    print("--- I2C on \(path) (i2c-stub: SMBus only)")
    let chip: I2CAddress = I2CAddress(0x68)
    do {
        let bus = try LinuxI2CBus(path: path)
        check(bus.functionality.rawValue == 0x0c7f_0000, "I2C_FUNCS read at open", "\(bus.functionality)")
        check(bus.capabilities == .smbusI2CBlock, "capabilities: SMBus block, no plain I2C", "\(bus.capabilities)")

        try bus.write(chip, [0x10, 0xAB, 0xCD, 0xEF])  // i2c_smbus_write_i2c_block_data
        let back = try bus.writeRead(chip, [0x10], readCount: 3)  // i2c_smbus_read_i2c_block_data
        check(back == [0xAB, 0xCD, 0xEF], "SMBus block write then register read", hexBytes(back))

        let image = (0..<32).map { UInt8($0 * 3 & 0xFF) }
        try bus.write(chip, [0x40] + image)
        let block = try bus.writeRead(chip, [0x40], readCount: 32)
        check(block == image, "33-byte write and 32-byte register read round trip", hexBytes(block))

        try bus.write(chip, [0x40])  // i2c_smbus_write_byte: sets the stub's pointer
        check(true, "1-byte write through i2c_smbus_write_byte")

        do {
            _ = try bus.writeRead(chip, [0x03, 0x00], readCount: 60)
            check(false, "SPS30-style read refused on SMBus-only adapter", "no error")
        } catch {
            check(error.kind == .unsupported && error.detail?.contains("no plain-I2C support") == true,
                  "SPS30-style read refused on SMBus-only adapter", "\(error)")
        }

        do {
            _ = try bus.writeRead(I2CAddress(0x50), [0x00], readCount: 1)
            check(false, "no chip at 0x50 gives a NACK", "no error")
        } catch {
            check(error.kind == .noAcknowledge(.address) || error.kind == .noAcknowledge(.data),
                  "no chip at 0x50 gives a NACK", "\(error)")
            print("      (\(error))")
        }
    } catch {
        check(false, "I2C on \(path)", "\(error)")
    }
}

@MainActor
func probeGPIO(_ path: String, pull: String, clock: SystemClock) {
    print("--- GPIO on \(path) (gpio-sim)")
    do {
        let byPath = try LinuxGPIOChip(path: path)
        print("      chip \(byPath.name) [\(byPath.label)], \(byPath.lineCount) lines; available: \(LinuxGPIOChip.availableChips())")
        let chip = try LinuxGPIOChip(label: byPath.label)
        check(chip.name == byPath.name, "open by label finds the same chip", chip.name)

        writeSysfs(pull, "pull-down")
        let line = try chip.requestEdgeInput(offset: 3)
        let info = try chip.lines()[3]
        check(info.name == "button" && info.consumer == "sensorbox" && info.isUsed,
              "line 3 is \"button\", used by \"sensorbox\"", "\(info)")
        check(try line.level() == false, "level low after pull-down")
        check(try line.readEvents().isEmpty, "no events yet, and readEvents does not wait")

        let before = clock.now()
        for value in ["pull-up", "pull-down", "pull-up"] {
            writeSysfs(pull, value)
            usleep(20_000)
        }
        let after = clock.now()
        let events = try line.readEvents()
        check(events.map(\.edge) == [.rising, .falling, .rising], "both edges reported in order", "\(events)")
        check(events.allSatisfy { $0.timestamp >= before && $0.timestamp <= after },
              "kernel timestamps are on SystemClock's monotonic clock", "\(events.map(\.timestamp)) not in \(before)…\(after)")
        check(zip(events, events.dropFirst()).allSatisfy { $0.timestamp < $1.timestamp }, "timestamps increase")
        check(try line.level() == true, "level high after pull-up")

        do {
            _ = try chip.requestEdgeInput(offset: 3)
            check(false, "a second request of a used line fails", "no error")
        } catch {
            check(error.errno == EBUSY && error.detail.contains("in use by \"sensorbox\""),
                  "a second request of a used line fails", "\(error)")
        }
    } catch {
        check(false, "GPIO on \(path)", "\(error)")
    }
}

@main
struct Probe {
    @MainActor
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 4 else {
            print("usage: probe /dev/i2c-N /dev/gpiochipN /sys/…/sim_gpio3/pull")
            exit(2)
        }
        let clock = SystemClock()
        print("--- SystemClock")
        check(clock.bootID.count == 36, "boot id read from the kernel", clock.bootID)
        let wall = clock.wallTime()
        check(!wall.isSynchronized, "a fresh guest without NTP is reported unsynchronised", "\(wall)")
        let start = clock.now()
        try? await clock.sleep(for: .milliseconds(50))
        check(clock.now() >= start.advanced(by: .milliseconds(50)), "sleep(for:) waits at least its duration")

        probeI2C(arguments[1])
        probeGPIO(arguments[2], pull: arguments[3], clock: clock)
        print("PROBE RESULT \(failures == 0 ? "ALL-PASS" : "\(failures) FAILED")")
        exit(failures == 0 ? 0 : 1)
    }
}
