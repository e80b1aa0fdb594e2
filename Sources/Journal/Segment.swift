/// What the journal knows in memory about one segment file.
struct Segment {
    var firstSequence: UInt64
    /// Byte offset of each record; record *i* has sequence `firstSequence + i`.
    var recordOffsets: [UInt32]
    /// Bytes of the file that hold valid data (header and committed records).
    var size: Int

    var fileName: String { SegmentFormat.fileName(firstSequence: firstSequence) }
    var recordCount: Int { recordOffsets.count }
    /// The sequence of the last record, or `firstSequence - 1` if the segment is empty.
    var lastSequence: UInt64 { firstSequence + UInt64(recordOffsets.count) - 1 }
    var isEmpty: Bool { recordOffsets.isEmpty }

    func contains(_ sequence: UInt64) -> Bool {
        sequence >= firstSequence && sequence < firstSequence + UInt64(recordOffsets.count)
    }

    /// The byte range of the records `first...last` (both inside the segment).
    func byteRange(from first: UInt64, through last: UInt64) -> Range<Int> {
        let start = Int(recordOffsets[Int(first - firstSequence)])
        let nextIndex = Int(last - firstSequence) + 1
        let end = nextIndex < recordOffsets.count ? Int(recordOffsets[nextIndex]) : size
        return start..<end
    }
}
