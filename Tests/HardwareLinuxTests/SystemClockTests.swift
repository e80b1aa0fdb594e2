import CSensorboxLinux
import Hardware
import Testing

@testable import HardwareLinux

@Suite("SystemClock")
struct SystemClockTests {
    let clock = SystemClock()

    @Test("monotonic time never goes backwards")
    func monotonic() {
        var previous = clock.now()
        for _ in 0..<10_000 {
            let next = clock.now()
            #expect(next >= previous)
            previous = next
        }
    }

    @Test("sleeping until a past instant returns without waiting for anything")
    func pastDeadline() async throws {
        try await clock.sleep(until: .zero)
        let earlier = clock.now()
        try await clock.sleep(until: earlier)
        #expect(clock.now() >= earlier)
    }

    @Test("a sleep never returns before its deadline")
    func notEarly() async throws {
        let deadline = clock.now().advanced(by: .milliseconds(20))
        try await clock.sleep(until: deadline)
        #expect(clock.now() >= deadline)
    }

    @Test("cancelling a task ends its sleep with CancellationError")
    func cancellation() async {
        let clock = self.clock
        let sleeper = Task { try await clock.sleep(for: .seconds(3600)) }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test("the boot id on this machine is the kernel's 36-character UUID")
    func bootID() {
        let id = clock.bootID
        #expect(id.count == 36)
        let groups = id.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        #expect(groups == [8, 4, 4, 4, 12])
        #expect(id.allSatisfy { $0 == "-" || $0.isHexDigit })
        #expect(SystemClock().bootID == id)
    }

    @Test("an unreadable boot id file gives a stand-in, not an empty string")
    func bootIDFallback() {
        let id = SystemClock(bootIDPath: "/nonexistent/boot_id").bootID
        #expect(id.hasPrefix("unknown-boot-"))
        #expect(id.count > "unknown-boot-".count)
    }

    @Test("wall time is in nanoseconds since 1970 (a sane date, not seconds or microseconds)")
    func wallTime() {
        let seconds = clock.wallTime().time.secondsSinceEpoch
        #expect(seconds > 1_577_836_800)  // 2020-01-01
        #expect(seconds < 4_102_444_800)  // 2100-01-01
    }

    @Test(
        "synchronised only when the kernel reports neither TIME_ERROR nor STA_UNSYNC",
        arguments: [
            (TIME_OK, 0, true),
            (TIME_INS, 0, true),
            (TIME_OK, STA_PLL, true),
            (TIME_OK, STA_UNSYNC, false),
            (TIME_OK, STA_UNSYNC | STA_PLL, false),
            (TIME_ERROR, 0, false),
            (TIME_ERROR, STA_UNSYNC, false),
        ] as [(Int32, Int32, Bool)])
    func synchronization(state: Int32, status: Int32, expected: Bool) {
        #expect(SystemClock.isSynchronized(clockState: state, status: status) == expected)
    }
}
