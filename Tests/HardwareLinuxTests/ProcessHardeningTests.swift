import Glibc
import HardwareLinux
import Testing

@Suite("Process hardening")
struct ProcessHardeningTests {
    @Test("after disableCoreDumps a crash writes no core file: the core size limit is zero, the process not dumpable")
    func coreDumpsAreOff() {
        // Start from the most a process may allow itself, so that the test shows the change.
        let resource = __rlimit_resource_t(RLIMIT_CORE.rawValue)
        var limit = rlimit()
        #expect(getrlimit(resource, &limit) == 0)
        limit.rlim_cur = limit.rlim_max
        #expect(setrlimit(resource, &limit) == 0)
        #expect(ProcessHardening.disableCoreDumps())
        #expect(getrlimit(resource, &limit) == 0)
        #expect(limit.rlim_cur == 0)
        #expect(!ProcessHardening.isDumpable)
    }
}
