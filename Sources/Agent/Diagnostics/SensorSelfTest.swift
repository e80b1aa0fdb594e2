import Hardware
import Sensors

/// The selftest of one configured sensor: present, identity, a fresh plausible reading, how many
/// attempts failed. Every failure becomes a FAIL with its reason; nothing here throws, so one
/// bad sensor never stops the test of the others.
struct SensorSelfTest {
    let config: SensorConfig
    let hardware: any HardwareBackend
    let options: SelfTest.Options

    private var clock: any BoxClock { hardware.clock }
    private var name: String { "sensor \(config.id)" }

    func run() async -> SelfTestCheck {
        switch config.settings {
        case .beamPair(let settings): return beamPair(settings)
        default: return await i2cSensor()
        }
    }

    private func pass(_ detail: String, failedAttempts: Int? = nil) -> SelfTestCheck {
        SelfTestCheck(name: name, sensor: config.id, passed: true, detail: detail, failedAttempts: failedAttempts)
    }

    private func fail(_ reason: String, failedAttempts: Int? = nil) -> SelfTestCheck {
        SelfTestCheck(name: name, sensor: config.id, passed: false, detail: reason, failedAttempts: failedAttempts)
    }

    // MARK: I2C chips

    private func i2cSensor() async -> SelfTestCheck {
        guard let placement = config.i2c else { return fail("no I2C bus and address in the config") }
        let model = config.type.model
        let bus: any I2CBus
        do { bus = try hardware.i2cBus(named: placement.bus) } catch {
            return fail("bus \(placement.bus) does not open: \(error)")
        }
        let place = "\(placement.address) on \(placement.bus)"
        let detected = await ChipProbe(bus: bus, clock: clock).probe(placement.address)
        if detected == nil, let absent = absence(on: bus, at: placement.address, place: place) { return fail(absent) }

        let driver: any Sensor
        do {
            // Selftest releases nothing: the privacy profile and randomness are never used.
            driver = try BoxAssembly.driver(for: config, on: hardware, privacy: .exact, randomness: .seeded(0))
        } catch {
            return fail("\(error)")
        }

        var identity: String
        switch identify(detected, expected: expectedModel) {
        case .success(let text):
            identity = text
            // SPS30 and SEN5x: the driver's identify() must agree with the probe too (it reads
            // the firmware version as well, which the probe leaves out).
            if config.type == .sps30 || config.type == .sen5x {
                switch await driverIdentity(driver) {
                case .success(let firmware): identity += firmware.map { " firmware \($0)" } ?? ""
                case .failure(let mismatch): return fail("identity: \(mismatch), configured \(model) at \(place)")
                }
            }
        case .failure(let reason):
            // Sensirion chips also tell their identity through the driver's read-only commands: a
            // wrong product type or a checksum error is named, where the probe can only say
            // "not this chip".
            if [.sps30, .sen5x, .sht4x].contains(config.type), case .failure(let mismatch) = await driverIdentity(driver) {
                return fail("identity: \(mismatch), configured \(model) at \(place)")
            }
            return fail("identity: \(reason), configured \(model) at \(place)")
        }
        if config.type == .amg8833, let counter = driver as? ThermalFootfallCounter {
            return await frame(counter.camera, identity: identity)
        }
        return await reading(driver, identity: identity)
    }

    /// `nil` when something acknowledges `address`; else why it counts as absent.
    private func absence(on bus: any I2CBus, at address: I2CAddress, place: String) -> String? {
        do {
            // Reading writes nothing; an SMBus-only adapter cannot read without a register.
            if bus.capabilities.contains(.plainI2C) {
                _ = try bus.read(address, count: 1)
            } else {
                _ = try bus.writeRead(address, [0x00], readCount: 1)
            }
            return nil
        } catch {
            if error.isNoAcknowledge { return "not present: no acknowledge at \(place)" }
            return "not present: \(error)"
        }
    }

    /// What ``ChipProbe`` names the configured chip.
    private var expectedModel: String {
        switch config.settings {
        case .sps30: "SPS30"
        case .sen5x(let model): model.rawValue.uppercased()
        case .pmsa003i: "PMSA003I"
        case .sht4x: "SHT4x"
        case .seesawSoil: "seesaw soil"
        case .ads1115Soil: "ADS1115"
        case .amg8833: "AMG8833"
        case .beamPair: "beam pair"
        }
    }

