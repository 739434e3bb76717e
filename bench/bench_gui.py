"""GUI speed: start-up to the first shown window (fresh interpreter, demo database), the first
notice preview after the 公文 page is opened in that fresh process (issue 10), and opening a plan
of 300 tasks in the plan editor. The child processes may write bytecode, as an installed program
has it; the font cache is the clerk's second start's (one warm-up run fills it)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Measurement

STARTUP_TARGET_S = 1.0
FIRST_PREVIEW_TARGET_S = 0.5
# The very first start also creates the database through Alembic's migrations (once per clerk).
NEW_DATABASE_TARGET_S = 1.5
OPEN_PLAN_TARGET_MS = 200.0
REPO = Path(__file__).resolve().parent.parent


def startup_seconds(db: Path, runs: int = 5, fresh: bool = False, preview: bool = False) -> tuple[float, float]:
    """Wall time from spawning `python -m bench.gui_probe` to its "shown" line, median of runs;
    with preview, also the median time from opening the 公文 page to the first preview shown.
    fresh=True starts every run on a new, empty database (the first start, with its dialog)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", FAZHI_CACHE=str(db.parent / "cache"))
    extra = ["preview"] if preview else []
    if not fresh:  # a clerk's database is never given the sample: make one that holds it
        from app.context import open_context
        from app.paths import resolve_paths

        open_context(resolve_paths(db), load_demo=True).close()
    warm = db.with_name("warm.sqlite3") if fresh else db
    subprocess.run([sys.executable, "-m", "bench.gui_probe", str(warm), *extra], cwd=REPO,
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warms the caches
    times, previews = [], []
    for run in range(runs):
        target = db.with_name(f"{db.stem}-{run}.sqlite3") if fresh else db
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "bench.gui_probe", str(target), *extra], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in proc.stdout:
            if line.startswith("SHOWN"):
                times.append(time.perf_counter() - t0)
            elif line.startswith("PREVIEW"):
                previews.append(float(line.split()[1]) / 1000)
        proc.wait()
    if not times or (preview and len(previews) != len(times)):
        raise RuntimeError("the GUI probe never showed its window or its preview")
    return statistics.median(times), statistics.median(previews) if previews else 0.0


def big_plan_snapshot(unit_ids: list[int], parts: int = 30, tasks_per_part: int = 10) -> dict:
    nodes = []
    for p in range(parts):
        children = []
        for t in range(tasks_per_part):
            lead = unit_ids[(p * tasks_per_part + t) % len(unit_ids)]
            support = [u for u in unit_ids[t % 7:t % 7 + 3] if u != lead]
            children.append({
                "heading": f"第{p + 1}部分第{t + 1}项重点任务", "is_task": True,
                "text": "持续推进依法行政，完善制度机制，细化工作措施，确保按期完成。" * 3,
                "deadline_text": "2026年年底前", "deadline": "2026-12-31", "responsible_person": "张三",
                "assignments": [{"unit_id": lead, "role": "lead"},
                                *({"unit_id": u, "role": "support"} for u in support)],
            })
        nodes.append({"heading": f"第{p + 1}部分", "children": children})
    return {"plan": {"title": "压力测试县2026年法治政府建设工作要点", "kind": "年度工作要点", "year": 2026},
            "nodes": nodes}


def open_plan_ms(tmp: Path, runs: int = 15) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.context import open_context
    from app.paths import resolve_paths
    from app.ui.main_window import MainWindow
    from app.ui.qt_app import create_application
    from app.ui.runner import SyncRunner

    app = create_application()
    ctx = open_context(resolve_paths(tmp / "big.sqlite3"), load_demo=True)
    try:
        big = ctx.services.plans.restore_plan(big_plan_snapshot([u.id for u in ctx.services.units.list_units()]))
        window = MainWindow(ctx, runner=SyncRunner())
        window.resize(1280, 800)
        window.show()
        page = window.plans_page
        times = []
        for _ in range(runs):
            page.show_plan(ctx.demo_plan_id)
            app.processEvents()
            t0 = time.perf_counter()
            page.show_plan(big.id)
            app.processEvents()  # includes laying out and painting the tree
            times.append((time.perf_counter() - t0) * 1000)
        assert page.editor.model.rowCount() == 30
        window.close()
    finally:
        ctx.close()
    return statistics.median(times)


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-gui-") as tmp:
        tmp_path = Path(tmp)
        start, preview = startup_seconds(tmp_path / "demo.sqlite3", preview=True)
        first, _none = startup_seconds(tmp_path / "new.sqlite3", fresh=True)
        opened = open_plan_ms(tmp_path)
    return [
        Measurement("启动到主窗口显示（示例数据库，新进程）", start, "s", STARTUP_TARGET_S),
        Measurement("同一新进程中打开“公文”页到首个预览显示", preview, "s", FIRST_PREVIEW_TARGET_S),
        Measurement("首次启动到主窗口与首次设置对话框（新建数据库并执行迁移）", first, "s", NEW_DATABASE_TARGET_S),
        Measurement("打开 300 项任务的工作要点", opened, "ms", OPEN_PLAN_TARGET_MS),
    ]
