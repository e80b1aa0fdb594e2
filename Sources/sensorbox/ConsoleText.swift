import Agent
import ArgumentParser

extension ValidationError {
    /// The same error with each line wrapped to fit a serial console's 80 columns after the
    /// parser's "Error: " (continuation lines indented by two more spaces than their line).
    var wrappedForConsole: ValidationError {
        ValidationError(ConsoleText.wrapped(message, firstLineTaken: "Error: ".count))
    }
}

enum ConsoleText {
    /// `text` with every line wrapped to 80 columns, keeping each line's indentation and
    /// indenting its continuations by two more; `firstLineTaken` columns of the first line are
    /// already used (a prefix printed before it).
    static func wrapped(_ text: String, firstLineTaken: Int = 0) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let taken = lines.isEmpty ? firstLineTaken : 0
            let parts = DiagnosticText.wrapped(String(line.dropFirst(indent)), width: DiagnosticText.width - taken - indent - 2)
            for (index, part) in (parts.isEmpty ? [""] : parts).enumerated() {
                lines.append(String(repeating: " ", count: indent + (index > 0 ? 2 : 0)) + part)
            }
        }
        return lines.joined(separator: "\n")
    }
}
