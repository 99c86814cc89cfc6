#!/usr/bin/env bash
# The engine held at a steady rate for a long time (default 30 minutes at 500 requests/s) against a
# loopback nginx, by hand (not CI): prints latency, live heap and threads per minute and their trends
# (bench/Endurance.java). Heap flat and no latency drift means the tool does not leak or slow down.
#   ./mvnw -B -q -pl perf-cli -am package -DskipTests && bench/endurance.sh [MINUTES] [RATE] [MAX_IN_FLIGHT]
# The generator runs with -Xmx256m (ENDURANCE_JAVA_OPTS to change), nginx on core 0, the generator on core 1;
# PERFGATE_CLI_JAR runs a copy of the jar (so that rebuilding perfgate meanwhile does not disturb a long run).
set -euo pipefail
minutes="${1:-30}"
rate="${2:-500}"
in_flight="${3:-64}"
port=18081
cd "$(dirname "$0")/.."
jar="${PERFGATE_CLI_JAR:-$PWD/perf-cli/target/perfgate-cli.jar}"
[ -f "$jar" ] || { echo "endurance: $jar is missing; build it: ./mvnw -B -q -pl perf-cli -am package -DskipTests" >&2; exit 1; }
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=bench/hello-nginx.sh
. bench/hello-nginx.sh
start_hello_nginx "$port" 0
echo "endurance: ${minutes} min at ${rate}/s, at most ${in_flight} in flight, against http://127.0.0.1:${port}/hello ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# shellcheck disable=SC2086
taskset -c 1 java ${ENDURANCE_JAVA_OPTS:--Xmx256m} -cp "$jar" bench/Endurance.java "http://127.0.0.1:${port}/hello" "$rate" "$minutes" "$in_flight"
echo "endurance: nginx answered $(curl -sf "http://127.0.0.1:${port}/status" | awk 'NR == 3 { print $3 }') requests; load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
