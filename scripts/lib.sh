# Shared by perfgate's scripts; sourced, not run.

# Makes a failing script say why: the command, its exit code and the script's line. Under
# `set -e` a script would otherwise stop without a word (a pipe closed early, a missing tool).
print_failures_as() {
  local name="$1"
  set -E
  # shellcheck disable=SC2064
  trap "_perfgate_failed '$name' \$? \$LINENO \"\$BASH_COMMAND\"" ERR
}
_perfgate_failed() {
  trap - ERR
  printf '[%s] failed (exit %s) at line %s: %s\n' "$1" "$2" "$3" "$4" >&2
}

# Prints the first line of a command's output. The whole output is read first: `cmd | head -n 1`
# under `set -o pipefail` fails when head closes the pipe while cmd still writes (SIGPIPE).
first_line() {
  local out
  out="$("$@" 2>&1)" || true
  printf '%s\n' "${out%%$'\n'*}"
}

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian packages quietly and without questions (the variable passes through sudo too).
# Prints apt's own lines when it fails: a quiet install that fails must still say why.
apt_install() {
  local log
  log="$(mktemp /tmp/perfgate-apt.XXXXXX)"
  if ! { sudo_if_needed apt-get update -qq && \
         sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$log" 2>&1; then
    printf 'apt-get could not install %s; its last lines:\n' "$*" >&2
    tail -n 20 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
