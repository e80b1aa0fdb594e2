import Hardware

/// One set of SPS30 measured values (§4.3), in the order the chip sends them.
public struct SPS30Measurement: Hashable, Sendable {
    /// Mass concentrations in µg/m³.
    public var massPM1_0: Float, massPM2_5: Float, massPM4_0: Float, massPM10: Float
    /// Number concentrations in #/cm³.
    public var numberPM0_5: Float, numberPM1_0: Float, numberPM2_5: Float, numberPM4_0: Float, numberPM10: Float
    /// Typical particle size in µm.
    public var typicalParticleSize: Float

    public init(values: [Float]) {
        precondition(values.count == 10, "an SPS30 measurement has ten values")
        massPM1_0 = values[0]; massPM2_5 = values[1]; massPM4_0 = values[2]; massPM10 = values[3]
        numberPM0_5 = values[4]; numberPM1_0 = values[5]; numberPM2_5 = values[6]
        numberPM4_0 = values[7]; numberPM10 = values[8]; typicalParticleSize = values[9]
    }

    /// The ten values in wire order.
    public var values: [Float] {
        [massPM1_0, massPM2_5, massPM4_0, massPM10, numberPM0_5, numberPM1_0, numberPM2_5, numberPM4_0,
         numberPM10, typicalParticleSize]
    }
}

extension SPS30Measurement {
    /// Decodes a float-mode answer: ten big-endian IEEE-754 floats, each sent as hi-word, CRC,
    /// lo-word, CRC (value *i* at bytes 6i…6i+5).
    public static func decode(float bytes: [UInt8]) throws(SensorError) -> SPS30Measurement {
        guard bytes.count == 60 else {
            throw .implausible("measured values: \(bytes.count) bytes, expected 60")
        }
        let words = try sensirionWords(bytes, what: "measured values")
        var values: [Float] = []
        values.reserveCapacity(10)
        for index in stride(from: 0, to: 20, by: 2) {
            values.append(Float(bitPattern: UInt32(words[index]) << 16 | UInt32(words[index + 1])))
        }
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .implausible("measured values contain a negative or non-finite number")
        }
        return SPS30Measurement(values: values)
    }

    /// Decodes a uint16-mode answer (firmware ≥ 2.0): ten words; the typical size is taken as nm
    /// and converted to µm (sources disagree on its unit `[?]`; the kernel driver does not use it).
    public static func decode(uint16 bytes: [UInt8]) throws(SensorError) -> SPS30Measurement {
        guard bytes.count == 30 else {
            throw .implausible("measured values: \(bytes.count) bytes, expected 30")
        }
        let words = try sensirionWords(bytes, what: "measured values")
        var values = words.map { Float($0) }
        values[9] /= 1000
        return SPS30Measurement(values: values)
    }

    /// How long the chip needs after starting until its values are stable (§4.5): 8 s above 200
    /// particles/cm³, 16 s from 100 to 200, 30 s below.
    public var warmUpDuration: Duration {
        switch numberPM0_5 {
        case 200...: .seconds(8)
        case 100..<200: .seconds(16)
        default: .seconds(30)
        }
    }
}
