/// The on-flash layout of a segment file and its records.
///
/// A segment is named by the sequence number of its first record (`00000000000000000001.seg`,
/// zero-padded so names sort like numbers) and starts with a 20-byte header:
/// ```
/// "SBJL"  u16 version (1)  u16 reserved (0)  u64 first sequence  u32 CRC-32C of the 16 bytes before
/// ```
/// followed by records:
/// ```
/// u32 payload length  u32 CRC-32C  u64 sequence  payload (PayloadCodec)
/// ```
/// The CRC covers the length, the sequence and the payload, i.e. the whole record except itself:
/// it is the record's commit. A record whose CRC does not match was never committed (torn write,
/// zero-filled tail after a power cut) or has rotted; scanning stops there.
public enum SegmentFormat {
    static let magic: [UInt8] = Array("SBJL".utf8)
    static let version: UInt16 = 1
    /// Bytes of the segment header.
    public static let headerSize = 20
    /// Bytes before a record's payload.
    public static let recordHeaderSize = 16
    /// The largest payload accepted; anything larger in a length field is corruption.
    public static let maximumPayloadSize = 1 << 20
    static let fileExtension = ".seg"

    /// The file name of the segment whose first record is `firstSequence`.
    public static func fileName(firstSequence: UInt64) -> String {
        let digits = String(firstSequence)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + fileExtension
    }

    /// The first sequence of a segment file name, or `nil` if the name is not a segment's.
    public static func firstSequence(fileName name: String) -> UInt64? {
        guard name.hasSuffix(fileExtension) else { return nil }
        let digits = name.dropLast(fileExtension.count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }

    static func header(firstSequence: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: headerSize)
        writer.write(bytes: magic)
        writer.write(version)
        writer.write(UInt16(0))
        writer.write(firstSequence)
        writer.write(CRC32C.checksum(writer.bytes))
        return writer.bytes
    }

    /// Appends the framed record to `writer`.
    static func appendRecord(sequence: UInt64, payload: [UInt8], to writer: inout ByteWriter) {
        let start = writer.bytes.count
        writer.write(UInt32(payload.count))
        writer.write(UInt32(0))  // CRC, patched below
        writer.write(sequence)
        writer.write(bytes: payload)
        let crc = writer.bytes.withUnsafeBytes { raw in
            let lengthCRC = CRC32C.update(0, buffer: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 4)]))
            return CRC32C.update(lengthCRC, buffer: UnsafeRawBufferPointer(rebasing: raw[(start + 8)...]))
        }
        writer.patch(crc, at: start + 4)
    }

    /// What a scan of one segment's bytes found.
    struct Scan {
        /// The header is intact and names `expectedFirst`.
        var headerValid = false
        /// Byte offsets of the valid records, in order (record *i* has sequence first + *i*).
        var recordOffsets: [UInt32] = []
        /// The offset just past the last valid record: the length the file should have.
        var validEnd = 0
        /// Why the scan stopped before the end of the bytes, or `nil` if every byte was valid.
        var problem: String?
    }

    /// Scans a segment's bytes: the header, then records until the first one that is short,
    /// fails its CRC, or has an unexpected sequence number.
    static func scan(_ bytes: [UInt8], expectedFirst: UInt64) -> Scan {
        var scan = Scan()
        guard bytes.count >= headerSize else {
            scan.problem = "header cut short (\(bytes.count) bytes)"
            return scan
        }
        guard Array(bytes[0..<4]) == magic,
              loadUInt32(bytes, at: 16) == CRC32C.checksum(bytes[0..<16]) else {
            scan.problem = "header damaged"
            return scan
        }
        let headerVersion = UInt16(bytes[4]) | UInt16(bytes[5]) << 8
        guard headerVersion == version else {
            scan.problem = "unknown segment version \(headerVersion)"
            return scan
        }
        let first = loadUInt64(bytes, at: 8)
        guard first == expectedFirst else {
            scan.problem = "header names first sequence \(first), file name \(expectedFirst)"
            return scan
        }
        scan.headerValid = true
        var offset = headerSize
        var expected = expectedFirst
        bytes.withUnsafeBytes { raw in
            while offset < bytes.count {
                guard bytes.count - offset >= recordHeaderSize else {
                    scan.problem = "record at \(offset) cut short"
                    break
                }
                let length = Int(loadUInt32(bytes, at: offset))
                guard length > 0, length <= maximumPayloadSize else {
                    scan.problem = "invalid length \(length) at \(offset)"
                    break
                }
                guard bytes.count - offset - recordHeaderSize >= length else {
                    scan.problem = "record at \(offset) cut short"
                    break
                }
                let stored = loadUInt32(bytes, at: offset + 4)
                let lengthCRC = CRC32C.update(0, buffer: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 4)]))
                let end = offset + recordHeaderSize + length
                let crc = CRC32C.update(lengthCRC, buffer: UnsafeRawBufferPointer(rebasing: raw[(offset + 8)..<end]))
                guard crc == stored else {
                    scan.problem = "checksum mismatch at \(offset)"
                    break
                }
                let sequence = loadUInt64(bytes, at: offset + 8)
                guard sequence == expected else {
                    scan.problem = "sequence \(sequence) at \(offset), expected \(expected)"
                    break
                }
                scan.recordOffsets.append(UInt32(offset))
                offset = end
                expected += 1
            }
        }
        scan.validEnd = offset
        return scan
    }
}
