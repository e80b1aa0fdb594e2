/// The durable positions of the named cursors, kept in an append-only file (`cursors.log`).
///
/// Each acknowledgement appends one small entry instead of rewriting a block in place: on flash
/// a rewrite in place costs a page program (and, on SD cards, often an erase-block copy) per
/// acknowledgement. Entry layout:
/// ```
/// u32 length  u32 CRC-32C (of length and body)  body: u64 acknowledged sequence, string cursor name
/// ```
/// The last valid entry of a name wins. A torn last entry is cut on open. When the file grows
/// past ``compactionBytes`` it is rewritten once with one entry per cursor (write the new file,
/// fdatasync it, rename it over the old one, fsync the directory).
struct CursorLog {
    static let fileName = "cursors.log"
    static let compactionFileName = "cursors.log.new"

    let fileSystem: any FileSystem
    let directory: String
    let compactionBytes: Int
    private(set) var positions: [String: UInt64] = [:]
    private(set) var file: FileHandle
    private(set) var size: Int
    /// What ``open`` had to repair (a torn tail), for the recovery report.
    private(set) var repairs: [String] = []
    /// Compactions since open.
    private(set) var compactions = 0

    var path: String { directory + "/" + Self.fileName }

    /// Opens (or creates) the log and replays it.
    init(fileSystem: any FileSystem, directory: String, compactionBytes: Int) throws(FileSystemError) {
        self.fileSystem = fileSystem
        self.directory = directory
        self.compactionBytes = compactionBytes
        let path = directory + "/" + Self.fileName
        // A leftover compaction file means a crash before its rename: the old log is still
        // complete (the rename is the commit), so the leftover is discarded.
        if (try? fileSystem.listDirectory(directory))?.contains(Self.compactionFileName) == true {
            try fileSystem.unlink(directory + "/" + Self.compactionFileName)
        }
        file = try fileSystem.open(path, mode: .readWriteCreate)
        let bytes = try fileSystem.read(file, count: try fileSystem.size(file), at: 0)
        let (entries, validEnd) = Self.parse(bytes)
        for (name, sequence) in entries { positions[name] = sequence }
        size = validEnd
        if validEnd < bytes.count {
            repairs.append("cursor log: cut \(bytes.count - validEnd) bytes of a torn or corrupt tail at \(validEnd)")
            try fileSystem.truncate(file, to: validEnd)
            try fileSystem.fdatasync(file)
        }
    }

    /// Parses entries until the first invalid one; returns them and the offset after the last valid.
    static func parse(_ bytes: [UInt8]) -> (entries: [(String, UInt64)], validEnd: Int) {
        var entries: [(String, UInt64)] = []
        var offset = 0
        while bytes.count - offset >= 8 {
            let length = Int(loadUInt32(bytes, at: offset))
            guard length >= 12, length <= 4096, bytes.count - offset - 8 >= length else { break }
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let crc = CRC32C.update(CRC32C.checksum(bytes[offset..<(offset + 4)]), with: body)
            guard crc == loadUInt32(bytes, at: offset + 4) else { break }
            var reader = ByteReader(body)
            guard let sequence = try? reader.readUInt64(), let name = try? reader.readString(),
                  reader.remaining == 0 else { break }
            entries.append((name, sequence))
            offset += 8 + length
        }
        return (entries, offset)
    }

    static func entry(name: String, sequence: UInt64) -> [UInt8] {
        var body = ByteWriter()
        body.write(sequence)
        body.write(name)
        var writer = ByteWriter(capacity: body.bytes.count + 8)
        writer.write(UInt32(body.bytes.count))
        writer.write(CRC32C.update(CRC32C.checksum(writer.bytes), with: body.bytes))
        writer.write(bytes: body.bytes)
        return writer.bytes
    }

    /// Records the positions durably (one write, one fdatasync), compacting first if the log is long.
    mutating func record(_ updates: [(String, UInt64)]) throws(FileSystemError) {
        guard !updates.isEmpty else { return }
        if size >= compactionBytes { try compact() }
        var bytes: [UInt8] = []
        for (name, sequence) in updates { bytes += Self.entry(name: name, sequence: sequence) }
        do {
            try fileSystem.write(file, bytes, at: size)
            try fileSystem.fdatasync(file)
        } catch {
            // Undo a partial entry so the next one is not written behind garbage. If the
            // truncate fails too, the next open cuts the torn entry.
            try? fileSystem.truncate(file, to: size)
            throw error
        }
        size += bytes.count
        for (name, sequence) in updates { positions[name] = sequence }
    }

    /// Rewrites the log with one entry per cursor.
    ///
    /// Order: the new file is written and fdatasync'ed *before* the rename, so the name
    /// `cursors.log` always refers to a complete log; the directory fsync after the rename
    /// makes the switch durable (without it a power cut could bring the old, longer log back,
    /// which is harmless: it holds the same last positions).
    mutating func compact() throws(FileSystemError) {
        let newPath = directory + "/" + Self.compactionFileName
        var bytes: [UInt8] = []
        for (name, sequence) in positions.sorted(by: { $0.key < $1.key }) {
            bytes += Self.entry(name: name, sequence: sequence)
        }
        let newFile = try fileSystem.open(newPath, mode: .readWriteCreate)
        do {
            try fileSystem.truncate(newFile, to: 0)
            try fileSystem.write(newFile, bytes, at: 0)
            try fileSystem.fdatasync(newFile)
            try fileSystem.rename(newPath, to: path)
            try fileSystem.syncDirectory(directory)
        } catch {
            fileSystem.close(newFile)
            throw error
        }
        fileSystem.close(file)
        file = newFile
        size = bytes.count
        compactions += 1
    }

    func close() { fileSystem.close(file) }
}
