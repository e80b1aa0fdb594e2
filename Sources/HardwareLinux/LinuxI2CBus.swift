import CSensorboxLinux
import Glibc
import Hardware
import Synchronization

/// An I2C bus on a Linux i2c-dev adapter (`/dev/i2c-N`).
///
/// The adapter's `I2C_FUNCS` are read once at open. With plain I2C, a single write or read goes
/// through `write()`/`read()` (each its own START…STOP) and any other transaction through one
/// `I2C_RDWR` ioctl (repeated starts). On SMBus-only adapters the transactions SMBus can express
/// (register reads of ≤32 bytes, writes of ≤33 bytes) go through libi2c and the rest fail with
/// ``I2CError/Kind/unsupported``. Transactions are serialised, so drivers sharing one bus never
/// interleave their messages.
public final class LinuxI2CBus: I2CBus {
    private struct State {
        let descriptor: FileDescriptor
        /// The address last set with `I2C_SLAVE` on this descriptor, to skip a redundant ioctl.
        var selectedAddress: I2CAddress?
    }

    /// The adapter's device name, such as `i2c-1`.
    public let name: String
    /// The character device, such as `/dev/i2c-1`.
    public let path: String
    /// The adapter's `I2C_FUNCS`, read at open.
    public let functionality: I2CFunctionality
    private let state: Mutex<State>

    public var capabilities: I2CCapabilities { functionality.capabilities }

    /// Opens the adapter at `path` and reads its functionality.
    ///
    /// - Throws: an ``I2CError`` naming the path: missing device (with the hints to enable it),
    ///   no permission, or a file that is not an I2C adapter.
    public init(path: String) throws(I2CError) {
        let descriptor: FileDescriptor
        do {
            descriptor = try Syscall.open(path, flags: O_RDWR)
        } catch {
            throw Self.openError(path: path, errno: error)
        }
        var bits: UInt = 0
        do {
            try Syscall.ioctl(descriptor, CSHIM_I2C_FUNCS, pointer: &bits)
        } catch {
            Syscall.close(descriptor)
            throw I2CError(
                errno: error, address: nil, operation: "I2C_FUNCS on \(path)",
                detail: "\(path) is not an I2C adapter, or its driver does not answer I2C_FUNCS (\(error.name))")
        }
        self.path = path
        self.name = path.split(separator: "/").last.map(String.init) ?? path
        self.functionality = I2CFunctionality(rawValue: bits)
        self.state = Mutex(State(descriptor: descriptor, selectedAddress: nil))
    }

    /// Opens `/dev/i2c-<number>` (bus 1 is the header pins on a Raspberry Pi).
    public convenience init(busNumber: UInt8) throws(I2CError) {
        try self.init(path: "/dev/i2c-\(busNumber)")
    }

    deinit {
        state.withLock { Syscall.close($0.descriptor) }
    }

    public func transaction(_ address: I2CAddress, _ operations: [I2COperation]) throws(I2CError) -> [[UInt8]] {
        let plan = try I2CTransferPlan.plan(operations, to: address, on: name, functionality: functionality)
        if plan == .nothing { return [] }
        return try state.withLock { (state) throws(I2CError) -> [[UInt8]] in
            // Selected for every kind of transfer, I2C_RDWR included (which does not need it): the
            // kernel only refuses an address owned by a driver at I2C_SLAVE, and sensorbox must
            // not talk past a kernel driver through I2C_RDWR either.
            try select(address, &state)
            return try perform(plan, to: address, on: state.descriptor)
        }
    }

    /// `I2C_SLAVE address`, unless it is already the selected one.
    private func select(_ address: I2CAddress, _ state: inout State) throws(I2CError) {
        if state.selectedAddress == address { return }
        state.selectedAddress = nil
        do {
            try Syscall.ioctl(state.descriptor, CSHIM_I2C_SLAVE, value: UInt(address.rawValue))
        } catch {
            throw Self.selectError(error, address: address, busName: name)
        }
        state.selectedAddress = address
    }

