// Number and column formatting of the footfall reports' text tables.

/// `value` with at most `digits` decimals, trailing zeros removed (`-0.8`, `12`, `3.1416`).
func formatDecimal(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return "\(value.rounded())" }  // beyond exact integers: no fraction to show
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
