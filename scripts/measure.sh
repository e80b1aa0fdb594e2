#!/usr/bin/env bash
# The numbers the project reports: release binary size, and wall time and peak RSS of a simulated
# day — of the built-in box (all sensors, footfall at 10 fps) and of an SPS30-only box.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product sensorbox >/dev/null
binary=.build/release/sensorbox
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip -o "$work/stripped" "$binary"
echo "binary: $(stat -c %s "$binary") bytes, stripped $(stat -c %s "$work/stripped") bytes"
cat > "$work/pm-only.toml" <<'TOML'
[box]
id = "pm-only"
board = "simulator"
[[sensor]]
id = "pm"
type = "sps30"
bus = "i2c-1"
[[uplink]]
type = "stdout"
TOML
run() {  # label, extra arguments
  local label=$1; shift
  /usr/bin/time -v "$binary" simulate --duration 24h --seed 1 --state-dir "$work/$label" "$@" \
    > "$work/$label.out" 2> "$work/$label.err"
  printf '%-16s %s, peak RSS %s kB, %s lines out\n' "$label:" \
    "$(grep -o 'in [0-9.]* s' "$work/$label.err" | head -1)" \
    "$(awk '/Maximum resident/ {print $6}' "$work/$label.err")" "$(wc -l < "$work/$label.out")"
}
run built-in-box
run sps30-only --config "$work/pm-only.toml" --boards Boards
# Flash wear: what a simulated day of the built-in box makes the kernel write to disk (journal
# appends with their fdatasync, cursor log, state file), from the child's rusage.
python3 - "$binary" "$work/wear" <<'PY'
import os, sys
binary, state = sys.argv[1], sys.argv[2]
pid = os.fork()
if pid == 0:
    null = os.open("/dev/null", os.O_WRONLY)
    os.dup2(null, 1); os.dup2(null, 2)
    os.execv(binary, [binary, "simulate", "--duration", "24h", "--seed", "1", "--state-dir", state])
_, status, usage = os.wait4(pid, 0)
print(f"disk writes per simulated day of the built-in box: {usage.ru_oublock * 512 / 2**20:.1f} MiB")
PY
