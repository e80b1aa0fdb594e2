/// Order statistics over ``ThermalCounter/scratch``, the one buffer a counter sorts in (made in
/// `init`, so that nothing is allocated per frame or per crossing).
extension ThermalCounter {
    /// The `quantile` (0…1, nearest rank) of the first `count` values of ``scratch`` (sorts them).
    mutating func quantileOfScratch(_ count: Int, _ quantile: Double) -> Float {
        guard quantile != 0.5 else { return medianOfScratch(count) }
        guard count > 0 else { return 0 }
        sortScratch(count)
        return scratch[min(Int(quantile * Double(count)), count - 1)]
    }

    /// The median of the first `count` values of ``scratch`` (sorts them in place).
    mutating func medianOfScratch(_ count: Int) -> Float {
        guard count > 0 else { return 0 }
        sortScratch(count)
        return count % 2 == 1 ? scratch[count / 2] : 0.5 * (scratch[count / 2 - 1] + scratch[count / 2])
    }

    /// Sorts the first `count` values of ``scratch`` in place. Insertion sort: `count` is at most a
    /// few dozen, and this runs once per crossing or at start-up.
    mutating func sortScratch(_ count: Int) {
        for i in 1..<max(count, 1) {
            let value = scratch[i]
            var j = i - 1
            while j >= 0 && scratch[j] > value {
                scratch[j + 1] = scratch[j]
                j -= 1
            }
            scratch[j + 1] = value
        }
    }

    /// The nearest-rank `quantile` of the first `count` of `values`, the lower of two middle
    /// ones: of two tracks, the first one's (their midpoint would be neither person's), so that
    /// a pair after a single is weighed against the single. ``scratch`` is cleared after.
    mutating func warmUpQuantile(of values: [Double], count: Int, _ quantile: Double) -> Double {
        for i in 0..<count { scratch[i] = Float(values[i]) }
        sortScratch(count)
        let value = Double(scratch[min(max(Int((quantile * Double(count)).rounded(.up)) - 1, 0), count - 1)])
        for i in 0..<count { scratch[i] = 0 }
        return value
    }
}
