import CSensorboxLinux

/// What the agent asks of the kernel so that what it holds in memory stays there.
public enum ProcessHardening {
    /// Turns core dumps off for this process and makes its memory unreadable to other processes
    /// of the same user: a crash must not write the thermal frames in RAM to the memory card.
    /// Returns `false` when the kernel refused (the box runs on; the caller logs it).
    @discardableResult
    public static func disableCoreDumps() -> Bool {
        cshim_disable_core_dumps() == 0
    }

    /// Whether the kernel would dump this process's memory on a crash (PR_GET_DUMPABLE).
    public static var isDumpable: Bool { cshim_is_dumpable() != 0 }

    /// The swap areas in use on storage (`/proc/swaps`, zram left out: it stays in RAM): memory,
    /// thermal frames included, may be written there. Empty when there are none or the file
    /// cannot be read.
    public static func activeSwapAreas() -> [String] {
        guard let bytes = try? Syscall.readSmallFile("/proc/swaps", limit: 65_536) else { return [] }
        return swapAreas(inProcSwaps: String(decoding: bytes, as: UTF8.self))
    }

    /// The swap areas on storage named in the text of `/proc/swaps`: the first field of every
    /// line after the header, but for compressed RAM (`/dev/zram…`).
    public static func swapAreas(inProcSwaps text: String) -> [String] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        }.filter { !$0.hasPrefix("/dev/zram") }
    }
}
