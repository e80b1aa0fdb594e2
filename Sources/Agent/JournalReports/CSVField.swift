/// RFC 4180 fields: a field holding a comma, a quote or a line break is quoted, its quotes
/// doubled; everything else is written as it is. Lines end with `\n` (RFC 4180 says CRLF; every
/// CSV reader accepts both and the box's other output is Unix text).
enum CSVField {
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// A number: empty for NaN and infinities, which spreadsheets would read as text.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : ""
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }
}
