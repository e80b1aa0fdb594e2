import Journal

/// The box's writable state: the journal and small state files. Boxes often run with a
/// read-only root, so this is its own directory (`/var/lib/sensorbox` on a box).
public struct StateDirectory: Sendable {
    public static let boxDefault = "/var/lib/sensorbox"
    public static let simulatorDefault = ".sensorbox"

    public let path: String
    let fileSystem: any FileSystem

    /// Creates the directory (and its parents) if needed.
    public init(path: String, fileSystem: any FileSystem = LinuxFileSystem()) throws {
        self.path = path
        self.fileSystem = fileSystem
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            try fileSystem.makeDirectory(String(prefix.dropLast()))
        }
    }

    public var journalDirectory: String { path + "/journal" }

    /// The text of a small state file, or `nil` if there is none.
    public func read(_ name: String) -> String? {
        Self.readText(path + "/" + name, fileSystem: fileSystem)
    }

    /// The text of a small file, or `nil` if it cannot be read — without creating anything
    /// (for commands that only look at a state directory).
    static func readText(_ path: String, fileSystem: any FileSystem = LinuxFileSystem()) -> String? {
        let file: FileHandle
        do { file = try fileSystem.open(path, mode: .readOnly) } catch { return nil }
        defer { fileSystem.close(file) }
        guard let size = try? fileSystem.size(file), let bytes = try? fileSystem.read(file, count: size, at: 0) else {
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces a small state file atomically: write a temporary file, sync it, rename it over the
    /// old one, sync the directory — a power cut leaves the old or the new file, never half of one.
    public func write(_ name: String, _ text: String) throws {
        let temporary = path + "/." + name + ".new"
        let file = try fileSystem.open(temporary, mode: .readWriteCreate)
        do {
            try fileSystem.truncate(file, to: 0)
            try fileSystem.write(file, Array(text.utf8), at: 0)
            try fileSystem.fsync(file)
        } catch {
            fileSystem.close(file)
            throw error
        }
        fileSystem.close(file)
        try fileSystem.rename(temporary, to: path + "/" + name)
        try fileSystem.syncDirectory(path)
    }
}
