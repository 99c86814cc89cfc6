#!/usr/bin/env bash
# Runs the sample app's load tests and promotes their results to baselines/ in one go, even when
# the gate would fail (that is the point: the change is intended). Review `git diff baselines/`,
# then commit. Extra arguments go to Maven.
set -euo pipefail
. "$(dirname "$0")/env.sh"
# The plugin must be in the local repository before Maven can resolve the `perf:` prefix.
./mvnw -B -q install -DskipTests -Dinvoker.skip=true -pl perf-maven-plugin -am
exec ./mvnw -B -pl sample-app -Dperf.failOnRegression=false verify perf:baseline "$@"
