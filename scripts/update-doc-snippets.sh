#!/usr/bin/env bash
# Rewrites the Java blocks of README.md and docs/*.md from the source regions their markers name
# (DocSnippetsTest with -Dperfgate.docs.update=true): edit the source, run this, commit both.
# It compiles the snippet sources first, so a snippet that no longer compiles fails here; a marker
# whose source or region is missing fails too. Extra arguments go to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl perf-junit-extension -am test -Dinvoker.skip=true -Dtest=DocSnippetsTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dperfgate.docs.update=true "$@"
