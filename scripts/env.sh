# Sourced by the scripts that run Maven: brings up Docker (scripts/docker-up.sh) and exports the
# settings it found this machine needs (empty on a machine with a normal Docker and registry).
# PERFGATE_WITH_POSTGRES=true also provides the PostgreSQL image that perfgate's own tests use.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${PERFGATE_WITH_POSTGRES:-false}" = true ]; then
  "$root/scripts/docker-up.sh" --with-postgres
else
  "$root/scripts/docker-up.sh"
fi
set -a
# shellcheck disable=SC1091
. "$root/.perfgate/docker.env"
set +a
cd "$root"
