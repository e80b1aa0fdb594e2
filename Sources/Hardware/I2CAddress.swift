/// A 7-bit I2C target address (0x00…0x7F).
///
/// Addresses are never plain `Int`s: a value outside the 7-bit range cannot be built, so a driver
/// or a config file cannot silently talk to the wrong chip.
public struct I2CAddress: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The address without the read/write bit.
    public let rawValue: UInt8

    /// Creates an address, or `nil` when `rawValue` does not fit in 7 bits.
    public init?(_ rawValue: Int) {
        guard (0...0x7F).contains(rawValue) else { return nil }
        self.rawValue = UInt8(rawValue)
    }

    /// Creates an address from a literal the caller knows is a 7-bit address (a datasheet constant).
    /// A value above 0x7F is a programmer error and traps.
    public init(_ rawValue: UInt8) {
        precondition(rawValue <= 0x7F, "I2C addresses are 7-bit")
        self.rawValue = rawValue
    }

    /// `let address: I2CAddress = 0x69` for datasheet constants (traps above 0x7F).
    public init(integerLiteral value: UInt8) { self.init(value) }

    public var description: String { hex(rawValue) }

    public static func < (lhs: I2CAddress, rhs: I2CAddress) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `0x69`-style rendering of a byte, as datasheets and `i2cdetect` write addresses.
public func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
}

/// `0x0202`-style rendering of a 16-bit command or pointer.
public func hex(_ word: UInt16) -> String {
    hex(UInt8(word >> 8)) + String(hex(UInt8(word & 0xFF)).dropFirst(2))
}

/// `01 C3 83`-style rendering of a byte sequence, as frames are written in datasheets and in ../docs.
public func hexBytes(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(hex($0).dropFirst(2)) }.joined(separator: " ")
}
