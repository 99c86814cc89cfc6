#!/usr/bin/env bash
# Closed-model users on platform threads vs virtual threads (Java 21+), by hand (not CI): the
# thread-per-user engine (bench/EngineRate.java) against nginx serving a static /hello on loopback,
# the same JVM for both, rounds alternating. Prints requests/s and peak RSS of each run.
#
#   bench/virtual-threads.sh [java-21+-home] [users] [seconds] [rounds]
#   bench/virtual-threads.sh /usr/lib/jvm/temurin-25-jdk-amd64 64 5 3
#
# Needs perf-cli/target/perfgate-cli.jar (./mvnw -o -pl perf-cli -am package -DskipTests); installs nginx if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${1:-/usr/lib/jvm/temurin-25-jdk-amd64}"
users="${2:-64}"
seconds="${3:-5}"
rounds="${4:-3}"
# A free port: another nginx (another bench) may hold a fixed one.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
jar=perf-cli/target/perfgate-cli.jar
[ -f "$jar" ] || { echo "virtual-threads: build $jar first: ./mvnw -o -pl perf-cli -am package -DskipTests" >&2; exit 1; }
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=bench/hello-nginx.sh
. bench/hello-nginx.sh
start_hello_nginx "$port" 0-1
# curl may have been answered by another nginx on the port: make sure ours runs.
kill -0 "$nginx_pid" 2>/dev/null || { echo "virtual-threads: nginx did not start; see $work/nginx-error.log" >&2; exit 1; }

run() { # $1 = platform|virtual
  local flag=false
  [ "$1" = virtual ] && flag=true
  /usr/bin/time -f "peakRssKiB %M" "$java_home/bin/java" -Dperfgate.virtualThreads=$flag -cp "$jar" bench/EngineRate.java \
    "http://127.0.0.1:${port}/hello" "$users" "$seconds" 1 2>&1 | awk -v kind="$1" '/Requests\/sec/ { rate = $2 } /peakRssKiB/ { rss = $2 }
      END { printf "%-8s requests/s %10.0f  peak RSS %6.0f MiB\n", kind, rate, rss / 1024 }'
}
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  run platform
  run virtual
done
