#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the commands look for board files.
public enum BoxSelection {
    /// `/usr/share/sensorbox/boards` where the package installed it, else `Boards` (a source tree).
    public static func defaultBoardDirectory() -> String {
        var status = stat()
        if stat(ConfigLoader.defaultBoardDirectory, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return ConfigLoader.defaultBoardDirectory
        }
        return "Boards"
    }
}
