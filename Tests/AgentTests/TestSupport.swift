#if canImport(Glibc)
import Glibc
#endif
import Agent
import Hardware
import Logging

/// A fresh temporary directory for one test.
func temporaryDirectory(_ name: String = "sensorbox-test") -> String {
    var template = Array("/tmp/\(name)-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let path = mkdtemp(buffer.baseAddress!) else { return "/tmp/\(name)-\(getpid())" }
        return String(cString: path)
    }
}

/// Removes a directory tree (test clean-up).
func removeTree(_ path: String) {
    _ = system("rm -rf '\(path)'")
}

/// A logger that discards everything (tests assert on health events and status, not log text).
let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

let june1 = WallTime(iso8601: "2026-06-01T00:00:00Z")!
