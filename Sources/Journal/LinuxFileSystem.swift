#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system: every syscall of the journal is in this file. `errno` is captured
/// right after the failing call; `EINTR` is retried; short reads and writes are continued.
public struct LinuxFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, mode: OpenMode) throws(FileSystemError) -> FileHandle {
        // O_CLOEXEC: a child process (an uplink helper) must not inherit the journal's files.
        let flags: Int32 = switch mode {
        case .readOnly: O_RDONLY | O_CLOEXEC
        case .readWriteCreate: O_RDWR | O_CREAT | O_CLOEXEC
        }
        let descriptor = try retrying("open", path) { Glibc.open(path, flags, 0o644) }
        return FileHandle(descriptor: descriptor)
    }

    public func close(_ file: FileHandle) {
        // Not retried on EINTR: on Linux the descriptor is released even then.
        _ = Glibc.close(file.descriptor)
    }

    public func read(_ file: FileHandle, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = try retrying("pread", "fd \(file.descriptor)") {
                bytes.withUnsafeMutableBytes { raw in
                    pread(file.descriptor, raw.baseAddress! + done, count - done, off_t(offset + done))
                }
            }
            if result == 0 { break }
            done += result
        }
        if done < count { bytes.removeLast(count - done) }
        return bytes
    }

    public func write(_ file: FileHandle, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        var done = 0
        while done < bytes.count {
            let result = try retrying("pwrite", "fd \(file.descriptor)") {
                bytes.withUnsafeBytes { raw in
                    pwrite(file.descriptor, raw.baseAddress! + done, bytes.count - done, off_t(offset + done))
                }
            }
            done += result
        }
    }

    public func fdatasync(_ file: FileHandle) throws(FileSystemError) {
        _ = try retrying("fdatasync", "fd \(file.descriptor)") { Glibc.fdatasync(file.descriptor) }
    }

    public func fsync(_ file: FileHandle) throws(FileSystemError) {
        _ = try retrying("fsync", "fd \(file.descriptor)") { Glibc.fsync(file.descriptor) }
    }

    public func truncate(_ file: FileHandle, to length: Int) throws(FileSystemError) {
        _ = try retrying("ftruncate", "fd \(file.descriptor)") { ftruncate(file.descriptor, off_t(length)) }
    }

    public func size(_ file: FileHandle) throws(FileSystemError) -> Int {
        var status = stat()
        _ = try retrying("fstat", "fd \(file.descriptor)") { fstat(file.descriptor, &status) }
        return Int(status.st_size)
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        _ = try retrying("rename", source) { Glibc.rename(source, destination) }
    }

    public func unlink(_ path: String) throws(FileSystemError) {
        _ = try retrying("unlink", path) { Glibc.unlink(path) }
    }

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        let result = Glibc.mkdir(path, 0o755)
        let error = errno
        if result != 0 && error != EEXIST { throw FileSystemError(errno: error, operation: "mkdir", path: path) }
    }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else {
            throw FileSystemError(errno: errno, operation: "opendir", path: path)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func syncDirectory(_ path: String) throws(FileSystemError) {
        // A directory's entries are made durable by fsync of the directory itself (POSIX leaves
        // it open; Linux and ext4 document it): needed after creating, renaming or unlinking.
        let descriptor = try retrying("open", path) { Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { _ = Glibc.close(descriptor) }
        _ = try retrying("fsync", path) { Glibc.fsync(descriptor) }
    }

    /// Calls `body` until it does not fail with `EINTR`; a result of -1 becomes an error that
    /// carries the errno read immediately after the call.
    private func retrying<T: BinaryInteger>(
        _ operation: String, _ path: String, _ body: () throws(Never) -> T
    ) throws(FileSystemError) -> T {
        while true {
            let result = body()
            if result != -1 { return result }
            let error = errno
            if error == EINTR { continue }
            throw FileSystemError(errno: error, operation: operation, path: path)
        }
    }
}
