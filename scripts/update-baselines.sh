#!/usr/bin/env bash
# Runs the sample app's load tests and JMH benchmarks and promotes their results to baselines/ in one
# go, even when the gate would fail (that is the point: the change is intended). Review
# `git diff baselines/`, then commit. Extra arguments go to Maven.
set -euo pipefail
. "$(dirname "$0")/env.sh"
# The `baselines` profile binds perf:baseline after the gate, with the plugin built in this reactor.
exec ./mvnw -B -pl sample-app -am -Dinvoker.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dperf.failOnRegression=false -Pbaselines verify "$@"
