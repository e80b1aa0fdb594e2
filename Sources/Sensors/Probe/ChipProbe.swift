import Hardware

/// A chip found by ``ChipProbe``.
public struct DetectedChip: Hashable, Sendable, CustomStringConvertible {
    /// Where it answered.
    public var address: I2CAddress
    /// `SPS30`, `SEN55`, `SHT4x`, `seesaw soil`, `ADS1115`, `AMG8833`, `PMSA003I`.
    public var model: String
    /// The chip's serial number, where it has one.
    public var serial: String?

    /// A chip found at `address`.
    public init(address: I2CAddress, model: String, serial: String? = nil) {
        self.address = address
        self.model = model
        self.serial = serial
    }

    public var description: String { "\(address) \(model)" + (serial.map { " serial \($0)" } ?? "") }
}

/// Identifies the known chips on a bus with harmless probes only, for `sensorbox scan`.
///
/// What each probe puts on the wire (nothing that sets a register value, starts a measurement or
/// resets anything):
///
/// | address | probe | bytes written |
/// |---|---|---|
/// | 0x12 | PMSA003I: plain 32-byte read, header `42 4D` | none |
/// | 0x36–0x39 | presence: plain 1-byte read; then seesaw hardware id (0x55) and version | `00 01`, `00 02` (seesaw register selects), only after something acknowledged the read |
/// | 0x44, 0x45 | SHT4x serial number with valid CRCs | `89` (Sensirion read command) |
/// | 0x48–0x4B | presence read; ADS1115 config register 0x8583, or bits 8 and 1:0 set | pointer `01` in a repeated-start register read |
/// | 0x68 | presence read; AMG8833 power control (00/10/20/21) and thermistor −20…80 °C | pointers `00`, `0E` in repeated-start register reads |
/// | 0x69 | SPS30 product type "00080000" and serial; else SEN5x product name "SEN5…" and serial; else as 0x68 | `D0 02`, `D0 33` / `D0 14`, `D0 33` (Sensirion pointers), then as 0x68 |
///
/// On an SMBus-only adapter the presence read is a register read of register 0x00.
///
/// A register pointer inside a combined write-read transaction (what `i2cget` does) changes no
/// register on the register chips that live at these addresses, so it counts as a read. The
/// Sensirion pointer writes go only to 0x44, 0x45 and 0x69, where a Sensirion chip can live.
public struct ChipProbe: Sendable {
    private let bus: any I2CBus
    private let clock: any BoxClock

    /// Every address where a supported chip can live.
    public static let candidateAddresses: [I2CAddress] = [0x12, 0x36, 0x37, 0x38, 0x39, 0x44, 0x45, 0x48, 0x49, 0x4A, 0x4B, 0x68, 0x69]
        .map { I2CAddress($0 as UInt8) }

    /// No I/O here; waits between command and read go to `clock`.
    public init(bus: any I2CBus, clock: any BoxClock) {
        self.bus = bus
        self.clock = clock
    }

    /// Probes each address in turn; returns what was identified, by address.
    public func scan(_ addresses: [I2CAddress] = ChipProbe.candidateAddresses) async -> [DetectedChip] {
        var found: [DetectedChip] = []
        for address in addresses {
            if let chip = await probe(address) { found.append(chip) }
        }
        return found
    }

    /// Identifies the chip at `address`, or `nil` when nothing known answers there.
    /// Never throws: a NACK or a garbled answer just means "not this chip".
    public func probe(_ address: I2CAddress) async -> DetectedChip? {
        let chip = ChipConnection(bus: bus, address: address, clock: clock)
        switch address.rawValue {
        case 0x12:
            return (try? identifyPMSA003I(chip)) ?? nil
        case 0x36...0x39:
            guard isPresent(chip) else { return nil }
            return (try? await identifySeesaw(chip)) ?? nil
        case 0x44, 0x45:
            return (try? await identifySHT4x(chip)) ?? nil
        case 0x48...0x4B:
            guard isPresent(chip) else { return nil }
            return (try? identifyADS1115(chip)) ?? nil
        case 0x68:
            guard isPresent(chip) else { return nil }
            return (try? identifyAMG8833(chip)) ?? nil
        case 0x69:
            if let sps30 = (try? await identifySPS30(chip)) ?? nil { return sps30 }
            if let sen5x = (try? await identifySEN5x(chip)) ?? nil { return sen5x }
            guard isPresent(chip) else { return nil }
            return (try? identifyAMG8833(chip)) ?? nil
        default:
            return nil
        }
    }

