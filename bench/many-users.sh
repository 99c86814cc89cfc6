#!/usr/bin/env bash
# What many closed-model virtual users with think time (5 to 15 s) cost the test JVM, by hand (not CI):
# bench/ManyUsers.java ramps USERS users up over 20 s against a loopback nginx, holds them for 40 s,
# and prints the live heap idle and with all users active, the heap per user, platform threads and peak RSS.
# Each count runs on platform threads with the default java, then, when a Java 21+ home is given, on
# platform and on virtual threads there.
#   ./mvnw -B -q -pl perf-cli -am package -DskipTests && bench/many-users.sh [USERS...]
#   JAVA21_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/many-users.sh 1000 10000
# The generator runs with -Xmx2g (MANY_USERS_JAVA_OPTS to change).
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${PERFGATE_CLI_JAR:-$PWD/perf-cli/target/perfgate-cli.jar}"
[ -f "$jar" ] || { echo "many-users: $jar is missing; build it: ./mvnw -B -q -pl perf-cli -am package -DskipTests" >&2; exit 1; }
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
port=18082
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=bench/hello-nginx.sh
. bench/hello-nginx.sh
start_hello_nginx "$port" 0-1
url="http://127.0.0.1:${port}/hello"
echo "many-users: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # $1 = java binary, $2 = true for virtual threads, $3 = users
  # shellcheck disable=SC2086
  "$1" ${MANY_USERS_JAVA_OPTS:--Xmx2g} -Dperfgate.virtualThreads="$2" -cp "$jar" bench/ManyUsers.java "$url" "$3" 2>&1 \
    | grep -v '^WARNING' || echo "many-users: the run of $3 users failed (above)"
}
for users in "${counts[@]}"; do
  run java false "$users"
  if [ -n "${JAVA21_HOME:-}" ]; then
    run "$JAVA21_HOME/bin/java" false "$users"
    run "$JAVA21_HOME/bin/java" true "$users"
  fi
done
echo "many-users: nginx answered $(curl -sf "http://127.0.0.1:${port}/status" | awk 'NR == 3 { print $3 }') requests; load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
