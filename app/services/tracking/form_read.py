"""Reads a returned 进展情况报表 without trusting it: the package is checked before openpyxl sees it,
the hidden identifiers must match their checksum, rows may not be added, removed or moved, and every
report cell is checked for formulas, types and size. Each problem is one Chinese sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.services.errors import InputFileError
from app.services.tracking import form_layout as F
from app.services.tracking.entries import MAX_EVIDENCE, MAX_NAME, MAX_TEXT
from app.services.tracking.form_sheet import cell_text, is_formula, load_returned
from app.services.tracking.policy import STATUSES

EXTRA_ROWS_SCANNED = 200  # rows below the form looked at for additions
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


@dataclass
class FormRow:
    excel_row: int
    node_id: int
    unit_id: int
    serial: str
    status: str | None
    percent: int | None
    text: str
    problems: str
    evidence: str
    extend_to: date | None


@dataclass
class RawForm:
    path: Path
    file_hash: str
    plan_id: int = 0
    plan_title: str = ""
    period_key: str = ""
    period_label: str = ""
    unit_id: int = 0
    unit_name: str = ""
    reported_by: str = ""
    phone: str = ""
    rows: list[FormRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_form(path: Path) -> RawForm:
    """The form's content and every problem found; raises InputFileError when it cannot be read at all."""
    path = Path(path)
    name = path.name
    wb, file_hash = load_returned(path, "进展情况报表")
    form = RawForm(path, file_hash)
    try:
        if F.META_SHEET not in wb.sheetnames or wb[F.META_SHEET]["A1"].value != F.FORM_MARK:
            raise InputFileError(f"“{name}”不是法治工作台导出的进展情况报表（找不到识别信息），无法导入。"
                                 "请让填报单位在下发的原表上填写。")
        if F.DATA_SHEET not in wb.sheetnames:
            raise InputFileError(f"“{name}”中找不到“{F.DATA_SHEET}”工作表，可能被改名或删除了。")
        ids = _meta(wb[F.META_SHEET], form, name)
        _rows(wb[F.DATA_SHEET], form, ids)
    finally:
        wb.close()
    return form


def _meta(ws, form: RawForm, name: str) -> list[str]:
    v = [ws.cell(i, 1).value for i in range(1, 13)]
    try:
        form.plan_id, form.plan_title, form.period_key = int(v[2]), str(v[3] or ""), str(v[4] or "")
        form.period_label, form.unit_id, form.unit_name = str(v[5] or ""), int(v[6]), str(v[7] or "")
        count, ids, check = int(v[9]), str(v[10] or "").split(","), str(v[11] or "")
    except (TypeError, ValueError) as exc:
        raise InputFileError(f"“{name}”的识别信息不完整或被改动过，无法确认是哪个单位、哪一期的报表。") from exc
    if str(v[1]) != F.FORM_VERSION:
        raise InputFileError(f"“{name}”是另一版本程序导出的报表（格式 {v[1]}），请用本程序重新导出后再发给单位。")
    if F.checksum(form.plan_id, form.period_key, form.unit_id, ids) != check or len(ids) != count:
        raise InputFileError(f"“{name}”的识别信息被改动过（校验不符），无法确认是哪个单位、哪一期的报表。"
                             "请让填报单位在下发的原表上填写后重新发回。")
    return ids


