import Agent
import ArgumentParser

extension ValidationError {
    /// The same error wrapped to fit a serial console's 80 columns after the parser's "Error: "
    /// (``DiagnosticText/wrappedMessage(_:firstLineTaken:)``).
    var wrappedForConsole: ValidationError {
        ValidationError(DiagnosticText.wrappedMessage(message, firstLineTaken: "Error: ".count))
    }
}
