"""Writes one 进展情况报表 (.xlsx) per unit for a period: its tasks as 牵头 and 配合, deadlines,
what 序时 asks for, last period's report pre-filled, only the report cells editable (protected
sheet, drop-down status, validated numbers and dates), and hidden identifiers with a checksum."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.services.errors import NotFoundError
from app.services.tracking import form_layout as F
from app.services.tracking.form_layout import clean
from app.services.tracking.form_sheet import (
    BOLD,
    CENTER,
    WRAP,
    add_validation,
    protect_for_print,
    register_styles,
    write_meta,
)
from app.services.tracking.ledger import Ledger, LedgerRow
from app.services.tracking.lights import expected_percent_at
from app.services.tracking.policy import STATUSES, cn_date

OPEN = Protection(locked=False)


def form_rows(ledger: Ledger, unit_id: int) -> list[LedgerRow]:
    """What the unit is asked about: its rows, lead first, without closed (销号) tasks or stopped rows."""
    rows = [r for r in ledger.rows_of_unit(unit_id)
            if r.task.closure is None and r.status_text != "中止"]
    return sorted(rows, key=lambda r: (r.role != "lead", r.task.serial))


def form_units(ledger: Ledger) -> list[tuple[int, str]]:
    seen: dict[int, str] = {}
    for r in ledger.rows:
        if r.task.closure is None:
            seen.setdefault(r.unit_id, r.unit_name)
    return list(seen.items())


def form_file_name(ledger: Ledger, unit_name: str) -> str:
    return F.safe_file_name(f"{unit_name}-{ledger.period.label}进展情况报表") + ".xlsx"


def _pace(ledger: Ledger, row: LedgerRow) -> str:
    t = row.task
    if t.milestones:
        ahead = [(d, p) for d, p in t.milestones if d >= ledger.period.start] or [t.milestones[-1]]
        d, p = ahead[0]
        return f"{d.month}月{d.day}日前达到{p}%"
    if t.effective_deadline is None:
        return "长期任务，按月报送"
    exp = expected_percent_at(ledger.schedule.start_date, t.effective_deadline, ledger.period.due)
    return f"截至{ledger.period.due.month}月{ledger.period.due.day}日应达{exp}%"


def form_workbook(ledger: Ledger, unit_id: int, unit_name: str) -> bytes:
    rows = form_rows(ledger, unit_id)
    if not rows:
        raise NotFoundError(f"“{unit_name}”在本期没有需要报送的任务。")
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = F.DATA_SHEET
    ncol = F.LAST_COLUMN
    for j, (_title, width) in enumerate(F.COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.column_dimensions[get_column_letter(F.ROW_ID)].hidden = True
    title = ws.cell(1, 1, clean(f"{ledger.plan_title}重点任务推进情况报表（{ledger.period.label}）"))
    title.font, title.alignment = Font(name="黑体", size=14), CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol - 1)
    ws.row_dimensions[1].height = 30
    ws.cell(2, 1, clean(f"填报单位：{unit_name}")).font = BOLD
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    ws.cell(2, 5, f"报送截止：{cn_date(ledger.period.due)}").font = BOLD
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=7)
    ws.cell(2, 8, "填报人：").font = BOLD
    ws.cell(2, 10, "联系电话：").font = BOLD
    for ref in (F.REPORTER_CELL, F.PHONE_CELL):
        ws[ref].style = "fz_open_c"
    note = ws.cell(4, 1, F.INSTRUCTIONS)
    note.font, note.alignment = Font(name="宋体", size=9, color="404040"), WRAP
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=ncol - 1)
    ws.row_dimensions[4].height = ws.row_dimensions[5].height = 33
    for j, (col_title, _w) in enumerate(F.COLUMNS, start=1):
        ws.cell(F.HEADER_ROW, j, col_title).style = "fz_head"
    r = F.HEADER_ROW
    ids = []
    for row in rows:
        r += 1
        # pre-filled with the latest report: this period's when one is already in, else the last one
        prev = row.last.values if row.last else None
        last_status = row.previous.status if row.previous else "未报送"
        rid = F.row_id(row.task.node_id, row.unit_id)
        ids.append(rid)
        locked = (row.task.serial, clean(row.task.text), row.role_text, clean(row.task.deadline_text or "—"),
                  _pace(ledger, row), last_status)
        for j, value in enumerate(locked, start=1):
            ws.cell(r, j, value).style = "fz_lock" if j == 2 else "fz_lock_c"
        editable = (prev.status if prev else None, prev.percent if prev else None, clean(prev.text) if prev else None,
                    clean(prev.problems) if prev else None, None, clean(prev.evidence) if prev else None)
        for j, value in zip(F.EDITABLE, editable, strict=True):
            ws.cell(r, j, value or (0 if value == 0 else None)).style = _OPEN_STYLE.get(j, "fz_open")
        ws.cell(r, F.ROW_ID, rid)
        ws.row_dimensions[r].height = max(48, 14 * (len(row.task.text) // 22 + 1))
    _validations(ws, F.FIRST_ROW, r)
    _meta(wb, ledger, unit_id, unit_name, ids)
    ws.freeze_panes = ws.cell(F.FIRST_ROW, 3)
    protect_for_print(ws, F.HEADER_ROW)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_OPEN_STYLE = {F.STATUS: "fz_open_c", F.PERCENT: "fz_open_c", F.EXTEND_TO: "fz_open_date"}


def _validations(ws, first: int, last: int) -> None:
    def add(dv: DataValidation, col: int) -> None:
        add_validation(ws, dv, col, first, last)

    add(DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                       errorTitle="本期状态", error="请从下拉列表中选择本期状态。"), F.STATUS)
    add(DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                       errorTitle="完成进度", error="完成进度请填 0 到 100 之间的整数。"), F.PERCENT)
    add(DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                       errorTitle="申请延期至", error="请填写日期，如 2026-12-31。"), F.EXTEND_TO)
    for col, limit in ((F.TEXT, 2000), (F.PROBLEMS, 2000), (F.EVIDENCE, 1000)):
        add(DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(limit), allow_blank=True,
                           errorTitle="字数过多", error=f"本栏请控制在 {limit} 字以内。"), col)


def _meta(wb: Workbook, ledger: Ledger, unit_id: int, unit_name: str, ids: list[str]) -> None:
    write_meta(wb, F.META_SHEET, (
        F.FORM_MARK, F.FORM_VERSION, ledger.plan_id, clean(ledger.plan_title), ledger.period.key,
        ledger.period.label, unit_id, clean(unit_name), datetime.now().strftime("%Y-%m-%d %H:%M"),
        len(ids), ",".join(ids), F.checksum(ledger.plan_id, ledger.period.key, unit_id, ids)))


def export_forms(ledger: Ledger, out_dir: Path, unit_ids: list[int] | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """One file per unit into out_dir (all units of the period when unit_ids is None)."""
    units = [(u, n) for u, n in form_units(ledger) if unit_ids is None or u in unit_ids]
    if not units:
        raise NotFoundError("本期没有需要报送的单位。")
    from app.services.documents.service import write_bytes  # reportlab comes with it: load it late

    written = []
    for i, (uid, name) in enumerate(units):
        if progress is not None:
            progress(i, len(units), name)
        written.append(write_bytes(Path(out_dir) / form_file_name(ledger, name), form_workbook(ledger, uid, name)))
    return written
