/// A JSON value with objects in a fixed key order, written by hand: the box has no Foundation,
/// and scripts diffing two outputs want the same keys in the same order every time. Every
/// `--json` of the command line (scan, selftest, journal, export, footfall reports) writes with it.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    /// Written as a JSON number; NaN and infinities (which JSON cannot express) as `null`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given.
    case object([Member])

    /// One key and its value in an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An integer from an `Int` count.
    public static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }

    /// A number rounded to `digits` decimals (reports: error ratios need no 17 digits).
    public static func rounded(_ value: Double, digits: Int = 4) -> JSONValue {
        guard value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }

    /// An object from key-value pairs, in their order.
    public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    /// The value on one line, without spaces.
    public var compact: String {
        var out = ""
        write(to: &out, indent: nil, depth: 0)
        return out
    }

    /// The value over several lines, two spaces per level (for `--json` output people may read too).
    public var pretty: String {
        var out = ""
        write(to: &out, indent: "  ", depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .unsigned(let value): out += String(value)
        case .number(let value): out += value.isFinite ? Self.number(value) : "null"
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &out, indent: indent, depth: depth) { element, out in
                element.write(to: &out, indent: indent, depth: depth + 1)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent, depth: depth) { member, out in
                Self.writeString(member.key, to: &out)
                out += indent == nil ? ":" : ": "
                member.value.write(to: &out, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to out: inout String, indent: String?, depth: Int,
        element: (Element, inout String) -> Void
    ) {
        out += open
        guard !elements.isEmpty else { return out += close }
        for (index, item) in elements.enumerated() {
            if index > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: indent, count: depth + 1) }
            element(item, &out)
        }
        if let indent { out += "\n" + String(repeating: indent, count: depth) }
        out += close
    }

    /// Swift's shortest round-trip form of a finite value is valid JSON (`12.5`, `60.0`, `1e-05`,
    /// `1e+16`), and reads back to the same bits.
    static func number(_ value: Double) -> String {
        "\(value)"
    }

    /// RFC 8259 §7: quote, backslash and control characters are escaped; everything else is
    /// written as UTF-8.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
