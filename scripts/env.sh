# Sourced by the scripts that run Maven: brings up Docker (scripts/docker-up.sh) and exports the
# settings it found this machine needs (empty on a machine with a normal Docker and registry).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/docker-up.sh"
set -a
# shellcheck disable=SC1091
. "$root/.perfgate/docker.env"
set +a
cd "$root"
