/// A 1-based line and column in a source text, as editors and compilers count them. Columns
/// count Unicode code points (toml++'s convention): `ß` is one column, not two bytes.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file: where diagnostics about the file as a whole point.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A TOML value as the parser found it.
public enum TOMLValue: Sendable, Hashable {
    case table(TOMLTable)
    case array([TOMLNode])
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// An offset or local date-time, a local date or a local time, as RFC 3339 text.
    case dateTime(String)

    /// What a person calls this kind of value in a "found …" message.
    public var kindName: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .dateTime: "a date-time"
        }
    }
}

/// A value with the place it was written.
public struct TOMLNode: Sendable, Hashable {
    public var value: TOMLValue
    /// Where the value begins (for a `[table]` its header).
    public var position: SourcePosition

    public init(_ value: TOMLValue, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// One `key = value` of a table, with the place of the key.
public struct TOMLEntry: Sendable, Hashable {
    public var key: String
    public var keyPosition: SourcePosition
    public var node: TOMLNode

    public init(key: String, keyPosition: SourcePosition, node: TOMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}

/// A TOML table: its entries in the order they were written.
public struct TOMLTable: Sendable, Hashable {
    public var entries: [TOMLEntry]

    public init(entries: [TOMLEntry] = []) { self.entries = entries }

    /// The entry for `key`, if the table has one (TOML forbids duplicate keys).
    public subscript(key: String) -> TOMLEntry? { entries.first { $0.key == key } }

    public var keys: [String] { entries.map(\.key) }
}
