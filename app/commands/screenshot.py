"""`screenshot DIR [--size 1366x768] [--scale 1.5]`: a PNG of every main page with the demo data,
rendered offscreen on a screen of that size (and scale factor, as Windows' 150 % display setting).

Runs on a temporary copy of the demo database, so the clerk's data is never touched."""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path

from app.commands.common import demo_context, output_dir

SIZE = (1280, 800)


def register(sub) -> None:
    p = sub.add_parser("screenshot", help="用示例数据为每个主要页面截图（PNG，离屏绘制）")
    p.add_argument("dir", metavar="DIR", help="保存截图的文件夹")
    p.add_argument("--size", default="1280x800", help="屏幕大小（像素），如 1366x768、1024x700；默认 1280x800")
    p.add_argument("--scale", type=float, default=1.0, help="显示缩放，如 1.5 表示 150%%；默认 1")
    p.set_defaults(func=run)


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{3,5})\s*[x×*]\s*(\d{3,5})\s*", text or "")
    if not m:
        from app.services.errors import ValidationError

        raise ValidationError(f"屏幕大小“{text}”的写法不对，应写成 宽x高，如 1366x768。")
    return int(m.group(1)), int(m.group(2))


def offscreen_screen(folder: Path, size: tuple[int, int]) -> None:
    """Qt's offscreen platform with one screen of the given size (it is 800 × 800 by default)."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": size[0],
                                               "height": size[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def run(args: argparse.Namespace) -> int:
    out = output_dir(args.dir)
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory(prefix="fazhi-shots-") as tmp:
        if not os.environ.get("QT_QPA_PLATFORM", "").startswith("xcb"):
            offscreen_screen(Path(tmp), size)
        if args.scale and args.scale != 1.0:
            os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        from app.ui.qt_app import create_application

        app = create_application()
        logical = (round(size[0] / (args.scale or 1.0)), round(size[1] / (args.scale or 1.0)))
        written = take_screenshots(app, Path(tmp), out, logical)
    for path in written:
        print(f"已保存 {path}")
    return 0


def _plan_tools_shots(editor, window, shot) -> None:
    """Search with the filter row open and three hits selected, 批量设置, 查找和替换, the plan's texts."""
    editor.filter_bar.toggle.setChecked(True)
    editor.search("司法局")
    hits = [n.id for n in editor.found_nodes() if n.is_task][:3]
    editor.select_nodes(hits)
    shot(window, "plans-search.png")
    dialog = editor.open_bulk_edit()
    if dialog is not None:
        dialog.add_names.setText("县审计局")
        dialog.add_role.setCurrentIndex(1)
        shot(dialog, "plans-bulk.png")
        dialog.reject()
    editor.show_all()
    editor.filter_bar.toggle.setChecked(False)
    found = editor.open_find_replace("2026年", "2027年", ("preamble", "heading", "text", "closing"))
    if found is not None:
        shot(found, "find-replace.png")
        found.close()
    editor.show_plan_texts()
    shot(window, "plans-texts.png")
    editor.tabs.setCurrentWidget(editor.panel)


def settle(app, ms: int) -> None:
    """Lets pending events, timers and asynchronous page renders run for about `ms`."""
    from PySide6.QtCore import QElapsedTimer, QThread

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()
        QThread.msleep(10)


def take_screenshots(app, tmp: Path, out: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    from app.commands.tracking_shots import take_tracking_shots
    from app.services.outline_text import outline_text
    from app.ui.main_window import SETTINGS, MainWindow
    from app.ui.runner import SyncRunner

    ctx = demo_context(tmp)
    written: list[Path] = []
    try:
        window = MainWindow(ctx, runner=SyncRunner())
        window.setWindowState(window.windowState() & ~window.windowState().WindowMaximized)
        window.resize(*size)
        window.show()

        def shot(widget, name: str, settle_ms: int = 150) -> None:
            settle(app, settle_ms)
            path = out / name
            widget.grab().save(str(path), "PNG")
            written.append(path)

        take_tracking_shots(window, tmp, shot)  # before the plan edit below changes the demo's tasks
        from app.commands.report_shots import take_report_shots

        take_report_shots(window, tmp, shot)
        window.statusBar().clearMessage()  # the report page's last message is not the plan pages'
        window.nav.setCurrentRow(0)
        editor = window.plans_page.editor
        # one task without its lead unit, so the problems panel has something to show
        gap = editor.model.roots()[0].children[2]
        ctx.services.plans.set_assignments(gap.id, lead=[], support=[])
        window.plans_page.show_plan(ctx.demo_plan_id)
        task = editor.model.roots()[1].children[1]
        editor.select_node(task.id)
        editor.tree.scrollToTop()
        shot(window, "plans.png")
        _plan_tools_shots(editor, window, shot)
        window.nav.setCurrentRow(1)
        units = window.units_page
        units.reload(ctx.services.units.match("县司法局").unit.id)
        shot(window, "units.png")
        window.nav.setCurrentRow(2)
        shot(window, "notices.png", 1500)  # QPdfView renders its pages asynchronously
        window.nav.setCurrentRow(SETTINGS)
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
        window.open_sample()  # 文件 → 打开示例: the banner across the sample's own window
        if window.sample_switch is not None and window.sample_switch.window is not None:
            shot(window.sample_switch.window, "sample.png")
            window.sample_switch.close_sample()
        window.close()
    finally:
        ctx.close()
    written += first_start_shots(app, tmp, out, shot_size=SIZE)
    return written


def first_start_shots(app, tmp: Path, out: Path, shot_size: tuple[int, int]) -> list[Path]:
    """The first-start dialog on a new, empty database of its own, both steps."""
    from app.context import open_context
    from app.paths import resolve_paths
    from app.ui.main_window import MainWindow
    from app.ui.runner import SyncRunner

    ctx = open_context(resolve_paths(tmp / "new" / "fazhi.sqlite3"))
    written: list[Path] = []
    try:
        window = MainWindow(ctx, runner=SyncRunner())
        window.resize(*shot_size)
        window.show()
        window.start_first_run()
        dialog = window.first_start.dialog
        if dialog is not None:
            dialog.county.setText("某某县")
            for name in ("first-start.png", "first-start-units.png"):
                settle(app, 150)
                path = out / name
                dialog.grab().save(str(path), "PNG")
                written.append(path)
                dialog.next_button.click()
            dialog.reject()
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
