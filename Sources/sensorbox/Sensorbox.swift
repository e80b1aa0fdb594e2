import Agent
import ArgumentParser

@main
struct Sensorbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The street-side sensor box agent.")
}
