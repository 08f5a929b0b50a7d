#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests: `source scripts/postgres.sh; pg_test_start; ...; pg_test_stop`.
# It lives in a temp dir, listens on 127.0.0.1 only, trusts local connections and is fsync-free.
# pg_test_start exports TEST_DATABASE_URL (an admin URL the tests create their databases with).

pg_test_find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then return 0; fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then PATH="$dir:$PATH"; export PATH; return 0; fi
  done
  if [ "${PG_TEST_NO_INSTALL:-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || return 1
    for dir in /usr/lib/postgresql/*/bin; do
      if [ -x "$dir/initdb" ]; then PATH="$dir:$PATH"; export PATH; return 0; fi
    done
  fi
  echo "initdb and pg_ctl were not found" >&2
  return 1
}

pg_test_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

pg_test_as_owner() {
  # initdb refuses to run as root; as root, the cluster belongs to the postgres user.
  if [ "$(id -u)" != 0 ]; then "$@"; return; fi
  local runuser
  runuser=$(command -v runuser || ls /usr/sbin/runuser /sbin/runuser 2>/dev/null | head -n 1)
  if [ -n "$runuser" ]; then "$runuser" -u postgres -- "$@"; return; fi
  su postgres -s /bin/bash -c "PATH='$PATH'; $(printf '%q ' "$@")"
}

pg_test_start() {
  pg_test_find_bin || return 1
  PG_TEST_DIR=$(mktemp -d /tmp/gameball-pg.XXXXXX)
  PG_TEST_PORT=${PG_TEST_PORT:-$(pg_test_free_port)}
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TEST_DIR"; fi
  pg_test_as_owner initdb -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  pg_test_as_owner pg_ctl -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEST_PORT/postgres"
  export PG_TEST_DIR PG_TEST_PORT
  echo "PostgreSQL $(postgres --version | awk '{print $3}') for tests on 127.0.0.1:$PG_TEST_PORT" >&2
}

pg_test_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  pg_test_find_bin >/dev/null 2>&1
  pg_test_as_owner pg_ctl -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  unset PG_TEST_DIR TEST_DATABASE_URL
}
