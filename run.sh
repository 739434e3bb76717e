#!/usr/bin/env bash
# Starts 法治工作台. First run: creates .venv and installs what is missing; the app opens on the clerk's
# own (empty) database with the first-start dialog, the sample one click away (文件 → 打开示例).
set -uo pipefail
cd "$(dirname "$0")" || exit 1
. scripts/setup.sh
fazhi_ensure_debs optional $FAZHI_APT_RUNTIME
fazhi_ensure_venv "" || exit 1
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
    exec .venv/bin/python -m app "$@"
fi
fazhi_say "没有检测到图形显示（DISPLAY 未设置），改为生成示例输出到 demo-output/。"
fazhi_say "在有桌面的电脑上运行本命令即可打开窗口；无桌面时可用：xvfb-run ./run.sh"
exec .venv/bin/python -m app demo --out demo-output/
