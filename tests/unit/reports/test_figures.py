"""The 年度数据表 round-trip: one sheet per unit (protected, validated, hidden identifiers under a
checksum, pre-filled), the returned file previewed against what is on record, the accepted figures
summed into the report; refused files name every problem and store nothing."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.errors import InputFileError, ValidationError
from app.services.reports import figure_sheet as F
from app.services.reports.figure_fields import fields_from, fields_to_settings
from app.services.reports.figure_import import apply_sheet, preview_sheet, undo_sheet
from app.services.reports.figures import FigureValue, FigureWrite
from app.services.tracking.form_import import CHANGED, EMPTY, NEW, SAME, FormRefused

pytestmark = pytest.mark.both_databases  # the report service on SQLite and on the PostgreSQL server


def export_for(r, name: str, out: Path) -> Path:
    fs = r.reports.figures
    report = r.reports.report(r.plan_id)
    unit = next(u for u in fs.asked(report.id) if u.name == name)
    (path,) = F.export_sheets(report, fs.asked(report.id), fs.fields(), fs.values(report.id), out, [unit.unit_id])
    return path


def row_of(ws, field: str) -> int:
    return next(r for r in range(F.FIRST_ROW, ws.max_row + 1) if ws.cell(r, F.FIELD_ID).value == field)


def test_sheet_is_protected_validated_prefilled_and_identified(reported, tmp_path):
    path = export_for(reported, "县司法局", tmp_path)
    assert path.name == "县司法局-2026年度法治政府建设数据表.xlsx"
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    assert ws.protection.sheet and wb[F.META_SHEET].sheet_state == "veryHidden"
    fields = [ws.cell(r, F.FIELD_ID).value for r in range(F.FIRST_ROW, ws.max_row + 1)]
    assert fields == ["法治专题讲座", "规范性文件审核", "规范性文件备案", "行政复议案件", "行政应诉案件", "负责人出庭应诉",
                      "政务公开条数", "执法培训人次"]
    assert ws.cell(row_of(ws, "行政复议案件"), F.VALUE).value == 47  # what the unit already gave
    assert not ws.cell(row_of(ws, "行政复议案件"), F.VALUE).protection.locked
    assert ws.cell(row_of(ws, "行政复议案件"), 2).protection.locked
    assert {dv.type for dv in ws.data_validations.dataValidation} == {"decimal", "textLength"}
    assert ws.cell(row_of(ws, "行政复议案件"), 4).value == "办理行政复议案件＿＿件"


def test_returned_sheet_preview_apply_totals_and_undo(reported, tmp_path):
    fs = reported.reports.figures
    rid = reported.reports.report(reported.plan_id).id
    path = export_for(reported, "县司法局", tmp_path)
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    ws[F.REPORTER_CELL] = "王静"
    ws.cell(row_of(ws, "行政复议案件"), F.VALUE, 52)
    ws.cell(row_of(ws, "行政复议案件"), F.NOTE, "含不予受理5件")
    ws.cell(row_of(ws, "执法培训人次"), F.VALUE, "120人次")
    ws.cell(row_of(ws, "法治专题讲座"), F.VALUE).value = None
    wb.save(path)
    before = fs.totals(rid).value("行政复议案件")
    preview = preview_sheet(fs, path, rid)
    kinds = {r.field: r.kind for r in preview.rows}
    assert kinds["行政复议案件"] == CHANGED and kinds["规范性文件审核"] == SAME
    assert kinds["法治专题讲座"] == EMPTY and kinds["执法培训人次"] in (NEW, CHANGED)
    change = next(r for r in preview.rows if r.field == "行政复议案件")
    assert change.describe() == "数值：47 → 52；备注：（空） → 含不予受理5件"
    assert preview.reported_by == "王静" and "县司法局 2026年度数据表" in preview.summary()
    outcome = apply_sheet(fs, preview)
    assert fs.totals(rid).value("行政复议案件") == before + 5
    assert fs.values(rid)[(preview.unit_id, "执法培训人次")].value == 120
    assert fs.values(rid)[(preview.unit_id, "法治专题讲座")].value == 2  # a blank cell removes nothing
    again = preview_sheet(fs, path, rid)
    assert again.already and all(r.kind in (SAME, EMPTY) for r in again.rows)
    undo_sheet(fs, outcome)
    assert fs.totals(rid).value("行政复议案件") == before
    assert fs.values(rid)[(preview.unit_id, "行政复议案件")].note == ""


@pytest.mark.parametrize("damage, expected", [
    (lambda wb, ws: ws.cell(F.FIRST_ROW + 1, F.VALUE, "很多"), "不是数字"),
    (lambda wb, ws: ws.cell(F.FIRST_ROW, F.VALUE, "=1+1"), "是公式"),
    (lambda wb, ws: ws.cell(F.FIRST_ROW, F.VALUE, -3), "不能为负数"),
    (lambda wb, ws: ws.delete_rows(F.FIRST_ROW + 2), "请勿改动行"),
    (lambda wb, ws: ws.cell(F.HEADER_ROW, F.VALUE, "数值"), "表头被改动过"),
    (lambda wb, ws: wb[F.META_SHEET].cell(6, 1, 999), "校验不符"),
    (lambda wb, ws: ws.cell(F.FIRST_ROW + 30, 2, "新增的数据"), None),
])
def test_damaged_returns_are_refused_with_the_problem(reported, tmp_path, damage, expected):
    fs = reported.reports.figures
    rid = reported.reports.report(reported.plan_id).id
    path = export_for(reported, "县司法局", tmp_path)
    wb = load_workbook(path)
    damage(wb, wb[F.DATA_SHEET])
    wb.save(path)
    before = fs.values(rid)
    if expected is None:  # far below the form: nothing the reader looks at
        preview_sheet(fs, path, rid)
        return
    with pytest.raises(InputFileError) as err:
        preview_sheet(fs, path, rid)
    assert expected in err.value.message and "\n" not in err.value.message
    assert fs.values(rid) == before


def test_files_that_are_not_figure_sheets(reported, tmp_path):
    fs = reported.reports.figures
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    text = tmp_path / "数据.xlsx"
    text.write_text("行政复议 47", encoding="utf-8")
    from openpyxl import Workbook

    own = tmp_path / "自制表.xlsx"
    Workbook().save(own)
    for path, words in ((empty, "空文件"), (text, "不是"), (own, "不是法治工作台导出的年度数据表"),
                        (tmp_path / "无.xlsx", "找不到文件")):
        with pytest.raises(InputFileError, match=words):
            preview_sheet(fs, path)


def test_a_progress_form_and_a_figure_sheet_are_not_confused(reported, tmp_path):
    from app.services.tracking.form_import import preview_form

    path = export_for(reported, "县司法局", tmp_path)
    with pytest.raises(InputFileError, match="不是法治工作台导出的进展情况报表"):
        preview_form(reported.ctx.services.tracking, path)


def test_another_years_sheet_is_refused_in_this_report(reported, tmp_path):
    fs = reported.reports.figures
    path = export_for(reported, "县司法局", tmp_path)
    with pytest.raises(FormRefused, match="不是同一份"):
        preview_sheet(fs, path, report_id=999)


def test_field_settings_are_checked_and_round_trip():
    default = fields_from(None)
    assert [f.name for f in fields_from(fields_to_settings(default))] == [f.name for f in default]
    with pytest.raises(ValidationError, match="重名"):
        fields_from([{"name": "学法"}, {"name": "学法"}])
    with pytest.raises(ValidationError, match="不存在"):
        fields_from([{"name": "比率", "rate": ["甲", "乙"]}])
    with pytest.raises(ValidationError, match="名称"):
        fields_from([{"name": "学法{次数}"}])


def test_values_out_of_range_are_refused(reported):
    fs = reported.reports.figures
    rid = reported.reports.report(reported.plan_id).id
    unit = fs.asked(rid)[0]
    with pytest.raises(ValidationError, match="不在 0 到 10 亿之间"):
        fs.write(rid, [FigureWrite(unit.unit_id, unit.fields[0], FigureValue(-1.0))])
