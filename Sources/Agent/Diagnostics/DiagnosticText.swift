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

    /// Words joined into lines of at most `width` characters (at least 20); a longer word is cut.
    public static func wrapped(_ text: String, width: Int) -> [String] {
        let width = max(width, 20)
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

    /// An error message for the console: every line wrapped to 80 columns, keeping its
    /// indentation (at most 40) and indenting its continuations by two more; `firstLineTaken`
    /// columns of the first line are already used (a prefix printed before it). Control
    /// characters other than line ends (a terminal's escape sequences, from a file or an
    /// argument) are shown as `?`.
    public static func wrappedMessage(_ text: String, firstLineTaken: Int = 0) -> String {
        let shown = printable(text, keepingLineEnds: true)
        var lines: [String] = []
        for line in shown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = min(line.prefix { $0 == " " }.count, 40)
            let taken = lines.isEmpty ? firstLineTaken : 0
            let parts = wrapped(String(line.drop { $0 == " " }), width: width - taken - indent - 2)
            for (index, part) in (parts.isEmpty ? [""] : parts).enumerated() {
                lines.append(String(repeating: " ", count: indent + (index > 0 ? 2 : 0)) + part)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with control characters (a terminal's escape sequences) shown as `?`; line ends
    /// kept when `keepingLineEnds`.
    static func printable(_ text: some StringProtocol, keepingLineEnds: Bool = false) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ($0 == "\n" && keepingLineEnds) || ($0.value >= 0x20 && $0.value != 0x7f) ? $0 : "?"
        }))
    }

    /// At most 80 columns, an ellipsis marking a cut.
    static func truncated(_ text: String) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
