#!/usr/bin/env bash
# Every test: unit tests, the extension's container tests, the sample app's gated load tests and
# the invoker ITs (real consumer builds against the just-built plugin), and the HTML report in a
# headless Chromium (installed when missing). Extra arguments go to Maven.
set -euo pipefail
"$(dirname "$0")/browser-up.sh"
. "$(dirname "$0")/env.sh"
exec ./mvnw -B verify "$@"
