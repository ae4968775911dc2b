#!/usr/bin/env bash
# The project's own PostgreSQL: a local cluster in .data/pg, started and stopped by the build (no Docker).
# Usage: scripts/db.sh start|stop|status|url      Port: SMART_PG_PORT (default 55432).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${SMART_PG_PORT:-55432}"
data="$root/.data/pg"
log="$root/.data/pg.log"
socket="$root/.data/sock"
# Unix socket paths are limited to ~100 characters.
if [ $(( ${#socket} + 20 )) -gt 100 ]; then socket="/tmp/smart-pg-$port"; fi

bin=""
for candidate in "${SMART_PG_BIN:-}" /usr/lib/postgresql/*/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/pg_ctl" ]; then bin="$candidate"; break; fi
done
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin); install postgresql or set SMART_PG_BIN." >&2
  exit 1
fi

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' system account.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

prepare() {
  mkdir -p "$root/.data" "$socket"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    chown postgres "$root/.data" "$socket"
    [ -d "$data" ] && chown -R postgres "$data"
    touch "$log" && chown postgres "$log"
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
}

running() {
  as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

url() {
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=smart"
}

start() {
  prepare
  if running; then
    echo "PostgreSQL already running on 127.0.0.1:$port"
  else
    # A server killed hard leaves its pid file behind; remove it only when that process is gone.
    if [ -f "$data/postmaster.pid" ] && ! kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; then
      rm -f "$data/postmaster.pid"
    fi
    if ! as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start -o "-p $port -k $socket -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      echo "PostgreSQL did not start; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    echo "PostgreSQL started on 127.0.0.1:$port (data in .data/pg)"
  fi
  for _ in $(seq 1 50); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
    sleep 0.2
  done
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'smart'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE smart" >/dev/null
  fi
}

stop() {
  if [ -s "$data/PG_VERSION" ] && running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL is not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if [ -s "$data/PG_VERSION" ] && running; then echo "running on 127.0.0.1:$port"; else echo "stopped"; exit 3; fi ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
