#!/usr/bin/env bash
# False alarms of the sample app's gate: runs the untouched app's load suites and JMH benchmarks RUNS
# times (default 10), each gated against the committed baselines/ exactly as scripts/run-sample.sh does,
# and counts the runs the gate failed (every one is a false alarm: nothing changed). Not for CI: about
# 3 minutes a run on 2 cores. Run it on a quiet machine and record the figures, the command and the
# machine's load (uptime) in bench/RESULTS.md.
#   bench/sample-false-alarms.sh [RUNS] [extra Maven args, e.g. -Dperf.tolerance=50]
set -euo pipefail
runs="${1:-10}"; shift || true
cd "$(dirname "$0")/.."
. scripts/env.sh
out="$(mktemp -d /tmp/perfgate-sample-alarms.XXXXXX)"
echo "load before: $(uptime)"
alarms=0
for i in $(seq 1 "$runs"); do
  # The reactor builds the plugin the gate uses (no install into ~/.m2); unit tests are skipped.
  if ./mvnw -B -pl sample-app -am verify -Dinvoker.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
       "$@" >"$out/run$i.log" 2>&1; then
    echo "run $i: pass"
  elif grep -q "Performance regression beyond the tolerance" "$out/run$i.log"; then
    alarms=$((alarms+1)); echo "run $i: FALSE ALARM"
    grep -E "^\[ERROR\]   " "$out/run$i.log" | head -6 || true
  else
    echo "run $i: build failed before the gate (not counted; see $out/run$i.log)"
    grep -E "FAILED|ERROR\] Tests run" "$out/run$i.log" | head -4 || true
  fi
  mkdir -p "$out/run$i" && cp sample-app/target/perf-results/*.json "$out/run$i/" 2>/dev/null || true
done
echo "load after: $(uptime)"
echo "false alarms: $alarms of $runs gated runs of the untouched sample app (logs in $out)"
