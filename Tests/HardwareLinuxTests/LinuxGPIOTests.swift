import CSensorboxLinux
import Glibc
import Hardware
import Testing

@testable import HardwareLinux

@Suite("libgpiod v1 chips and edge events")
struct LinuxGPIOTests {
    @Test("opening a chip by a label that does not exist fails with a clear GPIOError")
    func missingLabel() throws {
        let error = #expect(throws: GPIOError.self) { try LinuxGPIOChip(label: "sensorbox-no-such-chip") }
        let found = try #require(error)
        #expect(found.operation == "gpiod_chip_open_by_label(\"sensorbox-no-such-chip\")")
        #expect(found.errno == ENOENT)
        #expect(found.detail.contains("no GPIO chip is labelled \"sensorbox-no-such-chip\""))
        #expect(found.detail.contains("GPIO chips here:"))
    }

    @Test("opening a chip by a missing path names the path")
    func missingPath() throws {
        let error = #expect(throws: GPIOError.self) { try LinuxGPIOChip(path: "/dev/gpiochip97") }
        let found = try #require(error)
        #expect(found.operation == "gpiod_chip_open(/dev/gpiochip97)")
        #expect(found.detail.contains("/dev/gpiochip97 does not exist"))
    }

    @Test("a kernel event becomes an edge stamped with its own timestamp on the monotonic clock")
    func edgeEvents() {
        #expect(LinuxGPIOLine.edgeEvent(type: CSHIM_GPIOD_LINE_EVENT_RISING_EDGE, seconds: 12, nanoseconds: 345)
            == GPIOEdgeEvent(.rising, at: MonotonicInstant(nanoseconds: 12_000_000_345)))
        #expect(LinuxGPIOLine.edgeEvent(type: CSHIM_GPIOD_LINE_EVENT_FALLING_EDGE, seconds: 0, nanoseconds: 999_999_999)
            == GPIOEdgeEvent(.falling, at: MonotonicInstant(nanoseconds: 999_999_999)))
        #expect(LinuxGPIOLine.edgeEvent(type: 7, seconds: 1, nanoseconds: 0) == nil)
    }

    @Test("each bias asks libgpiod for a different request flag")
    func biasFlags() {
        let flags = [GPIOBias.asIs, .disabled, .pullUp, .pullDown].map(\.requestFlags)
        #expect(flags[0] == 0)
        #expect(Set(flags).count == 4)
    }
}
