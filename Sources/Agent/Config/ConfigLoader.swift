/// Loads and checks a box config and its board file; what `sensorbox run` and
/// `sensorbox config check` use.
public enum ConfigLoader {
    /// Where a box keeps its config.
    public static let defaultBoxFile = "/etc/sensorbox/sensorbox.toml"
    /// Where the package installs the board files (`Boards/` in the source tree).
    public static let defaultBoardDirectory = "/usr/share/sensorbox/boards"
    /// The name diagnostics use for the compiled-in files.
    public static let builtInFileName = "<built-in>"

    /// Reads `boxFile`, finds its board (by name in `boardDirectory`, or by `board_file`) and
    /// checks both.
    ///
    /// - Throws: ``ConfigError`` with every problem of both files, each as `FILE:LINE:COLUMN: message`.
    public static func load(boxFile: String, boardDirectory: String) throws(ConfigError) -> (BoxConfig, BoardConfig) {
        let bytes: [UInt8]
        switch ConfigFiles.read(boxFile) {
        case .success(let read): bytes = read
        case .failure(.notFound): throw ConfigError([ConfigDiagnostic(file: boxFile, position: nil, message: "no such file")])
        case .failure(.failed(let why)): throw ConfigError([ConfigDiagnostic(file: boxFile, position: nil, message: why)])
        }
        let boxDirectory = ConfigFiles.directory(of: boxFile)
        return try decodeBox(bytes, file: boxFile) { reference, position, log in
            resolve(reference, at: position, log: log, boardDirectory: boardDirectory, boxDirectory: boxDirectory)
        }
    }

    /// The diagnostics of a box file and its board: empty when the config is good. For
    /// `sensorbox config check FILE`, which prints one per line and exits non-zero if any.
    public static func check(boxFile: String, boardDirectory: String) -> [ConfigDiagnostic] {
        do {
            _ = try load(boxFile: boxFile, boardDirectory: boardDirectory)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The board file `name.toml` in `directory`. The simulator board is also compiled in
    /// (``BuiltInBoard``), so it is found even without a board directory.
    public static func loadBoard(name: String, directory: String) throws(ConfigError) -> BoardConfig {
        switch findBoard(named: name, in: directory) {
        case .success(let board): return board
        case .failure(.inBoardFile(let diagnostics)): throw ConfigError(diagnostics)
        case .failure(.lookup(let message)):
            throw ConfigError([ConfigDiagnostic(file: ConfigFiles.join(directory, name + ".toml"), position: nil, message: message)])
        }
    }

    /// The board file at `path`.
    public static func loadBoard(file path: String) throws(ConfigError) -> BoardConfig {
        switch ConfigFiles.read(path) {
        case .success(let bytes): return try BoardConfigDecoder.decode(bytes, file: path, expectedName: nil).get()
        case .failure(.notFound): throw ConfigError([ConfigDiagnostic(file: path, position: nil, message: "no such file")])
        case .failure(.failed(let why)): throw ConfigError([ConfigDiagnostic(file: path, position: nil, message: why)])
        }
    }

    /// Decodes box config text against a given board (tests, the built-in box, `--config -`).
    /// `box.board` must name that board.
    public static func decodeBox(_ text: String, file: String, board: BoardConfig) throws(ConfigError) -> BoxConfig {
        try decodeBox(Array(text.utf8), file: file, board: board)
    }

    /// Decodes box config bytes (any bytes: invalid UTF-8 is a diagnostic) against a given board.
    public static func decodeBox(_ bytes: [UInt8], file: String, board: BoardConfig) throws(ConfigError) -> BoxConfig {
        try decodeBox(bytes, file: file) { reference, position, log in
            if case .named(let name) = reference, name != board.name {
                log.error("box.board: \"\(name)\" is not the board in use, \"\(board.name)\"", at: position)
                return nil
            }
            return board
        }.0
    }

    /// Decodes a board file's text (tests, ``BuiltInBoard``).
    public static func decodeBoard(_ text: String, file: String) throws(ConfigError) -> BoardConfig {
        try BoardConfigDecoder.decode(Array(text.utf8), file: file, expectedName: nil).get()
    }

    /// The compiled-in simulator box on the compiled-in simulator board: runs with no files.
    public static func loadBuiltIn() throws(ConfigError) -> (BoxConfig, BoardConfig) {
        let board = try decodeBoard(BuiltInBoard.simulatorTOML, file: builtInFileName)
        return (try decodeBox(BuiltInBox.simulatorTOML, file: builtInFileName, board: board), board)
    }

    private static func decodeBox(
        _ bytes: [UInt8], file: String, resolveBoard: BoardResolver
    ) throws(ConfigError) -> (BoxConfig, BoardConfig) {
        try BoxConfigDecoder.decode(bytes, file: file, resolveBoard: resolveBoard).get()
    }

    private static func resolve(
        _ reference: BoardReference, at position: SourcePosition, log: DiagnosticLog, boardDirectory: String,
        boxDirectory: String
    ) -> BoardConfig? {
        switch reference {
        case .named(let name):
            switch findBoard(named: name, in: boardDirectory) {
            case .success(let board): return board
            case .failure(.inBoardFile(let diagnostics)): log.append(diagnostics)
            case .failure(.lookup(let message)): log.error("box.board: \(message)", at: position)
            }
            return nil
        case .file(let path):
            let resolved = ConfigFiles.resolve(path, relativeTo: boxDirectory)
            switch ConfigFiles.read(resolved) {
            case .success(let bytes): return decodeBoardFile(bytes, file: resolved, expectedName: nil, log: log)
            case .failure(.notFound):
                log.error("box.board_file: no such file: \(resolved)", at: position)
            case .failure(.failed(let why)):
                log.error("box.board_file: \(resolved): \(why)", at: position)
            }
            return nil
        }
    }

    private enum BoardLookupError: Error {
        /// The board file has problems of its own.
        case inBoardFile([ConfigDiagnostic])
        /// The board could not be found or read.
        case lookup(String)
    }

    private static func findBoard(named name: String, in directory: String) -> Result<BoardConfig, BoardLookupError> {
        guard BoardConfigDecoder.isBoardName(name) else {
            return .failure(.lookup("\"\(name)\" is not a board name (a-z, 0-9 and -)"))
        }
        let path = ConfigFiles.join(directory, name + ".toml")
        let decoded: Result<BoardConfig, ConfigError>
        switch ConfigFiles.read(path) {
        case .success(let bytes):
            decoded = BoardConfigDecoder.decode(bytes, file: path, expectedName: name)
        case .failure(.notFound) where name == BuiltInBoard.name:
            decoded = BoardConfigDecoder.decode(Array(BuiltInBoard.simulatorTOML.utf8), file: builtInFileName, expectedName: name)
        case .failure(.notFound):
            var known = ConfigFiles.list(directory, suffix: ".toml").map { String($0.dropLast(5)) }
            if !known.contains(BuiltInBoard.name) { known.append(BuiltInBoard.name) }
            return .failure(.lookup("unknown board \"\(name)\": no \(path); known boards: \(known.sorted().joined(separator: ", "))"))
        case .failure(.failed(let why)):
            return .failure(.lookup("cannot read \(path): \(why)"))
        }
        return decoded.mapError { .inBoardFile($0.diagnostics) }
    }

    private static func decodeBoardFile(_ bytes: [UInt8], file: String, expectedName: String?, log: DiagnosticLog) -> BoardConfig? {
        switch BoardConfigDecoder.decode(bytes, file: file, expectedName: expectedName) {
        case .success(let board): return board
        case .failure(let error):
            log.append(error.diagnostics)
            return nil
        }
    }
}
