"""Refusing a workbook whose size openpyxl would pay for in full before we could cut it short.

openpyxl builds one object per cell, and one per cell of every merged range: a single merged range
A1:AH1048576 costs 35 million objects (gigabytes, minutes) although the sheet holds nothing. The
worksheets are streamed here first (constant memory) and counted; a workbook past the limits is
refused in a second or two with a Chinese message."""

from __future__ import annotations

import re
import zipfile
import zlib

from lxml import etree

from app.services.errors import InputFileError

MAX_CELLS = 400_000  # cells written in all sheets: a 5,000-row 分工表 of 40 columns twice over
MAX_MERGED_CELLS = 200_000  # cells covered by merged ranges (a lead unit merged over 50 rows is 50)

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$")


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def range_cells(ref: str) -> int:
    """Cells in "B2:D10" (27); 0 for a reference that cannot be read."""
    m = _REF.match(ref.strip())
    if not m:
        return 0
    c1, r1 = _col(m[1]), int(m[2])
    c2, r2 = (_col(m[3]), int(m[4])) if m[3] else (c1, r1)
    return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)


def check_workbook_size(zf: zipfile.ZipFile, name: str) -> None:
    try:
        _count(zf, name)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise InputFileError(f"“{name}”的工作表已损坏（压缩数据或 XML 格式出错），无法读取。"
                             "请在 Excel/WPS 中打开后另存一次再导入。") from exc


def _count(zf: zipfile.ZipFile, name: str) -> None:
    cells = merged = 0
    for info in zf.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        with zf.open(info) as fh:
            for _event, el in etree.iterparse(fh, events=("end",), tag=(_MAIN + "c", _MAIN + "mergeCell"),
                                              resolve_entities=False, no_network=True, load_dtd=False):
                if el.tag == _MAIN + "c":
                    cells += 1
                else:
                    merged += range_cells(el.get("ref", ""))
                el.clear(keep_tail=False)
                if cells > MAX_CELLS:
                    raise InputFileError(
                        f"“{name}”的工作表中有超过 {MAX_CELLS:,} 个单元格，超过导入上限。重点任务分工表一般只有几百行；"
                        "请确认选择的文件是否正确，或只把分工表复制到新的工作簿后再导入。")
                if merged > MAX_MERGED_CELLS:
                    raise InputFileError(
                        f"“{name}”中的合并单元格范围过大（合并了 {merged:,} 个以上的单元格，上限 {MAX_MERGED_CELLS:,}），"
                        "可能是误操作或损坏的文件。请在 Excel/WPS 中取消多余的合并后再导入。")
