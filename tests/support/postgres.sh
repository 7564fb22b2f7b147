#!/usr/bin/env bash
# A PostgreSQL 15 of the tests' own (Debian's postgresql-15): initdb in DIR, listening only on a
# Unix socket in DIR (port 54329), trust authentication, a database "tandem".
#   postgres.sh start DIR   prints the URL (postgresql://tandem@/tandem?host=DIR&port=54329)
#   postgres.sh stop DIR    stops it and removes DIR
# As root the server runs as the system user postgres (PostgreSQL refuses root).
set -euo pipefail
cmd=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" ]]; then
  echo "postgres.sh: no PostgreSQL server (Debian package postgresql-15)" >&2
  exit 1
fi
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  as_owner=(runuser -u postgres --)
fi
port=54329
case "$cmd" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if ((${#as_owner[@]})); then chown postgres "$dir"; fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U tandem -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses='' -p $port -c fsync=on" start >/dev/null
    "${as_owner[@]}" "$bin/createdb" -h "$dir" -p $port -U tandem tandem
    echo "postgresql://tandem@/tandem?host=$dir&port=$port"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
