import Synchronization

/// A file system in memory that models what survives a crash, for tests and simulations.
///
/// Like Linux, it keeps every write and every change of a name *pending* until the file or the
/// directory is synced. ``crash(atSync:)`` arms a crash: the Nth sync call fails instead, and
/// every operation after it fails too, as if power had been cut. ``imageAfterCrash(seed:)`` then
/// builds the file system a reboot would find: each pending write is kept, dropped, or torn
/// (its first part written, the rest garbage), each truncate kept or dropped, and an ordered
/// prefix of the pending name changes kept — chosen by a seeded generator, so a failing case is
/// reproducible.
public final class MemoryFileSystem: FileSystem {
    enum FileChange {
        case write(offset: Int, bytes: [UInt8])
        case truncate(length: Int)
    }

    enum NameChange {
        case link(path: String, inode: Int)
        case unlink(path: String)
        case rename(from: String, to: String)
    }

    struct Inode {
        var durable: [UInt8] = []
        var current: [UInt8] = []
        var pending: [FileChange] = []
    }

    struct State {
        var inodes: [Int: Inode] = [:]
        var names: [String: Int] = [:]
        var durableNames: [String: Int] = [:]
        var pendingNames: [(directory: String, change: NameChange)] = []
        var directories: Set<String> = []
        var handles: [Int32: Int] = [:]
        var nextHandle: Int32 = 3
        var nextInode = 1
        var syncCount = 0
        var crashAtSync: Int?
        var crashed = false
        var capacity: Int?
        /// Inodes whose reads fail with EIO (a failing card).
        var unreadable: Set<Int> = []

        var usedBytes: Int { Set(names.values).reduce(0) { $0 + (inodes[$1]?.current.count ?? 0) } }
    }

    let state: Mutex<State>

    /// An empty file system; writes beyond `capacity` bytes in all files fail with `ENOSPC`.
    public init(capacity: Int? = nil) {
        var initial = State()
        initial.capacity = capacity
        state = Mutex(initial)
    }

    init(state initial: State) { state = Mutex(initial) }

    // MARK: FileSystem

    public func open(_ path: String, mode: OpenMode) throws(FileSystemError) -> FileHandle {
        try withState("open", path) { (state) throws(FileSystemError) -> FileHandle in
            let inode: Int
            if let existing = state.names[path] {
                inode = existing
            } else {
                guard mode == .readWriteCreate else {
                    throw FileSystemError(errno: FileSystemError.ENOENT, operation: "open", path: path)
                }
                guard state.directories.contains(Self.directory(of: path)) else {
                    throw FileSystemError(errno: FileSystemError.ENOENT, operation: "open", path: path)
                }
                inode = state.nextInode
                state.nextInode += 1
                state.inodes[inode] = Inode()
                state.names[path] = inode
                state.pendingNames.append((Self.directory(of: path), .link(path: path, inode: inode)))
            }
            let handle = state.nextHandle
            state.nextHandle += 1
            state.handles[handle] = inode
            return FileHandle(descriptor: handle)
        }
    }

    public func close(_ file: FileHandle) {
        state.withLock { _ = $0.handles.removeValue(forKey: file.descriptor) }
    }

    public func read(_ file: FileHandle, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8] {
        try withState("pread", "") { (state) throws(FileSystemError) -> [UInt8] in
            if let number = state.handles[file.descriptor], state.unreadable.contains(number) {
                throw FileSystemError(errno: FileSystemError.EIO, operation: "pread", path: "")
            }
            let bytes = try Self.inode(file, in: state).current
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }
    }

    public func write(_ file: FileHandle, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        try withState("pwrite", "") { (state) throws(FileSystemError) in
            guard let number = state.handles[file.descriptor], let size = state.inodes[number]?.current.count else {
                throw FileSystemError(errno: FileSystemError.EBADF, operation: "pwrite", path: "")
            }
            let growth = max(0, offset + bytes.count - size)
            if let capacity = state.capacity, state.usedBytes + growth > capacity {
                throw FileSystemError(errno: FileSystemError.ENOSPC, operation: "pwrite", path: "")
            }
            // Modified in place: copying a file's bytes per write would make long tests quadratic.
            Self.write(bytes, at: offset, into: &state.inodes[number, default: Inode()].current)
            state.inodes[number, default: Inode()].pending.append(.write(offset: offset, bytes: bytes))
        }
    }

    public func fdatasync(_ file: FileHandle) throws(FileSystemError) { try sync(file, "fdatasync") }
    public func fsync(_ file: FileHandle) throws(FileSystemError) { try sync(file, "fsync") }

    public func truncate(_ file: FileHandle, to length: Int) throws(FileSystemError) {
        try withState("ftruncate", "") { (state) throws(FileSystemError) in
            guard let number = state.handles[file.descriptor], var inode = state.inodes[number] else {
                throw FileSystemError(errno: FileSystemError.EBADF, operation: "ftruncate", path: "")
            }
            Self.truncate(&inode.current, to: length)
            inode.pending.append(.truncate(length: length))
            state.inodes[number] = inode
        }
    }