    /// A plain 1-byte read: does anything acknowledge the address? Writes nothing. An SMBus-only
    /// adapter cannot do a plain read; there it is a register read of register 0x00.
    private func isPresent(_ chip: ChipConnection) -> Bool {
        if bus.capabilities.contains(.plainI2C) { return (try? chip.read(count: 1)) != nil }
        return (try? chip.writeRead([0x00], count: 1)) != nil
    }

    private func identifyPMSA003I(_ chip: ChipConnection) throws -> DetectedChip? {
        let frame = try chip.read(count: 32)
        guard frame.starts(with: [0x42, 0x4D]) else { return nil }
        return DetectedChip(address: chip.address, model: "PMSA003I")
    }

    private func identifySeesaw(_ chip: ChipConnection) async throws -> DetectedChip? {
        let id = try await chip.writeWaitRead([0x00, 0x01], wait: .milliseconds(5), count: 1)
        guard id == [0x55] else { return nil }
        let version = try await chip.writeWaitRead([0x00, 0x02], wait: .milliseconds(5), count: 4)
        let product = UInt16(version[0]) << 8 | UInt16(version[1])
        // Product 4026 is Adafruit's STEMMA soil sensor; other seesaw boards share the id.
        return DetectedChip(address: chip.address, model: product == 4026 ? "seesaw soil" : "seesaw product \(product)")
    }

    private func identifySHT4x(_ chip: ChipConnection) async throws -> DetectedChip? {
        let bytes = try await chip.writeWaitRead([0x89], wait: .milliseconds(1), count: 6)
        return DetectedChip(address: chip.address, model: "SHT4x", serial: hexSerial(try sht4xSerialNumber(decoding: bytes)))
    }

    private func identifyADS1115(_ chip: ChipConnection) throws -> DetectedChip? {
        let bytes = try chip.writeRead([0x01], count: 2)
        let config = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        // Reset value 0x8583, or a config some driver left: single-shot (bit 8), comparator off (1:0).
        guard config == 0x8583 || config & 0x0103 == 0x0103 else { return nil }
        return DetectedChip(address: chip.address, model: "ADS1115")
    }

    private func identifyAMG8833(_ chip: ChipConnection) throws -> DetectedChip? {
        let powerControl = try chip.writeRead([0x00], count: 1)
        guard let mode = powerControl.first, [0x00, 0x10, 0x20, 0x21].contains(mode) else { return nil }
        let thermistor = try chip.writeRead([0x0E], count: 2)
        let celsius = try amg8833ThermistorTemperature(low: thermistor[0], high: thermistor[1])
        guard (-20...80).contains(celsius) else { return nil }
        return DetectedChip(address: chip.address, model: "AMG8833")
    }

    private func identifySPS30(_ chip: ChipConnection) async throws -> DetectedChip? {
        let words = try await sensirionRead(chip, pointer: 0xD002, words: 4)
        guard sensirionString(words) == "00080000" else { return nil }
        let serial = sensirionString(try await sensirionRead(chip, pointer: 0xD033, words: 16))
        return DetectedChip(address: chip.address, model: "SPS30", serial: serial)
    }

    private func identifySEN5x(_ chip: ChipConnection) async throws -> DetectedChip? {
        let name = sensirionString(try await sensirionRead(chip, pointer: 0xD014, words: 16))
        guard name.hasPrefix("SEN5") else { return nil }
        let serial = sensirionString(try await sensirionRead(chip, pointer: 0xD033, words: 16))
        return DetectedChip(address: chip.address, model: name, serial: serial)
    }

    /// Pointer write, 20 ms, separate read of `words` words with CRCs.
    private func sensirionRead(_ chip: ChipConnection, pointer: UInt16, words: Int) async throws -> [UInt16] {
        let bytes = try await chip.writeWaitRead(sensirionCommandBytes(pointer), wait: .milliseconds(20), count: words * 3)
        return try sensirionWords(bytes, what: "probe \(hex(pointer))")
    }
}
