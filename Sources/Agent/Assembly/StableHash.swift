/// FNV-1a over UTF-8: a hash that is the same in every process (Swift's `Hasher` is seeded per
/// process), used to derive one reproducible random stream per simulated sensor from the seed.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
