#!/usr/bin/env bash
# The gate with calibrated tolerances, re-decided on runs already measured: perf:calibrate on the first
# N runs of an A/A series, then perf:check with those tolerances on every other run of that series
# (each failure a false alarm) and on every run of the regression series given after it (each failure
# naming an operation the regression slows is a catch). No load runs here: only the plugin, on the
# result files that bench/shelf-gate.sh or bench/sample-gate.sh kept (one folder runK per run, beside
# runK.log).
#
#   bench/calibrated-gate.sh APP_DIR N AA_SERIES [REGRESSION_SERIES...]
#   bench/calibrated-gate.sh bench/shelf-app 10 /tmp/perfgate-shelf-gate.AAAA /tmp/perfgate-shelf-gate.CCCC
#
# N = 0 calibrates nothing: every run is gated with the settings in PERF_ARGS alone, to compare fixed
# settings on the same runs, e.g. PERF_ARGS=-Dperf.tolerance=20 bench/calibrated-gate.sh bench/shelf-app 0 ...
# The gate compares with the baselines APP_DIR's build names (sample-app: the top-level baselines/), as
# the series did. Further settings go in PERF_ARGS, e.g. PERF_ARGS=-Dperf.calibrationSpreads=2.5.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { sed -n '/^#   bench/,/^#   bench/p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
app="$1"; n="$2"; aa="$3"; shift 3
work="$(mktemp -d /tmp/perfgate-calibrated.XXXXXX)"
mvn=(./mvnw -B -o -f "$app/pom.xml")
read -r -a extra <<< "${PERF_ARGS:-}"

# A run's result files alone (the series also kept the gate's comparison.json beside them).
results_of() {
  local to="$work/results/$(basename "$(dirname "$1")")-$(basename "$1")"
  mkdir -p "$to"
  find "$1" -maxdepth 1 -name '*.json' ! -name comparison.json -exec cp {} "$to/" \;
  echo "$to"
}

runs=$(ls -d "$aa"/run* | grep -E '/run[0-9]+$' | sort -V)
tolerances="$work/tolerances.json"   # absent when N = 0: perf:check then gates with PERF_ARGS alone
if [ "$n" -gt 0 ]; then
  count=0
  for run in $runs; do
    count=$((count+1))
    [ "$count" -le "$n" ] || break
    mkdir -p "$work/calibration"
    cp -r "$(results_of "$run")" "$work/calibration/$(printf 'run-%03d' "$count")"
  done
  [ "$count" -ge "$n" ] || { echo "only $count runs in $aa, $n asked for" >&2; exit 2; }
  empty="$work/empty"; mkdir -p "$empty"
  "${mvn[@]}" -q perf:calibrate -Dperf.resultsDirectory="$empty" -Dperf.calibrationRunsDirectory="$work/calibration" \
    -Dperf.calibrationFile="$tolerances" -Dperf.calibrationMinRuns="$n" "${extra[@]}" >"$work/calibrate.log" 2>&1 \
    || { cat "$work/calibrate.log"; exit 1; }
  echo "calibrated on runs 1-$n of $aa: $tolerances"
  python3 - "$tolerances" <<'EOF'
import json, sys
for m in json.load(open(sys.argv[1]))["metrics"]:
    print(f'  {m["test"]:18} {m["operation"]:8} {m["metric"]:10} median {m["median"]:9.3f} spread {m["spreadPercent"]:5.1f} % '
          f'tolerance {m["tolerancePercent"]:5.1f} %')
EOF
else
  echo "no calibration: gating with ${PERF_ARGS:-the default settings}"
fi

# Gates one run (with the calibrated tolerances when there are); prints "pass" or "FAILED on <operations>".
gate() {
  local results log
  results="$(results_of "$1")"; log="$results.log"
  # A run's JMH scores, where its series kept them (bench/sample-gate.sh); none otherwise.
  if "${mvn[@]}" perf:check -Dperf.resultsDirectory="$results" -Dperf.calibrationFile="$tolerances" \
       -Dperf.jmhResultFile="$1/jmh/jmh-result.json" "${extra[@]}" >"$log" 2>&1; then
    echo "pass"
  elif grep -q "Performance regression beyond the tolerance" "$log"; then
    # "Test.method op: ..." -> method.op, "(total)" included
    echo "FAILED on $(sed -n 's/^\[ERROR\]   [A-Za-z]*\.\([A-Za-z]*\) \([^:]*\):.*/\1.\2/p' "$log" | sort -u | tr '\n' ' ')"
  else
    echo "broken (see $log)"
  fi
}

alarms=0; gated=0
for run in $runs; do
  gated=$((gated+1)); [ "$gated" -gt "$n" ] || continue
  verdict="$(gate "$run")"; echo "A/A $(basename "$run"): $verdict"
  [[ "$verdict" != FAILED* ]] || alarms=$((alarms+1))
done
echo "false alarms: $alarms of $((gated-n)) A/A runs$([ "$n" -eq 0 ] || echo " not used for calibrating")"
for series in "$@"; do
  failed=0; total=0
  for run in $(ls -d "$series"/run* | grep -E '/run[0-9]+$' | sort -V); do
    total=$((total+1)); verdict="$(gate "$run")"; echo "$(basename "$series") $(basename "$run"): $verdict"
    [[ "$verdict" != FAILED* ]] || failed=$((failed+1))
  done
  echo "$series: gate failed in $failed of $total runs"
done
