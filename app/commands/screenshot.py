"""`screenshot DIR`: a PNG of every main page with the demo data, rendered offscreen.

Runs on a temporary copy of the demo database, so the clerk's data is never touched."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from app.commands.common import demo_context, output_dir
from app.services.errors import DomainError

SIZE = (1280, 800)


def register(sub) -> None:
    p = sub.add_parser("screenshot", help="用示例数据为每个主要页面截图（PNG，离屏绘制）")
    p.add_argument("dir", metavar="DIR", help="保存截图的文件夹")
    p.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", metavar="宽x高",
                   help=f"窗口大小（逻辑像素），默认 {SIZE[0]}x{SIZE[1]}；如 1024x700 检查小屏幕")
    p.set_defaults(func=run)


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise DomainError(f"窗口大小“{text}”应写成“宽x高”，如 1024x700。") from None
    if not (400 <= w <= 8000 and 300 <= h <= 8000):
        raise DomainError(f"窗口大小“{text}”超出范围（宽 400–8000，高 300–8000）。")
    return w, h


def run(args: argparse.Namespace) -> int:
    out = output_dir(args.dir)
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory(prefix="fazhi-screen-") as screen_dir:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = offscreen_screen(Path(screen_dir), size)
        return _run(out, size)


def offscreen_screen(folder: Path, size: tuple[int, int]) -> str:
    """An offscreen screen exactly as large as the window (in device pixels at QT_SCALE_FACTOR), so
    the window opens maximized on it as it does on a small laptop."""
    try:
        scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
    except ValueError:
        scale = 1.0
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "logicalDpi": 96,
                                               "width": round(size[0] * scale), "height": round(size[1] * scale)}]}),
                      encoding="utf-8")
    return f"offscreen:configfile={config}"


def _run(out: Path, size: tuple[int, int]) -> int:
    from app.ui.qt_app import create_application

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="fazhi-shots-") as tmp:
        written = take_screenshots(app, Path(tmp), out, size)
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


def take_screenshots(app, tmp: Path, out: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    from app.services.outline_text import outline_text
    from app.ui.main_window import MainWindow
    from app.ui.runner import SyncRunner

    ctx = demo_context(tmp)
    written: list[Path] = []
    try:
        window = MainWindow(ctx, runner=SyncRunner())
        window.resize(*size)
        window.show()

        def shot(widget, name: str, settle_ms: int = 150) -> None:
            settle(app, settle_ms)
            path = out / name
            widget.grab().save(str(path), "PNG")
            written.append(path)

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
        window.nav.setCurrentRow(3)
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
        issued_shots(window, ctx, shot)
        window.close()
    finally:
        ctx.close()
    return written


def issued_shots(window, ctx, shot) -> None:
    """The demo notice issued, then revised: the plan's bar, both versions, and the print preview."""
    notices = window.notices_page
    window.nav.setCurrentRow(2)
    issued = ctx.issuing.issue(notices.notice.id)
    window.plans_page.show_plan(ctx.demo_plan_id)
    window.nav.setCurrentRow(0)
    shot(window, "plan-issued.png")
    window.nav.setCurrentRow(2)
    ctx.services.notices.new_revision(issued.id)
    notices.reload(issued.id)
    shot(window, "notice-issued.png", 1500)
    notices.print_notice()
    preview = notices.actions.print_flow.preview
    preview.range.setText("1-2")
    shot(preview, "print-preview.png", 1000)
    preview.reject()
