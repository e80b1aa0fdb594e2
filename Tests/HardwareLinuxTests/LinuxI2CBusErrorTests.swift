import Glibc
import Hardware
import Testing

@testable import HardwareLinux

@Suite("Opening an i2c-dev adapter and selecting a target")
struct LinuxI2CBusErrorTests {
    @Test("a missing /dev/i2c-N names the path and says how to enable I2C")
    func missingDevice() throws {
        let error = #expect(throws: I2CError.self) { try LinuxI2CBus(path: "/dev/i2c-97") }
        let found = try #require(error)
        #expect(found.operation == "open /dev/i2c-97")
        #expect(found.errno == ENOENT)
        #expect(found.kind == .other)
        let detail = try #require(found.detail)
        #expect(detail.contains("/dev/i2c-97 does not exist"))
        #expect(detail.contains("dtparam=i2c_arm=on"))
        #expect(detail.contains("modprobe i2c-dev"))
    }

    @Test("the bus number form opens /dev/i2c-<number>")
    func busNumber() {
        let error = #expect(throws: I2CError.self) { try LinuxI2CBus(busNumber: 98) }
        #expect(error?.operation == "open /dev/i2c-98")
    }

    @Test("a file that is not an I2C adapter is refused when I2C_FUNCS fails")
    func notAnAdapter() throws {
        let error = #expect(throws: I2CError.self) { try LinuxI2CBus(path: "/dev/null") }
        let found = try #require(error)
        #expect(found.operation == "I2C_FUNCS on /dev/null")
        #expect(found.errno == ENOTTY)
        #expect(found.detail?.contains("not an I2C adapter") == true)
    }

    @Test("permission problems say what to do", arguments: [EACCES, EPERM])
    func permission(errno: Int32) {
        let error = LinuxI2CBus.openError(path: "/dev/i2c-1", errno: Errno(rawValue: errno))
        #expect(error.detail?.contains("i2c group") == true)
        #expect(error.errno == errno)
    }

    @Test("an address owned by a kernel driver is refused, with the reason and without forcing")
    func addressOwnedByDriver() throws {
        let error = LinuxI2CBus.selectError(Errno(rawValue: EBUSY), address: I2CAddress(0x44), busName: "i2c-1")
        #expect(error.kind == .bus)
        #expect(error.errno == EBUSY)
        #expect(error.operation == "I2C_SLAVE 0x44 on i2c-1")
        let detail = try #require(error.detail)
        #expect(detail.contains("a kernel driver owns 0x44 on i2c-1"))
        #expect(detail.contains("I2C_SLAVE_FORCE"))
        #expect(detail.contains("will not steal"))
    }

    @Test("other I2C_SLAVE failures keep the usual hint")
    func otherSelectFailure() {
        let error = LinuxI2CBus.selectError(Errno(rawValue: EINVAL), address: I2CAddress(0x44), busName: "i2c-1")
        #expect(error.kind == .bus)
        #expect(error.detail?.contains("kernel driver") == false)
    }
}
