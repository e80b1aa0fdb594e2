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
}
