#!/usr/bin/env bash
# The false-alarm rate of the real gate (perf:check) over every ordered pair of saved A/A runs,
# e.g. those gate-noise.sh left in /tmp/perfgate-noise.XXXX:
#   bench/gate-pairs.sh /tmp/perfgate-noise.XXXX [perf:check options, e.g. -Dperf.tolerance=100]
set -euo pipefail
dir="$1"; shift
cd "$(dirname "$0")/.."
runs=$(find "$dir" -maxdepth 1 -type d -name "run[0-9]*" | wc -l)
pairs=0; alarms=0
for a in $(seq 1 "$runs"); do
  for b in $(seq 1 "$runs"); do
    [ "$a" = "$b" ] && continue
    pairs=$((pairs+1))
    if ! ./mvnw -B -q -o -pl sample-app perf:check -Dperf.baselineDirectory="$dir/run$a" \
         -Dperf.resultsDirectory="$dir/run$b" "$@" >/dev/null 2>&1; then
      alarms=$((alarms+1))
    fi
  done
done
echo "settings: ${*:-defaults}: false alarms $alarms of $pairs ordered A/A pairs"
