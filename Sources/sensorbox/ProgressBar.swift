import Agent

/// A one-line progress bar on standard error, redrawn in place (only on a terminal).
final class ProgressBar {
    private var shown = -1

    func show(_ fraction: Double) {
        let percent = Int(fraction * 100)
        guard percent != shown else { return }
        shown = percent
        let width = 40
        let filled = width * percent / 100
        printToStandardError("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(percent)%")
    }

    func finish() {
        printToStandardError("\r" + String(repeating: " ", count: 48) + "\r")
    }
}
