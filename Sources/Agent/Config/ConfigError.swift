/// One problem in a configuration file, pointing at the place to fix.
public struct ConfigDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named to the loader (`/etc/sensorbox/sensorbox.toml`, `box.toml`).
    public var file: String
    /// 1-based line and column; `nil` for problems with the file as a whole (it cannot be read).
    public var position: SourcePosition?
    /// What is wrong, in the config's own words (`sensor "pm": address 0x80 is not …`).
    public var message: String

    public init(file: String, position: SourcePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// The 1-based line, `nil` for problems with the whole file.
    public var line: Int? { position?.line }
    /// The 1-based column (in code points), `nil` for problems with the whole file.
    public var column: Int? { position?.column }

    /// `FILE:LINE:COLUMN: message`, the form editors and CI logs turn into links.
    public var description: String {
        if let position { "\(file):\(position.line):\(position.column): \(message)" } else { "\(file): \(message)" }
    }
}

/// Why a configuration could not be loaded: every problem found, not only the first.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found, in file order.
    public var diagnostics: [ConfigDiagnostic]

    public init(_ diagnostics: [ConfigDiagnostic]) { self.diagnostics = diagnostics }

    /// One `FILE:LINE:COLUMN: message` line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects the diagnostics of one file while it is decoded.
///
/// A class so that nested readers (a sensor table inside the box file) all report into the
/// same list; it lives only for one decoding pass on one task.
final class DiagnosticLog {
    let file: String
    private(set) var diagnostics: [ConfigDiagnostic] = []

    init(file: String) { self.file = file }

    func error(_ message: String, at position: SourcePosition) {
        let clamped = SourcePosition(line: max(1, position.line), column: max(1, position.column))
        diagnostics.append(ConfigDiagnostic(file: file, position: clamped, message: message))
    }

    func append(_ other: [ConfigDiagnostic]) { diagnostics += other }

    var isEmpty: Bool { diagnostics.isEmpty }

    /// The diagnostics in file order (line, then column), as a reader walks the file; files
    /// in the order their first diagnostic was reported.
    var sorted: [ConfigDiagnostic] {
        var fileOrder: [String: Int] = [:]
        for diagnostic in diagnostics where fileOrder[diagnostic.file] == nil {
            fileOrder[diagnostic.file] = fileOrder.count
        }
        func key(_ item: (offset: Int, element: ConfigDiagnostic)) -> (Int, Int, Int, Int) {
            let position = item.element.position ?? SourcePosition(line: 0, column: 0)
            return (fileOrder[item.element.file] ?? 0, position.line, position.column, item.offset)
        }
        return diagnostics.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }
}
