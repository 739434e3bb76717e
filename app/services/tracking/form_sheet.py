"""The offline Excel round-trip's machinery, shared by every form the office sends out (the 督办
进展情况报表, the annual report's 年度数据表): named cell styles, protection with only the report
cells open, validations, a very hidden sheet of identifiers under a checksum, the guarded reading
of a returned file, and reading cell values without trusting them."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.services.errors import InputFileError
from app.services.importing.zip_guard import check_no_doctype, open_package

GREY = PatternFill("solid", fgColor="EDEDED")
HEAD = PatternFill("solid", fgColor="D9E2F3")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
FONT = Font(name="宋体", size=10)
BOLD = Font(name="黑体", size=10)
MAX_FILE_BYTES = 10 * 1024 * 1024


def register_styles(wb: Workbook) -> None:
    """Named styles, registered once per workbook: assigning them is far cheaper than cell by cell.
    fz_head (header), fz_lock / fz_lock_c (grey, locked), fz_open / fz_open_c / fz_open_date /
    fz_open_num (white, the cells a unit fills in)."""
    def style(name: str, *, fill=None, align=WRAP, locked=True, font=FONT, fmt=None) -> None:
        ns = NamedStyle(name=name, font=font, border=BORDER, alignment=align, protection=Protection(locked=locked))
        if fill is not None:
            ns.fill = fill
        if fmt:
            ns.number_format = fmt
        wb.add_named_style(ns)

    style("fz_head", fill=HEAD, align=CENTER, font=BOLD)
    style("fz_lock", fill=GREY)
    style("fz_lock_c", fill=GREY, align=CENTER)
    style("fz_open", locked=False)
    style("fz_open_c", locked=False, align=CENTER)
    style("fz_open_date", locked=False, align=CENTER, fmt="yyyy-mm-dd")
    style("fz_open_num", locked=False, align=CENTER, fmt="General")


def add_validation(ws, dv: DataValidation, col: int, first: int, last: int) -> None:
    """A stopping validation over one column's rows, with its Chinese error message."""
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.add(f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}")
    ws.add_data_validation(dv)


def protect_for_print(ws, header_row: int, landscape: bool = True) -> None:
    """Only the open cells can be changed (rows may grow for long text); A4, one page wide."""
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"


def write_meta(wb: Workbook, sheet_name: str, values: tuple) -> None:
    """The identifiers, one a row in column A of a very hidden, protected sheet (not listed under
    取消隐藏 in Excel or WPS)."""
    meta = wb.create_sheet(sheet_name)
    for i, v in enumerate(values, start=1):
        meta.cell(i, 1, v)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


def meta_values(wb, sheet_name: str, count: int) -> list:
    ws = wb[sheet_name]
    return [ws.cell(i, 1).value for i in range(1, count + 1)]


def checksum(*parts) -> str:
    """SHA-256 over everything that says which form this is and for whom."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def load_returned(path: Path, what: str = "报表"):
    """(workbook, SHA-256 of the file) of a returned form, checked before openpyxl sees it:
    readable, not empty, not huge, a real .xlsx package without a DOCTYPE. Raises InputFileError."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputFileError(f"找不到文件“{name}”。") from exc
    except OSError as exc:
        raise InputFileError(f"无法读取“{name}”：{exc.strerror or exc}（文件可能正被 WPS 或 Excel 打开）。") from exc
    if not data:
        raise InputFileError(f"“{name}”是空文件。")
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(f"“{name}”超过 10 MB，不像本程序导出的{what}。")
    with open_package(io.BytesIO(data), name, "Excel") as zf:
        if "xl/workbook.xml" not in zf.namelist():
            raise InputFileError(f"“{name}”不是 Excel 工作簿（.xlsx）。")
        check_no_doctype(zf, name)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InputFileError(f"“{name}”无法作为 Excel 工作簿打开（文件可能已损坏）。") from exc
    return wb, hashlib.sha256(data).hexdigest()


def is_formula(cell) -> bool:
    return cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(?:人次|[件次项条个期人%％])?\s*")


def cell_number(value) -> float | None:
    """A number typed into a cell (12, 12.5, “12件”); None when blank; ValueError when not a number."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        return float(value)
    m = _NUMBER.fullmatch(str(value))
    if not m:
        raise ValueError(str(value))
    return float(m.group(1))
