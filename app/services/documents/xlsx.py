"""The table as an Excel 台账: landscape A4, header rows repeated on every printed page, fit to one
page wide, frozen header, wrapped text, column widths from the same rule as the PDF. Counts and
serial numbers are numbers (they sum and sort); rows have no fixed height, so Excel and WPS size
them to their text, also after an edit. The sheet is named after the table (the plan's name)."""

from __future__ import annotations

import io
import re
import unicodedata

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from app.services.documents.fonts import STOCK_OFFICE_NAME
from app.services.documents.model import Table
from app.services.documents.table_widths import column_widths

PT_PER_CHAR = 7.0  # Excel column width unit ≈ one digit of the default font (about 7 pt at 11 pt Calibri)
HEADER_ROW = 3  # title on row 1, a spacer row, then the header
_NUMBER = re.compile(r"^(?:0|[1-9]\d{0,8})$")


def _text(value: str) -> str:
    """Cell text without the control characters openpyxl refuses (a vertical tab pasted from Word)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _measure(text: str, _role: str, size: float) -> float:
    """Width in pt without a font at hand: full-width characters one em, others half."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size / 2 for c in text)


def sheet_title(title: str) -> str:
    """Excel's sheet name: at most 31 characters, none of \\ / * ? : [ ]."""
    clean = re.sub(r"[\\/*?:\[\]]", "", _text(title)).strip("'")
    return clean[:31] or "表格"


def table_workbook(table: Table, names: dict[str, str] | None = None) -> bytes:
    names = {**STOCK_OFFICE_NAME, **(names or {})}
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(table.title)
    ncols = len(table.columns)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=names["fang"], size=12)
    head_font = Font(name=names["hei"], size=12, bold=False)
    body_styles = {}
    for horizontal in ("center", "left"):
        style = NamedStyle(name=f"正文{'居中' if horizontal == 'center' else '左齐'}", font=body_font, border=border,
                           alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True))
        wb.add_named_style(style)
        body_styles[horizontal] = style.name
    ws.cell(row=1, column=1, value=_text(table.title)).font = Font(name=names["xbs"], size=18)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 36
    widths = column_widths(table, _measure)
    for j, (col, width) in enumerate(zip(table.columns, widths, strict=True), start=1):
        c = ws.cell(row=HEADER_ROW, column=j, value=_text(col.title))
        c.font = head_font
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = round(width / PT_PER_CHAR * 1.1, 1)
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
            # a merged row is not sized by Excel: one line per page width of text
            lines = max(1, -(-len(row.cells[0]) // max(1, int(sum(widths) / 12 * 0.9))))
            ws.row_dimensions[r].height = 20 * lines
            continue
        for j, (text, col) in enumerate(zip(row.cells, table.columns, strict=True), start=1):
            value: object = int(text) if _NUMBER.match(text.strip()) else _text(text)
            c = ws.cell(row=r, column=j, value=value)
            # a named style per alignment: assigning font, border and alignment to each cell makes
            # openpyxl hash the three style objects every time (7 s for 5,000 rows); no row height
            # is set, so Excel and WPS grow each row with its text
            c.style = body_styles["center" if col.align == "center" else "left"]
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
    wb.properties.title = table.title
    wb.properties.creator = "法治工作台"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

