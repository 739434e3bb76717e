# Shared set-up for run.sh and test.sh (sourced, not executed).
# Installs what is missing and nothing else, so a second run takes seconds.

# Qt offscreen + a real window under Xvfb + CJK fonts for the UI (DESIGN.md §8).
FAZHI_APT_RUNTIME="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
libx11-6 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-gbsn00lp \
fonts-arphic-gkai00mp"
# Only the tests need these: LibreOffice to compare page counts, poppler to look at PDFs.
FAZHI_APT_TEST="libreoffice-writer-nogui poppler-utils"
# The server tests run against a throwaway PostgreSQL cluster (scripts/pg_test_server.sh); pg_dump for
# the server backups comes with it.
FAZHI_APT_SERVER_TEST="postgresql"

fazhi_say() { printf '[法治工作台] %s\n' "$*" >&2; }

fazhi_missing_debs() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || printf '%s ' "$p"
    done
}

# fazhi_ensure_debs required|optional PKG... : installs missing Debian packages when root.
fazhi_ensure_debs() {
    local need="$1"; shift
    command -v dpkg-query >/dev/null 2>&1 || { fazhi_say "非 Debian 系统，跳过系统软件包检查。"; return 0; }
    local missing
    missing=$(fazhi_missing_debs "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = "0" ]; then
        fazhi_say "正在安装系统软件包：$missing"
        if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null; }; then
            fazhi_say "系统软件包安装失败：$missing"
            [ "$need" = required ] && return 1
        fi
    else
        fazhi_say "缺少系统软件包：$missing"
        fazhi_say "请以管理员身份运行：sudo apt-get install $missing"
        [ "$need" = required ] && return 1
    fi
    return 0
}

# The interpreter for .venv: the distribution's own Python 3.11+ first when it can make a venv
# (Debian builds it with profile-guided and link-time optimisation: the app starts and typesets
# about a fifth faster than on a plain source build), else the first python3 on PATH.
fazhi_python() {
    local c
    for c in /usr/bin/python3 python3 python3.11 python3.12 python3.13; do
        if command -v "$c" >/dev/null 2>&1 \
            && "$c" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$c"; return 0
        fi
    done
    fazhi_say "需要 Python 3.11 或更高版本（含 venv 模块）。"; return 1
}

# fazhi_ensure_venv EXTRAS : creates .venv and (re)installs the project when pyproject.toml changed.
fazhi_ensure_venv() {
    local extras="$1" py stamp want
    if [ ! -x .venv/bin/python ]; then
        py=$(fazhi_python) || return 1
        fazhi_say "正在创建虚拟环境 .venv"
        "$py" -m venv .venv || return 1
    fi
    want="$(sha256sum pyproject.toml | cut -c1-16)-${extras:-base}"
    stamp=.venv/.fazhi-installed
    if [ -f "$stamp" ] && grep -qx -- "$want" "$stamp"; then
        return 0
    fi
    # An install with the test extra also satisfies a plain run.
    if [ -z "$extras" ] && [ -f "$stamp" ] && grep -qx -- "$(sha256sum pyproject.toml | cut -c1-16)-test" "$stamp"; then
        return 0
    fi
    fazhi_say "正在安装 Python 依赖（首次需要几分钟）"
    local target="."
    [ -n "$extras" ] && target=".[$extras]"
    .venv/bin/python -m pip install -q --disable-pip-version-check -e "$target" 2>&1 \
        | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
    .venv/bin/python -c 'import app, PySide6, sqlalchemy, reportlab, docx' || { fazhi_say "Python 依赖安装失败。"; return 1; }
    echo "$want" >>"$stamp"
}
