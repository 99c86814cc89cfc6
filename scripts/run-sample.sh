#!/usr/bin/env bash
# The main job: builds perfgate without its own test suites, runs the sample app's load tests and JMH
# benchmarks in containers and gates their results against the committed baselines/ (mvn verify).
# Needs Java 17+ only: Docker is installed and started when missing. Extra arguments go to Maven, e.g.
#   scripts/run-sample.sh -Dperf.tolerance=20
set -euo pipefail
. "$(dirname "$0")/env.sh"
exec ./mvnw -B -pl sample-app -am -Dperfgate.skipOwnTests=true verify "$@"
