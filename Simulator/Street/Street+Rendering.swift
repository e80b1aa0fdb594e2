extension Street {
    /// Renders what the thermal array sees at `seconds` into `frame` (row-major °C): each pixel
    /// an area-weighted mix of pavement and the bodies over it, plus sensor noise; quantised to
    /// the AMG8833's 0.25 °C steps when `quantized` (the twin quantises on its own).
    public mutating func renderThermal(into frame: inout [Float], atSeconds seconds: Double, quantized: Bool) {
        advance(to: seconds)
        let width = scenario.width, height = scenario.height
        if frame.count != width * height { frame = Array(repeating: 0, count: width * height) }
        for index in coverage.indices {
            coverage[index] = 0
            heat[index] = 0
        }
        let air = weather.air(seconds)
        let sunshine = weather.sunshine(seconds)
        let hour = weather.localHour(seconds)
        // A building's shadow sweeps across the pavement in the afternoon (14 h to 18 h), in
        // columns; people in it get no sun either.
        let shadowEdge = (hour - 14) / 4 * Double(width)
        for person in people {
            let y = person.y(at: seconds)
            let length = Self.viewLength(scenario, planeHeight: person.planeHeight)
            guard abs(y) < length / 2 + person.halfAlong else { continue }
            let column = (person.x / length + 0.5) * Double(width)
            let shade = min(max(shadowEdge - column + 0.5, 0), 1)
            let temperature = apparentTemperature(of: person, air: air, sunshine: sunshine * (1 - shade))
            splat(person, y: y, viewLength: length, temperature: temperature)
        }
        let pavement = weather.pavement(seconds)
        // The shade is cooler by the sun's heating it misses; a wet pavement is at the rain's
        // temperature in sun and shade alike.
        let heating = scenario.sunHeating * weather.sun(hour - 1) * (1 - 0.8 * weather.clouds(seconds))
            * (1 - weather.rain(seconds))
        let noiseLevel = scenario.sensorNoise * (Double(scenario.framesPerSecond) / 10).squareRoot()
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                let shade = min(max(shadowEdge - Double(column), 0), 1)
                let ground = pavement + pixelOffsets[index] - 0.7 * heating * shade
                let covered = coverage[index]
                var value = covered >= 1 ? heat[index] / covered : ground * (1 - covered) + heat[index]
                value += noise.gaussian(standardDeviation: noiseLevel)
                frame[index] = Float(quantized ? (value * 4).rounded() / 4 : value)
            }
        }
    }

    /// A clothed person from above: mostly clothes, which sit between the air and the skin and
    /// warm in the sun, plus the head; an umbrella is close to the air.
    func apparentTemperature(of person: StreetPerson, air: Double, sunshine: Double) -> Double {
        if person.carriesUmbrella { return air + 1 + person.temperatureOffset * 0.3 }
        let clothes = air + 0.45 * (33 - air) + 4 * sunshine
        let head = 34 + 3 * sunshine
        return 0.25 * head + 0.75 * clothes + person.temperatureOffset
    }

    /// Adds a person's elliptic outline to the coverage and heat of the pixels under it
    /// (6 × 6 samples per pixel).
    private mutating func splat(_ person: StreetPerson, y: Double, viewLength: Double, temperature: Double) {
        let width = scenario.width, height = scenario.height
        let centreX = (person.x / viewLength + 0.5) * Double(width)
        let centreY = (y / viewLength + 0.5) * Double(height)
        let radiusX = person.halfAcross / viewLength * Double(width)
        let radiusY = person.halfAlong / viewLength * Double(height)
        let firstColumn = max(Int((centreX - radiusX).rounded(.down)), 0)
        let lastColumn = min(Int((centreX + radiusX).rounded(.down)), width - 1)
        let firstRow = max(Int((centreY - radiusY).rounded(.down)), 0)
        let lastRow = min(Int((centreY + radiusY).rounded(.down)), height - 1)
        guard firstColumn <= lastColumn, firstRow <= lastRow else { return }
        let samples = 6
        for row in firstRow...lastRow {
            for column in firstColumn...lastColumn {
                var inside = 0
                for sy in 0..<samples {
                    let dy = (Double(row) + (Double(sy) + 0.5) / Double(samples) - centreY) / radiusY
                    for sx in 0..<samples {
                        let dx = (Double(column) + (Double(sx) + 0.5) / Double(samples) - centreX) / radiusX
                        if dx * dx + dy * dy <= 1 { inside += 1 }
                    }
                }
                guard inside > 0 else { continue }
                let fraction = Double(inside) / Double(samples * samples)
                coverage[row * width + column] += fraction
                heat[row * width + column] += fraction * temperature
            }
        }
    }
}
