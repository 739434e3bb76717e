"""The table as an Excel 台账: landscape A4, header rows repeated on every printed page, fit to one
page wide, frozen header, wrapped text, column widths from the same model as the PDF."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from app.services.documents.fonts import DOCX_NAME
from app.services.documents.model import Table

MM_PER_CHAR = 2.3  # Excel column width unit ≈ one digit of the default font
HEADER_ROW = 3  # title on row 1, a spacer row, then the header


def _text(value: str) -> str:
    """Cell text without the control characters openpyxl refuses (a vertical tab pasted from Word)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def table_workbook(table: Table) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\\/*?:\[\]]", "", _text(table.title))[:31] or "表格"  # characters Excel refuses in a sheet name
    ncols = len(table.columns)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=DOCX_NAME["fang"], size=12)
    head_font = Font(name=DOCX_NAME["hei"], size=12, bold=False)
    body_styles = {}
    for horizontal in ("center", "left"):
        style = NamedStyle(name=f"正文{'居中' if horizontal == 'center' else '左齐'}", font=body_font, border=border,
                           alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True))
        wb.add_named_style(style)
        body_styles[horizontal] = style.name
    ws.cell(row=1, column=1, value=_text(table.title)).font = Font(name=DOCX_NAME["xbs"], size=18)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 36
    for j, col in enumerate(table.columns, start=1):
        c = ws.cell(row=HEADER_ROW, column=j, value=_text(col.title))
        c.font = head_font
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = round(col.width_mm / MM_PER_CHAR, 1)
    r = HEADER_ROW
    for row in table.rows:
        r += 1
        if row.section:
            c = ws.cell(row=r, column=1, value=_text(row.cells[0]))
            c.font = head_font
            c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
            for j in range(1, ncols + 1):
                ws.cell(row=r, column=j).border = border
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            continue
        for j, (text, col) in enumerate(zip(row.cells, table.columns, strict=True), start=1):
            value: object = int(text) if j == 1 and text.isdecimal() else _text(text)
            c = ws.cell(row=r, column=j, value=value)
            # a named style per alignment: assigning font, border and alignment to each cell makes
            # openpyxl hash the three style objects every time (7 s for 5,000 rows)
            c.style = body_styles["center" if col.align == "center" else "left"]
        longest = max(len(t) / max(1.0, col.width_mm / 4.3) for t, col in zip(row.cells, table.columns, strict=True))
        ws.row_dimensions[r].height = max(20, 16 * (int(longest) + 1))
    if table.note:
        ws.cell(row=r + 2, column=1, value=_text(table.note)).font = body_font
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ps = ws.page_setup
    ps.orientation = "landscape"
    ps.paperSize = ws.PAPERSIZE_A4
    ps.fitToWidth = 1
    ps.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
