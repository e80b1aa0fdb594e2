#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which box the commands run: a config file with its board, or the built-in simulated box.
public enum BoxSelection {
    /// The built-in box on the built-in simulator board: `sensorbox run` with no files at all.
    public static func builtIn() throws(ConfigError) -> (BoxConfig, BoardConfig) {
        let board = try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "<built-in board>")
        let box = try ConfigLoader.decodeBox(BuiltInBox.simulatorTOML, file: "<built-in box>", board: board)
        return (box, board)
    }

    /// `/usr/share/sensorbox/boards` where the package installed it, else `Boards` (a source tree).
    public static func defaultBoardDirectory() -> String {
        var status = stat()
        if stat(ConfigLoader.defaultBoardDirectory, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return ConfigLoader.defaultBoardDirectory
        }
        return "Boards"
    }
}
