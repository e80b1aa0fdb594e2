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

@Suite("Swap areas")
struct SwapAreaTests {
    @Test("the swap areas on storage are the lines of /proc/swaps after its header, zram (RAM) left out")
    func swapAreasAreRead() {
        let header = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
        #expect(ProcessHardening.swapAreas(inProcSwaps: header).isEmpty)
        let swapFile = header + "/var/swap                               file\t\t102396\t\t0\t\t-2\n"
        #expect(ProcessHardening.swapAreas(inProcSwaps: swapFile) == ["/var/swap"])
        let two = swapFile + "/dev/zram0                              partition\t2097148\t\t0\t\t100\n"
        #expect(ProcessHardening.swapAreas(inProcSwaps: two) == ["/var/swap"])
    }
}
