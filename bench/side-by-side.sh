#!/usr/bin/env bash
# Side-by-side detection rates on the sample app in real containers: SideBySideLoadIT (reminders, one
# user, one instance of each version warmed up together for 50 s with 4 users, then 40 pairs of 1 s interleaved
# trials: 90 s of load; other settings through extra Maven args, e.g.
# -Dperfgate.sideBySide=pairs:30,instances:6,trial:1s,interleaved '-Dperfgate.warmUp=5s with 4 users') decided by the real gate (perf:check with the sample's <rule>: minimum effect 4 %, no floor,
# p50 and errorRate, significance 0.05 Holm-corrected; bench/side-by-side-table.sh re-decides the kept runs at other
# minimum effects and metrics). The reference is the untouched app, the candidate the same image with
# REGRESSION_EXTRA_WORK_MICROS: 0 (A/A), 5 % and 10 % of the reference's median latency, which first
# A/A runs measure (the median of the last CALIBRATIONS A/A runs, default 3: first runs of their own, then each
# round's A/A run, so the size follows the machine). Each round runs the three levels in a shuffled order, so that a
# slow stretch of the machine falls on every level alike; RUNS rounds (default 20). runs.tsv gives, for each run,
# the extra work as a share of that run's own reference median: the slowdown actually injected.
#
#   [CALIBRATIONS=3] bench/side-by-side.sh [RUNS=20] [extra Maven args]
#
# Prints one line per run and the running counts; every run's log and result stay in the folder it names.
# About 1.9 minutes a run with the suite's one instance (Maven, two container starts, 90 s of load): RUNS=20
# takes about 2 h; about 3.05 minutes a run with 6 instances (twelve starts).
set -euo pipefail
runs="${1:-20}"; shift || true
CALIBRATIONS="${CALIBRATIONS:-3}"
maven_args=("$@")
cd "$(dirname "$0")/.."
. scripts/env.sh
out="$(mktemp -d /tmp/perfgate-side-by-side.XXXXXX)"
result=sample-app/target/perf-results/SideBySideLoadIT.reminders.json
./mvnw -B -q -o -pl sample-app -am install -DskipTests -Dinvoker.skip -Dexec.skip -Dperf.skip >/dev/null

# One gated run; $1 = label, $2 = the candidate's extra work in microseconds (empty: none). The verdict is
# REGRESSED when perf:check's table has a REGRESSED row for the test.
run() {
  local dir="$out/$1"; mkdir -p "$dir"
  local extra=(); [ -n "$2" ] && extra=(-Dsample.extraWorkMicros="$2")
  ./mvnw -B -o -pl sample-app verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SideBySideLoadIT \
    -Dexec.skip -Dperf.failOnRegression=false -Dperfgate.progressInterval=0s "${extra[@]}" "${maven_args[@]}" >"$dir/build.log" 2>&1 || true
  cp "$result" "$dir/" 2>/dev/null || true
}
verdict() {
  if ! grep -q "Tests run: 1, Failures: 0, Errors: 0" "$out/$1/build.log"; then echo FAILED-BUILD
  elif grep -E "^\[INFO\] SideBySideLoadIT.reminders .* REGRESSED" "$out/$1/build.log" >/dev/null; then echo REGRESSED
  else echo PASS; fi
}
p50_note() { grep -E "^\[INFO\] SideBySideLoadIT.reminders +reminders +p50 latency" "$out/$1/build.log" | sed -E 's/.*(INCONCLUSIVE|UNCHANGED|REGRESSED|IMPROVED) +//' | cut -c1-60; }
reference_p50() {
  python3 - "$out/$1/SideBySideLoadIT.reminders.json" <<'PY'
import json, statistics, sys
trials = json.load(open(sys.argv[1]))["sideBySide"]["trials"]
print(statistics.median(t["total"]["latencyMs"]["p50"] for t in trials if t["version"] == "A"))
PY
}

echo "load before: $(uptime)"
# The extra work is sized on the median of the last CALIBRATIONS A/A runs' reference p50: the calibration runs
# first, then each round's own A/A run. Sized once, one run on a slow stretch made "+5 %" a 9 % change, and
# the machine slowing over a long bench made it a 3 % change: a fixed amount of work fixed once shrinks as
# the request it is added to grows.
calibrations=()
for c in $(seq 1 "$CALIBRATIONS"); do
  run "calibration-$c" ""
  calibrations+=("$(reference_p50 "calibration-$c")")
  echo "calibration $c: the reference's median p50 ${calibrations[-1]} ms ($(verdict "calibration-$c"), p50 $(p50_note "calibration-$c"))"
done
declare -A work regressed
size_work() {
  latency_ms="$(printf '%s\n' "${calibrations[@]: -$CALIBRATIONS}" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')"
  for level in 5 10; do
    work[$level]="$(python3 -c "print(round($latency_ms * 1000 * $level / 100))")"
  done
}
size_work
echo "calibration: median ${latency_ms} ms over the last $CALIBRATIONS A/A runs: +5 % = ${work[5]} us, +10 % = ${work[10]} us per request"
for level in 0 5 10; do regressed[$level]=0; done
printf 'time\tlevel\trun\tverdict\tp50 note\textra us\tinjected %% of this run'"'"'s reference p50\tload\n' >"$out/runs.tsv"
for i in $(seq 1 "$runs"); do
  for level in $(shuf -e 0 5 10); do
    label="s$level-$i"
    extra=""; [ "$level" != 0 ] && extra="${work[$level]}"
    run "$label" "$extra"
    v="$(verdict "$label")"
    [ "$v" = REGRESSED ] && regressed[$level]=$((regressed[$level] + 1))
    reference="$(reference_p50 "$label" 2>/dev/null || echo 0)"
    injected="$(python3 -c "r=$reference; print(f'{${extra:-0} / (r * 1000) * 100:.1f}' if r else '-')")"
    printf '%s\t+%s %%\trun %s\t%s\tp50 %s\t%s us\t%s %%\tload %s\n' "$(date +%H:%M:%S)" "$level" "$i" "$v" "$(p50_note "$label")" \
      "${extra:-0}" "$injected" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/runs.tsv"
    if [ "$level" = 0 ] && [ "$reference" != 0 ]; then
      calibrations+=("$reference")
      size_work
    fi
  done
  echo "after $i rounds: REGRESSED A/A ${regressed[0]}, +5 % ${regressed[5]}, +10 % ${regressed[10]} (of $i each); next +5 % = ${work[5]} us"
done
echo "load after: $(uptime)"
echo "A/A: REGRESSED in ${regressed[0]} of $runs runs (false alarms)"
echo "+5 %: REGRESSED in ${regressed[5]} of $runs runs"
echo "+10 %: REGRESSED in ${regressed[10]} of $runs runs"
echo "logs and results in $out"
