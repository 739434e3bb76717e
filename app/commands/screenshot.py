"""`screenshot DIR`: a PNG of every main page with the demo data, rendered offscreen.

Runs on a temporary copy of the demo database, so the clerk's data is never touched."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from app.commands.common import demo_context, output_dir

SIZE = (1280, 800)


def register(sub) -> None:
    p = sub.add_parser("screenshot", help="用示例数据为每个主要页面截图（PNG，离屏绘制）")
    p.add_argument("dir", metavar="DIR", help="保存截图的文件夹")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = output_dir(args.dir)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.qt_app import create_application

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="fazhi-shots-") as tmp:
        written = take_screenshots(app, Path(tmp), out)
    for path in written:
        print(f"已保存 {path}")
    return 0


def settle(app, ms: int) -> None:
    """Lets pending events, timers and asynchronous page renders run for about `ms`."""
    from PySide6.QtCore import QElapsedTimer, QThread

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()
        QThread.msleep(10)


def take_screenshots(app, tmp: Path, out: Path) -> list[Path]:
    from app.commands.tracking_shots import take_tracking_shots
    from app.services.outline_text import outline_text
    from app.ui.main_window import MainWindow
    from app.ui.runner import SyncRunner

    ctx = demo_context(tmp)
    written: list[Path] = []
    try:
        window = MainWindow(ctx, runner=SyncRunner())
        window.resize(*SIZE)
        window.show()

        def shot(widget, name: str, settle_ms: int = 150) -> None:
            settle(app, settle_ms)
            path = out / name
            widget.grab().save(str(path), "PNG")
            written.append(path)

        take_tracking_shots(window, tmp, shot)  # before the plan edit below changes the demo's tasks
        editor = window.plans_page.editor
        # one task without its lead unit, so the problems panel has something to show
        gap = editor.model.roots()[0].children[2]
        ctx.services.plans.set_assignments(gap.id, lead=[], support=[])
        window.plans_page.show_plan(ctx.demo_plan_id)
        task = editor.model.roots()[1].children[1]
        editor.select_node(task.id)
        editor.tree.scrollToTop()
        shot(window, "plans.png")
        window.nav.setCurrentRow(1)
        shot(window, "units.png")
        window.nav.setCurrentRow(2)
        shot(window, "notices.png", 1500)  # QPdfView renders its pages asynchronously
        window.nav.setCurrentRow(4)
        shot(window, "settings.png")

        # the import wizard's preview, on a text version of the demo plan
        plan = ctx.services.plans.get_plan(ctx.demo_plan_id)
        sample = tmp / "上年工作要点.txt"
        text = outline_text(plan, ctx.services.plans.tree(plan.id))
        # two names the registry does not hold as printed, to show the unit decisions
        text = text.replace("县数据局", "县大数据发展中心").replace("县应急管理局", "县应急管理部门")
        sample.write_text(text, encoding="utf-8")
        window.nav.setCurrentRow(0)
        window.open_import(str(sample))
        wizard = window.import_wizard
        if wizard is not None:
            wizard.next()
            wizard.next()
            shot(wizard, "import-wizard.png")
            wizard.next()
            shot(wizard, "import-units.png")
            wizard.reject()
        window.close()
    finally:
        ctx.close()
    return written