    private func identify(_ detected: DetectedChip?, expected: String) -> Result<String, IdentityMismatch> {
        guard let detected else { return .failure(IdentityMismatch(description: "the chip that answers is no known chip")) }
        guard detected.model == expected else { return .failure(IdentityMismatch(description: "found \(detected.model)")) }
        return .success(detected.serial.map { "\(detected.model) serial \($0)" } ?? detected.model)
    }

    /// The driver's `identify()`: the firmware version when the product is the configured one,
    /// else what does not match.
    private func driverIdentity(_ driver: any Sensor) async -> Result<String?, IdentityMismatch> {
        do {
            let identity = try await driver.identify()
            let expected = config.type == .sps30 ? "00080000" : expectedModel
            guard identity.product == expected else {
                return .failure(IdentityMismatch(description: "product \"\(identity.product)\", expected \"\(expected)\""))
            }
            return .success(identity.firmware)
        } catch {
            return .failure(IdentityMismatch(description: "reading the chip's identity failed: \(SensorError(error))"))
        }
    }

    /// `start()`, then `sample()` until readings arrive, at most `options.attempts` times.
    private func reading(_ driver: any Sensor, identity: String) async -> SelfTestCheck {
        var failed = 0
        var lastError = "no new data"
        var started = false
        for attempt in 0..<options.attempts {
            if attempt > 0 { try? await clock.sleep(for: wait) }
            do {
                if !started {
                    try await driver.start()
                    started = true
                }
                let readings = try await driver.sample()
                if readings.isEmpty { continue }
                if let implausible = readings.first(where: { !isPlausible($0) }) {
                    return fail("implausible reading: \(describe(implausible))", failedAttempts: failed)
                }
                let failures = failed == 1 ? "1 failed attempt" : "\(failed) failed attempts"
                return pass("\(identity); \(describe(readings[0])); \(failures)", failedAttempts: failed)
            } catch {
                failed += 1
                lastError = "\(SensorError(error))"
            }
        }
        return fail("\(identity), but no reading in \(options.attempts) attempts: \(lastError)", failedAttempts: failed)
    }

    /// One sampling interval, bounded so a slow soil probe does not hold a technician for minutes.
    private var wait: Duration { min(config.interval, options.longestWait) }

    private func isPlausible(_ reading: Reading) -> Bool {
        if reading.quality.contains(.outOfRange) || !reading.value.isFinite { return false }
        guard let range = QualityMonitor.specifiedRanges[reading.quantity] else { return true }
        return range.contains(reading.value)
    }

    private func describe(_ reading: Reading) -> String {
        "\(reading.quantity) \(formatted(reading.value)) \(reading.unit.rawValue)"
    }

    // MARK: Footfall

    /// AMG8833: one frame whose 64 pixels all lie in −20…80 °C (the datasheet's measuring range
    /// is 0…80 °C; −20 leaves room for a winter street). Only that is said, never a pixel's value:
    /// no part of a frame leaves the counter, not even in a self-test.
    private func frame(_ thermal: AMG8833, identity: String) async -> SelfTestCheck {
        var failed = 0
        var lastError = "no frame"
        for attempt in 0..<options.attempts {
            if attempt > 0 { try? await clock.sleep(for: thermal.frameInterval) }
            do {
                let frame = try await thermal.readFrame()
                let outside = frame.pixels.filter { !(-20...80).contains($0) }.count
                guard outside == 0 else {
                    return fail("implausible frame: \(outside) of \(frame.pixels.count) pixels outside -20…80 Cel", failedAttempts: failed)
                }
                return pass("\(identity); all \(frame.pixels.count) pixels within -20…80 Cel; \(failed) failed attempts", failedAttempts: failed)
            } catch {
                failed += 1
                lastError = "\(SensorError(error))"
            }
        }
        return fail("\(identity), but no frame in \(options.attempts) attempts: \(lastError)", failedAttempts: failed)
    }

    /// Beam pair: both lines open and their levels read.
    private func beamPair(_ settings: BeamPairSettings) -> SelfTestCheck {
        var levels: [String] = []
        for pin in settings.pins {
            do {
                let line = try hardware.gpioLine(chip: settings.chip, pin: pin.name)
                levels.append("\(pin.name) \(try line.level() ? "high" : "low")")
            } catch {
                return fail("line \(settings.chip):\(pin.name): \(error)")
            }
        }
        return pass("lines " + levels.joined(separator: ", "))
    }
}

private struct IdentityMismatch: Error, CustomStringConvertible {
    var description: String
}

/// A value with one decimal, for people (`12.3`), without Foundation's formatters.
func formatted(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let tenths = (value * 10).rounded()
    let sign = tenths < 0 ? "-" : ""
    let magnitude = Int64(abs(tenths))
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
}
