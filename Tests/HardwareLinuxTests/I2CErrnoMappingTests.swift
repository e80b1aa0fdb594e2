import Glibc
import Hardware
import Testing

@testable import HardwareLinux

@Suite("errno → I2CError (STYLE.md §4)")
struct I2CErrnoMappingTests {
    @Test(
        "every kernel fault code maps to the error kind a driver reacts to",
        arguments: [
            (ENXIO, I2CError.Kind.noAcknowledge(.address)),
            (ENODEV, .noAcknowledge(.data)),
            (EREMOTEIO, .noAcknowledge(.data)),
            (EAGAIN, .arbitrationLoss),
            (ETIMEDOUT, .timeout),
            (EIO, .bus),
            (EBUSY, .bus),
            (EINVAL, .bus),
            (EOPNOTSUPP, .unsupported),
            (ENOENT, .other),
            (EACCES, .other),
            (EPROTO, .other),
            (ENOMEM, .other),
        ] as [(Int32, I2CError.Kind)])
    func kind(errno: Int32, expected: I2CError.Kind) {
        #expect(I2CError.Kind(errno: Errno(rawValue: errno)) == expected)
    }

    @Test("the error keeps the errno, the operation and the address for the log line")
    func keepsCause() {
        let address: I2CAddress = I2CAddress(0x69)
        let error = I2CError(errno: Errno(rawValue: ENXIO), address: address, operation: "I2C_RDWR on i2c-1")
        #expect(error.kind == .noAcknowledge(.address))
        #expect(error.errno == ENXIO)
        #expect(error.operation == "I2C_RDWR on i2c-1")
        #expect(error.address == address)
        #expect(error.description.contains("0x69"))
        #expect(error.description.contains("I2C_RDWR on i2c-1"))
        #expect(error.detail?.contains("unplugged") == true)
    }

    @Test("an explicit detail replaces the default hint")
    func explicitDetail() {
        let error = I2CError(
            errno: Errno(rawValue: EBUSY), address: I2CAddress(0x44), operation: "I2C_SLAVE 0x44 on i2c-1",
            detail: "a kernel driver owns it")
        #expect(error.kind == .bus)
        #expect(error.detail == "a kernel driver owns it")
    }

    @Test("errno names are symbolic in logs", arguments: [(ENXIO, "ENXIO"), (EREMOTEIO, "EREMOTEIO"), (EOPNOTSUPP, "EOPNOTSUPP")] as [(Int32, String)])
    func names(errno: Int32, name: String) {
        #expect(Errno(rawValue: errno).name == name)
        #expect(Errno(rawValue: errno).description.hasPrefix(name + " ("))
    }
}
