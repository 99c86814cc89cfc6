#!/usr/bin/env bash
# What a regression switch costs one operation under its OperationsLoadIT test, measured the way the
# switch IT gates it: N rounds, each the untouched app then the switched one (a fresh container each),
# printing the p50 and p95 of every run. Extra arguments go to Maven, e.g. a warm-up to compare:
#   bench/switch-effect.sh 3 xp REGRESSION_SLOW_SERIALIZATION '-Dperfgate.warmUp=10s'
#   bench/switch-effect.sh 3 xp REGRESSION_SLOW_SERIALIZATION '-Dperfgate.warmUp=10s at 500/s'
# About 55 s a run (the reactor is rebuilt, tests skipped). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
rounds=${1:?rounds}; operation=${2:?operation, e.g. xp}; switch=${3:?switch, e.g. REGRESSION_SLOW_SERIALIZATION}
shift 3
log=$(mktemp /tmp/perfgate-switch-effect.XXXXXX)
echo "round version p50 p95 (OperationsLoadIT#$operation, $*)"
for round in $(seq 1 "$rounds"); do
    for version in untouched "$switch"; do
        regressions=()
        [ "$version" != untouched ] && regressions=("-Dsample.regressions=$version")
        ./mvnw -B -pl sample-app -am -Dinvoker.skip=true verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
            "-Dit.test=OperationsLoadIT#$operation" -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
            -Dperf.skip=true "${regressions[@]}" "$@" > "$log" 2>&1 || { echo "round $round $version: build failed, see $log"; exit 1; }
        figures=$(grep -oE 'latency p50 [0-9.]+ ms, p95 [0-9.]+ ms' "$log" | tail -1)
        echo "$round $version ${figures:-no result, see $log} (load average $(cut -d' ' -f1 /proc/loadavg))"
    done
done
rm -f "$log"
