import Hardware

/// A capacitive soil probe's output voltage, from a ``SoilDrying`` scenario: `dryVoltage` at
/// 0 %vol, `wetVoltage` at ``saturatedContent`` %vol, linear in between.
public struct SoilProbeInput: Sendable {
    /// The soil the probe sits in.
    public var soil: SoilDrying
    /// Output in dry soil (0 %vol), volts.
    public var dryVoltage: Double
    /// Output at ``saturatedContent``, volts.
    public var wetVoltage: Double
    /// The water content of the wet point, %vol.
    public var saturatedContent: Double

    /// Defaults: a typical 3.3 V capacitive probe (2.8 V in air-dry soil, 1.2 V saturated).
    public init(soil: SoilDrying, dryVoltage: Double = 2.8, wetVoltage: Double = 1.2, saturatedContent: Double = 50) {
        self.soil = soil
        self.dryVoltage = dryVoltage
        self.wetVoltage = wetVoltage
        self.saturatedContent = saturatedContent
    }

    /// The probe output at `time`, volts.
    public func voltage(at time: MonotonicInstant) -> Double {
        dryVoltage + (wetVoltage - dryVoltage) * soil.waterContent(at: time) / saturatedContent
    }

    /// As an ``ADS1115Twin/Input``.
    public var input: ADS1115Twin.Input { { self.voltage(at: $0) } }
}
