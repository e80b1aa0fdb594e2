import Journal

/// `sensorbox journal inspect`: the journal's files and positions as text for a serial console
/// (80 columns) or as JSON for scripts.
public enum InspectionReport {
    /// Lines of at most 80 columns (for cursor names up to 12 characters; gap reasons and repair
    /// messages are wrapped at spaces).
    public static func text(_ inspection: JournalInspection) -> String {
        var lines = ["journal \(inspection.directory)"]
        lines.append(
            "size: \(byteCount(inspection.totalBytes)) of \(byteCount(inspection.maximumBytes))"
                + " (\(percent(inspection.totalBytes, of: inspection.maximumBytes))),"
                + " last sequence \(inspection.lastSequence)")
        if let full = inspection.diskFull {
            lines.append("disk: FULL, \(inspection.refusedPayloads) payloads refused (\(full))")
        } else {
            lines.append("disk: accepting appends")
        }
        if inspection.droppedRecords > 0 {
            lines.append("dropped by the size limit since open: \(inspection.droppedRecords) records")
        }
        if let error = inspection.maintenanceError {
            lines.append("housekeeping failing: \(error)")
        }

        lines.append("")
        lines.append("segments: \(inspection.segments.count)")
        if !inspection.segments.isEmpty {
            lines.append(row(["  file", "first", "last", "records", "bytes"]))
            for segment in inspection.segments {
                lines.append(row([
                    "  " + segment.fileName, String(segment.firstSequence), segment.lastSequence.map { String($0) } ?? "-",
                    String(segment.records), String(segment.bytes),
                ]))
            }
        }

        lines.append("")
        lines.append("cursors: \(inspection.cursors.count)")
        for cursor in inspection.cursors {
            let name = "  " + cursor.name.padding(to: 12)
            if cursor.unacknowledgedRecords == 0 {
                lines.append("\(name) acknowledged \(cursor.acknowledgedSequence), fully acknowledged")
            } else {
                lines.append(
                    "\(name) acknowledged \(cursor.acknowledgedSequence), \(cursor.unacknowledgedRecords) unacknowledged")
                if let file = cursor.nextRecordFile {
                    lines.append("    next record: \(file) at \(cursor.nextRecordOffset.map { String($0) } ?? "?")")
                }
            }
        }
        lines.append(
            "oldest unacknowledged: "
                + (inspection.oldestUnacknowledged.map { String($0) } ?? "none (every cursor is up to date)"))

        lines.append("")
        lines.append("gaps: \(inspection.gaps.count)")
        for gap in inspection.gaps {
            lines += wrapped("\(gap.firstSequence)...\(gap.lastSequence): \(gap.reason)", indent: 2)
        }
        lines.append("quarantined files: \(inspection.quarantinedFiles.count)")
        for file in inspection.quarantinedFiles {
            lines.append("  quarantine/\(file)")
        }
        lines.append("repairs at open: \(inspection.repairsAtOpen.count)")
        for repair in inspection.repairsAtOpen {
            lines.append(repair.file.isEmpty ? "  \(repair.kind.rawValue)" : "  \(repair.kind.rawValue) \(repair.file)")
            lines += wrapped(repair.message, indent: 4)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object (keys in a fixed order), indented.
    public static func json(_ inspection: JournalInspection) -> String {
        func optional(_ value: UInt64?) -> JSONValue { value.map { .unsigned($0) } ?? .null }
        let segments = inspection.segments.map { segment in
            JSONValue.object([
                .init("file", .string(segment.fileName)),
                .init("first_sequence", .unsigned(segment.firstSequence)),
                .init("last_sequence", optional(segment.lastSequence)),
                .init("records", .integer(Int64(segment.records))),
                .init("bytes", .integer(Int64(segment.bytes))),
            ])
        }
        let cursors = inspection.cursors.map { cursor in
            JSONValue.object([
                .init("name", .string(cursor.name)),
                .init("acknowledged_sequence", .unsigned(cursor.acknowledgedSequence)),
                .init("unacknowledged_records", .unsigned(cursor.unacknowledgedRecords)),
                .init("next_record_file", cursor.nextRecordFile.map { .string($0) } ?? .null),
                .init("next_record_offset", cursor.nextRecordOffset.map { .integer(Int64($0)) } ?? .null),
            ])
        }
        let gaps = inspection.gaps.map { gap in
            JSONValue.object([
                .init("first_sequence", .unsigned(gap.firstSequence)),
                .init("last_sequence", .unsigned(gap.lastSequence)),
                .init("reason", .string(gap.reason)),
            ])
        }
        let repairs = inspection.repairsAtOpen.map { repair in
            JSONValue.object([
                .init("kind", .string(repair.kind.rawValue)),
                .init("file", .string(repair.file)),
                .init("message", .string(repair.message)),
            ])
        }
        let object = JSONValue.object([
            .init("directory", .string(inspection.directory)),
            .init("total_bytes", .integer(Int64(inspection.totalBytes))),
            .init("maximum_bytes", .integer(Int64(inspection.maximumBytes))),
            .init("last_sequence", .unsigned(inspection.lastSequence)),
            .init("oldest_unacknowledged", optional(inspection.oldestUnacknowledged)),
            .init("segments", .array(segments)),
            .init("cursors", .array(cursors)),
            .init("gaps", .array(gaps)),
            .init("quarantined_files", .array(inspection.quarantinedFiles.map { .string($0) })),
            .init("repairs_at_open", .array(repairs)),
            .init("dropped_records", .unsigned(inspection.droppedRecords)),
            .init("disk_full", inspection.diskFull.map { .string("\($0)") } ?? .null),
            .init("refused_payloads", .integer(Int64(inspection.refusedPayloads))),
            .init("maintenance_error", inspection.maintenanceError.map { .string("\($0)") } ?? .null),
        ])
        return object.pretty + "\n"
    }

    /// `file` 26 columns wide, numbers right-aligned in 12 (sequences up to 10^11 fit).
    private static func row(_ columns: [String]) -> String {
        var line = columns[0].padding(to: 26)
        for column in columns.dropFirst() {
            line += String(repeating: " ", count: max(1, 12 - column.count)) + column
        }
        return line
    }

    /// `text` in lines of at most 80 columns after `indent` spaces, broken at spaces (a single
    /// word longer than a line stays whole).
    static func wrapped(_ text: String, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, indent + line.count + 1 + word.count > 80 {
                lines.append(margin + line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(margin + line)
        return lines
    }

    /// Bytes for people: `812 B`, `45.3 KiB`, `64.0 MiB` (integer maths, one decimal).
    static func byteCount(_ bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        guard let (size, name) = units.first(where: { bytes >= $0.0 }) else { return "\(bytes) B" }
        let tenths = (bytes * 10 + size / 2) / size
        return "\(tenths / 10).\(tenths % 10) \(name)"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "-" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
