import Glibc
import HardwareLinux
import Testing

@Suite("Process hardening")
struct ProcessHardeningTests {
    @Test("after disableCoreDumps a crash writes no core file: the core size limit is zero")
    func coreDumpsAreOff() {
        #expect(ProcessHardening.disableCoreDumps())
        var limit = rlimit()
        #expect(getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit) == 0)
        #expect(limit.rlim_cur == 0)
    }
}
