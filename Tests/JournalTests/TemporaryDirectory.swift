#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp for tests on the real file system.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/journal-test-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TemporaryDirectoryError()
        }
        path = String(cString: made)
    }

    func remove() {
        // Tests create only a directory tree of files; `rm -r` keeps this helper short.
        _ = system("rm -rf '\(path)'")
    }
}

struct TemporaryDirectoryError: Error {}
