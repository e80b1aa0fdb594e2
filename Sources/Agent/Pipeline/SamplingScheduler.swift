import Hardware

/// Runs periodic jobs on the injected clock, one after another in one task, earliest due first.
///
/// One task keeps the box simple and makes a simulation reproducible: on the virtual clock, time
/// jumps to the next due job. A job that overruns delays the others (jobs are short bus
/// transactions); a job that falls behind skips the missed ticks instead of bursting.
struct SamplingScheduler {
    struct Job {
        var name: String
        var interval: Duration
        var nextDue: MonotonicInstant
        var action: () async -> Void
    }

    private var jobs: [Job] = []
    private let clock: any BoxClock

    init(clock: any BoxClock) { self.clock = clock }

    /// Adds a job first due at `start`.
    mutating func add(_ name: String, every interval: Duration, startingAt start: MonotonicInstant, _ action: @escaping () async -> Void) {
        jobs.append(Job(name: name, interval: interval, nextDue: start, action: action))
    }

    /// Runs jobs until `end` (exclusive; forever when `nil`) or until the task is cancelled.
    mutating func run(until end: MonotonicInstant?) async {
        while !Task.isCancelled, !jobs.isEmpty {
            // Earliest due first; ties keep the order of `add`, so runs are reproducible.
            var index = 0
            for candidate in jobs.indices.dropFirst() where jobs[candidate].nextDue < jobs[index].nextDue {
                index = candidate
            }
            let due = jobs[index].nextDue
            if let end, due >= end {
                do { try await clock.sleep(until: end) } catch {}
                return
            }
            do { try await clock.sleep(until: due) } catch { return }
            await jobs[index].action()
            var next = due.advanced(by: jobs[index].interval)
            let now = clock.now()
            while next <= now { next = next.advanced(by: jobs[index].interval) }
            jobs[index].nextDue = next
        }
    }
}
