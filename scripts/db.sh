#!/usr/bin/env bash
# The project's own PostgreSQL: a local cluster in .data/pg, started and stopped by the build (no Docker).
#
#   scripts/db.sh start    create the cluster on first use, start it (idempotent), create database "smart"
#   scripts/db.sh stop     fast shutdown
#   scripts/db.sh status   "running on 127.0.0.1:<port>" (exit 0) or "stopped" (exit 3)
#   scripts/db.sh url      the host's connection string: Host=127.0.0.1;Port=<port>;Username=postgres;Database=smart
#   scripts/db.sh pgbench  the physical limit of this cluster on this machine: pgbench's TPCB-like load on a scratch
#                          database (-i -s 10, then -c 4 -T 20); prints pgbench's report, ending with its TPS
#
# Port: SMART_PG_PORT (default 55432). Binaries: SMART_PG_BIN, else /usr/lib/postgresql/<newest>/bin.
# Development settings (fsync, synchronous_commit and full_page_writes off): fast, not crash-safe. Never use
# this cluster for data you want to keep.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${SMART_PG_PORT:-55432}"
home="$root/.data"
data="$home/pg"
log="$home/pg.log"
socket="$home/sock"
db_name="smart"
relocated=""
settings="-c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

bin="${SMART_PG_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/pg_ctl" ]; then bin="$candidate"; break; fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)." >&2
  echo "Install them (Debian/Ubuntu: apt-get install postgresql) or set SMART_PG_BIN to the folder holding pg_ctl." >&2
  exit 1
fi
psql="$bin/psql"
[ -x "$psql" ] || psql="$(command -v psql || true)"

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root: as root, everything server-side runs as the 'postgres' system account.
as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Called once per command, before anything touches the cluster.
locate() {
  if is_root; then
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --user-group --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    fi
    # The postgres account must be able to reach the project folder; a checkout under /root is not reachable.
    if ! runuser -u postgres -- test -x "$root"; then
      home="/tmp/smart-pg-$port.data"
      data="$home/pg"
      log="$home/pg.log"
      socket="$home/sock"
      relocated="the postgres account cannot enter $root, so the cluster lives in $home"
    fi
  fi
  # A Unix socket path (folder + "/.s.PGSQL.<port>") must stay short (the kernel limit is about 100 characters).
  if [ $(( ${#socket} + ${#port} + 10 )) -gt 90 ]; then socket="/tmp/smart-pg-$port"; fi
}

prepare() {
  mkdir -p "$home" "$socket"
  if is_root; then
    chown postgres "$home" "$socket"
    touch "$log" && chown postgres "$log"
    if [ -d "$data" ] && [ "$(stat -c %U "$data")" != postgres ]; then chown -R postgres "$data"; fi
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    echo "Creating the PostgreSQL cluster in $data"
    if ! as_owner "$bin/initdb" -D "$data" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1; then
      echo "initdb failed:" >&2
      tail -n 30 "$home/initdb.log" >&2
      exit 1
    fi
  fi
}

# The server's pid, from line 1 of postmaster.pid.
server_pid() {
  local pid
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && echo "$pid"
}

# Is the pid a live postgres process? A killed server stays a zombie until its parent reaps it, and the pid of a
# server that died long ago may now belong to another process: neither counts.
alive() {
  local state
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = postgres ] || return 1
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

running() {
  local pid
  pid="$(server_pid)" && alive "$pid"
}

# The port a running server listens on (line 4 of postmaster.pid).
running_port() {
  sed -n 4p "$data/postmaster.pid" 2>/dev/null || true
}

# After a kill, postmaster.pid stays behind. Wait for the dead server to be reaped (a second or two), then remove the
# file: PostgreSQL copes with a dead pid, but not with one that now belongs to another process.
remove_stale_pid() {
  local pidfile="$data/postmaster.pid" pid
  pid="$(server_pid)" || return 0
  running && return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || break
    sleep 0.2
  done
  echo "Removing the stale $pidfile (pid $pid is not a running server)"
  rm -f "$pidfile"
}

fail_with_log() {
  echo "$1; last lines of $log:" >&2
  tail -n 30 "$log" >&2 || true
  exit 1
}

start() {
  [ -z "$relocated" ] || echo "note: $relocated" >&2
  prepare
  remove_stale_pid
  if running; then
    local actual
    actual="$(running_port)"
    echo "PostgreSQL already running on 127.0.0.1:${actual:-$port} (data in $data)"
    if [ -n "$actual" ] && [ "$actual" != "$port" ]; then
      echo "warning: it listens on $actual, not on SMART_PG_PORT=$port; run '$0 stop' first to change the port" >&2
    fi
    port="${actual:-$port}"
  else
    local attempt started=0
    # Right after a kill -9 the old server's children linger a second or two ("lock file already exists",
    # "pre-existing shared memory block is still in use"): retry a few times instead of failing at once.
    for attempt in 1 2 3 4 5; do
      if as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start -o "-p $port -k $socket $settings" >/dev/null 2>&1; then
        started=1
        break
      fi
      if tail -n 5 "$log" | grep -q -e 'lock file .* already exists' -e 'shared memory block is still in use'; then
        sleep 1
        remove_stale_pid
      else
        break
      fi
    done
    [ "$started" -eq 1 ] || fail_with_log "PostgreSQL did not start"
    echo "PostgreSQL started on 127.0.0.1:$port (data in $data)"
    port="$(running_port)"
  fi
  local ready=0
  for _ in $(seq 1 100); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then ready=1; break; fi
    sleep 0.2
  done
  [ "$ready" -eq 1 ] || fail_with_log "PostgreSQL does not accept connections on 127.0.0.1:$port"
  if [ -z "$("$psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'")" ]; then
    "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $db_name" >/dev/null
    echo "Database '$db_name' created"
  fi
}

stop() {
  if running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || fail_with_log "PostgreSQL did not stop"
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL is not running"
  fi
}

status() {
  if running; then
    local actual
    actual="$(running_port)"
    echo "running on 127.0.0.1:${actual:-$port} (data in $data)"
  else
    echo "stopped"
    return 3
  fi
}

# A scratch database "pgbench", rebuilt each time, so the figure is comparable from run to run.
pgbench_run() {
  running || fail_with_log "PostgreSQL is not running (scripts/db.sh start)"
  port="$(running_port)"
  local pgbench="$bin/pgbench"
  [ -x "$pgbench" ] || { echo "pgbench not found in $bin" >&2; exit 1; }
  "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS pgbench WITH (FORCE)" -c "CREATE DATABASE pgbench" >/dev/null 2>&1
  "$pgbench" -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1 || { echo "pgbench -i failed" >&2; exit 1; }
  "$pgbench" -h 127.0.0.1 -p "$port" -U postgres -c 4 -j 2 -T 20 pgbench 2>/dev/null | grep -E '^(scaling factor|number of clients|number of transactions actually processed|latency average|tps)'
  "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS pgbench WITH (FORCE)" >/dev/null
}

# Work from a folder every account can read: runuser keeps the current folder, and postgres may not enter it.
cd /
locate
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$db_name" ;;
  pgbench) pgbench_run ;;
  *) echo "usage: $0 start|stop|status|url|pgbench" >&2; exit 2 ;;
esac