def _rows(ws, form: RawForm, ids: list[str]) -> None:
    header = [ws.cell(F.HEADER_ROW, j).value for j in range(1, F.LAST_COLUMN + 1)]
    if [str(h or "") for h in header[:F.EVIDENCE]] != [t for t, _w in F.COLUMNS[:F.EVIDENCE]]:
        form.problems.append(f"第{F.HEADER_ROW}行的表头被改动过（列被插入、删除或移动），无法按列读取。")
        return
    form.reported_by = _text(ws[F.REPORTER_CELL].value)[:MAX_NAME]
    form.phone = _text(ws[F.PHONE_CELL].value)[:40]
    last = F.FIRST_ROW + len(ids) - 1
    for k, expected in enumerate(ids):
        r = F.FIRST_ROW + k
        found = _text(ws.cell(r, F.ROW_ID).value)
        if found != expected:
            serial = _text(ws.cell(r, 1).value) or "?"
            if not found and not any(ws.cell(r, j).value for j in range(1, F.LAST_COLUMN)):
                form.problems.append(f"原表第{r}行被删除了（原表有 {len(ids)} 行任务），请勿删除行。")
            else:
                form.problems.append(f"第{r}行（序号{serial}）与原表不符：行被插入、删除或调整了顺序，请勿改动行。")
            return
        node_id, unit_id = F.parse_row_id(found) or (0, 0)
        form.rows.append(_row(ws, r, node_id, unit_id, form.problems))
    for r in range(last + 1, last + 1 + EXTRA_ROWS_SCANNED):
        if any(ws.cell(r, j).value not in (None, "") for j in range(1, F.LAST_COLUMN + 1)):
            form.problems.append(f"第{r}行是原表没有的新增行，请勿在表中增加行（新的工作请写在对应任务的进展情况里）。")
            break


def _row(ws, r: int, node_id: int, unit_id: int, problems: list[str]) -> FormRow:
    serial = _text(ws.cell(r, 1).value)
    where = f"第{r}行（序号{serial}）"
    cells = {j: ws.cell(r, j) for j in F.EDITABLE}
    for j, c in cells.items():
        if is_formula(c):
            problems.append(f"{where}“{F.COLUMNS[j - 1][0]}”是公式，请直接填写内容，不要使用公式。")
            c.value = None
    status = _text(cells[F.STATUS].value) or None
    if status is not None and status not in STATUSES:
        problems.append(f"{where}本期状态“{status[:20]}”不在下拉列表中，应为：{'、'.join(STATUSES)}。")
    percent = _percent(cells[F.PERCENT].value, where, problems)
    texts = {}
    for j, limit in ((F.TEXT, MAX_TEXT), (F.PROBLEMS, MAX_TEXT), (F.EVIDENCE, MAX_EVIDENCE)):
        t = _text(cells[j].value)
        if len(t) > limit:
            problems.append(f"{where}“{F.COLUMNS[j - 1][0]}”有 {len(t)} 字，超过 {limit} 字的上限，请精简后再发回。")
        texts[j] = t
    extend_to = _date(cells[F.EXTEND_TO].value, where, problems)
    if status is None and (texts[F.TEXT] or percent is not None):
        problems.append(f"{where}填写了进展，但没有选择本期状态。")
    if extend_to is not None and status != "申请延期":
        problems.append(f"{where}填写了“申请延期至”，但本期状态不是“申请延期”。")
    if status == "申请延期":
        if extend_to is None and cells[F.EXTEND_TO].value in (None, ""):  # an unreadable date was reported above
            problems.append(f"{where}选择了“申请延期”，请填写申请延期至的日期。")
        if not texts[F.PROBLEMS]:
            problems.append(f"{where}选择了“申请延期”，请在“存在问题／延期理由”中写明理由。")
    return FormRow(r, node_id, unit_id, serial, status, percent, texts[F.TEXT], texts[F.PROBLEMS],
                   texts[F.EVIDENCE], extend_to)


_text = cell_text


def _percent(value, where: str, problems: list[str]) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        if 0 < value < 1 and not float(value).is_integer():
            value = value * 100  # a cell formatted as 百分比 holds 0.8 for 80 %
        if float(value).is_integer() and 0 <= value <= 100:
            return int(value)
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,3})\s*[%％]?\s*", value)
        if m and int(m[1]) <= 100:
            return int(m[1])
    problems.append(f"{where}完成进度“{str(value)[:20]}”不是 0 到 100 之间的整数。")
    return None


def _date(value, where: str, problems: list[str]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.match(str(value))
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    problems.append(f"{where}申请延期至“{str(value)[:20]}”不是有效日期，请写成 2026-12-31 的形式。")
    return None
