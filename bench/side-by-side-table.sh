#!/usr/bin/env bash
# The side-by-side gate's verdicts over the runs bench/side-by-side.sh kept, decided again at several
# minimum effects (the same SideBySideComparator perf:check uses, floor 0, 20 tail samples, significance 0.05, Holm over
# the metrics): how the false-alarm rate (A/A runs) and the detection rates (+5 %, +10 %) trade off. Then, with
# RESAMPLES > 0, each level's rate over that many synthetic runs drawn from the kept runs' instances at the first
# minimum effect (bench/SideBySideResample.java: finer than the runs alone can show, with its caveat).
#   [RESAMPLES=0] bench/side-by-side-table.sh /tmp/perfgate-side-by-side.XXXX [MIN_EFFECTS=3,5,8,10] [METRICS=p50,p95,throughput,errorRate]
set -euo pipefail
dir="$1"; effects="${2:-3,5,8,10}"; metrics="${3:-p50,p95,throughput,errorRate}"
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl perf-gate -am compile >/dev/null
./mvnw -B -q -o -pl perf-gate dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" -Dmdep.excludeArtifactIds=perf-model >/dev/null
classes="perf-gate/target/classes:perf-model/target/classes"
mkdir -p "$dir/classes"
javac -d "$dir/classes" -cp "$classes:$(cat "$dir/cp.txt")" bench/SideBySideVerdict.java bench/SideBySideResample.java
cp="$dir/classes:$classes:$(cat "$dir/cp.txt")"
printf '| minimum effect | A/A: REGRESSED | +5 %%: REGRESSED | +10 %%: REGRESSED |\n|---|---|---|---|\n'
for effect in ${effects//,/ }; do
  row="| $effect %"
  for level in 0 5 10; do
    total=0; regressed=0
    for result in "$dir"/s$level-*/SideBySideLoadIT.reminders.json; do
      [ -f "$result" ] || continue
      total=$((total + 1))
      if java -cp "$cp" SideBySideVerdict "$result" "$effect" "$metrics" | grep -q '^VERDICT REGRESSED'; then
        regressed=$((regressed + 1))
      fi
    done
    row="$row | $regressed of $total"
  done
  echo "$row |"
done
# Each run's p50 estimate (Hodges-Lehmann, with its interval), for the spread between JVM instances.
for level in 0 5 10; do
  echo "+$level %: p50 estimates:"
  for result in "$dir"/s$level-*/SideBySideLoadIT.reminders.json; do
    [ -f "$result" ] || continue
    java -cp "$cp" SideBySideVerdict "$result" 100 p50 | awk '/p50 latency/ && !seen { seen = 1; sub(/.*: p50 latency/, "  "); print }'
  done
done
if [ "${RESAMPLES:-0}" -gt 0 ]; then
  for level in 0 5 10; do
    results=("$dir"/s$level-*/SideBySideLoadIT.reminders.json)
    [ -f "${results[0]}" ] || continue
    echo "+$level %, resampled at a minimum effect of ${effects%%,*} %:"
    java -cp "$cp" SideBySideResample "$RESAMPLES" 1 "${effects%%,*}" "$metrics" "${results[@]}" | sed 's/^/  /'
  done
fi
