# Used by scripts/test: a PostgreSQL server for the storage and search suites.
# With FICSHELF_TEST_DATABASE_URL set, that server is used as is. Otherwise (unless
# FICSHELF_SKIP_POSTGRES=1) Debian's postgresql is installed when missing (as root), and a
# throwaway server is started on a unix socket in a temp folder, stopped again at exit.

pg_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$found" ]; then echo "$found"; else dirname "$(command -v initdb 2>/dev/null || echo /x/initdb)"; fi
}

ensure_test_postgres() {
    if [ -n "${FICSHELF_TEST_DATABASE_URL:-}" ] || [ "${FICSHELF_SKIP_POSTGRES:-}" = "1" ]; then
        return
    fi
    if [ ! -x "$(pg_bin)/initdb" ]; then
        if [ "$(id -u)" != "0" ]; then
            echo "PostgreSQL is not installed: install Debian's postgresql, set" \
                 "FICSHELF_TEST_DATABASE_URL, or FICSHELF_SKIP_POSTGRES=1" >&2
            exit 2
        fi
        echo "== installing postgresql"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local bin run_as=() port
    bin="$(pg_bin)"
    PG_TEST_DIR="$(mktemp -d /tmp/ficshelf-pg.XXXXXX)"
    if [ "$(id -u)" = "0" ]; then
        chown postgres "$PG_TEST_DIR"  # the server refuses to run as root
        run_as=(runuser -u postgres --)
    fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${run_as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 >/dev/null
    # Durability is pointless for a throwaway server; without fsync the suites run much faster.
    "${run_as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w start \
        -o "-k $PG_TEST_DIR -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    trap 'stop_test_postgres' EXIT
    "${run_as[@]}" "$bin/createdb" -h "$PG_TEST_DIR" -p "$port" -U postgres ficshelf_test
    export FICSHELF_TEST_DATABASE_URL="postgresql://postgres@/ficshelf_test?host=$PG_TEST_DIR&port=$port"
    echo "== postgresql test server on $PG_TEST_DIR (port $port)"
}

stop_test_postgres() {
    local run_as=()
    [ "$(id -u)" = "0" ] && run_as=(runuser -u postgres --)
    "${run_as[@]}" "$(pg_bin)/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
}
