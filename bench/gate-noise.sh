#!/usr/bin/env bash
# A/A noise of the gate: runs the sample app's load tests RUNS times, unchanged, then asks the real
# gate (perf:check) to compare each run with the one before it. Every failure is a false alarm.
# Prints each run's figures, their spread (median, min, max, max/min) and the false-alarm rate.
#   bench/gate-noise.sh [RUNS] [extra Maven args for perf:check, e.g. -Dperf.tolerance=25]
set -euo pipefail
runs="${1:-6}"; shift || true
. "$(dirname "$0")/../scripts/env.sh"
out="$(mktemp -d /tmp/perfgate-noise.XXXXXX)"
./mvnw -B -q install -DskipTests -Dinvoker.skip=true -pl perf-maven-plugin -am
for i in $(seq 1 "$runs"); do
  ./mvnw -B -q -pl sample-app verify -Dperf.skip=true >"$out/run$i.log" 2>&1
  mkdir -p "$out/run$i" && cp sample-app/target/perf-results/*.json "$out/run$i/"
  echo "run $i done"
done
alarms=0
for i in $(seq 2 "$runs"); do
  if ./mvnw -B -q -pl sample-app perf:check -Dperf.baselineDirectory="$out/run$((i-1))" \
       -Dperf.resultsDirectory="$out/run$i" "$@" >"$out/check$i.log" 2>&1; then
    echo "check run$i vs run$((i-1)): pass"
  else
    alarms=$((alarms+1)); echo "check run$i vs run$((i-1)): FALSE ALARM"
    grep -E "^\[ERROR\]   " "$out/check$i.log" | head -4 || true
  fi
done
python3 - "$out" "$runs" <<'PY'
import json, glob, os, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
tests = sorted(os.path.basename(f)[:-5] for f in glob.glob(f"{out}/run1/*.json"))
for t in tests:
    rows = [json.load(open(f"{out}/run{i}/{t}.json"))["total"] for i in range(1, runs + 1)]
    print(f"\n{t}: {rows[0]['requests']} requests in run 1")
    print(f"  {'metric':<12}{'median':>10}{'min':>10}{'max':>10}{'max/min':>9}   per run")
    for name, get in [("p50 ms", lambda r: r["latencyMs"]["p50"]), ("p95 ms", lambda r: r["latencyMs"]["p95"]),
                      ("p99 ms", lambda r: r["latencyMs"]["p99"]), ("req/s", lambda r: r["throughputPerSecond"])]:
        v = [get(r) for r in rows]
        print(f"  {name:<12}{statistics.median(v):>10.2f}{min(v):>10.2f}{max(v):>10.2f}{max(v)/min(v):>9.2f}   "
              + " ".join(f"{x:.2f}" for x in v))
PY
echo
echo "false alarms: $alarms of $((runs-1)) A/A comparisons (figures in $out)"
