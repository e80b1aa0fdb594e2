/// A value read from a config file, with where it was written (for later cross-checks).
public struct Located<Value>: Sendable where Value: Sendable {
    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Decodes one TOML table into typed values, reporting wrong types, missing keys and values out
/// of range to a ``DiagnosticLog``, and — in ``finish()`` — every key nobody asked for.
///
/// Getters return `nil` when the key is absent or wrong (the problem is already logged), so a
/// decoder goes on and reports every problem of the file in one pass.
final class TableReader {
    let table: TOMLTable
    /// Where the table begins (its `[header]`).
    let position: SourcePosition
    /// How messages name the table: `[box]`, `sensor "pm"`.
    let subject: String
    let log: DiagnosticLog
    /// Prefix of a key in messages: `box.` for sections; empty for array elements, whose
    /// messages start with the subject instead.
    private let keyPrefix: String
    private var askedKeys: [String] = []
    private var isRoot = false

    /// A reader for a `[section]`: keys are named `section.key`.
    init(section: String, table: TOMLTable, position: SourcePosition, log: DiagnosticLog) {
        self.table = table
        self.position = position
        self.subject = "[\(section)]"
        self.keyPrefix = section + "."
        self.log = log
    }

    /// A reader for the top level of a file: keys are named as they are.
    init(root table: TOMLTable, log: DiagnosticLog) {
        self.table = table
        self.position = .start
        self.subject = "the top level"
        self.keyPrefix = ""
        self.isRoot = true
        self.log = log
    }

    /// A reader for an element of an array of tables: keys are named `subject: key`.
    init(element subject: String, table: TOMLTable, position: SourcePosition, log: DiagnosticLog) {
        self.table = table
        self.position = position
        self.subject = subject
        self.keyPrefix = ""
        self.log = log
    }

    /// How a message names `key`: `box.id`, `sensor "pm": address`.
    func label(_ key: String) -> String {
        if isRoot { return key }
        return keyPrefix.isEmpty ? "\(subject): \(key)" : keyPrefix + key
    }

    /// The raw entry for `key`, marking it as known. Reports a missing required key at the table.
    func entry(_ key: String, required: Bool = false) -> TOMLEntry? {
        if !askedKeys.contains(key) { askedKeys.append(key) }
        guard let entry = table[key] else {
            if required {
                log.error(isRoot ? "missing required table [\(key)]" : "missing required key \"\(key)\" in \(subject)", at: position)
            }
            return nil
        }
        return entry
    }

    /// Whether the table has `key`, without marking it as known.
    func has(_ key: String) -> Bool { table[key] != nil }

    func wrongType(_ key: String, expected: String, found node: TOMLNode) {
        log.error("\(label(key)): expected \(expected), found \(node.value.kindName)", at: node.position)
    }

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .string(let text) = node.value else {
            wrongType(key, expected: "a string", found: node)
            return nil
        }
        return Located(text, at: node.position)
    }

