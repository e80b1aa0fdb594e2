/// A small JSON writer for the footfall reports (no Foundation on the box): objects keep the
/// order their keys were added in, numbers print without exponent noise.
enum FootfallJSON {
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case null
    case array([FootfallJSON])
    case object([(String, FootfallJSON)])

    var text: String {
        switch self {
        case .number(let value):
            guard value.isFinite else { return "null" }
            return formatDecimal(value, digits: 4)
        case .integer(let value): return String(value)
        case .string(let value): return Self.quote(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let values): return "[" + values.map(\.text).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// `value` with at most `digits` decimals, trailing zeros removed (`-0.8`, `12`, `3.1416`).
func formatDecimal(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(Int64(value.rounded())) }
    let whole = Int64(scaled / scale)
    var fraction = Int64(scaled) - whole * Int64(scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if fraction > 0 {
        var decimals = digits
        while fraction % 10 == 0 { fraction /= 10; decimals -= 1 }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
    }
    return text
}

/// `text` padded with spaces on the left to `width` (right-aligned table columns).
func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// `text` padded with spaces on the right to `width`.
func padRight(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
