#!/bin/sh
# The journal's kill -9 loop and disk-full check on the real file system.
#   scripts/journal-kill-loop.sh            200 cycles (CI)
#   scripts/journal-kill-loop.sh 1000       the longer documented run
# A child process appends and prints each acknowledged sequence; the parent kills it with
# SIGKILL at a random moment, reopens the journal and checks that every acknowledged record is
# there and intact, the cursor did not go back, and `verify` finds nothing. Needs no root: the
# disk-full check uses a file-size limit (RLIMIT_FSIZE → EFBIG).
set -eu
cycles="${1:-200}"
seed="${2:-1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/sensorbox-journal-$$"
cd "$root/Benchmarks/Journal"
swift build -c release --product journal-tool
tool="$(swift build -c release --show-bin-path)/journal-tool"
"$tool" kill-loop "$work/kill" "$cycles" "$seed"
"$tool" disk-full "$work/full"
rm -rf "$work"
