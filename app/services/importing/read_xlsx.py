"""Excel .xlsx: every sheet as a Table; the 分工表 stage finds the header row by its words.

Merged cells (a lead unit shared by several rows) are filled with the merged value so each row
stands alone. The package passes the zip and DTD guards before openpyxl sees it."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path
from typing import BinaryIO

from app.services.errors import InputFileError
from app.services.importing.model import Table
from app.services.importing.xlsx_guard import check_workbook_size
from app.services.importing.zip_guard import check_no_doctype, open_package

MAX_ROWS = 5000
MAX_COLS = 40


def read_xlsx(source: Path | BinaryIO, name: str) -> list[Table]:
    with open_package(source, name, "Excel") as zf:
        if "xl/workbook.xml" not in zf.namelist():
            raise InputFileError(f"“{name}”是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。")
        check_no_doctype(zf, name)
        check_workbook_size(zf, name)
    import openpyxl  # only needed here; keeps start-up light

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported styles and extensions
            # a file object, not the path: openpyxl refuses a path whose extension is not .xlsx, and the
            # bytes, not the name, decide the format here
            wb = openpyxl.load_workbook(_as_stream(source), data_only=True)
    except InputFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InputFileError(f"“{name}”无法作为 Excel 工作簿打开（文件可能已损坏）。") from exc
    tables = []
    try:
        for ws in wb.worksheets:
            rows = _sheet_rows(ws)
            if any(any(c for c in r) for r in rows):
                tables.append(Table(rows))
    finally:
        wb.close()
    return tables


def _as_stream(source: Path | BinaryIO) -> BinaryIO:
    if isinstance(source, (str, Path)):
        return io.BytesIO(Path(source).read_bytes())  # within the reader's 40 MB limit
    source.seek(0)
    return source


def _sheet_rows(ws) -> list[list[str]]:
    max_row = min(ws.max_row or 0, MAX_ROWS)
    max_col = min(ws.max_column or 0, MAX_COLS)
    rows = [["" for _ in range(max_col)] for _ in range(max_row)]
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)):
        for c, value in enumerate(row):
            rows[r][c] = cell_text(value)
    for rng in ws.merged_cells.ranges:
        top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= max_row and rng.min_col <= max_col else ""
        for r in range(rng.min_row, min(rng.max_row, max_row) + 1):
            for c in range(rng.min_col, min(rng.max_col, max_col) + 1):
                rows[r - 1][c - 1] = top
    return rows


def cell_text(value) -> str:
    """A cell as it would read on paper: integers without ".0", dates as 2022年6月30日."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).strip()
