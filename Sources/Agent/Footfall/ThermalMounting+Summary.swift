import Counting

extension ThermalMounting {
    /// One line for people: `4.5 m above the pavement, 60° lens` (`config check`, `replay`).
    public var summary: String {
        "\(formatNumber(height)) m above the pavement, \(formatNumber(fieldOfView))° lens"
    }
}
