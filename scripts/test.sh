#!/usr/bin/env bash
# Everything CI runs: the test suite against the simulated bus, then the command-line checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
# The journal on the real file system: 200 kill -9 cycles and a full disk (no root needed).
scripts/journal-kill-loop.sh 200
