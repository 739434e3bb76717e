"""The 年度报告 and 对照 pages' item models pass pytest-qt's qtmodeltester with real data."""

from app.services.reports.report_outline import report_outline
from app.ui.item_models.coverage_table_model import CountyTaskModel, CoverageTableModel
from app.ui.item_models.figure_table_model import FigureTableModel, UnitFigureModel
from app.ui.item_models.report_outline_model import ReportOutlineModel
from tests.unit.coverage.conftest import SUPERIOR_FILE


def test_report_models(qtmodeltester, ctx):
    rs = ctx.services.reports
    plan_id = ctx.demo_plan_id
    rs.apply_draft(plan_id, rs.preview_draft(plan_id))
    report = rs.report(plan_id)
    outline = ReportOutlineModel()
    outline.set_entries(report_outline(report))
    qtmodeltester.check(outline, force_py=True)
    assert outline.rowCount() == len(report_outline(report))
    fs = rs.figures
    fields = FigureTableModel()
    fields.set_data(fs.fields(), fs.totals(report.id), fs.asked(report.id))
    qtmodeltester.check(fields, force_py=True)
    units = UnitFigureModel()
    values = fs.values(report.id)
    units.set_rows([(u.unit_id, u.name, values.get((u.unit_id, "政务公开条数"))) for u in fs.asked(report.id)
                    if "政务公开条数" in u.fields])
    qtmodeltester.check(units, force_py=True)
    assert units.rowCount() > 20


def test_coverage_models(qtmodeltester, ctx):
    svc = ctx.services.coverage
    svc.import_superior(ctx.demo_plan_id, SUPERIOR_FILE)
    cov = svc.coverage(ctx.demo_plan_id)
    table = CoverageTableModel()
    table.set_coverage(cov)
    qtmodeltester.check(table, force_py=True)
    assert table.rowCount() == 35
    tasks = CountyTaskModel(("序号", "建议的本县任务", "相似度", "判断"))
    tasks.set_tasks(next(r.suggestions for r in cov.rows if r.suggestions))
    qtmodeltester.check(tasks, force_py=True)
    reverse = CountyTaskModel(("序号", "本县任务", "所属部分"))
    reverse.set_tasks([(t, None) for t in cov.unlinked])
    qtmodeltester.check(reverse, force_py=True)
