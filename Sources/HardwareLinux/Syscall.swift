import CSensorboxLinux
import Glibc

/// An open file descriptor. A strong type so that a descriptor is never mixed up with a count or
/// a return code; only ``Syscall`` looks inside.
struct FileDescriptor: Hashable, Sendable {
    let rawValue: CInt
}

/// Every system call HardwareLinux makes, and the libi2c calls that wrap ioctls (after NIO's
/// syscall helper and swift-system).
///
/// Each wrapper retries `EINTR` (a signal such as SIGCHLD or the service manager's SIGTERM must not
/// turn into a bus error), captures `errno` immediately after the failing call and throws it as
/// ``Errno``. Nothing else in the target calls Glibc I/O directly; libgpiod calls live in
/// `Syscall+GPIOD.swift` under the same rules.
enum Syscall {
    /// `open(path, flags | O_CLOEXEC)`.
    static func open(_ path: String, flags: CInt) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try retryingInterrupts { Glibc.open(path, flags | O_CLOEXEC) })
    }

    /// `close(fd)`. Never retried: on Linux the descriptor is released even when close reports
    /// EINTR, and a retry could close a descriptor another thread just opened.
    static func close(_ descriptor: FileDescriptor) {
        _ = Glibc.close(descriptor.rawValue)
    }

    /// `read(fd, buffer, count)`; returns the number of bytes read.
    static func read(_ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try retryingInterrupts { Glibc.read(descriptor.rawValue, buffer.baseAddress, buffer.count) }
    }

    /// `write(fd, bytes, count)`; returns the number of bytes written.
    static func write(_ descriptor: FileDescriptor, _ bytes: UnsafeRawBufferPointer) throws(Errno) -> Int {
        try retryingInterrupts { Glibc.write(descriptor.rawValue, bytes.baseAddress, bytes.count) }
    }

    /// `write()` of a whole array; returns the number of bytes written.
    static func write(_ descriptor: FileDescriptor, _ bytes: [UInt8]) throws(Errno) -> Int {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(Errno) -> Int in try write(descriptor, buffer) }
        }.get()
    }

    /// `read()` of up to `count` bytes; returns the bytes read.
    static func read(_ descriptor: FileDescriptor, count: Int) throws(Errno) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(Errno) -> Int in try read(descriptor, into: buffer) }
        }
        return Array(bytes.prefix(try result.get()))
    }

    /// `ioctl(fd, request, value)` for requests that take an integer (`I2C_SLAVE`).
    @discardableResult
    static func ioctl(_ descriptor: FileDescriptor, _ request: UInt, value: UInt) throws(Errno) -> CInt {
        try retryingInterrupts { cshim_ioctl_value(descriptor.rawValue, request, value) }
    }

    /// `ioctl(fd, request, pointer)` for requests that take a structure (`I2C_FUNCS`, `I2C_RDWR`).
    @discardableResult
    static func ioctl(_ descriptor: FileDescriptor, _ request: UInt, pointer: UnsafeMutableRawPointer) throws(Errno) -> CInt {
        try retryingInterrupts { cshim_ioctl_pointer(descriptor.rawValue, request, pointer) }
    }

    /// libi2c `i2c_smbus_read_i2c_block_data`: `S addr+W command Sr addr+R data… P`, at most 32
    /// bytes. Returns the bytes read (fewer than `count` if the adapter returned fewer).
    static func smbusReadI2CBlock(_ descriptor: FileDescriptor, command: UInt8, count: Int) throws(Errno) -> [UInt8] {
        precondition((0...Int(CSHIM_I2C_SMBUS_BLOCK_MAX)).contains(count))
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(Errno) -> Int32 in
                try retryingNegativeErrno {
                    i2c_smbus_read_i2c_block_data(descriptor.rawValue, command, UInt8(count), buffer.baseAddress)
                }
            }
        }
        return Array(bytes.prefix(Int(try result.get())))
    }

    /// libi2c `i2c_smbus_write_i2c_block_data`: `S addr+W command data… P`, at most 32 data bytes.
    static func smbusWriteI2CBlock(_ descriptor: FileDescriptor, command: UInt8, _ data: [UInt8]) throws(Errno) {
        precondition(data.count <= Int(CSHIM_I2C_SMBUS_BLOCK_MAX))
        let result = data.withUnsafeBufferPointer { buffer in
            Result { () throws(Errno) -> Int32 in
                try retryingNegativeErrno {
                    i2c_smbus_write_i2c_block_data(descriptor.rawValue, command, UInt8(buffer.count), buffer.baseAddress)
                }
            }
        }
        _ = try result.get()
    }

    /// libi2c `i2c_smbus_write_byte`: `S addr+W value P`.
    static func smbusWriteByte(_ descriptor: FileDescriptor, _ value: UInt8) throws(Errno) {
        _ = try retryingNegativeErrno { i2c_smbus_write_byte(descriptor.rawValue, value) }
    }

    /// `clock_gettime(clock)` in nanoseconds. It can only fail for an unknown clock id or a bad
    /// pointer, both programmer errors.
    static func clockTime(_ clock: clockid_t) -> (seconds: Int, nanoseconds: Int) {
        var time = timespec()
        let result = clock_gettime(clock, &time)
        precondition(result == 0, "clock_gettime(\(clock)) failed")
        return (time.tv_sec, time.tv_nsec)
    }

    /// `ntp_adjtime()` with no modes set: reads the kernel's clock discipline without changing it
    /// (allowed without privileges). Returns the clock state (`TIME_OK` … `TIME_ERROR`) and the
    /// status bits (`STA_UNSYNC` …).
    static func readClockDiscipline() throws(Errno) -> (state: CInt, status: CInt) {
        var discipline = timex()
        discipline.modes = 0
        let state = try retryingInterrupts { ntp_adjtime(&discipline) }
        return (state, discipline.status)
    }

    /// Reads a small file (a `/proc` or `/sys` entry) whole, up to `limit` bytes.
    static func readSmallFile(_ path: String, limit: Int = 4096) throws(Errno) -> [UInt8] {
        let descriptor = try open(path, flags: O_RDONLY)
        defer { close(descriptor) }
        var contents: [UInt8] = []
        while contents.count < limit {
            let chunk = try read(descriptor, count: 256)
            if chunk.isEmpty { break }
            contents += chunk
        }
        return Array(contents.prefix(limit))
    }

    /// Runs a call that returns -1 and sets `errno` on failure, again while it fails with EINTR.
    static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) throws(Errno) -> Result {
        while true {
            let result = call()
            if result != -1 { return result }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }

    /// Runs a libi2c call, which returns `-errno` on failure, again while it fails with EINTR.
    private static func retryingNegativeErrno(_ call: () -> Int32) throws(Errno) -> Int32 {
        while true {
            let result = call()
            if result >= 0 { return result }
            let error = Errno(rawValue: -result)
            if error != .interrupted { throw error }
        }
    }
}
