#!/usr/bin/env bash
# Brings up what perfgate's container tests need, idempotently:
#   1. a Docker engine that answers `docker info` (installed from the OS packages and started
#      when none runs: CI machines and fresh hosts have none, and no systemd to start one);
#   2. a JRE base image for application Dockerfiles (`ARG BASE_IMAGE`): the online default when
#      it is present or can be pulled, otherwise a Debian JRE image built locally with debootstrap
#      and tagged under perfgate's own name (never another vendor's);
#   3. with --with-postgres and without a registry, a PostgreSQL image for perfgate's own tests that
#      put a database beside the application (Testcontainers' PostgreSQLContainer): Debian's
#      PostgreSQL on the local base image, built from scripts/postgres-image/ and tagged under
#      perfgate's own name too (the sample app needs none);
#   4. with --with-swarm, swarm mode on the engine (a one-node swarm advertised on 127.0.0.1), where
#      perfgate's own tests run the workers of a distributed load test as a swarm service;
#   5. the file .perfgate/docker.env with the settings a machine without a registry needs
#      (Ryuk off, host override, the local images). It is written into this checkout only:
#      nothing global changes, and on a machine with a normal Docker it stays empty.
# Prints what it did. Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

ONLINE_BASE_IMAGE="${PERFGATE_ONLINE_BASE_IMAGE:-eclipse-temurin:17-jre}"
LOCAL_BASE_IMAGE="${PERFGATE_LOCAL_BASE_IMAGE:-perfgate/jre:17}"
# What the tests' PostgreSQLContainer runs when PERFGATE_POSTGRES_IMAGE is not set.
ONLINE_POSTGRES_IMAGE="${PERFGATE_ONLINE_POSTGRES_IMAGE:-postgres:16-alpine}"
LOCAL_POSTGRES_IMAGE="${PERFGATE_LOCAL_POSTGRES_IMAGE:-perfgate/postgres:15}"
RYUK_IMAGE="testcontainers/ryuk:0.13.0"
PULL_TIMEOUT="${PERFGATE_PULL_TIMEOUT:-25}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="$root/.perfgate/docker.env"

say() { printf '[docker-up] %s\n' "$*"; }
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
print_failures_as docker-up

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

install_engine() {
  if command -v dockerd >/dev/null 2>&1; then
    return
  fi
  say "no Docker engine installed: installing Debian's docker.io"
  apt_install docker.io
}