    private func perform(_ plan: I2CTransferPlan, to address: I2CAddress, on descriptor: FileDescriptor) throws(I2CError) -> [[UInt8]] {
        switch plan {
        case .nothing:
            return []
        case .plainWrite(let bytes):
            let written = try call("write", address) { () throws(Errno) in try Syscall.write(descriptor, bytes) }
            try expectComplete(written, of: bytes.count, "write", address)
            return []
        case .plainRead(let count):
            let bytes = try call("read", address) { () throws(Errno) in try Syscall.read(descriptor, count: count) }
            try expectComplete(bytes.count, of: count, "read", address)
            return [bytes]
        case .combined(let operations):
            return try combined(operations, to: address, on: descriptor)
        case .smbusReadBlock(let command, let count):
            let bytes = try call("i2c_smbus_read_i2c_block_data", address) { () throws(Errno) in
                try Syscall.smbusReadI2CBlock(descriptor, command: command, count: count)
            }
            try expectComplete(bytes.count, of: count, "i2c_smbus_read_i2c_block_data", address)
            return [bytes]
        case .smbusWriteBlock(let command, let data):
            try call("i2c_smbus_write_i2c_block_data", address) { () throws(Errno) in
                try Syscall.smbusWriteI2CBlock(descriptor, command: command, data)
            }
            return []
        case .smbusWriteByte(let value):
            try call("i2c_smbus_write_byte", address) { () throws(Errno) in try Syscall.smbusWriteByte(descriptor, value) }
            return []
        }
    }

    /// One `I2C_RDWR` ioctl carrying every message.
    private func combined(_ operations: [I2COperation], to address: I2CAddress, on descriptor: FileDescriptor) throws(I2CError) -> [[UInt8]] {
        let batch = I2CMessageBatch(address: address, operations: operations)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(batch.bufferLength, 1), alignment: 1)
        defer { buffer.deallocate() }
        var messages = batch.kernelMessages(in: buffer)
        let transferred = try call("I2C_RDWR", address) { () throws(Errno) -> CInt in
            try messages.withUnsafeMutableBufferPointer { (list) throws(Errno) -> CInt in
                var request = i2c_rdwr_ioctl_data(msgs: list.baseAddress, nmsgs: UInt32(list.count))
                return try Syscall.ioctl(descriptor, CSHIM_I2C_RDWR, pointer: &request)
            }
        }
        if Int(transferred) != operations.count {
            throw I2CError(
                .other, address: address, operation: "I2C_RDWR on \(name)",
                detail: "the adapter carried \(transferred) of \(operations.count) messages")
        }
        return batch.readResults(from: UnsafeRawBufferPointer(buffer))
    }

    /// Runs one system call, turning its errno into an ``I2CError`` that names the call and bus.
    @discardableResult
    private func call<Value>(_ operation: String, _ address: I2CAddress, _ body: () throws(Errno) -> Value) throws(I2CError) -> Value {
        do {
            return try body()
        } catch {
            throw I2CError(errno: error, address: address, operation: "\(operation) on \(name)")
        }
    }

    /// A transfer that moved fewer bytes than asked is an error, never a silently short answer.
    private func expectComplete(_ count: some BinaryInteger, of expected: Int, _ operation: String, _ address: I2CAddress) throws(I2CError) {
        if Int(count) != expected {
            throw I2CError(
                .other, address: address, operation: "\(operation) on \(name)",
                detail: "transferred \(count) of \(expected) bytes")
        }
    }

    /// The error for a failed `I2C_SLAVE`. `EBUSY` there means a kernel driver is bound to the
    /// address (an overlay such as `i2c-sensor`, or a driver probed by hand).
    static func selectError(_ errno: Errno, address: I2CAddress, busName: String) -> I2CError {
        let detail: String? = errno.rawValue == EBUSY
            ? "a kernel driver owns \(address) on \(busName) (see /sys/bus/i2c/devices/); I2C_SLAVE_FORCE "
                + "could take it over, but sensorbox will not steal a device from a driver: unbind the "
                + "driver or remove its device-tree overlay"
            : nil
        return I2CError(errno: errno, address: address, operation: "I2C_SLAVE \(address) on \(busName)", detail: detail)
    }

    /// The error for an adapter that cannot be opened, with what to do about it.
    static func openError(path: String, errno: Errno) -> I2CError {
        let detail = switch errno.rawValue {
        case ENOENT:
            "\(path) does not exist: enable the I2C controller (dtparam=i2c_arm=on in config.txt on a "
                + "Raspberry Pi) and load the i2c-dev module (modprobe i2c-dev; list it in /etc/modules)"
        case EACCES, EPERM:
            "no permission to open \(path): run sensorbox in the i2c group or add a udev rule for the device"
        default:
            "cannot open \(path): \(errno)"
        }
        return I2CError(errno: errno, address: nil, operation: "open \(path)", detail: detail)
    }
}
