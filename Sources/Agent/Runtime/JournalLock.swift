#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a journal directory (`flock` on `<dir>.lock`), held by the process that
/// opens the journal for as long as it uses it. Opening repairs a journal, so two processes must
/// never have it open at once: `sensorbox journal inspect` or `export` while the agent runs would
/// cut a record the agent is writing. The kernel drops the lock when the process ends, also after
/// a power cut or `kill -9`, so a stale lock file never blocks a restart.
public final class JournalLock {
    private var descriptor: Int32

    /// Takes the lock or fails at once, saying that another process has the journal.
    public init(journalDirectory: String) throws {
        let path = journalDirectory + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AssemblyError("cannot open the journal lock \(path): errno \(errno)")
        }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let error = errno
            close(descriptor)
            if error == EWOULDBLOCK {
                throw AssemblyError("the journal \(journalDirectory) is in use by another sensorbox process (a running agent?); stop it first, or use `sensorbox journal verify`, which only reads")
            }
            throw AssemblyError("cannot lock the journal \(journalDirectory): errno \(error)")
        }
        self.descriptor = descriptor
    }

    /// Releases the lock (also done when the lock is deallocated).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
