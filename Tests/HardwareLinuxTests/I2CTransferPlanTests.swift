import Hardware
import Testing

@testable import HardwareLinux

@Suite("How a transaction is carried: plain I2C, I2C_RDWR, or the SMBus fallback")
struct I2CTransferPlanTests {
    /// i2c-bcm2835 on a Raspberry Pi.
    static let plain = I2CFunctionality(rawValue: 0x0eff_0009)
    /// i2c-stub in the virtual board: no I2C_FUNC_I2C.
    static let smbusOnly = I2CFunctionality(rawValue: 0x0c7f_0000)
    static let address: I2CAddress = I2CAddress(0x69)

    func plan(_ operations: [I2COperation], _ functionality: I2CFunctionality) throws(I2CError) -> I2CTransferPlan {
        try I2CTransferPlan.plan(operations, to: Self.address, on: "i2c-1", functionality: functionality)
    }

    @Test("with plain I2C a lone write or read is its own START…STOP, anything else one I2C_RDWR")
    func plainRouting() throws {
        #expect(try plan([], Self.plain) == .nothing)
        #expect(try plan([.write([0x03, 0x00])], Self.plain) == .plainWrite([0x03, 0x00]))
        #expect(try plan([.read(count: 60)], Self.plain) == .plainRead(count: 60))
        let registerRead: [I2COperation] = [.write([0x80]), .read(count: 128)]
        #expect(try plan(registerRead, Self.plain) == .combined(registerRead))
        let twoWrites: [I2COperation] = [.write([0x01]), .write([0x02])]
        #expect(try plan(twoWrites, Self.plain) == .combined(twoWrites))
    }

    @Test("I2C_RDWR limits are checked before the kernel sees the request")
    func plainLimits() {
        let tooMany = [I2COperation](repeating: .read(count: 1), count: 43)
        #expect(throws: I2CError.self) { try plan(tooMany, Self.plain) }
        let tooLong: [I2COperation] = [.write([0x00]), .read(count: 8193)]
        let error = #expect(throws: I2CError.self) { try plan(tooLong, Self.plain) }
        #expect(error?.kind == .unsupported)
        #expect(error?.detail?.contains("8192") == true)
        #expect(throws: Never.self) { try plan([.read(count: 8192)], Self.plain) }
    }

    @Test(
        "without I2C_FUNC_I2C, what SMBus can express still works",
        arguments: [
            ([.write([0x80]), .read(count: 32)], .smbusReadBlock(command: 0x80, count: 32)),
            ([.write([0x0E]), .read(count: 2)], .smbusReadBlock(command: 0x0E, count: 2)),
            ([.write([0x01]), .read(count: 1)], .smbusReadBlock(command: 0x01, count: 1)),
            ([.write([0x30])], .smbusWriteByte(0x30)),
            ([.write([0x01, 0x3F])], .smbusWriteBlock(command: 0x01, data: [0x3F])),
            ([.write([0x10] + [UInt8](repeating: 7, count: 32))],
             .smbusWriteBlock(command: 0x10, data: [UInt8](repeating: 7, count: 32))),
        ] as [([I2COperation], I2CTransferPlan)])
    func smbusFallback(operations: [I2COperation], expected: I2CTransferPlan) throws {
        #expect(try plan(operations, Self.smbusOnly) == expected)
    }

    @Test(
        "without I2C_FUNC_I2C, anything else is refused before touching the wire",
        arguments: [
            // SPS30 read measured values: 16-bit pointer, 60-byte answer.
            [.write([0x03, 0x00]), .read(count: 60)],
            // A plain read (Sensirion chips, PMSA003I).
            [.read(count: 32)],
            [.write([0x80]), .read(count: 33)],
            [.write([0x80]), .read(count: 0)],
            [.write([UInt8](repeating: 0, count: 34))],
            [.write([])],
            [.write([0x01]), .write([0x02])],
            [.write([0x01]), .read(count: 2), .read(count: 2)],
        ] as [[I2COperation]])
    func smbusRefusals(operations: [I2COperation]) {
        let error = #expect(throws: I2CError.self) { try plan(operations, Self.smbusOnly) }
        #expect(error?.kind == .unsupported)
        #expect(error?.address == Self.address)
        #expect(error?.detail?.contains("no plain-I2C support") == true)
        #expect(error?.detail?.contains("I2C_FUNC_I2C") == true)
    }

    @Test("the refusal says what was asked and what the adapter can do")
    func refusalText() throws {
        let error = #expect(throws: I2CError.self) { try plan([.write([0x03, 0x00]), .read(count: 60)], Self.smbusOnly) }
        let detail = try #require(error?.detail)
        #expect(detail.contains("asked for: write 2 bytes, then read 60 bytes"))
        #expect(detail.contains("0x0c7f0000"))
        #expect(detail.contains("register read"))
        #expect(error?.operation == "transaction on i2c-1")
    }

    @Test("an SMBus adapter without the needed call refuses even the SMBus-shaped transfer")
    func missingSMBusCall() {
        let readOnly = I2CFunctionality.smbusReadI2CBlock
        #expect(throws: I2CError.self) { try plan([.write([0x30])], readOnly) }
        #expect(throws: I2CError.self) { try plan([.write([0x01, 0x02])], readOnly) }
        #expect(throws: Never.self) { try plan([.write([0x80]), .read(count: 8)], readOnly) }
        let nothing = #expect(throws: I2CError.self) { try plan([.write([0x80]), .read(count: 8)], []) }
        #expect(nothing?.detail?.contains("none of the transfers") == true)
    }
}