start_engine() {
  if pgrep -x dockerd >/dev/null 2>&1; then
    say "dockerd is running but not answering yet: waiting"
  else
    # A daemon killed with its machine leaves its pid file and socket behind; they stop a new
    # daemon from starting, so remove them when no daemon process is alive.
    sudo_if_needed rm -f /var/run/docker.pid /var/run/docker.sock
    pgrep -x containerd >/dev/null 2>&1 || sudo_if_needed rm -f /run/containerd/containerd.pid
    say "starting dockerd (log: /tmp/dockerd.log)"
    # Its own session: the daemon must outlive the shell (and process group) that started it.
    sudo_if_needed bash -c 'setsid nohup dockerd >>/tmp/dockerd.log 2>&1 </dev/null &'
  fi
  for _ in $(seq 1 60); do
    engine_answers && return
    sleep 1
  done
  say "dockerd did not answer within 60 s; last lines of /tmp/dockerd.log:"
  tail -n 20 /tmp/dockerd.log >&2 || true
  exit 1
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

try_pull() {
  timeout "$PULL_TIMEOUT" docker pull -q "$1" >/dev/null 2>&1
}

apt_mirror() {
  local mirror
  mirror="$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | head -n 1 || true)"
  echo "${mirror:-http://deb.debian.org/debian}"
}

build_local_base_image() {
  local mirror dir
  mirror="$(apt_mirror)"
  command -v debootstrap >/dev/null 2>&1 || {
    say "installing debootstrap"
    apt_install debootstrap
  }
  dir="$(mktemp -d /tmp/perfgate-jre.XXXXXX)"
  say "building $LOCAL_BASE_IMAGE from Debian bookworm + openjdk-17-jre-headless ($mirror)"
  sudo_if_needed debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl \
    bookworm "$dir" "$mirror" >/tmp/perfgate-debootstrap.log 2>&1 || {
      say "debootstrap failed; last lines of /tmp/perfgate-debootstrap.log:"; tail -n 20 /tmp/perfgate-debootstrap.log >&2; exit 1; }
  sudo_if_needed tar -C "$dir" -c . | docker import \
    -c 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' -c 'CMD ["java","-version"]' \
    - "$LOCAL_BASE_IMAGE" >/dev/null
  sudo_if_needed rm -rf "$dir"
  say "built image runs: $(first_line docker run --rm "$LOCAL_BASE_IMAGE" java -version)"
}

postgres_context="$root/scripts/postgres-image"
POSTGRES_CONTEXT_LABEL="dev.perfgate.context-sha256"

# The hash of the build context, kept as a label of the image: one built from an older entrypoint is
# built again rather than kept because its name is there.
postgres_context_hash() {
  (cd "$postgres_context" && sha256sum Dockerfile docker-entrypoint.sh | sha256sum | cut -c 1-16)
}

local_postgres_image_current() {
  [ "$(docker image inspect -f "{{index .Config.Labels \"$POSTGRES_CONTEXT_LABEL\"}}" "$LOCAL_POSTGRES_IMAGE" 2>/dev/null)" \
    = "$(postgres_context_hash)" ]
}

build_local_postgres_image() {
  local base_image="$1"
  say "building $LOCAL_POSTGRES_IMAGE from $base_image + Debian's postgresql-15 (log: /tmp/perfgate-postgres-build.log)"
  # On the host's network, the build's apt-get reaches the Debian mirror exactly as the host's does.
  docker build --network host --build-arg BASE_IMAGE="$base_image" \
    --label "$POSTGRES_CONTEXT_LABEL=$(postgres_context_hash)" -t "$LOCAL_POSTGRES_IMAGE" "$postgres_context" \
    >/tmp/perfgate-postgres-build.log 2>&1 || {
      say "building $LOCAL_POSTGRES_IMAGE failed; last lines of /tmp/perfgate-postgres-build.log:"
      tail -n 20 /tmp/perfgate-postgres-build.log >&2; exit 1; }
}

# Sets postgres_image to the PostgreSQL image the tests use on this machine without a registry.
choose_offline_postgres_image() {
  local base_image="$1"
  if image_present "$ONLINE_POSTGRES_IMAGE"; then
    say "PostgreSQL image $ONLINE_POSTGRES_IMAGE present"
    postgres_image="$ONLINE_POSTGRES_IMAGE"
    return
  fi
  if local_postgres_image_current; then
    say "local PostgreSQL image $LOCAL_POSTGRES_IMAGE present"
  else
    build_local_postgres_image "$base_image"
  fi
  postgres_image="$LOCAL_POSTGRES_IMAGE"
}

start_swarm() {
  local state
  state="$(docker info --format '{{.Swarm.LocalNodeState}}')"
  if [ "$state" = active ]; then
    say "swarm mode active"
    return
  fi
  say "starting swarm mode: a one-node swarm on 127.0.0.1 (was: $state)"
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
}

main() {
  local with_postgres=false with_swarm=false option
  for option in "$@"; do
    case "$option" in
      --with-postgres) with_postgres=true ;;
      --with-swarm) with_swarm=true ;;
      *) say "unknown option: $option (the options are --with-postgres and --with-swarm)"; exit 2 ;;
    esac
  done
  mkdir -p "$(dirname "$env_file")"
  : >"$env_file.tmp"

  if engine_answers; then
    say "Docker engine answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  else
    install_engine
    start_engine
    say "Docker engine started: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  fi

  if [ "$with_swarm" = true ]; then
    start_swarm
  fi

  local base_image="$ONLINE_BASE_IMAGE" offline=false
  if image_present "$ONLINE_BASE_IMAGE"; then
    say "base image $ONLINE_BASE_IMAGE present"
  elif try_pull "$ONLINE_BASE_IMAGE"; then
    say "pulled base image $ONLINE_BASE_IMAGE"
  else
    offline=true
    base_image="$LOCAL_BASE_IMAGE"
    if image_present "$LOCAL_BASE_IMAGE"; then
      say "no registry reachable; local base image $LOCAL_BASE_IMAGE present"
    else
      say "no registry reachable ($ONLINE_BASE_IMAGE cannot be pulled)"
      build_local_base_image
    fi
  fi

  if [ "$offline" = true ]; then
    local postgres_image=""
    if [ "$with_postgres" = true ]; then
      choose_offline_postgres_image "$base_image"
    fi
    {
      echo "# Written by scripts/docker-up.sh: this machine reaches no image registry."
      echo "export PERFGATE_BASE_IMAGE=$base_image"
      if [ -n "$postgres_image" ]; then
        echo "export PERFGATE_POSTGRES_IMAGE=$postgres_image"
      fi
      if ! image_present "$RYUK_IMAGE"; then
        # Ryuk's image cannot be pulled; perfgate stops its own containers (close + shutdown hook).
        echo "export TESTCONTAINERS_RYUK_DISABLED=true"
      fi
      if [ -z "${DOCKER_HOST:-}" ]; then
        # With /.dockerenv present Testcontainers would start an alpine container to find the
        # gateway; that pull hangs. The engine is local, so its ports are on localhost.
        echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
      fi
    } >"$env_file.tmp"
  fi
  mv "$env_file.tmp" "$env_file"
  if [ -s "$env_file" ]; then
    say "offline settings written to ${env_file#$root/}:"
    grep '^export' "$env_file" | sed 's/^/[docker-up]   /'
  else
    say "no offline settings needed (${env_file#$root/} is empty)"
  fi
}

main "$@"
