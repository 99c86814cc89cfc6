# Sourced by bench scripts: a loopback nginx (one worker) serving a 5-byte /hello and stub_status at
# /status, the target every engine benchmark shares so that figures compare across scripts.
#   start_hello_nginx PORT CPUS      e.g. start_hello_nginx 18080 0  (CPUS as taskset -c takes them)
# Sets: work (a fresh folder under /tmp), nginx_pid, nginx_worker; stops nginx on exit.
# Needs scripts/lib.sh sourced first (apt_install).

start_hello_nginx() {
  local port="$1" cpus="$2" missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  work="$(mktemp -d /tmp/perfgate-bench.XXXXXX)"
  # nginx workers run as another user: they must be able to read the page.
  chmod 755 "$work"
  mkdir -p "$work/html"
  printf 'hello' >"$work/html/hello"
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
# bench/many-users.sh holds one connection per virtual user (10,000 and more).
worker_rlimit_nofile 40000;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:${port};
    location = /hello { root $work/html; }
    location = /status { stub_status; }
  }
}
CONF
  taskset -c "$cpus" "$nginx_bin" -c "$work/nginx.conf" -p "$work" &
  nginx_pid=$!
  trap 'kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true' EXIT
  local url="http://127.0.0.1:${port}/hello"
  for _ in $(seq 1 50); do
    curl -sf "$url" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -sf "$url" >/dev/null || { echo "bench: nginx did not answer on $url; see $work/nginx-error.log" >&2; exit 1; }
  nginx_worker="$(pgrep -P "$nginx_pid" | sed -n 1p)"
}
