#!/usr/bin/env bash
# Closed-model users on platform threads vs virtual threads (Java 21+), by hand (not CI): the
# thread-per-user engine (bench/EngineRate.java) against nginx serving a static /hello on loopback,
# the same JVM for both, rounds alternating. Prints requests/s and peak RSS of each run.
#
#   bench/virtual-threads.sh [java-21+-home] [users] [seconds] [rounds]
#   bench/virtual-threads.sh /usr/lib/jvm/temurin-25-jdk-amd64 64 5 3
#
# Needs perf-core/target/perfgate-cli.jar (./mvnw -o -pl perf-core package -DskipTests) and nginx.
set -euo pipefail
java_home="${1:-/usr/lib/jvm/temurin-25-jdk-amd64}"
users="${2:-64}"
seconds="${3:-5}"
rounds="${4:-3}"
# A free port: another nginx (another bench) may hold a fixed one.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
jar=perf-core/target/perfgate-cli.jar
[ -f "$jar" ] || { echo "virtual-threads: build $jar first: ./mvnw -o -pl perf-core package -DskipTests" >&2; exit 1; }
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
work="$(mktemp -d /tmp/perfgate-vthreads.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/html"
printf 'hello' >"$work/html/hello"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  server {
    listen 127.0.0.1:${port};
    location = /hello { root $work/html; }
  }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:${port}/hello" >/dev/null 2>&1 && break; sleep 0.1; done
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
