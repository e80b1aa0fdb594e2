import CSensorboxLinux
import Hardware

/// The `struct i2c_msg` list of one `I2C_RDWR` transaction, laid over one contiguous buffer.
///
/// Building it is pure (addresses, flags, lengths, where each message's bytes live), so the layout
/// the kernel will see is tested without a kernel; only ``LinuxI2CBus`` hands it to the ioctl.
struct I2CMessageBatch: Sendable {
    /// One message as the kernel sees it, without its buffer pointer.
    struct Header: Equatable, Sendable {
        /// The 7-bit target address (`i2c_msg.addr`; 10-bit addressing is not used).
        var address: UInt16
        /// `I2C_M_RD` for a read, 0 for a write (`i2c_msg.flags`).
        var flags: UInt16
        /// The number of bytes to write or read (`i2c_msg.len`).
        var length: UInt16
        /// Where the message's bytes start in the shared buffer.
        var offset: Int
    }

    let headers: [Header]
    let operations: [I2COperation]
    /// The bytes of all messages together.
    let bufferLength: Int

    /// Lays out `operations` to `address`. Lengths must already be within
    /// ``I2CTransferPlan/maximumMessageLength`` (the plan checks that).
    init(address: I2CAddress, operations: [I2COperation]) {
        var headers: [Header] = []
        var offset = 0
        for operation in operations {
            let length = operation.byteCount
            precondition((0...I2CTransferPlan.maximumMessageLength).contains(length), "I2C message length \(length)")
            let isRead = if case .read = operation { true } else { false }
            headers.append(Header(
                address: UInt16(address.rawValue), flags: isRead ? CSHIM_I2C_M_RD : 0,
                length: UInt16(length), offset: offset))
            offset += length
        }
        self.headers = headers
        self.operations = operations
        self.bufferLength = offset
    }

    /// Copies the write messages' bytes into `buffer` and returns the kernel's message list,
    /// pointing into it. `buffer` must hold ``bufferLength`` bytes and outlive the ioctl.
    func kernelMessages(in buffer: UnsafeMutableRawBufferPointer) -> [i2c_msg] {
        precondition(buffer.count >= bufferLength)
        return zip(headers, operations).map { header, operation in
            let bytes = buffer.baseAddress.map { $0 + header.offset }?.assumingMemoryBound(to: UInt8.self)
            if case .write(let data) = operation {
                UnsafeMutableRawBufferPointer(rebasing: buffer[header.offset..<header.offset + data.count])
                    .copyBytes(from: data)
            }
            return i2c_msg(addr: header.address, flags: header.flags, len: header.length, buf: bytes)
        }
    }

    /// The bytes of every read message, in order, after the kernel filled `buffer`.
    func readResults(from buffer: UnsafeRawBufferPointer) -> [[UInt8]] {
        headers.filter { $0.flags & CSHIM_I2C_M_RD != 0 }.map { header in
            Array(buffer[header.offset..<header.offset + Int(header.length)])
        }
    }
}
