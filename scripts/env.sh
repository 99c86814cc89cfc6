# Sourced by the scripts that run Maven: brings up Docker (scripts/docker-up.sh) and exports the
# settings it found this machine needs (empty on a machine with a normal Docker and registry).
# PERFGATE_OWN_TESTS=true also provides what perfgate's own tests use: the PostgreSQL image and
# swarm mode.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${PERFGATE_OWN_TESTS:-false}" = true ]; then
  "$root/scripts/docker-up.sh" --with-postgres --with-swarm
else
  "$root/scripts/docker-up.sh"
fi
set -a
# shellcheck disable=SC1091
. "$root/.perfgate/docker.env"
set +a
cd "$root"
