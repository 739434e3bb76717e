"""督办 speed with 300 tasks × 60 units × 12 periods: dashboard and grid refresh, exporting every
unit's form, and importing one returned form."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from bench.harness import Measurement

REFRESH_TARGET_MS = 200.0
FORMS_TARGET_S = 5.0
IMPORT_TARGET_MS = 200.0
TODAY = date(2026, 12, 20)
UNITS, PARTS, PER_PART = 60, 30, 10


def build(tmp: Path):
    """A database with 60 units, 300 tasks (1 牵头 + 2–3 配合 each) and a year of monthly reports."""
    from sqlalchemy import insert, select

    from app.context import open_context
    from app.models import ProgressEntry, ReportingPeriod, Unit
    from app.models.database import session_scope
    from app.paths import resolve_paths
    from app.services.tracking import TrackingService

    ctx = open_context(resolve_paths(tmp / "track.sqlite3"), load_demo=False)
    with session_scope(ctx.session_factory) as s:
        for i in range(UNITS):
            s.add(Unit(name=f"压力测试第{i + 1}局", category="县政府部门", sort_order=i))
    unit_ids = [u.id for u in ctx.services.units.list_units()]
    nodes = []
    rnd = random.Random(7)
    for p in range(PARTS):
        children = []
        for t in range(PER_PART):
            lead = unit_ids[(p * PER_PART + t) % UNITS]
            support = rnd.sample([u for u in unit_ids if u != lead], rnd.choice((2, 3)))
            month = rnd.randint(3, 12)
            children.append({
                "heading": f"第{p + 1}部分第{t + 1}项重点任务", "is_task": True,
                "text": "持续推进依法行政，完善制度机制，细化工作措施，确保按期完成。" * 2,
                "deadline_text": f"2026年{month}月底前", "deadline": date(2026, month, 28).isoformat(),
                "assignments": [{"unit_id": lead, "role": "lead"}, *({"unit_id": u, "role": "support"} for u in support)],
            })
        nodes.append({"heading": f"第{p + 1}部分", "children": children})
    plan = ctx.services.plans.restore_plan({"plan": {"title": "压力测试县2026年法治政府建设工作要点", "year": 2026},
                                            "nodes": nodes})
    ctx.settings.track_rhythm = "monthly"
    tracking = TrackingService(ctx.session_factory, ctx.settings, clock=lambda: TODAY)
    tracking.schedules.set_schedule(plan.id, "monthly", 25, False, date(2026, 1, 1))
    with session_scope(ctx.session_factory) as s:
        periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan.id)
                            .order_by(ReportingPeriod.seq)).all()
        rows = []
        for node in ctx.services.plans.tree(plan.id):
            for task in node.children:
                for a in task.assignments:
                    for k, period in enumerate(periods):
                        if k == len(periods) - 1 and rnd.random() < 0.5:
                            continue  # half the units have not yet returned December's form
                        pct = min(100, 8 * (k + 1) + rnd.randint(-20, 10))
                        rows.append({"node_id": task.id, "unit_id": a.unit_id, "period_id": period.id,
                                     "status": "已完成" if pct >= 100 else "推进中", "percent": max(0, pct),
                                     "text": "本月按计划推进，完成阶段性工作，形成相关材料。", "problems": "", "evidence": "",
                                     "reported_by": "填报人", "source": "报表", "source_file": "x.xlsx",
                                     "entered_at": datetime(2026, 1, 1), "updated_at": datetime(2026, 1, 1)})
        s.execute(insert(ProgressEntry), rows)
    ctx.services.__dict__["tracking"] = tracking
    return ctx, tracking, plan.id, len(rows)


def timed(fn, runs: int, warmup: int = 1) -> tuple[float, float]:
    """Median wall and CPU milliseconds: on a shared machine the CPU time shows what the code costs."""
    for _ in range(warmup):
        fn()
    walls, cpus = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def run() -> list[Measurement]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from openpyxl import load_workbook

    from app.services.tracking import form_layout as F
    from app.services.tracking.form_export import export_forms
    from app.services.tracking.form_import import apply_form, preview_form, undo_import
    from app.ui.main_window import TRACKING, MainWindow
    from app.ui.qt_app import create_application
    from app.ui.runner import SyncRunner

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-track-") as tmp:
        tmp_path = Path(tmp)
        ctx, tracking, plan_id, entries = build(tmp_path)
        try:
            ctx.settings.last_plan_id = plan_id
            window = MainWindow(ctx, runner=SyncRunner())
            window.resize(1366, 768)
            window.show()
            window.nav.setCurrentRow(TRACKING)
            page = window.tracking_page
            app.processEvents()
            rows = len(page.ledger.rows)

            def refresh(tab) -> None:
                page.tabs.setCurrentWidget(tab)
                app.processEvents()
                page.refresh()
                app.processEvents()  # laying out and painting included

            grid = timed(lambda: refresh(page.ledger_view), runs=10, warmup=2)
            dash = timed(lambda: refresh(page.dashboard), runs=10, warmup=2)

            ledger = page.ledger
            out_dirs = iter(range(100))
            written: list[Path] = []

            def export() -> None:
                written[:] = export_forms(ledger, tmp_path / f"forms{next(out_dirs)}")

            forms = timed(export, runs=3, warmup=0)

            form = max(written, key=lambda p: p.stat().st_size)
            wb = load_workbook(form)
            ws = wb[F.DATA_SHEET]
            for r in range(F.FIRST_ROW, ws.max_row + 1):
                if ws.cell(r, F.ROW_ID).value and r < F.FIRST_ROW + 5:
                    ws.cell(r, F.PERCENT, 99)  # five changed rows, as a unit would send back
            wb.save(form)
            outcomes = []

            def take() -> None:
                outcomes.append(apply_form(tracking, preview_form(tracking, form, plan_id, ledger.period.id)))

            def take_and_undo() -> tuple[float, float]:
                got = timed(take, runs=1, warmup=0)
                undo_import(tracking, outcomes.pop())
                return got

            imports = [take_and_undo() for _ in range(7)]
            window.close()
        finally:
            ctx.close()
    imp = (statistics.median(w for w, _c in imports), statistics.median(c for _w, c in imports))
    return [
        Measurement(f"督办台账刷新（{rows} 行，{entries} 条进展）", grid[0], "ms", REFRESH_TARGET_MS),
        Measurement("  其中本进程 CPU 时间", grid[1], "ms"),
        Measurement("督办概览刷新（统计与两张条形图）", dash[0], "ms", REFRESH_TARGET_MS),
        Measurement("  其中本进程 CPU 时间", dash[1], "ms"),
        Measurement(f"导出全部单位报表（{len(written)} 份）", forms[0] / 1000, "s", FORMS_TARGET_S),
        Measurement("  其中本进程 CPU 时间", forms[1] / 1000, "s"),
        Measurement("导入一份回收报表（核对并写入）", imp[0], "ms", IMPORT_TARGET_MS),
        Measurement("  其中本进程 CPU 时间", imp[1], "ms"),
    ]
