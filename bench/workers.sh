#!/usr/bin/env bash
# The same saturating closed-model load on the sample app from 1, 2 and 4 load generators: the test's
# own JVM (workers=1), then local worker processes (docs/distributed.md), then, with WITH_SWARM=1, 2
# and 4 tasks of a swarm service on this machine's one-node swarm (reaching the app through the Docker
# bridge's gateway). Each round runs them in turn, so a slower machine falls on all of them. Prints, per
# run, the merged requests/s, the generators' CPU per request and cores used (all workers together),
# and the app container's CPU.
#   bench/workers.sh 3                       # 3 rounds of 1, 2 and 4 workers
#   WITH_SWARM=1 bench/workers.sh 3          # and of 2 and 4 swarm tasks
#   bench/workers.sh 3 -Dperfgate.users=32   # further arguments go to Maven
# About 45 s a run (the reactor is rebuilt, unit tests skipped). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
rounds=${1:?rounds}
shift
log=$(mktemp /tmp/perfgate-workers.XXXXXX)
result=sample-app/target/perf-results/SmokeLoadIT.smoke.json
echo "load before: $(uptime)"
configs="1 2 4"
if [ "${WITH_SWARM:-0}" = 1 ]; then
    docker info --format '{{.Swarm.LocalNodeState}}' | grep -qx active || docker swarm init --advertise-addr 127.0.0.1 >/dev/null
    gateway=$(docker network inspect bridge --format '{{(index .IPAM.Config 0).Gateway}}')
    configs="$configs 2-swarm 4-swarm"
fi
echo "round workers requests/s generator_us/request generator_cores app_cpu_% p50_ms p95_ms"
for round in $(seq 1 "$rounds"); do
    for config in $configs; do
        workers=${config%-swarm}
        orchestrator=()
        if [ "$config" != "$workers" ]; then
            orchestrator=(-Dperfgate.orchestrator=swarm "-Dperfgate.workers.targetHost=$gateway" "-Dperfgate.allowHosts=$gateway"
                -Dperfgate.workers.startLead=20)
        fi
        rm -f "$result"
        ./mvnw -B -o -pl sample-app -am -Dinvoker.skip=true verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
            '-Dit.test=SmokeLoadIT#smoke' -Dfailsafe.failIfNoSpecifiedTests=false -Dperf.skip=true -Dexec.skip=true \
            -Dperfgate.users=16 -Dperfgate.thinkTime=0s -Dperfgate.warmUp=5s -Dperfgate.duration=15s \
            "-Dperfgate.workers=$workers" "${orchestrator[@]}" "$@" > "$log" 2>&1 \
            || { echo "round $round, $config workers: build failed, see $log"; exit 1; }
        python3 - "$result" "$round" "$config" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
g = r.get("generator") or {}
cpu = (r.get("resources") or {}).get("cpuPercent") or {}
t = r["total"]
print(sys.argv[2], sys.argv[3], t["throughputPerSecond"], g.get("cpuMicrosPerRequest"), g.get("coresUsed"),
      cpu.get("mean"), t["latencyMs"]["p50"], t["latencyMs"]["p95"])
PY
    done
done
echo "load after: $(uptime)"
rm -f "$log"
