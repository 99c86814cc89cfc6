#!/usr/bin/env bash
# Whether two JVMs of the sample app differ once steady, and how long they take to get there:
# REPS fresh pairs of containers of the sample app's image, B with REGRESSION_EXTRA_WORK_MICROS set to each of
# EXTRA_MICROS in turn (0: A/A), warmed up together for WARM seconds by WARM_USERS users interleaved, then TRIALS
# interleaved 1 s trials of one user (bench/SteadyPairs.java, perfgate's own engine, no JUnit). Prints one line per
# pair: the reference's p50 over the first and last five trials, the mean and sd of ln(B/A). CURVE=1: no warm-up,
# every trial's p50s from the first request on (how many requests the JIT needs).
# Needs the sample's image (run the sample suite once) and perf-cli/target/perfgate-cli.jar
# (./mvnw -pl perf-cli -am package -DskipTests). Load goes only to these two containers, on their ports published on
# 127.0.0.1 (through docker-proxy, as the load tests' is); both are removed after each pair.
#   [CURVE=1] bench/steady-pairs.sh [REPS=3] [WARM=40] [WARM_USERS=4] [TRIALS=20] [EXTRA_MICROS...=0 29]
set -euo pipefail
reps="${1:-3}"; warm="${2:-40}"; warm_users="${3:-4}"; trials="${4:-20}"; shift $(( $# < 4 ? $# : 4 ))
if [ $# -gt 0 ]; then extras=("$@"); else extras=(0 29); fi
cd "$(dirname "$0")/.."
jar=perf-cli/target/perfgate-cli.jar
[ -f "$jar" ] || { echo "no $jar: ./mvnw -pl perf-cli -am package -DskipTests" >&2; exit 1; }
img=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^perfgate-under-test/sample-app' | head -1)
[ -n "$img" ] || { echo "no sample-app image: run the sample suite once (./mvnw -pl sample-app -am verify)" >&2; exit 1; }
containers=()
cleanup() { [ ${#containers[@]} -eq 0 ] || docker rm -f "${containers[@]}" >/dev/null 2>&1 || true; containers=(); }
trap cleanup EXIT
port() { docker port "$1" 8080 | head -1 | sed 's/.*://'; }
for rep in $(seq 1 "$reps"); do
  for extra in "${extras[@]}"; do
    a=$(docker run -d -p 127.0.0.1::8080 -e LLM_URL=http://127.0.0.1:9/v1 "$img")
    b=$(docker run -d -p 127.0.0.1::8080 -e LLM_URL=http://127.0.0.1:9/v1 -e REGRESSION_EXTRA_WORK_MICROS="$extra" "$img")
    containers=("$a" "$b")
    for c in "$a" "$b"; do for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$(port "$c")/health" >/dev/null && break; sleep 1; done; done
    if [ "${CURVE:-0}" = 1 ]; then
      echo "rep $rep extra ${extra} us, from the first request:"
      java -cp "$jar" bench/SteadyPairs.java 0 1 "$trials" "http://127.0.0.1:$(port "$a")" "http://127.0.0.1:$(port "$b")" each
    else
      echo "$(date +%T) rep $rep extra ${extra} us: $(java -cp "$jar" bench/SteadyPairs.java "$warm" "$warm_users" "$trials" \
        "http://127.0.0.1:$(port "$a")" "http://127.0.0.1:$(port "$b")" | tail -1)"
    fi
    cleanup
  done
done
