#!/usr/bin/env bash
# Side-by-side detection rates (issue 8): the tiny app against itself in real containers, the candidate
# doing 0 %, 5 % and 10 % more per request than the reference, RUNS times each; every run is decided by
# the side-by-side gate (SideBySideComparator, as perf:check decides). Reports the false-alarm rate
# (0 %) and the detection rates (5 %, 10 %), with each run's estimate.
#
# The slowdown is of the request's latency, not of the CPU work: an A/A calibration run measures the
# reference's median latency L, and the candidate burns BURN + s x L microseconds, so its latency is
# about (1 + s) x L. Each run: two 5 s warm-ups and PAIRS x 2 trials of TRIAL, one user, no think time.
#
#   bench/side-by-side.sh [RUNS=20]
#   env: PAIRS=8 TRIAL=5s BURN=2000 (us) TOLERANCE=2 (minimum effect, %) METRICS=p50,p95,throughput,errorRate
#
# Run it on a quiet machine: it keeps one core busy for about RUNS x 3 x 2 minutes.
set -euo pipefail
runs="${1:-20}"
pairs="${PAIRS:-8}"; trial="${TRIAL:-5s}"; burn="${BURN:-2000}"; tolerance="${TOLERANCE:-2}"
metrics="${METRICS:-p50,p95,throughput,errorRate}"
. "$(dirname "$0")/../scripts/env.sh"
out="$(mktemp -d /tmp/perfgate-side-by-side.XXXXXX)"
./mvnw -B -q -o -pl perf-junit-extension -am test-compile -Dinvoker.skip
./mvnw -B -q -o -pl perf-core dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="perf-core/target/classes:$(cat "$out/cp.txt")"

# One side-by-side run; $1 = label, $2 = candidate burn (us). Prints the verdict lines into $out/$1.txt.
run() {
  local dir="$out/$1"
  mkdir -p "$dir"
  ./mvnw -B -q -o -pl perf-junit-extension -am test -Dinvoker.skip -Dtest=BurnSideBySideLoad -Dsurefire.failIfNoSpecifiedTests=false \
    -Dperfgate.resultsDir="$dir" -Dperfgate.sideBySide="pairs:$pairs,trial:$trial" -Dperfgate.progressInterval=0s \
    -Dfixture.referenceBurnMicros="$burn" -Dfixture.candidateBurnMicros="$2" >"$dir/build.log" 2>&1
  java -cp "$cp" bench/SideBySideVerdict.java "$dir/bench.side-by-side.json" "$tolerance" "$metrics" >"$out/$1.txt"
}

run calibration "$burn"
latency_ms="$(awk '/^REFERENCE_P50_MS/ {print $2}' "$out/calibration.txt")"
echo "reference median latency ${latency_ms} ms (burn ${burn} us); $pairs pairs of $trial; minimum effect $tolerance %; metrics $metrics"

for slowdown in 0 5 10; do
  extra="$(python3 -c "print(round($latency_ms * 1000 * $slowdown / 100))")"
  regressed=0
  for i in $(seq 1 "$runs"); do
    run "s$slowdown-$i" "$((burn + extra))"
    verdict="$(awk '/^VERDICT/ {print $2}' "$out/s$slowdown-$i.txt")"
    [ "$verdict" = REGRESSED ] && regressed=$((regressed + 1))
    estimate="$(grep -m1 'p50 latency' "$out/s$slowdown-$i.txt" | sed -E 's/.*\((.*)\) [A-Z]+$/\1/')"
    echo "+$slowdown % run $i: $verdict  p50: $estimate"
  done
  echo "+$slowdown % (candidate burn $((burn + extra)) us): REGRESSED in $regressed of $runs runs"
done
echo "figures in $out"
