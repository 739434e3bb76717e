"""Finding and bulk-editing in a plan of 300 tasks, through the real editor: a search typed in the
box (the outline filtered and redrawn), 批量设置 on 100 selected tasks and its undo (one step each),
and 查找和替换 of every “2026年” (about 600 places) with its undo."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_gui import big_plan_snapshot
from bench.harness import Measurement

SEARCH_TARGET_MS = 100.0
BULK_TARGET_MS = 1000.0
REPLACE_TARGET_MS = 1500.0


def _timed(app, fn) -> float:
    t0 = time.perf_counter()
    fn()
    app.processEvents()
    return (time.perf_counter() - t0) * 1000


def measure(tmp: Path, runs: int = 5) -> tuple[float, float, float, float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.context import open_context
    from app.paths import resolve_paths
    from app.services.plan_bulk import BulkChange
    from app.services.plan_replace import find_hits
    from app.ui.main_window import MainWindow
    from app.ui.qt_app import create_application
    from app.ui.runner import SyncRunner

    app = create_application()
    ctx = open_context(resolve_paths(tmp / "big.sqlite3"), load_demo=True)
    try:
        units = [u.id for u in ctx.services.units.list_units()]
        big = ctx.services.plans.restore_plan(big_plan_snapshot(units))
        window = MainWindow(ctx, runner=SyncRunner())
        window.resize(1280, 800)
        window.show()
        window.plans_page.show_plan(big.id)
        editor = window.plans_page.editor
        app.processEvents()
        search = []
        for _ in range(runs):
            search.append(_timed(app, lambda: editor.search("第3部分 张三")))
            editor.show_all()
            app.processEvents()
        tasks = [n.id for part in editor.model.roots() for n in part.children][:100]
        change = BulkChange(add=((units[-1], "support"),), deadline=("2026年10月底前", None))
        bulk, bulk_undo = [], []
        for _ in range(runs):
            bulk.append(_timed(app, lambda: editor.bulk_edit(tasks, change)))
            bulk_undo.append(_timed(app, window.undo_action.trigger))
        replace, replace_undo = [], []
        for _ in range(runs):
            hits = find_hits(editor.plan, editor.model.roots(), "2026年")
            replace.append(_timed(app, lambda h=hits: editor.replace_hits(h, "2026年", "2027年")))
            replace_undo.append(_timed(app, window.undo_action.trigger))
        window.close()
    finally:
        ctx.close()
    m = statistics.median
    return m(search), m(bulk), m(bulk_undo), m(replace), m(replace_undo)


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-tools-") as tmp:
        search, bulk, bulk_undo, replace, replace_undo = measure(Path(tmp))
    return [
        Measurement("300 项任务中查找（筛选并重绘大纲）", search, "ms", SEARCH_TARGET_MS),
        Measurement("批量设置 100 项任务（一步）", bulk, "ms", BULK_TARGET_MS),
        Measurement("撤销批量设置", bulk_undo, "ms", BULK_TARGET_MS),
        Measurement("替换 300 项任务中全部“2026年”（一步）", replace, "ms", REPLACE_TARGET_MS),
        Measurement("撤销替换", replace_undo, "ms", REPLACE_TARGET_MS),
    ]
