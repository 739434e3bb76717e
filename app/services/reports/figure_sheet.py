"""The 年度数据表: one .xlsx per unit, collected once a year through the same round-trip as the 督办
forms (tracking/form_sheet.py: protected sheet, only the value cells open, validated numbers,
hidden identifiers under a checksum, guarded reading). Pre-filled with what the unit already
gave, so a second round asks only for changes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.services.errors import NotFoundError
from app.services.reports.dto import ReportDTO
from app.services.reports.figure_fields import FigureField, format_number
from app.services.reports.figures import AskedUnit, FigureValue
from app.services.tracking.form_layout import clean, safe_file_name
from app.services.tracking.form_sheet import (
    BOLD,
    CENTER,
    WRAP,
    add_validation,
    checksum,
    protect_for_print,
    register_styles,
    write_meta,
)

FORM_MARK = "fazhi-desk-figures-form"
FORM_VERSION = "1"
DATA_SHEET = "年度数据表"
META_SHEET = "_fazhi"
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
REPORTER_CELL, PHONE_CELL = "D2", "F2"
COLUMNS = (("序号", 6), ("数据项", 20), ("计量单位", 9), ("说明", 40), ("本单位数值", 14), ("备注（数据来源、口径）", 32),
           ("标识", 10))
VALUE, NOTE, FIELD_ID = 5, 6, 7
MAX_NOTE = 200
INSTRUCTIONS = (
    "填写说明：1. 只需填写白色单元格（本单位数值、备注），灰色单元格已锁定。2. 数值填阿拉伯数字（如 12），本单位没有的填 0，"
    "不掌握的留空并在备注中说明。3. 表中已填入本单位以前报送的数据，没有变化的不必改动。4. 请勿增删行、调整顺序或改动隐藏的识别信息；"
    "填好后保存，将本文件原样发回。")


def form_checksum(report_id: int, year: int, unit_id: int, ids: list[str]) -> str:
    return checksum(FORM_MARK, FORM_VERSION, report_id, year, unit_id, "|".join(ids))


def explain(f: FigureField) -> str:
    return f.phrase.replace("{}", "＿＿") if f.phrase else f"全年{f.name}"


def sheet_file_name(report: ReportDTO, unit_name: str) -> str:
    return safe_file_name(f"{unit_name}-{report.year}年度法治政府建设数据表") + ".xlsx"


def figure_workbook(report: ReportDTO, unit: AskedUnit, fields: list[FigureField],
                    values: dict[tuple[int, str], FigureValue]) -> bytes:
    by_name = {f.name: f for f in fields}
    asked = [by_name[n] for n in unit.fields if n in by_name]
    if not asked:
        raise NotFoundError(f"“{unit.name}”没有需要填报的数据项。")
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = DATA_SHEET
    for j, (_title, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.column_dimensions[get_column_letter(FIELD_ID)].hidden = True
    title = ws.cell(1, 1, clean(f"{report.year}年度法治政府建设情况数据表（{report.plan_title}）"))
    title.font, title.alignment = Font(name="黑体", size=14), CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=NOTE)
    ws.row_dimensions[1].height = 30
    ws.cell(2, 1, clean(f"填报单位：{unit.name}")).font = BOLD
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2)
    ws.cell(2, 3, "填报人：").font = BOLD
    ws.cell(2, 5, "联系电话：").font = BOLD
    for ref in (REPORTER_CELL, PHONE_CELL):
        ws[ref].style = "fz_open_c"
    note = ws.cell(4, 1, INSTRUCTIONS)
    note.font, note.alignment = Font(name="宋体", size=9, color="404040"), WRAP
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=NOTE)
    ws.row_dimensions[4].height = ws.row_dimensions[5].height = 30
    for j, (col_title, _w) in enumerate(COLUMNS, start=1):
        ws.cell(HEADER_ROW, j, col_title).style = "fz_head"
    r = HEADER_ROW
    for k, f in enumerate(asked, start=1):
        r += 1
        have = values.get((unit.unit_id, f.name))
        for j, v in enumerate((k, clean(f.name), f.unit, clean(explain(f))), start=1):
            ws.cell(r, j, v).style = "fz_lock" if j in (2, 4) else "fz_lock_c"
        number = have.value if have is not None else None
        ws.cell(r, VALUE, int(number) if number is not None and float(number).is_integer() else number).style = \
            "fz_open_num"
        ws.cell(r, NOTE, clean(have.note) if have is not None and have.note else None).style = "fz_open"
        ws.cell(r, FIELD_ID, f.name)
        ws.row_dimensions[r].height = 30
    add_validation(ws, DataValidation(type="decimal", operator="between", formula1="0", formula2="1000000000",
                                      allow_blank=True, errorTitle="本单位数值",
                                      error="请填写 0 或正数（阿拉伯数字），不掌握的留空并在备注中说明。"), VALUE, FIRST_ROW, r)
    add_validation(ws, DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_NOTE),
                                      allow_blank=True, errorTitle="字数过多",
                                      error=f"备注请控制在 {MAX_NOTE} 字以内。"), NOTE, FIRST_ROW, r)
    ids = [f.name for f in asked]
    write_meta(wb, META_SHEET, (FORM_MARK, FORM_VERSION, report.id, clean(report.plan_title), report.year,
                                unit.unit_id, clean(unit.name), datetime.now().strftime("%Y-%m-%d %H:%M"), len(ids),
                                "|".join(ids), form_checksum(report.id, report.year, unit.unit_id, ids)))
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)
    protect_for_print(ws, HEADER_ROW, landscape=False)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_sheets(report: ReportDTO, asked: list[AskedUnit], fields: list[FigureField],
                  values: dict[tuple[int, str], FigureValue], out_dir: Path, unit_ids: list[int] | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    units = [u for u in asked if unit_ids is None or u.unit_id in unit_ids]
    if not units:
        raise NotFoundError("没有需要填报年度数据的单位。")
    from app.services.documents.service import write_bytes  # reportlab comes with it: load it late

    written = []
    for i, u in enumerate(units):
        if progress is not None:
            progress(i, len(units), u.name)
        data = figure_workbook(report, u, fields, values)
        written.append(write_bytes(Path(out_dir) / sheet_file_name(report, u.name), data))
    return written


def shown(value: float | None) -> str:
    return "（空）" if value is None else format_number(value)
