"""The offline round-trip: export a unit's form, fill it with openpyxl as the unit would, import it,
see the lights change; and every refusal, each with its own Chinese sentence, storing nothing."""

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from app.services.errors import InputFileError
from app.services.tracking import form_layout as F
from app.services.tracking.form_export import export_forms, form_file_name, form_workbook
from app.services.tracking.form_import import (
    CHANGED,
    NEW,
    SAME,
    FormRefused,
    apply_form,
    preview_form,
    undo_import,
)


def counts(tracked):
    from app.models import FormReturn, ProgressEntry
    from app.models.database import session_scope
    with session_scope(tracked.ctx.session_factory) as s:
        return s.query(ProgressEntry).count(), s.query(FormReturn).count()


@pytest.fixture
def form(tracked, tmp_path):
    """县司法局's form for the open period (2026年12月), as written for the unit."""
    sched = tracked.service.schedule(tracked.plan_id)
    period = sched.by_key("2026-12")
    ledger = tracked.service.ledger(tracked.plan_id, period.id)
    unit_id = next(u for u, n in ledger.units.items() if n == "县司法局")
    path = tmp_path / form_file_name(ledger, "县司法局")
    path.write_bytes(form_workbook(ledger, unit_id, "县司法局"))
    return path, ledger, unit_id


def rows_by_serial(ws):
    return {ws.cell(r, 1).value: r for r in range(F.FIRST_ROW, ws.max_row + 1) if ws.cell(r, F.ROW_ID).value}


def test_the_form_is_protected_prefilled_and_validated(form):
    path, _ledger, _unit_id = form
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    assert ws.protection.sheet and wb[F.META_SHEET].sheet_state == "veryHidden"
    assert ws.column_dimensions["M"].hidden
    r = rows_by_serial(ws)[30]  # 普法规划: November's report is pre-filled
    assert ws.cell(r, F.STATUS).value == "推进中" and ws.cell(r, F.PERCENT).value == 48
    assert "摸底调查" in ws.cell(r, F.TEXT).value or ws.cell(r, F.TEXT).value
    assert not ws.cell(r, F.TEXT).protection.locked and ws.cell(r, 2).protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "whole", "date", "textLength"} <= kinds
    assert 13 not in rows_by_serial(ws)  # the closed (销号) task is not asked again
    roles = [ws.cell(r, 3).value for r in sorted(rows_by_serial(ws).values())]
    assert roles == sorted(roles, key=lambda x: x != "牵头")  # 牵头 first, then 配合


def test_round_trip_end_to_end(tracked, form):
    path, ledger, unit_id = form
    before = {r.task.serial: r.light.color for r in ledger.rows_of_unit(unit_id)}
    assert before[30] == "红"
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    rows = rows_by_serial(ws)
    ws[F.REPORTER_CELL] = "王静"
    ws.cell(rows[30], F.PERCENT, 92)
    ws.cell(rows[30], F.TEXT, "已在全县开展普法宣传月活动，九五规划印发实施。")
    ws.cell(rows[10], F.STATUS, "已完成")
    ws.cell(rows[10], F.PERCENT, 100)
    ws.cell(rows[14], F.STATUS, "申请延期")
    ws.cell(rows[14], F.PROBLEMS, "评估机构本月才确定。")
    ws.cell(rows[14], F.EXTEND_TO, datetime(2027, 1, 31))
    wb.save(path)

    preview = preview_form(tracked.service, path, tracked.plan_id, ledger.period.id)
    by = {int(r.serial): r for r in preview.rows}
    assert preview.unit_name == "县司法局" and preview.reported_by == "王静"
    assert by[30].kind == NEW and ("进度", "48%", "92%") in by[30].changes
    assert by[14].extend_to == date(2027, 1, 31)
    by[1].accept = False  # the clerk rejects one row
    outcome = apply_form(tracked.service, preview)
    assert outcome.accepted == preview.count(NEW) - 1 and outcome.rejected == 1

    after = tracked.service.ledger(tracked.plan_id, ledger.period.id)
    lights = {r.task.serial: r for r in after.rows_of_unit(unit_id)}
    assert lights[30].light.color == "绿" and lights[30].entry.source_file == path.name
    assert lights[10].light.color == "绿" and lights[10].status_text == "已完成"
    assert "延期申请待审批" in lights[14].light.explain()
    assert lights[1].entry is None  # rejected
    assert tracked.service.returns.list(tracked.plan_id, unit_id)[0].file_name == path.name

    entries_before = counts(tracked)
    again = preview_form(tracked.service, path, tracked.plan_id, ledger.period.id)
    assert again.already is not None
    assert {r.kind for r in again.rows if int(r.serial) != 1} <= {SAME, "未填写"}
    assert next(r for r in again.rows if r.serial == "1").kind == NEW  # the row rejected before is offered again
    next(r for r in again.rows if r.serial == "1").accept = False
    apply_form(tracked.service, again)
    assert counts(tracked) == entries_before  # the same file twice changes nothing

    undo_import(tracked.service, outcome)
    back = {r.task.serial: r for r in tracked.service.ledger(tracked.plan_id, ledger.period.id).rows_of_unit(unit_id)}
    assert back[30].entry is None and back[30].light.color == "红"
    assert tracked.service.extensions.list(back[14].task.node_id) == []  # the request came with the file


