#if canImport(Glibc)
import Glibc
#endif

// journal-tool: measurements and crash tests of the journal on a real file system.
let arguments = CommandLine.arguments
let usage = """
    usage: journal-tool bench DIR [RECORDS]        journal vs raw fdatasync loop vs SQLite
           journal-tool recovery DIR [MIB]         open time of a journal of MIB MiB (64)
           journal-tool day DIR                    bytes written per day by a default box
           journal-tool kill-loop DIR CYCLES [SEED] kill -9 a writer at random moments
           journal-tool disk-full DIR              file-size limit (EFBIG) as a disk-full state
           journal-tool child DIR FIRST-ID         (used by kill-loop)
    """
guard arguments.count >= 3 else {
    say(usage)
    exit(2)
}
let directory = arguments[2]
switch arguments[1] {
case "bench": await runBenchmark(directory: directory, records: arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000)
case "recovery": await runRecoveryBenchmark(directory: directory, mebibytes: arguments.count > 3 ? Int(arguments[3]) ?? 64 : 64)
case "day": await runDayEstimate(directory: directory)
case "kill-loop":
    guard arguments.count >= 4, let cycles = Int(arguments[3]) else { fail("kill-loop needs DIR CYCLES") }
    runKillLoop(directory: directory, cycles: cycles, seed: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
case "disk-full": await runDiskFull(directory: directory)
case "child":
    guard arguments.count >= 4, let first = Int(arguments[3]) else { fail("child needs DIR FIRST-ID") }
    await runChild(directory: directory, firstID: first)
default:
    say(usage)
    exit(2)
}
