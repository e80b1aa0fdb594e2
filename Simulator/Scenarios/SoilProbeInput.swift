import Hardware

/// A capacitive soil probe's output voltage, from a ``SoilDrying`` scenario: `dryVoltage` at
/// 0 %vol, `wetVoltage` at ``saturatedContent`` %vol, linear in between.
public struct SoilProbeInput: Sendable {
    public var soil: SoilDrying
    public var dryVoltage: Double
    public var wetVoltage: Double
    public var saturatedContent: Double

    public init(soil: SoilDrying, dryVoltage: Double = 2.8, wetVoltage: Double = 1.2, saturatedContent: Double = 50) {
        self.soil = soil
        self.dryVoltage = dryVoltage
        self.wetVoltage = wetVoltage
        self.saturatedContent = saturatedContent
    }

    public func voltage(at time: MonotonicInstant) -> Double {
        dryVoltage + (wetVoltage - dryVoltage) * soil.waterContent(at: time) / saturatedContent
    }

    /// As an ``ADS1115Twin/Input``.
    public var input: ADS1115Twin.Input { { self.voltage(at: $0) } }
}
