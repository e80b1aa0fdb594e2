/// Plain-text layout for people on a serial console: nothing wider than 80 columns.
public enum DiagnosticText {
    public static let width = 80

    /// `head` then `detail` on one line when it fits; else `head` alone and `detail` word-wrapped
    /// on the following lines, indented by `indent` spaces.
    static func lines(head: String, detail: String, indent: Int = 6) -> [String] {
        let single = detail.isEmpty ? head : head + ": " + detail
        if single.count <= width { return [single] }
        return [truncated(head)] + wrapped(detail, width: width - indent).map { String(repeating: " ", count: indent) + $0 }
    }

    /// Words joined into lines of at most `width` characters; a longer word is cut.
    public static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// At most 80 columns, an ellipsis marking a cut.
    static func truncated(_ text: String) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