    func bool(_ key: String, required: Bool = false) -> Located<Bool>? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .boolean(let flag) = node.value else {
            wrongType(key, expected: "true or false", found: node)
            return nil
        }
        return Located(flag, at: node.position)
    }

    /// An integer within `range` (written as TOML allows: `100`, `0x69`, `1_000`).
    func integer(_ key: String, in range: ClosedRange<Int64>, required: Bool = false) -> Located<Int64>? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .integer(let number) = node.value else {
            wrongType(key, expected: "an integer", found: node)
            return nil
        }
        guard range.contains(number) else {
            log.error("\(label(key)): \(number) is out of range \(range.lowerBound)–\(range.upperBound)", at: node.position)
            return nil
        }
        return Located(number, at: node.position)
    }

    /// A finite number within `range`; integers are accepted where a float is expected.
    func number(_ key: String, in range: ClosedRange<Double>, required: Bool = false) -> Located<Double>? {
        guard let node = entry(key, required: required)?.node else { return nil }
        let number: Double
        switch node.value {
        case .float(let value): number = value
        case .integer(let value): number = Double(value)
        default:
            wrongType(key, expected: "a number", found: node)
            return nil
        }
        guard number.isFinite else {
            log.error("\(label(key)): expected a finite number, found \(number)", at: node.position)
            return nil
        }
        guard range.contains(number) else {
            log.error(
                "\(label(key)): \(formatNumber(number)) is out of range \(formatNumber(range.lowerBound))–\(formatNumber(range.upperBound))",
                at: node.position)
            return nil
        }
        return Located(number, at: node.position)
    }

    /// A duration written as a string (`"250ms"`, `"5m"`) within `range`.
    func duration(_ key: String, in range: ClosedRange<Duration>, required: Bool = false) -> Located<Duration>? {
        guard let text = string(key, required: required) else { return nil }
        let duration: Duration
        do {
            duration = try parseDuration(text.value)
        } catch {
            log.error("\(label(key)): \(error)", at: text.position)
            return nil
        }
        guard range.contains(duration) else {
            log.error(
                "\(label(key)): \(text.value) is out of range \(formatDuration(range.lowerBound))–\(formatDuration(range.upperBound))",
                at: text.position)
            return nil
        }
        return Located(duration, at: text.position)
    }

    /// An array whose elements are all strings.
    func strings(_ key: String, required: Bool = false) -> Located<[Located<String>]>? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .array(let elements) = node.value else {
            wrongType(key, expected: "an array of strings", found: node)
            return nil
        }
        var texts: [Located<String>] = []
        for element in elements {
            guard case .string(let text) = element.value else {
                log.error("\(label(key)): expected strings only, found \(element.value.kindName)", at: element.position)
                return nil
            }
            texts.append(Located(text, at: element.position))
        }
        return Located(texts, at: node.position)
    }

    /// A sub-table (`[journal]` or `key = { … }`).
    func table(_ key: String, section: String, required: Bool = false) -> TableReader? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .table(let table) = node.value else {
            wrongType(key, expected: "a table", found: node)
            return nil
        }
        return TableReader(section: section, table: table, position: node.position, log: log)
    }

    /// An array of tables (`[[sensor]]`), each with the raw table for the caller to name.
    func tables(_ key: String, required: Bool = false) -> [(table: TOMLTable, position: SourcePosition)]? {
        guard let node = entry(key, required: required)?.node else { return nil }
        guard case .array(let elements) = node.value else {
            if case .table = node.value {
                log.error("\(label(key)): write [[\(key)]] (an array of tables), not [\(key)]", at: node.position)
            } else {
                wrongType(key, expected: "an array of tables ([[\(key)]])", found: node)
            }
            return nil
        }
        var tables: [(table: TOMLTable, position: SourcePosition)] = []
        for element in elements {
            guard case .table(let table) = element.value else {
                log.error("\(label(key)): expected tables only, found \(element.value.kindName)", at: element.position)
                continue
            }
            tables.append((table, element.position))
        }
        return tables
    }

    /// Reports every key of the table that no getter asked for, suggesting the closest known key.
    func finish() {
        for entry in table.entries where !askedKeys.contains(entry.key) {
            var message = "unknown key \"\(entry.key)\" in \(subject)"
            if let suggestion = closestKey(to: entry.key) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else if !askedKeys.isEmpty {
                message += "; known keys: " + askedKeys.joined(separator: ", ")
            }
            log.error(message, at: entry.keyPosition)
        }
    }

    private func closestKey(to key: String) -> String? {
        let scored = askedKeys.map { ($0, editDistance(Array(key.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(2, key.count / 3)) ? best.0 : nil
    }
}

/// A number as people write it in a config: `200`, not `200.0`; `0.5` stays `0.5`.
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment), for
/// "did you mean" suggestions on short keys: `nmae` is one edit from `name`.
func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var table = Array(repeating: Array(repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
    for i in 0...lhs.count { table[i][0] = i }
    for j in 0...rhs.count { table[0][j] = j }
    for i in 1...lhs.count {
        for j in 1...rhs.count {
            let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[lhs.count][rhs.count]
}
