#!/usr/bin/env bash
# Every test: unit tests, the extension's container tests (one beside a PostgreSQL container, one
# with its workers in a Docker swarm service), the sample app's gated load tests, the invoker ITs
# (real consumer builds against the just-built plugin) and the HTML report in a headless Chromium.
# Installs and starts what is missing. Extra arguments go to Maven.
set -euo pipefail
"$(dirname "$0")/browser-up.sh"
PERFGATE_OWN_TESTS=true
. "$(dirname "$0")/env.sh"
exec ./mvnw -B verify "$@"
