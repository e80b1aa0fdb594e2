/// An open file of a ``FileSystem``.
public struct FileHandle: Hashable, Sendable {
    public var descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }
}

/// A failed file operation, with the errno captured at once and what was being done.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Linux errno.
    public var errno: Int32
    /// The operation (`pwrite`, `fdatasync`, `rename` …).
    public var operation: String
    /// The path concerned, when known.
    public var path: String

    public init(errno: Int32, operation: String, path: String) {
        self.errno = errno
        self.operation = operation
        self.path = path
    }

    /// Linux errnos (asm-generic/errno-base.h, errno.h): fixed across the architectures sensorbox
    /// runs on; spelled here so that the in-memory file system needs no Glibc.
    public static let ENOENT: Int32 = 2
    public static let EIO: Int32 = 5
    public static let EBADF: Int32 = 9
    public static let EEXIST: Int32 = 17
    public static let EFBIG: Int32 = 27
    public static let ENOSPC: Int32 = 28
    public static let EDQUOT: Int32 = 122

    /// The write failed because the disk, the quota or the file-size limit is full: a state to
    /// wait out, not a fault.
    public var isDiskFull: Bool { errno == Self.ENOSPC || errno == Self.EDQUOT || errno == Self.EFBIG }

    public var description: String { "\(operation) \(path): errno \(errno)" }
}

/// How to open a file.
public enum OpenMode: Sendable {
    /// Read only; the file must exist.
    case readOnly
    /// Read and write; created (empty) if missing.
    case readWriteCreate
}

/// Every file operation the journal makes, and nothing else: the real implementation
/// (``LinuxFileSystem``) is a thin layer over the syscalls; ``MemoryFileSystem`` keeps files in
/// memory and can simulate a crash that loses, keeps or tears each write not yet synced.
///
/// Semantics follow Linux: data written is durable only after ``fdatasync(_:)``/``fsync(_:)`` of
/// the file; a created, renamed or removed name is durable only after ``syncDirectory(_:)``.
public protocol FileSystem: Sendable {
    func open(_ path: String, mode: OpenMode) throws(FileSystemError) -> FileHandle
    func close(_ file: FileHandle)
    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(_ file: FileHandle, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8]
    /// Writes all of `bytes` at `offset` (retrying short writes).
    func write(_ file: FileHandle, _ bytes: [UInt8], at offset: Int) throws(FileSystemError)
    /// Makes the file's data, and the metadata needed to read it back (its size), durable.
    func fdatasync(_ file: FileHandle) throws(FileSystemError)
    /// Makes the file's data and all of its metadata durable.
    func fsync(_ file: FileHandle) throws(FileSystemError)
    func truncate(_ file: FileHandle, to length: Int) throws(FileSystemError)
    func size(_ file: FileHandle) throws(FileSystemError) -> Int
    /// Replaces `destination` atomically.
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    func unlink(_ path: String) throws(FileSystemError)
    /// Creates a directory; no error if it exists.
    func makeDirectory(_ path: String) throws(FileSystemError)
    /// The names in a directory (without `.` and `..`).
    func listDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// Makes the creations, renames and removals of names in the directory durable.
    func syncDirectory(_ path: String) throws(FileSystemError)
}

extension FileSystem {
    /// The whole content of the file at `path`.
    func readWholeFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let file = try open(path, mode: .readOnly)
        defer { close(file) }
        let length = try size(file)
        return try read(file, count: length, at: 0)
    }
}
