#!/usr/bin/env bash
# The open model at fixed arrival rates, by hand (not CI): the engine every @LoadTest runs
# (bench/EngineRate.java, a connection per worker, the default) against perfgate's event-loop CLI
# paced with --rate (the wrk2-like reference), on the same nginx. nginx (one worker) serves /hello
# on 127.0.0.1:18080 pinned to core 0; the two generators take turns on core 1, ROUNDS alternating
# rounds per rate, each SECONDS long after a 2 s warm-up, at most 64 requests in flight. Prints per
# rate and tool: the rate achieved, arrivals dropped (the engine) or not sent (the CLI), p50 and p99
# from each request's due time, and the generator's CPU per request as each reports it (process CPU
# over the measured phase); then the medians and the engine's CPU per request over the CLI's.
#   ./mvnw -B -q -pl perf-cli -am package -DskipTests && bench/open-rate.sh [ROUNDS] [SECONDS] [RATE...]
#   bench/open-rate.sh 5 10 5000 10000 20000
# Each run first waits for a quiet machine (bench/quiet.sh: QUIET_BUSY, QUIET_WAIT).
set -euo pipefail
rounds="${1:-3}"
seconds="${2:-10}"
shift 2 || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(5000)
port=18080
url="http://127.0.0.1:${port}/hello"
cd "$(dirname "$0")/.."
jar="$PWD/perf-cli/target/perfgate-cli.jar"
[ -f "$jar" ] || { echo "open-rate: $jar is missing; build it: ./mvnw -B -q -pl perf-cli -am package -DskipTests" >&2; exit 1; }

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=bench/hello-nginx.sh
. bench/hello-nginx.sh
# shellcheck source=bench/quiet.sh
. bench/quiet.sh
start_hello_nginx "$port" 0
# Compiled once: run as a source file, javac's start would share the core with the run.
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/EngineRate.java

echo "open-rate: $rounds rounds of ${seconds}s at ${rates[*]}/s, on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
for rate in "${rates[@]}"; do
  for round in $(seq 1 "$rounds"); do
    busy="$(wait_for_quiet)"
    taskset -c 1 java -jar "$jar" --url "$url" --connections 64 --duration "${seconds}s" --warm-up 2s --rate "$rate" \
      --threads 1 >"$work/cli-$rate-$round.out" 2>&1
    echo "rate $rate round $round cli: $(grep -E '^Requests/sec' "$work/cli-$rate-$round.out") (machine ${busy}% busy before)"
    busy="$(wait_for_quiet)"
    taskset -c 1 java -cp "$jar:$work/classes" EngineRate "$url" 64 "$seconds" 2 "$rate" >"$work/engine-$rate-$round.out" 2>&1
    echo "rate $rate round $round engine: $(grep -E '^Requests/sec' "$work/engine-$rate-$round.out") (machine ${busy}% busy before)"
  done
done

python3 - "$work" "$rounds" "${rates[@]}" <<'PY'
import re, statistics, sys
work, rounds, rates = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def read(tool, rate, r):
    out = open(f"{work}/{tool}-{rate}-{r}.out").read()
    achieved = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))
    cpu = float(re.search(r"Generator CPU: .*?([\d.]+) us per request", out).group(1))
    if tool == "cli":
        lost = int(re.search(r"(\d+) not sent", out).group(1))
        unit = {"us": 1e-3, "ms": 1.0, "s": 1e3}
        p = {k: float(v) * unit[u] for k, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", out, re.M)}
        p50, p99 = p["50"], p["99"]
    else:
        m = re.search(r"Dropped arrivals: (\d+) of \d+; latency p50 ([\d.]+) ms, p99 ([\d.]+) ms", out)
        lost, p50, p99 = int(m.group(1)), float(m.group(2)), float(m.group(3))
    return achieved, lost, p50, p99, cpu

print()
print(f"{'rate/s':>8} {'tool':<7}{'achieved/s (median)':>21}{'dropped':>9}{'p50 ms':>8}{'p99 ms':>8}"
      f"{'CPU us/request per round':>34}{'median':>8}")
for rate in rates:
    medians = {}
    for tool in ("cli", "engine"):
        rows = [read(tool, rate, r) for r in range(1, rounds + 1)]
        med = lambda i: statistics.median(row[i] for row in rows)
        medians[tool] = med(4)
        print(f"{rate:>8} {tool:<7}{med(0):>21,.0f}{med(1):>9,.0f}{med(2):>8.3f}{med(3):>8.3f}"
              f"{' '.join(f'{row[4]:.1f}' for row in rows):>34}{med(4):>8.1f}")
    print(f"{rate:>8} engine / cli (median CPU per request): {medians['engine'] / medians['cli']:.2f}")
PY
