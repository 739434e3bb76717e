"""The shared server against the embedded file: opening a 300-task plan in the plan editor and
refreshing the 督办 grid (300 tasks × 60 units × 12 months of reports), each on SQLite and on a
PostgreSQL server on this machine; the server must stay within 1.5× of the file.

The server is the tests' throwaway cluster (FAZHI_TEST_PG, or one started for the run; it needs the
postgresql package, as test.sh installs). The same data reaches it through `db copy`."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from bench.bench_tracking import TODAY, build, timed
from bench.harness import Measurement

RATIO_TARGET = 1.5


def _measure(app, ctx, plan_id: int) -> tuple[float, float]:
    from app.services.tracking import TrackingService
    from app.ui.main_window import TRACKING, MainWindow
    from app.ui.runner import SyncRunner

    ctx.services.__dict__["tracking"] = TrackingService(ctx.session_factory, ctx.settings, clock=lambda: TODAY)
    ctx.settings.last_plan_id = plan_id
    window = MainWindow(ctx, runner=SyncRunner())
    window.changes.stop()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    plans = window.plans_page

    def open_plan() -> None:
        plans.show_plan(plan_id)
        app.processEvents()

    opened = timed(open_plan, runs=10, warmup=2)[0]
    window.nav.setCurrentRow(TRACKING)
    page = window.tracking_page
    page.tabs.setCurrentWidget(page.ledger_view)
    app.processEvents()

    def refresh() -> None:
        page.refresh()
        app.processEvents()

    grid = timed(refresh, runs=10, warmup=2)[0]
    window.close()
    return opened, grid


def run() -> list[Measurement]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.context import open_context
    from app.paths import server_paths
    from app.services.server.db_copy import copy_all
    from app.ui.qt_app import create_application
    from tests.pg import PgCluster

    assert date(2026, 12, 1) <= TODAY
    app = create_application()
    cluster = PgCluster.obtain()
    try:
        with tempfile.TemporaryDirectory(prefix="fazhi-bench-server-") as tmp:
            tmp_path = Path(tmp)
            ctx, _tracking, plan_id, entries = build(tmp_path)
            target = cluster.new_database(prefix="bench")
            try:
                server = open_context(server_paths(target, tmp_path / "pc"), load_demo=False)
                copy_all(ctx.engine, server.engine)
                server.close()
                server = open_context(server_paths(target, tmp_path / "pc"), load_demo=False)
                file_open, file_grid = _measure(app, ctx, plan_id)
                pg_open, pg_grid = _measure(app, server, plan_id)
                server.close()
            finally:
                ctx.close()
                cluster.drop_database(target.dbname)
    finally:
        cluster.stop()
    return [
        Measurement("打开 300 项任务的工作要点（本机文件）", file_open, "ms"),
        Measurement("打开 300 项任务的工作要点（服务器）", pg_open, "ms"),
        Measurement("打开工作要点：服务器 / 本机文件", pg_open / file_open, "倍", RATIO_TARGET),
        Measurement(f"刷新督办台账（本机文件，{entries} 条进展）", file_grid, "ms"),
        Measurement("刷新督办台账（服务器）", pg_grid, "ms"),
        Measurement("刷新督办台账：服务器 / 本机文件", pg_grid / file_grid, "倍", RATIO_TARGET),
    ]
