#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, a Unix socket in that
# folder (no TCP port), run by an unprivileged user (postgres refuses to run as root).
#
#   scripts/pg_test_server.sh start   → prints the admin URL (postgresql://postgres@/postgres?host=DIR&port=P)
#   scripts/pg_test_server.sh stop URL
set -uo pipefail

PORT=54329

pg_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null)
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

# Runs a server program as an unprivileged user when we are root.
as_owner() {
    if [ "$(id -u)" != "0" ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$OWNER" -- "$@"
    else
        su -s /bin/sh "$OWNER" -c "$(printf '%q ' "$@")"
    fi
}

pick_owner() {
    OWNER=$(id -un)
    [ "$(id -u)" != "0" ] && return 0
    if id postgres >/dev/null 2>&1; then
        OWNER=postgres
    else
        id fazhi-pgtest >/dev/null 2>&1 || useradd --system --no-create-home fazhi-pgtest || return 1
        OWNER=fazhi-pgtest
    fi
}

start() {
    local bin dir
    bin=$(pg_bindir) || { echo "找不到 PostgreSQL 的 initdb（请安装 postgresql 软件包）" >&2; return 1; }
    pick_owner || { echo "无法创建运行 PostgreSQL 的系统用户" >&2; return 1; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-pg.XXXXXX") || return 1
    chmod 755 "$dir"
    [ "$(id -u)" = "0" ] && chown "$OWNER" "$dir"
    if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
        echo "initdb 失败：$(tail -3 "$dir/initdb.log")" >&2; return 1
    fi
    # Throwaway data: no fsync. Members of the role pw_users must give a password (the keyring test).
    sed -i '1i local all +pw_users scram-sha-256' "$dir/data/pg_hba.conf"
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses= -p $PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
        start >/dev/null 2>&1; then
        echo "PostgreSQL 未能启动：$(tail -3 "$dir/server.log")" >&2; return 1
    fi
    echo "postgresql://postgres@/postgres?host=$dir&port=$PORT"
}

stop() {
    local url="$1" dir bin
    dir=${url#*host=}; dir=${dir%%&*}
    [ -d "$dir/data" ] || return 0
    bin=$(pg_bindir) || return 0
    pick_owner
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:?URL}" ;;
    *) echo "usage: $0 start | stop URL" >&2; exit 2 ;;
esac