    public func size(_ file: FileHandle) throws(FileSystemError) -> Int {
        try withState("fstat", "") { (state) throws(FileSystemError) -> Int in try Self.inode(file, in: state).current.count }
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try withState("rename", source) { (state) throws(FileSystemError) in
            guard state.names[source] != nil else {
                throw FileSystemError(errno: FileSystemError.ENOENT, operation: "rename", path: source)
            }
            Self.apply(.rename(from: source, to: destination), to: &state.names)
            state.pendingNames.append((Self.directory(of: destination), .rename(from: source, to: destination)))
        }
    }

    public func unlink(_ path: String) throws(FileSystemError) {
        try withState("unlink", path) { (state) throws(FileSystemError) in
            guard state.names[path] != nil else {
                throw FileSystemError(errno: FileSystemError.ENOENT, operation: "unlink", path: path)
            }
            state.names[path] = nil
            state.pendingNames.append((Self.directory(of: path), .unlink(path: path)))
        }
    }

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        try withState("mkdir", path) { (state) throws(FileSystemError) in _ = state.directories.insert(path) }
    }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        try withState("opendir", path) { (state) throws(FileSystemError) -> [String] in
            guard state.directories.contains(path) else {
                throw FileSystemError(errno: FileSystemError.ENOENT, operation: "opendir", path: path)
            }
            let files = state.names.keys.filter { Self.directory(of: $0) == path }
            let subdirectories = state.directories.filter { $0 != path && Self.directory(of: $0) == path }
            return (files + subdirectories).map { String($0.dropFirst(path.count + 1)) }
        }
    }

    public func syncDirectory(_ path: String) throws(FileSystemError) {
        try withState("fsync", path) { (state) throws(FileSystemError) in
            try Self.countSync(&state, "fsync", path)
            // Name changes are applied in order; only those of this directory become durable
            // now, the others stay pending.
            var remaining: [(directory: String, change: NameChange)] = []
            for entry in state.pendingNames {
                if entry.directory == path { Self.apply(entry.change, to: &state.durableNames) } else { remaining.append(entry) }
            }
            state.pendingNames = remaining
        }
    }

    // MARK: Helpers

    private func sync(_ file: FileHandle, _ operation: String) throws(FileSystemError) {
        try withState(operation, "") { (state) throws(FileSystemError) in
            try Self.countSync(&state, operation, "")
            guard let number = state.handles[file.descriptor], let current = state.inodes[number]?.current else {
                throw FileSystemError(errno: FileSystemError.EBADF, operation: operation, path: "")
            }
            state.inodes[number, default: Inode()].durable = current
            state.inodes[number, default: Inode()].pending = []
        }
    }

    private static func countSync(_ state: inout State, _ operation: String, _ path: String) throws(FileSystemError) {
        state.syncCount += 1
        if let crashAt = state.crashAtSync, state.syncCount >= crashAt {
            state.crashed = true
            throw FileSystemError(errno: FileSystemError.EIO, operation: operation, path: path)
        }
    }

    private func withState<T>(
        _ operation: String, _ path: String, _ body: (inout State) throws(FileSystemError) -> T
    ) throws(FileSystemError) -> T {
        let result: Result<T, FileSystemError> = state.withLock { state in
            if state.crashed { return .failure(FileSystemError(errno: FileSystemError.EIO, operation: operation, path: path)) }
            do throws(FileSystemError) { return .success(try body(&state)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func inode(_ file: FileHandle, in state: State) throws(FileSystemError) -> Inode {
        guard let number = state.handles[file.descriptor], let inode = state.inodes[number] else {
            throw FileSystemError(errno: FileSystemError.EBADF, operation: "fd", path: "")
        }
        return inode
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    static func apply(_ change: NameChange, to names: inout [String: Int]) {
        switch change {
        case .link(let path, let inode): names[path] = inode
        case .unlink(let path): names[path] = nil
        case .rename(let source, let destination):
            if let inode = names.removeValue(forKey: source) { names[destination] = inode }
        }
    }

    static func write(_ data: [UInt8], at offset: Int, into bytes: inout [UInt8]) {
        if bytes.count < offset + data.count { bytes += [UInt8](repeating: 0, count: offset + data.count - bytes.count) }
        bytes.replaceSubrange(offset..<(offset + data.count), with: data)
    }

    static func truncate(_ bytes: inout [UInt8], to length: Int) {
        if bytes.count > length { bytes.removeLast(bytes.count - length) } else {
            bytes += [UInt8](repeating: 0, count: length - bytes.count)
        }
    }
}

/// SplitMix64: a tiny seeded generator, enough to choose crash outcomes reproducibly.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
