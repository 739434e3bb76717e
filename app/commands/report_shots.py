"""The 年度报告 and 对照 pages' screenshots for docs/gui.md (used by `screenshot DIR`): the drafted
report with a part open, its properties and format check, the figures, the re-draft question, and
the coverage of the demo plan against a city's document made from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path


def city_document(ctx, tmp: Path) -> Path:
    """The demo plan rewritten as a city's 工作要点 (县 → 市, a few items left out, one added), for
    the coverage screenshot: the program ships no superior's document."""
    from app.services.outline_text import outline_text

    plan = ctx.services.plans.get_plan(ctx.demo_plan_id)
    text = outline_text(plan, ctx.services.plans.tree(plan.id))
    text = re.sub(r"（牵头单位：[^）]*）", "", text).replace("示例县", "示例市").replace("县", "市")
    lines = [ln for ln in text.split("\n") if "信访" not in ln and "统计造假" not in ln]
    lines.append("十、加强法治人才队伍建设")
    lines.append("（一）加强法治工作队伍建设。推进法治专门队伍革命化、正规化、专业化、职业化，加强律师、公证员队伍建设。")
    path = tmp / "示例市2026年法治政府建设工作要点.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def take_report_shots(window, tmp: Path, shot: Callable[..., None]) -> None:
    from app.services.reports import template as T
    from app.ui.main_window import COVERAGE, REPORT

    ctx = window.ctx
    window.nav.setCurrentRow(REPORT)
    page = window.report_page
    page.actions.draft()
    report = page.reports.report(page.plan_id())
    page.editor.select_section(report.section(T.SHORTCOMINGS).id)
    shot(window, "report.png")
    page.tabs.setCurrentWidget(page.properties)
    page.properties.variant.setCurrentIndex(1)
    page.actions.check("joint")
    shot(window, "report-properties.png")
    page.tabs.setCurrentWidget(page.figures)
    fields = page.figures.fields
    row = next(r for r in range(fields.rowCount()) if fields.field(r).name == "政务公开条数")
    page.figures.field_table.selectRow(row)
    shot(window, "report-figures.png")
    page.tabs.setCurrentWidget(page.editor)
    other = report.section(T.NEXT_YEAR)
    page.reports.set_section(other.id, text="2027年，我县将重点抓好三件事：一是……")
    extra = [ctx.services.plans.clone_plan(page.plan_id(), 2027).id]
    page.refresh()
    page.actions.draft()
    dialog = page.actions.dialog
    if dialog is not None and dialog.isVisible():
        dialog.resize(900, 480)
        shot(dialog, "report-redraft.png")
        dialog.reject()
    window.statusBar().clearMessage()  # the report page's last message is not the coverage page's
    window.nav.setCurrentRow(COVERAGE)
    cov_page = window.coverage_page
    extra.append(ctx.services.coverage.import_superior(ctx.demo_plan_id, city_document(ctx, tmp)).superior_id)
    cov_page.show_source(None)
    cov = cov_page.coverage
    if cov is not None:
        for r in cov.rows[:12]:
            for task, score in r.suggestions[:1]:
                ctx.services.coverage.set_link(ctx.demo_plan_id, task.node_id, r.target.kind, r.target.id,
                                               "confirmed", score)
        cov_page.refresh()
        cov_page.table.selectRow(14)
    shot(window, "coverage.png")
    cov_page.tabs.setCurrentIndex(1)
    shot(window, "coverage-reverse.png")
    cov_page.tabs.setCurrentIndex(0)
    # the later screenshots show the demo as it was: the plans made here go again
    ctx.services.coverage.set_superior(ctx.demo_plan_id, None)
    for plan_id in extra:
        ctx.services.plans.delete_plan(plan_id)
    window.nav.setCurrentRow(0)
    window.plans_page.show_plan(ctx.demo_plan_id)
