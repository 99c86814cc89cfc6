#!/bin/bash
# The part of the official postgres image's entrypoint that Testcontainers' PostgreSQLContainer (and a
# docker run -e POSTGRES_PASSWORD=...) relies on:
#   - POSTGRES_PASSWORD (required, unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default
#     postgres), POSTGRES_DB (default: the user's name), POSTGRES_INITDB_ARGS, PGDATA;
#   - arguments starting with '-' are postgres options (`-c fsync=off`);
#   - on an empty PGDATA: initdb, a temporary server on the socket only (its own "database system is ready
#     to accept connections"), the database, /docker-entrypoint-initdb.d/*.sh and *.sql, then the real
#     server, which prints the line again: PostgreSQLContainer waits for the second one.
set -Eeo pipefail

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
  exec "$@"
fi

# Started as root (Docker's default), it makes PGDATA the postgres user's (a tmpfs or volume mounted there
# is root's) and runs again as that user: PostgreSQL refuses to run as root.
if [ "$(id -u)" = '0' ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

fail() { echo "docker-entrypoint: $*" >&2; exit 1; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  POSTGRES_USER="${POSTGRES_USER:-postgres}"
  POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != 'trust' ]; then
    fail "the database is not initialised and POSTGRES_PASSWORD is not set: set it (or POSTGRES_HOST_AUTH_METHOD=trust)"
  fi

  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") \
    --auth-local=trust --auth-host="$auth" --encoding=UTF8 --locale=C.UTF-8 $POSTGRES_INITDB_ARGS >/dev/null
  # As initdb writes them, the server listens on localhost and lets in 127.0.0.1 and ::1 only: the other
  # containers (the application, the test through its mapped port) connect over the network.
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all $auth" >>"$PGDATA/pg_hba.conf"

  # The server's options too (fsync=off is worth having for the init scripts), quoted for pg_ctl's shell.
  options=""
  for option in "${@:2}"; do options+="$(printf '%q' "$option") "; done
  pg_ctl -D "$PGDATA" -o "$options-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != 'postgres' ]; then
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --dbname postgres -q \
      --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  shopt -s nullglob
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh) echo "docker-entrypoint: running $file"; . "$file" ;;
      *.sql) echo "docker-entrypoint: running $file"
        psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --dbname "$POSTGRES_DB" -q -f "$file" ;;
      *) echo "docker-entrypoint: ignoring $file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "docker-entrypoint: PostgreSQL init process complete; ready for start up."
fi

exec "$@"
