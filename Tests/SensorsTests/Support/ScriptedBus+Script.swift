import Hardware

/// The script written as one list (`.write`, `.read`, `.failingWrite`), for tests that read best
/// as the wire sequence of a datasheet.
extension ScriptedBus {
    struct Step {
        let expect: (ScriptedBus) -> Void

        /// Expect a write of `bytes`.
        static func write(_ address: I2CAddress, _ bytes: [UInt8]) -> Step {
            Step { $0.expectWrite(address, bytes) }
        }

        /// Expect a read of `reply.count` bytes, answered with `reply`.
        static func read(_ address: I2CAddress, _ reply: [UInt8]) -> Step {
            Step { $0.expectRead(address, reply: reply) }
        }

        /// Expect a write that fails with `kind`.
        static func failingWrite(_ address: I2CAddress, _ bytes: [UInt8], _ kind: I2CError.Kind) -> Step {
            Step { $0.expect(address, [.write(bytes)], failing: I2CError(kind, address: address, operation: "scripted")) }
        }
    }

    convenience init(_ steps: [Step]) {
        self.init()
        for step in steps { step.expect(self) }
    }
}
