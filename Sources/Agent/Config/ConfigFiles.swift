#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading config files and board directories with plain POSIX calls (no Foundation on the box).
enum ConfigFiles {
    /// Config files are small; a larger "file" is a mistake (a device, a log), not a config.
    static let maximumSize = 1 << 20

    enum ReadError: Error {
        case notFound
        case failed(String)
    }

    /// The bytes of the file at `path`.
    static func read(_ path: String) -> Result<[UInt8], ReadError> {
        let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            let error = errno
            return .failure(error == ENOENT ? .notFound : .failed(describe(error)))
        }
        defer { _ = close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.failed(describe(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(.failed("is a directory, not a file")) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                retryingOnInterrupt { posixRead(descriptor, buffer.baseAddress, buffer.count) }
            }
            if count < 0 { return .failure(.failed(describe(errno))) }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > maximumSize {
                return .failure(.failed("is larger than \(maximumSize / 1024) KiB; not a config file"))
            }
        }
        return .success(bytes)
    }

    /// Names of the entries of a directory ending in `suffix`, sorted; empty when it cannot be read.
    static func list(_ directory: String, suffix: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(suffix), name.utf8.count > suffix.utf8.count { names.append(name) }
        }
        return names.sorted()
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder part of a path (`/etc/sensorbox/sensorbox.toml` → `/etc/sensorbox`; `box.toml` → ``).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` resolved against `base` unless it is absolute.
    static func resolve(_ path: String, relativeTo base: String) -> String {
        path.hasPrefix("/") ? path : join(base, path)
    }

    private static func describe(_ error: Int32) -> String {
        guard let text = strerror(error) else { return "errno \(error)" }
        return String(cString: text)
    }

    private static func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

/// `read(2)`, named apart from ``ConfigFiles/read(_:)``.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
