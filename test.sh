#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing (PostgreSQL and Debian's
# Chromium, through apt-get), starts a throw-away PostgreSQL cluster on 127.0.0.1, runs
# `dotnet test` with any arguments given, and stops the cluster again. .ci/run calls this too.
#
#   ./test.sh                      the whole suite
#   ./test.sh tests/CoalitionBot.Core.Tests --filter Storage
#
# The tests read the cluster from COALITIONBOT_TEST_POSTGRES (an Npgsql connection string) and
# the browser from COALITIONBOT_CHROMIUM; a test that needs either fails with a clear message
# when it is unset, never skips silently.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "::: installing ${missing[*]} (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A throw-away cluster in a temporary folder, on a free port of 127.0.0.1, owned by a
# non-root user because PostgreSQL refuses to run as root.
pg_dir=$(mktemp -d)
pg_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown "$pg_user" "$pg_dir"
fi
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
pg_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$pg_password" >"$pg_dir/pw" && chown "$pg_user" "$pg_dir/pw" 2>/dev/null || true
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U coalitionbot --pwfile="$pg_dir/pw" -A scram-sha-256 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
echo "::: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throw-away)"

export COALITIONBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=coalitionbot;Password=$pg_password;Database=postgres"
export COALITIONBOT_CHROMIUM=$(command -v chromium)

dotnet test "$@"
