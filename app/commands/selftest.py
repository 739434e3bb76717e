"""`selftest`: opens the database, checks fonts, resources and Qt; exit 0 when all pass."""

from __future__ import annotations

import argparse
import os

from app import APP_NAME, __version__
from app.commands.common import context_from
from app.services.selftest import CheckResult, SelftestInput, document_fonts, run_checks


def register(sub) -> None:
    p = sub.add_parser("selftest", help="自检：数据库、字体、资源文件和界面组件")
    p.set_defaults(func=run)


def qt_check(_inp: SelftestInput) -> CheckResult:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as qt_version
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtPdf import QPdfDocument  # noqa: F401  (the preview needs QtPdf)

    app = QGuiApplication.instance() or QGuiApplication([])
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    del app
    if not families:
        return CheckResult("界面组件", False, f"Qt {qt_version} 可用，但没有可显示中文的字体")
    return CheckResult("界面组件", True, f"Qt {qt_version}，中文字体 {len(families)} 种")


def run(args: argparse.Namespace) -> int:
    ctx = context_from(args, load_demo=False)
    try:
        inp = SelftestInput(ctx.session_factory, ctx.engine, ctx.resources)
        results = run_checks(inp, [document_fonts, qt_check])
    finally:
        ctx.close()
    print(f"{APP_NAME} {__version__} 自检（数据库：{ctx.paths.server.display_url() if ctx.paths.server else ctx.paths.db_path}）")
    for r in results:
        print(f"  [{'通过' if r.ok else '失败'}] {r.name}：{r.detail}")
    failed = [r for r in results if not r.ok]
    print("自检通过。" if not failed else f"自检未通过：{len(failed)} 项失败。")
    return 0 if not failed else 1
