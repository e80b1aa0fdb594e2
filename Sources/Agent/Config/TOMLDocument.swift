import CTOMLShim

/// Parses TOML text with toml++ (through the C shim) into a ``TOMLTable`` with source positions.
public enum TOMLDocument {
    /// A syntax error as toml++ reports it.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
        public var position: SourcePosition
    }

    /// Parses `bytes` (UTF-8 TOML; invalid UTF-8 is a syntax error, never a crash).
    public static func parse(_ bytes: [UInt8]) -> Result<TOMLTable, SyntaxError> {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { ctoml_parse($0, buffer.count) }
            } ?? ctoml_parse("", 0)
        }
        guard let document = parsed else {
            return .failure(SyntaxError(message: "out of memory while parsing", position: .start))
        }
        defer { ctoml_free(document) }

        guard ctoml_succeeded(document) != 0 else {
            let message = String(cString: ctoml_error_description(document))
            let position = clampedPosition(ctoml_error_line(document), ctoml_error_column(document))
            return .failure(SyntaxError(message: message, position: position))
        }
        return .success(buildTree(document))
    }

    /// Parses a TOML string.
    public static func parse(_ text: String) -> Result<TOMLTable, SyntaxError> {
        parse(Array(text.utf8))
    }

    /// Rebuilds the tree from the flat node list: parents come before their children, so one
    /// backwards pass can attach every node to its parent.
    private static func buildTree(_ document: OpaquePointer) -> TOMLTable {
        let count = ctoml_node_count(document)
        guard count > 0 else { return TOMLTable() }

        struct Pending {
            var kind: ctoml_kind
            var node: TOMLNode
            var key: String
            var keyPosition: SourcePosition
            var parent: Int
            /// Position inside the parent array.
            var element: Int
            var entries: [TOMLEntry] = []
            var elements: [(Int, TOMLNode)] = []
        }

        var pending: [Pending] = []
        pending.reserveCapacity(count)
        for index in 0..<count {
            guard let raw = ctoml_node_at(document, index)?.pointee else { continue }
            let position = SourcePosition(line: Int(raw.line), column: Int(raw.column))
            let value: TOMLValue =
                switch raw.kind {
                case CTOML_TABLE: .table(TOMLTable())
                case CTOML_ARRAY: .array([])
                case CTOML_INTEGER: .integer(raw.integer)
                case CTOML_FLOAT: .float(raw.floating)
                case CTOML_BOOLEAN: .boolean(raw.boolean != 0)
                case CTOML_DATE_TIME: .dateTime(string(raw.text, raw.text_length))
                default: .string(string(raw.text, raw.text_length))
                }
            pending.append(
                Pending(
                    kind: raw.kind, node: TOMLNode(value, at: position), key: string(raw.key, raw.key_length),
                    keyPosition: SourcePosition(line: Int(raw.key_line), column: Int(raw.key_column)),
                    parent: Int(raw.parent), element: Int(raw.index)))
        }

        for index in pending.indices.reversed() {
            var item = pending[index]
            switch item.kind {
            case CTOML_TABLE: item.node.value = .table(TOMLTable(entries: sortedEntries(item.entries)))
            case CTOML_ARRAY: item.node.value = .array(item.elements.sorted { $0.0 < $1.0 }.map(\.1))
            default: break
            }
            // Tables only implied by a dotted header (`[a.b]` implies `a`) have no position of
            // their own: use their first entry's, so every diagnostic points somewhere real.
            if item.node.position.line == 0 {
                item.node.position = firstPosition(of: item.node.value) ?? item.keyPosition
            }
            let parent = item.parent
            guard parent >= 0, parent < index else {
                if index == 0, case .table(let root) = item.node.value { return root }
                continue
            }
            if pending[parent].kind == CTOML_ARRAY {
                pending[parent].elements.append((item.element, item.node))
            } else {
                pending[parent].entries.append(
                    TOMLEntry(key: item.key, keyPosition: item.keyPosition, node: item.node))
            }
        }
        return TOMLTable()
    }

    /// toml++ keeps table entries sorted by key; people read them in the order they wrote them.
    private static func sortedEntries(_ entries: [TOMLEntry]) -> [TOMLEntry] {
        entries.sorted { ($0.keyPosition, $0.key) < ($1.keyPosition, $1.key) }
    }

    private static func firstPosition(of value: TOMLValue) -> SourcePosition? {
        switch value {
        case .table(let table):
            table.entries.map { $0.keyPosition.line > 0 ? $0.keyPosition : $0.node.position }
                .filter { $0.line > 0 }.min()
        case .array(let elements): elements.map(\.position).filter { $0.line > 0 }.min()
        default: nil
        }
    }

    private static func clampedPosition(_ line: UInt32, _ column: UInt32) -> SourcePosition {
        SourcePosition(line: max(1, Int(line)), column: max(1, Int(column)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

extension TOMLDocument {
    /// The root table of `bytes`, or `nil` after logging the syntax error at toml++'s position.
    static func parseRoot(_ bytes: [UInt8], log: DiagnosticLog) -> TOMLTable? {
        switch parse(bytes) {
        case .success(let table): return table
        case .failure(let error):
            log.error(error.message, at: error.position)
            return nil
        }
    }
}
