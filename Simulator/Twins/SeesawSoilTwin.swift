import Hardware
import Synchronization

/// An Adafruit STEMMA soil sensor (seesaw firmware) at the byte level
/// (docs/sensors.md, "Adafruit STEMMA soil sensor").
///
/// A write `[base, function]` selects what the next read returns; a read less than 5 ms later
/// answers 0xFF… (the firmware has not fetched the value yet). A software reset (`00 7F FF`)
/// makes the chip deaf (address NACKed) for 500 ms. Moisture follows a ``SoilDrying`` scenario
/// (200 counts at 0 %vol … 2000 at ``saturatedWaterContent``), temperature a ``DiurnalWeather``.
///
/// Faults: `.notReady` answers 0xFFFF / 0xFFFFFFFF; `.crcCorruption` (the seesaw has no checksum:
/// corruption shows as a spike) answers moisture spikes above 4095; `.frozenValue` repeats the last
/// moisture. ``injectSpikes(_:)`` makes the next moisture reads spikes.
public final class SeesawSoilTwin: SimulatedI2CDevice {
    private struct State {
        var deafUntil: MonotonicInstant
        var selected: (base: UInt8, function: UInt8, at: MonotonicInstant)? = nil
        var pendingSpikes = 0
        var lastMoisture: UInt16? = nil
    }

    public let model = "seesaw"
    /// The soil the probe sits in.
    public let soil: SoilDrying
    /// Where the MCU temperature comes from.
    public let weather: DiurnalWeather
    /// The water content at which the probe reads 2000 counts.
    public let saturatedWaterContent: Double
    private let state: Mutex<State>

    /// A board powered on at `poweredOnAt` (deaf for its 500 ms boot).
    public init(soil: SoilDrying, weather: DiurnalWeather, saturatedWaterContent: Double = 50, poweredOnAt: MonotonicInstant = .zero) {
        self.soil = soil
        self.weather = weather
        self.saturatedWaterContent = saturatedWaterContent
        self.state = Mutex(State(deafUntil: poweredOnAt.advanced(by: .milliseconds(500))))
    }

    /// The capacitive count the probe reads for the scenario's water content at `time`.
    public func moistureCount(at time: MonotonicInstant) -> UInt16 {
        let fraction = min(max(soil.waterContent(at: time) / saturatedWaterContent, 0), 1)
        return UInt16((200 + 1800 * fraction).rounded())
    }

    /// Makes the next `count` moisture reads return spikes above 4095.
    public func injectSpikes(_ count: Int) { state.withLock { $0.pendingSpikes = count } }

    public func acknowledgeAddress(at time: MonotonicInstant) -> Bool {
        state.withLock { time >= $0.deafUntil }
    }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard bytes.count >= 2 else { return false }
        state.withLock { state in
            if bytes == [0x00, 0x7F, 0xFF] {
                let spikes = state.pendingSpikes
                state = State(deafUntil: time.advanced(by: .milliseconds(500)))
                state.pendingSpikes = spikes
            } else {
                state.selected = (bytes[0], bytes[1], time)
            }
        }
        return true
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            guard let selected = state.selected, time >= selected.at.advanced(by: .milliseconds(5)) else {
                // Read too early (or nothing selected): the firmware has not put a value out yet.
                return Array(repeating: 0xFF, count: count)
            }
            let answer: [UInt8]
            switch (selected.base, selected.function) {
            case (0x00, 0x01): answer = [0x55]
            case (0x00, 0x02): answer = [0x0F, 0xBA, 0x14, 0x07]  // product 4026, date code
            case (0x00, 0x04):
                if faults.contains(.notReady) { answer = [0xFF, 0xFF, 0xFF, 0xFF]; break }
                // 16.16 fixed point; the masked format has no sign, so the twin reports 0 °C and up [?].
                let raw = UInt32(min(max(weather.temperature(at: time), 0), 1000) * 65536)
                answer = [UInt8(raw >> 24), UInt8((raw >> 16) & 0xFF), UInt8((raw >> 8) & 0xFF), UInt8(raw & 0xFF)]
            case (0x0F, 0x10):
                let value: UInt16
                if faults.contains(.notReady) {
                    value = 0xFFFF
                } else if faults.contains(.crcCorruption) || state.pendingSpikes > 0 {
                    state.pendingSpikes = max(0, state.pendingSpikes - 1)
                    value = 0xFDE8  // 65000: a spike, not the 0xFFFF "too early" answer
                } else if faults.contains(.frozenValue), let last = state.lastMoisture {
                    value = last
                } else {
                    value = moistureCount(at: time)
                    state.lastMoisture = value
                }
                answer = [UInt8(value >> 8), UInt8(value & 0xFF)]
            default:
                answer = []
            }
            return Array(answer.prefix(count))
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { $0 = State(deafUntil: time.advanced(by: .milliseconds(500))) }
    }
}
