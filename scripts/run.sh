#!/usr/bin/env bash
# The agent on the embedded default: the built-in box on the simulated board, in real time.
# Aggregates are printed as InfluxDB line protocol as their windows close; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product sensorbox
exec .build/release/sensorbox run "$@"
