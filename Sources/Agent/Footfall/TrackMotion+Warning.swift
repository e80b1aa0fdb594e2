import Counting

extension TrackMotion {
    /// A warning when the people tracked moved mostly along the counting line rather than across
    /// it: a recording counted with the wrong `--axis` counts almost nobody. A sensor over a shop
    /// door that mostly sees passers-by gives it too, which is why it names the tracks' motion and
    /// leaves the counts as they are.
    func axisWarning(for line: CountingLine) -> String? {
        guard mostlyAcross() else { return nil }
        let other: CountingLine.Axis = line.axis == .rows ? .columns : .rows
        return "\(tracks) tracks moved mostly along the counting line, not across it "
            + "(\(formatDecimal(across, digits: 0)) px along the line, \(formatDecimal(along, digits: 0)) px across it): "
            + "if people walk the other way in this recording, --axis \(other.rawValue) counts them"
    }
}
