import Hardware

/// One chip on one bus, as a driver talks to it: the bus conveniences with bus errors wrapped
/// into ``SensorError/bus(_:)``, and waiting on the injected clock.
///
/// Every driver in this target holds one; none of them sees anything below ``I2CBus``.
struct ChipConnection: Sendable {
    let bus: any I2CBus
    let address: I2CAddress
    let clock: any BoxClock

    /// `S addr+W bytes P`
    func write(_ bytes: [UInt8]) throws(SensorError) {
        do { try bus.write(address, bytes) } catch { throw .bus(error) }
    }

    /// `S addr+R b0 … P`; exactly `count` bytes or an error.
    func read(count: Int) throws(SensorError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try bus.read(address, count: count) } catch { throw .bus(error) }
        return try checked(bytes, count: count)
    }

    /// `S addr+W bytes Sr addr+R b0 … P`: a register read with repeated start; exactly `count`
    /// bytes or an error.
    func writeRead(_ bytes: [UInt8], count: Int) throws(SensorError) -> [UInt8] {
        let answer: [UInt8]
        do { answer = try bus.writeRead(address, bytes, readCount: count) } catch { throw .bus(error) }
        return try checked(answer, count: count)
    }

    /// Every decoder may index the answer freely: a bus implementation that returns fewer bytes
    /// than asked is reported, never indexed past.
    private func checked(_ bytes: [UInt8], count: Int) throws(SensorError) -> [UInt8] {
        guard bytes.count == count else {
            throw .implausible("\(address): \(bytes.count) bytes read, \(count) asked")
        }
        return bytes
    }

    /// Waits on the injected clock (never a real sleep in a driver).
    func wait(_ duration: Duration) async throws {
        try await clock.sleep(for: duration)
    }

    /// `S addr+W bytes P`, wait, `S addr+R … P`: for chips without repeated start (Sensirion, seesaw).
    func writeWaitRead(_ bytes: [UInt8], wait duration: Duration, count: Int) async throws -> [UInt8] {
        try write(bytes)
        try await wait(duration)
        return try read(count: count)
    }

    /// The current monotonic time, for stamping readings.
    func now() -> MonotonicInstant { clock.now() }
}

/// `[hi, lo]` of a 16-bit Sensirion command pointer.
func sensirionCommandBytes(_ command: UInt16) -> [UInt8] {
    [UInt8(command >> 8), UInt8(command & 0xFF)]
}

/// The two Sensirion transfers of the SPS30 and the SEN5x (16-bit pointer, CRC-framed words, no
/// repeated start).
extension ChipConnection {
    /// `S addr+W ptr [word CRC]… P`, then the command's execution time.
    func sendSensirion(_ command: UInt16, arguments: [UInt16] = [], wait duration: Duration) async throws {
        try write(sensirionCommandBytes(command) + sensirionFrame(arguments))
        try await wait(duration)
    }

    /// `S addr+W ptr P`, wait, `S addr+R … P`: `count` words, each CRC-checked.
    func readSensirionWords(_ command: UInt16, wait duration: Duration, count: Int, what: String) async throws -> [UInt16] {
        let bytes = try await writeWaitRead(sensirionCommandBytes(command), wait: duration, count: count * 3)
        return try sensirionWords(bytes, what: what)
    }
}
