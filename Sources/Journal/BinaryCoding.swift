/// Little-endian binary writing, the one encoding of the journal's files (records, headers,
/// cursor-log entries). Hand-written instead of Codable: the format is the contract with the
/// files already on a box's flash, so every byte is spelled out here.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt8) { bytes.append(value) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(_ value: UInt16) { writeInteger(value) }
    mutating func write(_ value: UInt32) { writeInteger(value) }
    mutating func write(_ value: UInt64) { writeInteger(value) }
    mutating func write(_ value: Int64) { writeInteger(value) }
    mutating func write(_ value: Double) { writeInteger(value.bitPattern) }

    /// A string as its UTF-8 byte count (`UInt32`) followed by the bytes.
    mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func write(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    private mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites a `UInt32` at `offset` (for a length or checksum known only at the end).
    mutating func patch(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }
}

/// Why bytes could not be decoded.
public struct DecodeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Little-endian binary reading over a byte array, bounds-checked: a short or malformed input
/// throws ``DecodeError``, never traps.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - offset }

    mutating func readUInt8() throws -> UInt8 {
        guard remaining >= 1 else { throw DecodeError("unexpected end at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readBool() throws -> Bool {
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        case let other: throw DecodeError("invalid boolean \(other) at byte \(offset - 1)")
        }
    }

    mutating func readUInt16() throws -> UInt16 { try readInteger() }
    mutating func readUInt32() throws -> UInt32 { try readInteger() }
    mutating func readUInt64() throws -> UInt64 { try readInteger() }
    mutating func readInt64() throws -> Int64 { try readInteger() }
    mutating func readDouble() throws -> Double { Double(bitPattern: try readInteger()) }

    mutating func readString() throws -> String {
        let count = Int(try readUInt32())
        guard remaining >= count else { throw DecodeError("string of \(count) bytes runs past the end") }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw DecodeError("\(count) bytes run past the end") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    private mutating func readInteger<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw DecodeError("unexpected end at byte \(offset)") }
        var value: T = 0
        for index in (0..<size).reversed() {
            value = (value << 8) | T(truncatingIfNeeded: bytes[offset + index])
        }
        offset += size
        return value
    }
}

/// Reads a little-endian `UInt32` at `offset` of `bytes` (the caller checked the bounds).
@inline(__always)
func loadUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
        | UInt32(bytes[offset + 3]) << 24
}

/// Reads a little-endian `UInt64` at `offset` of `bytes` (the caller checked the bounds).
@inline(__always)
func loadUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    UInt64(loadUInt32(bytes, at: offset)) | UInt64(loadUInt32(bytes, at: offset + 4)) << 32
}
