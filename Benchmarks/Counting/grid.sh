#!/bin/bash
# The thermal counter alone across mounting heights and sensor noise: every built-in scenario,
# seed 100, at 3.0, 3.5, 4.0 and 4.5 m with 0.3 and 0.5 °C of noise (96 rows), then the mean
# |daily error| and mean window WAPE per height and overall. Extra arguments go to every run
# (e.g. --set cyclistSpeedRatio=0). Two runs at a time; about 2.5 minutes on two cores.
#
#   Benchmarks/Counting/grid.sh OUTPUT_FILE [--set name=value,...]
set -euo pipefail
out=${1:?usage: grid.sh OUTPUT_FILE [benchmark options]}
shift
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here" && swift build -c release -q)
bench="$here/.build/release/CountingBenchmark"
run() {
    local heights=$1; shift
    for h in $heights; do
        for n in 0.3 0.5; do
            "$bench" accuracy --thermal-only --seeds 100 --mounting-height "$h" --noise "$n" "$@" \
                | grep -v -e recall -e '^scenario' | sed "s/^/h=$h n=$n /"
        done
    done
}
run "3.0 3.5" "$@" > "$out.a" &
run "4.0 4.5" "$@" > "$out.b" &
wait
cat "$out.a" "$out.b" > "$out"
rm -f "$out.a" "$out.b"
awk '{ d = $8 + 0; w = $9 + 0; d = d < 0 ? -d : d
       sd[$1] += d; sw[$1] += w; n[$1]++; SD += d; SW += w; N++ }
     END { printf "all   rows %d  daily %.2f %%  windows %.2f %%\n", N, SD / N, SW / N
           for (h in n) printf "%s rows %d  daily %.2f %%  windows %.2f %%\n", h, n[h], sd[h] / n[h], sw[h] / n[h] }' "$out" | sort