def test_changed_row_shows_old_and_new(tracked, form):
    path, _ledger, _unit_id = form
    apply_form(tracked.service, preview_form(tracked.service, path))  # confirm the pre-filled reports
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    ws.cell(rows_by_serial(ws)[30], F.PERCENT, 60)
    wb.save(path)
    row = next(r for r in preview_form(tracked.service, path).rows if r.serial == "30")
    assert row.kind == CHANGED and row.describe() == "进度：48% → 60%"


def edit(path, fn):
    wb = load_workbook(path)
    fn(wb[F.DATA_SHEET], wb)
    wb.save(path)


def refused(tracked, path, *words, **expect):
    before = counts(tracked)
    with pytest.raises(FormRefused) as err:
        preview_form(tracked.service, path, **expect)
    for w in words:
        assert any(w in p for p in err.value.problems), (w, err.value.problems)
    assert counts(tracked) == before
    return err.value


def test_refusals_each_with_a_chinese_sentence(tracked, form):
    path, ledger, _unit = form
    first = F.FIRST_ROW

    edit(path, lambda ws, wb: ws.cell(first, F.PERCENT, "=40+40"))
    refused(tracked, path, "是公式")
    path.write_bytes(form_workbook(ledger, _unit, "县司法局"))

    def bad_types(ws, wb):
        ws.cell(first, F.PERCENT, "八十")
        ws.cell(first + 1, F.STATUS, "完成")
        ws.cell(first + 2, F.STATUS, "申请延期")
        ws.cell(first + 2, F.EXTEND_TO, "明年")
        ws.cell(first + 3, F.TEXT, "字" * 2500)
    edit(path, bad_types)
    err = refused(tracked, path, "不是 0 到 100", "不在下拉列表中", "不是有效日期", "超过 2000 字", "写明理由")
    assert len(err.problems) == 5 and "未导入" in err.message


@pytest.mark.parametrize(("change", "words"), [
    (lambda ws, wb: ws.cell(ws.max_row + 2, 2, "新增的一项工作"), "新增行"),
    (lambda ws, wb: ws.delete_rows(F.FIRST_ROW + 1), "与原表不符"),
    (lambda ws, wb: ws.cell(F.FIRST_ROW, F.ROW_ID, "999-999"), "与原表不符"),
    (lambda ws, wb: ws.insert_cols(3), "表头被改动"),
])
def test_rows_added_removed_moved_and_columns_are_refused(tracked, form, change, words):
    path, _ledger, _unit = form
    edit(path, change)
    refused(tracked, path, words)


def test_edited_identifiers_fail_the_checksum(tracked, form):
    path, *_ = form
    edit(path, lambda ws, wb: wb[F.META_SHEET].cell(7, 1, 1))
    with pytest.raises(InputFileError, match="校验不符"):
        preview_form(tracked.service, path)


def test_a_form_of_another_period_or_plan(tracked, form):
    path, _ledger, _unit = form
    november = tracked.service.schedule(tracked.plan_id).by_key("2026-11")
    refused(tracked, path, "这是2026年12月的报表，当前选择的是2026年11月", plan_id=tracked.plan_id,
            period_id=november.id)
    other = tracked.ctx.services.plans.create_plan("另一份工作要点", year=2026)
    refused(tracked, path, f"当前打开的是《{other.title}》", plan_id=other.id)


def test_not_a_form_at_all(tracked, tmp_path):
    fake = tmp_path / "进展.xlsx"
    fake.write_text("这不是 Excel", encoding="utf-8")
    with pytest.raises(InputFileError, match="不是有效的 Excel"):
        preview_form(tracked.service, fake)
    plain = tmp_path / "自制表.xlsx"
    Workbook().save(plain)
    with pytest.raises(InputFileError, match="不是法治工作台导出"):
        preview_form(tracked.service, plain)
    with pytest.raises(InputFileError, match="找不到文件"):
        preview_form(tracked.service, tmp_path / "没有.xlsx")


def test_all_forms_of_a_period_into_a_folder(tracked, tmp_path):
    ledger = tracked.service.ledger(tracked.plan_id)
    written = export_forms(ledger, tmp_path / "out")
    assert len(written) == len({r.unit_id for r in ledger.rows if r.task.closure is None})
    assert all(p.name.endswith(f"{ledger.period.label}进展情况报表.xlsx") for p in written)
