#!/usr/bin/env bash
# How much of a side-by-side A/A run's noise request-level interleaving removes: two fresh
# containers of the sample app's image (the same build: A/A) on a network this script creates, each warmed up
# for 20 s in alternating 5 s slices by wrk, then, from one Python client with a keep-alive connection to each:
#   interleave: 30 windows of 1 s, requests alternating A and B (random order in each pair of requests);
#   blocks:     15 pairs of 1 s trials, A then B or B then A (what @SideBySide does today, shorter).
# Each window's ln(median B / median A); prints their mean, sd and standard error per mode. REPS fresh pairs.
# Needs the sample app's image (run the sample suite once) and wrk. Load goes only to these two containers.
#   bench/interleave-aa.sh [REPS=6]
set -uo pipefail
reps="${1:-6}"
here="$(cd "$(dirname "$0")" && pwd)"
img=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^perfgate-under-test/sample-app' | head -1)
[ -n "$img" ] || { echo "no sample-app image: run the sample suite once (./mvnw -pl sample-app -am verify)" >&2; exit 1; }
network=perfgate-interleave-aa
ip() { docker inspect -f "{{(index .NetworkSettings.Networks \"$network\").IPAddress}}" "$1"; }
cleanup() { docker rm -f il-a il-b >/dev/null 2>&1; docker network rm "$network" >/dev/null 2>&1; }
trap cleanup EXIT
cleanup
docker network create "$network" >/dev/null
for rep in $(seq 1 "$reps"); do
  docker rm -f il-a il-b >/dev/null 2>&1
  for c in il-a il-b; do docker run -d --name $c --network "$network" -e LLM_URL=http://127.0.0.1:9 "$img" >/dev/null; done
  for c in il-a il-b; do for _ in $(seq 1 90); do curl -sf "http://$(ip $c):8080/health" >/dev/null && break; sleep 1; done; done
  for _ in 1 2 3 4; do for c in il-a il-b; do wrk -t1 -c1 -d5s "http://$(ip $c):8080/api/v1/reminders?user_id=7" >/dev/null; done; done
  echo "rep $rep $(python3 "$here/interleave-aa.py" "$(ip il-a)" "$(ip il-b)" 30 interleave) | $(python3 "$here/interleave-aa.py" "$(ip il-a)" "$(ip il-b)" 30 blocks)"
done
