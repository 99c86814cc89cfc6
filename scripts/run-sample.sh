#!/usr/bin/env bash
# The main job: builds perfgate, runs the sample app's load tests in containers and gates their
# results against the committed baselines/ (mvn verify). Extra arguments go to Maven, e.g.
#   scripts/run-sample.sh -Dperf.tolerance=20
set -euo pipefail
. "$(dirname "$0")/env.sh"
exec ./mvnw -B -pl sample-app -am -Dinvoker.skip=true verify "$@"
