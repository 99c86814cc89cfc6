#!/usr/bin/env bash
# perfgate's event-loop driver (perfgate-cli.jar) against wrk, on the same nginx, by hand (not CI).
# nginx (one worker) serves a small static /hello on 127.0.0.1:18080 pinned to core 0; wrk and
# perfgate take turns on core 1, same connections and duration, ROUNDS alternating rounds. Prints per
# tool: requests/s per round and median; generator CPU seconds per 100k requests, in the steady state
# (from /proc/PID/stat and nginx's stub_status between 1 s after the warm-up and 1 s before the end)
# and over the whole run (user+sys from /usr/bin/time, JVM start and warm-up included, divided by
# the requests nginx counted for that run); peak RSS; nginx's own CPU per 100k requests in the same
# steady window (is the server working harder for one tool?); then perfgate's median over wrk's.
#   ./mvnw -B -q -pl perf-cli -am package -DskipTests && bench/vs-wrk.sh [ROUNDS] [SECONDS] [CONNECTIONS]
# Extra JVM options for perfgate: PERFGATE_JAVA_OPTS="-XX:+UseParallelGC" bench/vs-wrk.sh
# WITH_ENGINE=1 adds the thread-per-user engine every @LoadTest runs (bench/EngineRate.java), once with a
# connection per user (socket-engine, the default) and once with the JDK's shared client (jdk-engine,
# -Dperfgate.connections=jdk).
# On a shared machine each tool's run first waits (up to QUIET_WAIT seconds, default 120) until the CPUs are
# less than QUIET_BUSY percent busy (default 15) over 2 s; the busy share before each run is printed.
set -euo pipefail
rounds="${1:-3}"
seconds="${2:-10}"
connections="${3:-64}"
warm_up=2s
port=18080
url="http://127.0.0.1:${port}/hello"
cd "$(dirname "$0")/.."
jar="$PWD/perf-cli/target/perfgate-cli.jar"
[ -f "$jar" ] || { echo "vs-wrk: $jar is missing; build it: ./mvnw -B -q -pl perf-cli -am package -DskipTests" >&2; exit 1; }

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=bench/hello-nginx.sh
. bench/hello-nginx.sh
# shellcheck source=bench/quiet.sh
. bench/quiet.sh
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "vs-wrk: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
start_hello_nginx "$port" 0

served() { curl -sf "http://127.0.0.1:${port}/status" | awk 'NR == 3 { print $3 }'; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# run TOOL ROUND WARM_UP_SECONDS COMMAND...: runs the generator pinned to core 1 under /usr/bin/time
# (CPU and peak RSS of the whole run) and notes the requests nginx answered meanwhile (its /status
# requests included: a few in millions). Also samples the generator's CPU ticks and nginx's count
# from 1 s after its warm-up to 1 s before its end: the steady state, without JVM start or JIT.
run() {
  local tool="$1" round="$2" warm="$3"; shift 3
  local before after time_pid pid cpu0 cpu1 served0 served1 busy nginx0 nginx1
  busy="$(wait_for_quiet)"
  before="$(served)"
  /usr/bin/time -f '%U %S %M' -o "$work/$tool-$round.time" taskset -c 1 "$@" >"$work/$tool-$round.out" 2>&1 &
  time_pid=$!
  sleep "$((warm + 1))"
  pid="$(pgrep -P "$time_pid" | sed -n 1p)"
  cpu0="$(cpu_ticks "$pid")"; nginx0="$(cpu_ticks "$nginx_worker")"; served0="$(served)"
  sleep "$((seconds - 2))"
  cpu1="$(cpu_ticks "$pid")"; nginx1="$(cpu_ticks "$nginx_worker")"; served1="$(served)"
  wait "$time_pid"
  after="$(served)"
  echo "$((after - before)) $((cpu1 - cpu0)) $((served1 - served0)) $((nginx1 - nginx0))" >"$work/$tool-$round.served"
  echo "round $round $tool: $(grep -E '^Requests/sec' "$work/$tool-$round.out") (machine ${busy}% busy before)"
}

echo "vs-wrk: $rounds rounds of ${seconds}s, $connections connections, on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo "vs-wrk: load average before: $(cut -d' ' -f1-3 /proc/loadavg); files in $work"
if [ "${WITH_ENGINE:-0}" = 1 ]; then
  # Compiled once here: run as a source file, javac's own start would fall in the steady window.
  mkdir -p "$work/classes"
  javac -d "$work/classes" -cp "$jar" bench/EngineRate.java
fi
for round in $(seq 1 "$rounds"); do
  run wrk "$round" 0 wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url"
  # shellcheck disable=SC2086
  run perfgate "$round" "${warm_up%s}" java ${PERFGATE_JAVA_OPTS:-} -jar "$jar" --url "$url" --connections "$connections" \
    --duration "${seconds}s" --warm-up "$warm_up" --threads 1
  if [ "${WITH_ENGINE:-0}" = 1 ]; then
    run jdk-engine "$round" "${warm_up%s}" java -Dperfgate.connections=jdk -cp "$jar:$work/classes" EngineRate "$url" \
      "$connections" "$seconds" "${warm_up%s}"
    run socket-engine "$round" "${warm_up%s}" java -Dperfgate.connections=socket -cp "$jar:$work/classes" EngineRate "$url" \
      "$connections" "$seconds" "${warm_up%s}"
  fi
done
echo "vs-wrk: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$rounds" "${WITH_ENGINE:-0}" "$(getconf CLK_TCK)" <<'PY'
import re, statistics, sys
work, rounds, with_engine, ticks = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
medians = {}
print()
print(f"{'tool':<14}{'req/s per round':<30}{'median':>9}{'CPU s/100k steady':>19}{'CPU s/100k all':>16}{'peak RSS MiB':>14}"
      f"{'nginx CPU s/100k':>18}")
for tool in ("wrk", "perfgate") + (("jdk-engine", "socket-engine") if with_engine else ()):
    rates, cpu, steady, rss, server = [], [], [], [], []
    for r in range(1, rounds + 1):
        out = open(f"{work}/{tool}-{r}.out").read()
        rates.append(float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1)))
        user, system, max_rss_kib = open(f"{work}/{tool}-{r}.time").read().split()[-3:]
        served, steady_ticks, steady_served, nginx_ticks = map(int, open(f"{work}/{tool}-{r}.served").read().split())
        server.append(nginx_ticks / ticks / steady_served * 100_000)
        cpu.append((float(user) + float(system)) / served * 100_000)
        steady.append(steady_ticks / ticks / steady_served * 100_000)
        rss.append(int(max_rss_kib) / 1024)
    medians[tool] = statistics.median(rates)
    print(f"{tool:<14}{' '.join(f'{x:,.0f}' for x in rates):<30}{medians[tool]:>9,.0f}"
          f"{statistics.median(steady):>19.3f}{statistics.median(cpu):>16.3f}{max(rss):>14.1f}"
          f"{statistics.median(server):>18.3f}")
print(f"\nperfgate / wrk (median requests/s): {medians['perfgate'] / medians['wrk']:.2f}")
if with_engine:
    print(f"jdk-engine / wrk (median requests/s): {medians['jdk-engine'] / medians['wrk']:.2f}")
    print(f"socket-engine / wrk (median requests/s): {medians['socket-engine'] / medians['wrk']:.2f}")
PY
