/// One line of `sensorbox selftest`: a check that passed or failed, and why.
public struct SelfTestCheck: Sendable, Equatable {
    /// What was checked: `sensor pm`, `bus i2c-1 opens`, `journal directory writable`.
    public var name: String
    /// The configured sensor this check is about, if any.
    public var sensor: String?
    public var passed: Bool
    /// On a pass what was seen (identity, a reading); on a failure the reason.
    public var detail: String
    /// How many read attempts failed before a good reading (or in all, on a failure).
    public var failedAttempts: Int?

    public init(name: String, sensor: String? = nil, passed: Bool, detail: String, failedAttempts: Int? = nil) {
        self.name = name
        self.sensor = sensor
        self.passed = passed
        self.detail = detail
        self.failedAttempts = failedAttempts
    }

    /// `PASS` or `FAIL`.
    public var verdict: String { passed ? "PASS" : "FAIL" }
}

/// Everything `sensorbox selftest` checked, in order: the board's buses and GPIO chips, the
/// journal directory, then each configured sensor.
public struct SelfTestReport: Sendable, Equatable {
    public var box: String
    public var board: String
    public var checks: [SelfTestCheck]

    public init(box: String, board: String, checks: [SelfTestCheck]) {
        self.box = box
        self.board = board
        self.checks = checks
    }

    /// `true` when no check failed: the command's exit status is 0.
    public var passed: Bool { checks.allSatisfy(\.passed) }

    public var failures: [SelfTestCheck] { checks.filter { !$0.passed } }

    /// The check about sensor `id`.
    public func check(sensor id: String) -> SelfTestCheck? { checks.first { $0.sensor == id } }

    /// The check called `name`.
    public func check(named name: String) -> SelfTestCheck? { checks.first { $0.name == name } }

    /// One line per check (`PASS sensor pm: …`; a long reason continues on indented lines),
    /// then the summary; nothing wider than 80 columns.
    public var text: String {
        var lines: [String] = []
        for check in checks {
            lines += DiagnosticText.lines(head: "\(check.verdict) \(check.name)", detail: check.detail)
        }
        lines += DiagnosticText.wrapped(summary, width: DiagnosticText.width)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `selftest of box simulated-box: 9 checks, 8 PASS, 1 FAIL (pm)`.
    public var summary: String {
        let failed = failures
        var text = "selftest of box \(box): \(checks.count) checks, \(checks.count - failed.count) PASS, \(failed.count) FAIL"
        if !failed.isEmpty { text += " (" + failed.map { $0.sensor ?? $0.name }.joined(separator: ", ") + ")" }
        return text
    }

    /// `{"box":…,"board":…,"passed":false,"checks":[{"check":…,"sensor":…,"status":"FAIL",
    /// "detail":…,"failed_attempts":…}]}`, keys always in this order; `sensor` and
    /// `failed_attempts` only where they apply.
    public var json: JSONValue {
        .object([
            ("box", .string(box)),
            ("board", .string(board)),
            ("passed", .bool(passed)),
            ("checks", .array(checks.map { check in
                var members: [(String, JSONValue)] = [("check", .string(check.name))]
                if let sensor = check.sensor { members.append(("sensor", .string(sensor))) }
                members.append(("status", .string(check.verdict)))
                members.append(("detail", .string(check.detail)))
                if let failed = check.failedAttempts { members.append(("failed_attempts", .int(failed))) }
                return .object(members)
            })),
        ])
    }
}
