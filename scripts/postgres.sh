# Sourced by the test scripts: a throwaway PostgreSQL cluster for the tests that need one.
#   start_postgres  finds (or, as root with apt-get, installs) PostgreSQL, makes a cluster in a
#                   fresh temporary directory on a free loopback port and starts it; exports
#                   INSPRAAK_TEST_POSTGRES (a URL for user `inspraak`, no password), PG_WORK, PG_BIN.
#   stop_postgres   stops it and removes the directory; safe to call twice or without a start.
# Neither exits nor changes the caller's shell options. initdb and postgres refuse to run as root:
# as root they run as Debian's `postgres` system user.

# The directory of PostgreSQL's server binaries: Debian's 15, else the newest other version there,
# else the one on PATH. Prints it; fails when there is none.
_pg_find_bin() {
    local dir
    if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
        echo /usr/lib/postgresql/15/bin
        return 0
    fi
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return 0
    fi
    return 1
}

# Runs a command as the owner of the cluster: `postgres` when we are root, else ourselves.
_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on.
_pg_free_port() {
    local port
    if command -v python3 >/dev/null 2>&1 &&
        port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null)" &&
        [ -n "$port" ]; then
        echo "$port"
        return 0
    fi
    for port in $(seq 55432 55631); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

start_postgres() {
    if [ -n "${PG_WORK:-}" ] && [ -f "$PG_WORK/data/postmaster.pid" ]; then
        return 0 # already running
    fi
    local bin
    if ! bin="$(_pg_find_bin)"; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            printf '\033[1m==> %s\033[0m\n' "apt-get install postgresql (for the PostgreSQL tests)" >&2
            apt-get update -q >&2 &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2 || return 1
            bin="$(_pg_find_bin)" || return 1
        else
            echo "PostgreSQL is not installed. Install Debian's server (sudo apt-get install postgresql)," >&2
            echo "or put a PostgreSQL 15's pg_ctl and initdb on PATH." >&2
            return 1
        fi
    fi
    if [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
        echo "Running as root, PostgreSQL needs the system user 'postgres' (Debian's postgresql package creates it)." >&2
        return 1
    fi

    local work port
    # As root the directory must be reachable by `postgres`: under /tmp, not a private TMPDIR.
    if [ "$(id -u)" = 0 ]; then
        work="$(mktemp -d /tmp/inspraak-pg.XXXXXX)" || return 1
        chown postgres: "$work" || { rm -rf "$work"; return 1; }
    else
        work="$(mktemp -d "${TMPDIR:-/tmp}/inspraak-pg.XXXXXX")" || return 1
    fi
    chmod 700 "$work"
    if ! port="$(_pg_free_port)"; then
        echo "no free TCP port for PostgreSQL" >&2
        rm -rf "$work"
        return 1
    fi

    # initdb and pg_ctl run from inside the directory: the owner may not read the caller's.
    if ! (cd "$work" && _pg_as_owner "$bin/initdb" -D "$work/data" --auth=trust --username=inspraak -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1); then
        # No C.UTF-8 locale on this system: without a locale (byte order, as C.UTF-8 sorts).
        rm -rf "$work/data"
        if ! (cd "$work" && _pg_as_owner "$bin/initdb" -D "$work/data" --auth=trust --username=inspraak -E UTF8 \
            --no-locale --no-sync >>"$work/initdb.log" 2>&1); then
            echo "initdb failed:" >&2
            cat "$work/initdb.log" >&2
            rm -rf "$work"
            return 1
        fi
    fi
    local options="-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=on -c max_connections=300 -c shared_buffers=128MB"
    if ! (cd "$work" && _pg_as_owner "$bin/pg_ctl" -w -t 60 -D "$work/data" -o "$options" -l "$work/log" start >/dev/null); then
        echo "PostgreSQL did not start; its log:" >&2
        cat "$work/log" >&2 2>/dev/null || true
        # A server that came up after the wait still has to go.
        (cd "$work" && _pg_as_owner "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1) || true
        rm -rf "$work"
        return 1
    fi
    export PG_WORK="$work" PG_BIN="$bin"
    export INSPRAAK_TEST_POSTGRES="postgres://inspraak@127.0.0.1:$port/postgres"
}

stop_postgres() {
    local work="${PG_WORK:-}" bin="${PG_BIN:-}"
    if [ -z "$work" ]; then return 0; fi
    if [ -d "$work/data" ] && [ -n "$bin" ]; then
        (cd "$work" && _pg_as_owner "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$work"
    unset PG_WORK PG_BIN INSPRAAK_TEST_POSTGRES
}
