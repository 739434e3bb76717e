#!/usr/bin/env bash
# Builds the PyInstaller bundle from build_installer.spec and runs its selftest on a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "[法治工作台] 正在打包（PyInstaller），用于检查 build_installer.spec 是否完整"
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$work/dist" --workpath "$work/build" build_installer.spec
# The spec writes app/_version.py from pyproject; it must already match, or a test fails anyway.
git diff --quiet -- app/_version.py || { echo "app/_version.py 与 pyproject 版本不一致" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$work/dist/fazhi/fazhi" --db "$work/selftest.sqlite3" selftest
# the console twin used on Windows for the command line: it must import a sample end to end
"$work/dist/fazhi/fazhi-cli" --version
"$work/dist/fazhi/fazhi-cli" --db "$work/selftest.sqlite3" import tests/data/samples/xinjiang-2022-gongzuo-yaodian.txt \
    >"$work/import.txt"
head -n 1 "$work/import.txt"
echo "[法治工作台] 打包自检通过（$(du -sh "$work/dist/fazhi" | cut -f1)）"
