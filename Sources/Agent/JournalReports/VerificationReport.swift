import Journal

/// `sensorbox journal verify`: one line per problem, `FILE at OFFSET: message`, then a summary.
public enum VerificationReport {
    /// The problem lines and the summary line.
    public static func text(_ problems: [JournalProblem], directory: String) -> String {
        var out = ""
        for problem in problems { out += problem.description + "\n" }
        switch problems.count {
        case 0: out += "\(directory): ok, no problems\n"
        case 1: out += "\(directory): 1 problem\n"
        default: out += "\(directory): \(problems.count) problems\n"
        }
        return out
    }
}
