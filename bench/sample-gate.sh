#!/usr/bin/env bash
# False alarms and catches of the gate on the sample app. Each run is ./mvnw -pl sample-app -am verify
# (unit tests skipped), gated against the committed baselines/ as scripts/run-sample.sh does; its results
# and log are kept, so that bench/calibrated-gate.sh can decide them again under other settings.
# Not for CI: 4 to 6 minutes a run of the whole suite on 2 cores. Run a series on a quiet machine and
# record the figures, the command and the machine's load (printed before and after) in bench/RESULTS.md.
#
#   bench/sample-gate.sh aa N                 # N runs of the untouched app; each failure is a false alarm
#   bench/sample-gate.sh regression NAME N    # N runs of OperationsLoadIT with one regression switched on:
#                                             #   cache    REGRESSION_CACHE_DISABLED        (xp, food)
#                                             #   nplus1   REGRESSION_N_PLUS_ONE            (reminders)
#                                             #   lock     REGRESSION_SYNCHRONIZED_LLM      (chat)
#                                             #   delay2ms 2 ms more CPU work in the food handler (food)
#                                             #   caught = the gate failed naming an operation in brackets
# Further arguments go to Maven, e.g. the plugin's own defaults in place of the sample's looser ones:
#   bench/sample-gate.sh aa 20 -Dperf.tolerance=10 -Dperf.latencyFloorMillis=1 '-Dit.test=*LoadIT,!SideBySideLoadIT'
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"; shift || true
usage() { sed -n '/^#   bench/,/^#   bench.*aa 20/p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
name=""; runs=""
case "$mode" in
  aa) runs="${1:-}"; shift || true ;;
  regression) name="${1:-}"; runs="${2:-}"; shift 2 || true ;;
  *) usage ;;
esac
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage

# What each regression turns on, and the operations it slows: a catch must name one of them.
switch=(); expected=""
case "$name" in
  "") ;;
  cache) switch=(-Dsample.regressions=REGRESSION_CACHE_DISABLED); expected="xp food" ;;
  nplus1) switch=(-Dsample.regressions=REGRESSION_N_PLUS_ONE); expected=reminders ;;
  lock) switch=(-Dsample.regressions=REGRESSION_SYNCHRONIZED_LLM); expected=chat ;;
  delay2ms) switch=(-Dsample.extraWorkMicros=2000 -Dsample.extraWorkPath=/api/v1/food); expected=food ;;
  *) echo "unknown regression '$name': cache, nplus1, lock or delay2ms" >&2; exit 2 ;;
esac
# A regression run measures the operation tests only: one test per operation, so a failure names it.
# A regression may also break an operation's SLO, which fails its test: the build still reaches the gate.
[ -z "$name" ] || switch+=(-Dit.test=OperationsLoadIT -Dmaven.test.failure.ignore=true)
. scripts/env.sh

out="$(mktemp -d /tmp/perfgate-sample-gate.XXXXXX)"
echo "logs and results in $out"
echo "load before: $(uptime)"
# The operations the gate failed on, e.g. "food xp", from "[ERROR]   OperationsLoadIT.xp xp: ..." lines.
failed_ops() {
  sed -n 's/^\[ERROR\]   [A-Za-z]*\.[A-Za-z]* \([^:(]*\):.*/\1/p' "$1" | sort -u | tr '\n' ' ' | sed 's/ $//'
}
named_any() {  # named_any "food xp" "xp food": does the first list hold a word of the second?
  local op; for op in $2; do [[ " $1 " == *" $op "* ]] && return 0; done; return 1
}
failed=0; caught=0; broken=0
for i in $(seq 1 "$runs"); do
  log="$out/run$i.log"
  rm -rf sample-app/target/perf-results sample-app/target/jmh-result.json   # a run keeps its own results only
  # The reactor builds the plugin the gate uses (no install into ~/.m2); unit tests are skipped.
  if ./mvnw -B -pl sample-app -am verify -Dinvoker.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
       "${switch[@]}" "$@" >"$log" 2>&1; then
    if [ -z "$name" ]; then echo "run $i: pass"; else echo "run $i: MISSED, gate passed"; fi
  elif grep -q "Performance regression beyond the tolerance" "$log"; then
    failed=$((failed+1)); ops="$(failed_ops "$log")"
    if [ -z "$name" ]; then
      echo "run $i: FALSE ALARM on $ops"
    elif named_any "$ops" "$expected"; then
      caught=$((caught+1)); echo "run $i: CAUGHT, gate failed on $ops"
    else
      echo "run $i: gate failed, but not on $expected: on $ops"
    fi
    grep -E "^\[ERROR\]   " "$log" | head -6 || true
  else
    broken=$((broken+1)); echo "run $i: build failed before the gate (not counted; see $log)"
    grep -E "FAILED|ERROR\] Tests run|ERROR\] Failed" "$log" | head -4 || true
  fi
  # The results beside the log; the JMH scores in a folder of their own, which perf:check does not read as results.
  mkdir -p "$out/run$i/jmh" && cp sample-app/target/perf-results/*.json "$out/run$i/" 2>/dev/null || true
  cp sample-app/target/jmh-result.json "$out/run$i/jmh/" 2>/dev/null || true
done
echo "load after: $(uptime)"
gated=$((runs-broken))
if [ -z "$name" ]; then
  echo "false alarms: $failed of $gated gated runs of the untouched sample app ($broken broken; logs in $out)"
else
  echo "regression $name: caught (gate failed naming $expected) in $caught of $gated gated runs;" \
       "gate failed at all in $failed; missed $((gated-failed)) ($broken broken; logs in $out)"
fi
