#!/usr/bin/env bash
# False alarms and catches of perfgate's default gate (tolerance 10 %, latency floor 1 ms, p=0.05) on a
# second application, bench/shelf-app: a bookshop with HTML pages, JPA on H2 and a Spring cache. Its two
# load tests name four operations: ShelfLoadIT.shop (open model 60/s, 20 s warm-up, 30 s measured) and
# ShelfLoadIT.peak (6 users back to back, 10 s warm-up, 20 s measured).
# Independent of sample-app, so that the figures do not rest on one app's noise. Not for CI: about
# 2 minutes a run on 2 cores. Run the series on a quiet machine and record the figures, the command and
# the machine's load (printed before and after) in bench/RESULTS.md.
#
# Uses the perfgate artifacts installed in ~/.m2, as a user's project does. Install them once, in the
# repository root:   ./mvnw -o install -pl perf-maven-plugin,perf-junit-extension -am -Dmaven.test.skip=true -Dinvoker.skip=true
#
#   bench/shelf-gate.sh record               # one run, then perf:baseline: writes bench/shelf-app/baselines/
#   bench/shelf-gate.sh aa N                 # N runs of the unchanged app gated against it; each failure is a false alarm
#   bench/shelf-gate.sh regression NAME N    # N runs with SHELF_REGRESSION=NAME (cache, nplus1, lock, delay2ms);
#                                            # caught = the gate failed naming an operation the regression slows
# Further arguments go to Maven, e.g. bench/shelf-gate.sh aa 10 -Dperf.tolerance=20.
# SHELF_ONLINE=1 lets Maven download what ~/.m2 lacks (the first build of shelf-app needs it once).
set -euo pipefail
cd "$(dirname "$0")/.."
# This machine's Docker settings (base image, Ryuk), written by scripts/docker-up.sh; absent where a
# registry is reachable and the defaults work.
if [ -f .perfgate/docker.env ]; then . .perfgate/docker.env; fi

mode="${1:-}"; shift || true
usage() { sed -n '/^#   bench/,/^# SHELF_ONLINE/p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
name=""; runs=1
case "$mode" in
  record) ;;
  aa) runs="${1:-}"; shift || true ;;
  regression) name="${1:-}"; runs="${2:-}"; shift 2 || true ;;
  *) usage ;;
esac
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage

# The operations each regression slows: a catch must name one of them, not merely fail.
expected=""
case "$name" in
  "") ;;
  cache) expected=detail ;;
  nplus1) expected=list ;;
  lock) expected="list author review" ;;
  delay2ms) expected=author ;;
  *) echo "unknown regression '$name': cache, nplus1, lock or delay2ms" >&2; exit 2 ;;
esac

app=bench/shelf-app
# Offline by default: the perfgate artifacts must come from ~/.m2 (this checkout's install), never a
# download, and a run should not wait on the network.
mvn=(./mvnw -B -f "$app/pom.xml")
if [ "${SHELF_ONLINE:-0}" != 1 ]; then mvn+=(-o); fi
out="$(mktemp -d /tmp/perfgate-shelf-gate.XXXXXX)"
echo "logs and results in $out"
echo "load before: $(uptime)"

# The gate's p50 row of each operation of each test, one line:
# "shop: list 2.10->2.31 ms +10.0 % UNCHANGED, ...; peak: ...".
p50s() {
  awk '$1 == "[INFO]" && $2 ~ /^ShelfLoadIT\./ && $4 == "p50" && $5 == "latency" {
         test = substr($2, 13)
         if (test != last) { printf "%s%s: ", (last == "" ? "" : "; "), test; last = test; sep = "" }
         printf "%s%s %s->%s ms %s %s %s", sep, $3, $6, $8, $10, $11, $12; sep = ", " }' "$1"
}
# The operations the gate failed on in any test, e.g. "author list", from the
# "[ERROR]   ShelfLoadIT.peak author: ..." lines (a total is not an operation).
failed_ops() {
  sed -n 's/^\[ERROR\]   ShelfLoadIT\.[a-z]* \([^:(]*\):.*/\1/p' "$1" | sort -u | tr '\n' ' ' | sed 's/ $//'
}
named_any() {  # named_any "author list" "list review": does the first list hold a word of the second?
  local op; for op in $2; do [[ " $1 " == *" $op "* ]] && return 0; done; return 1
}
keep() {  # this run's result and report files, in $out/NAME beside its log
  mkdir -p "$out/$1"
  cp "$app"/target/perf-results/*.json "$out/$1/" 2>/dev/null || true
  cp "$app"/target/perf-report/comparison.json "$app"/target/perf-report/summary.md "$out/$1/" 2>/dev/null || true
}

if [ "$mode" = record ]; then
  # One run, then its result becomes the baseline. failOnRegression=false: an older baseline must not
  # stop the recording of a new one.
  log="$out/record.log"
  if "${mvn[@]}" verify perf:baseline -Dperf.failOnRegression=false "$@" >"$log" 2>&1; then
    keep record
    grep -E "^\[perfgate\] ShelfLoadIT\.[a-z]+ (PASSED|FAILED|ABORTED)" "$log" || true
    echo "baseline recorded: $(ls "$app"/baselines/)"
    echo "load after: $(uptime)"
  else
    keep record
    echo "recording failed (see $log)"; grep -E "ERROR|FAILED" "$log" | head -8 || true
    exit 1
  fi
  exit 0
fi

[ -n "$(ls "$app"/baselines/*.json 2>/dev/null)" ] || { echo "no baseline in $app/baselines: run '$0 record' first" >&2; exit 2; }
regression_args=()
if [ -n "$name" ]; then regression_args=(-Dshelf.regression="$name"); fi
failed=0; caught=0; broken=0
for i in $(seq 1 "$runs"); do
  log="$out/run$i.log"
  if "${mvn[@]}" verify "${regression_args[@]}" "$@" >"$log" 2>&1; then
    if [ -z "$name" ]; then echo "run $i: pass; p50 $(p50s "$log")"; else echo "run $i: MISSED, gate passed; p50 $(p50s "$log")"; fi
  elif grep -q "Performance regression beyond the tolerance" "$log"; then
    failed=$((failed+1)); ops="$(failed_ops "$log")"
    if [ -z "$name" ]; then
      echo "run $i: FALSE ALARM on $ops; p50 $(p50s "$log")"
    elif named_any "$ops" "$expected"; then
      caught=$((caught+1)); echo "run $i: CAUGHT, gate failed on $ops; p50 $(p50s "$log")"
    else
      echo "run $i: gate failed, but not on $expected: on $ops; p50 $(p50s "$log")"
    fi
    grep -E "^\[ERROR\]   ShelfLoadIT" "$log" | head -8 || true
  else
    # The app did not start, the load test failed, Docker was missing: nothing the gate decided.
    broken=$((broken+1)); echo "run $i: build failed before the gate (not counted; see $log)"
    grep -E "FAILED|ERROR\] Tests run|ERROR\] Failed" "$log" | head -4 || true
  fi
  keep "run$i"
done
echo "load after: $(uptime)"
gated=$((runs-broken))
if [ -z "$name" ]; then
  echo "false alarms: $failed of $gated gated runs of the unchanged shelf app ($broken broken; logs in $out)"
else
  echo "regression $name: caught (gate failed naming $expected) in $caught of $gated gated runs;" \
       "gate failed at all in $failed; missed $((gated-failed)) ($broken broken; logs in $out)"
fi
