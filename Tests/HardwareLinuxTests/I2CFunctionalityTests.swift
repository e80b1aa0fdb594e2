import Hardware
import Testing

@testable import HardwareLinux

@Suite("I2C_FUNCS → I2CCapabilities")
struct I2CFunctionalityTests {
    @Test(
        "capabilities drivers see, from the bitmask real adapters report",
        arguments: [
            // i2c-stub, as measured in the virtual board: SMBus only.
            (0x0c7f_0000, I2CCapabilities.smbusI2CBlock),
            // i2c-bcm2835 (Raspberry Pi): I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL.
            (0x0eff_0009, [.plainI2C, .smbusI2CBlock]),
            // A bare I2C controller without SMBus emulation.
            (0x0000_0001, .plainI2C),
            // Block reads but no block writes: not enough for SMBus register access.
            (0x0400_0000, []),
            (0x0000_0000, []),
        ] as [(UInt, I2CCapabilities)])
    func capabilities(bits: UInt, expected: I2CCapabilities) {
        #expect(I2CFunctionality(rawValue: bits).capabilities == expected)
    }

    @Test("the individual bits match linux/i2c.h")
    func bits() {
        let stub = I2CFunctionality(rawValue: 0x0c7f_0000)
        #expect(!stub.contains(.plainI2C))
        #expect(stub.contains(.smbusWriteByte))
        #expect(stub.contains(.smbusReadI2CBlock))
        #expect(stub.contains(.smbusWriteI2CBlock))
        #expect(I2CFunctionality.plainI2C.rawValue == 0x0000_0001)
    }

    @Test("the bitmask is shown the way i2cdetect -F and the kernel docs write it")
    func description() {
        #expect(I2CFunctionality(rawValue: 0x0c7f_0000).description == "0x0c7f0000")
        #expect(I2CFunctionality(rawValue: 1).description == "0x00000001")
    }
}
