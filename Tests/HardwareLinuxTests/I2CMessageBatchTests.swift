import CSensorboxLinux
import Hardware
import Testing

@testable import HardwareLinux

@Suite("i2c_msg lists for I2C_RDWR")
struct I2CMessageBatchTests {
    /// `I2C_M_RD` as linux/i2c.h promises it ("guaranteed to be 0x0001!").
    let readFlag: UInt16 = 0x0001

    @Test("a register read is a write of the pointer then a read, both to the target address")
    func registerRead() {
        let batch = I2CMessageBatch(address: I2CAddress(0x68), operations: [.write([0x80]), .read(count: 128)])
        #expect(batch.headers == [
            .init(address: 0x68, flags: 0, length: 1, offset: 0),
            .init(address: 0x68, flags: readFlag, length: 128, offset: 1),
        ])
        #expect(batch.bufferLength == 129)
    }

    @Test("kernel messages point into one buffer holding the bytes to write")
    func kernelMessages() throws {
        let operations: [I2COperation] = [.write([0x03, 0x00]), .read(count: 3), .write([0xD1]), .read(count: 2)]
        let batch = I2CMessageBatch(address: I2CAddress(0x69), operations: operations)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: batch.bufferLength, alignment: 1)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0xEE)

        let messages = batch.kernelMessages(in: buffer)

        #expect(messages.map(\.addr) == [0x69, 0x69, 0x69, 0x69])
        #expect(messages.map(\.flags) == [0, readFlag, 0, readFlag])
        #expect(messages.map(\.len) == [2, 3, 1, 2])
        let base = try #require(buffer.baseAddress)
        #expect(messages.map { UnsafeRawPointer($0.buf) } == [0, 2, 5, 6].map { UnsafeRawPointer(base + $0) })
        #expect(Array(buffer[0..<2]) == [0x03, 0x00])
        #expect(buffer[5] == 0xD1)
    }

    @Test("read results come back in order, each with its own bytes")
    func readResults() {
        let batch = I2CMessageBatch(address: I2CAddress(0x44), operations: [.write([0xFD]), .read(count: 3), .read(count: 2)])
        let bytes: [UInt8] = [0xFD, 0x66, 0x66, 0x93, 0x80, 0x00]
        let results = bytes.withUnsafeBytes { batch.readResults(from: $0) }
        #expect(results == [[0x66, 0x66, 0x93], [0x80, 0x00]])
    }

    @Test("a write-only transaction has no read results and a zero-length read is carried as such")
    func edgeCases() {
        let writes = I2CMessageBatch(address: I2CAddress(0x36), operations: [.write([0x00, 0x7F, 0xFF]), .write([])])
        #expect(writes.headers.map(\.length) == [3, 0])
        #expect(writes.bufferLength == 3)
        #expect([UInt8](repeating: 0, count: 3).withUnsafeBytes { writes.readResults(from: $0) }.isEmpty)
        let emptyRead = I2CMessageBatch(address: I2CAddress(0x36), operations: [.write([0x01]), .read(count: 0)])
        #expect(emptyRead.headers.last == .init(address: 0x36, flags: readFlag, length: 0, offset: 1))
    }
}
