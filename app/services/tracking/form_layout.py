"""The 进展情况报表 sent to units: where everything sits, and the checksum over its identifiers.
Shared by the writer (form_export) and the reader (form_read), so the two cannot drift apart."""

from __future__ import annotations

import re

FORM_MARK = "fazhi-desk-tracking-form"
FORM_VERSION = "1"
DATA_SHEET = "进展情况报表"
META_SHEET = "_fazhi"
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
REPORTER_CELL, PHONE_CELL = "I2", "K2"

# (title, width); the editable columns are G–L, the identifier sits hidden in M
COLUMNS = (("序号", 6), ("重点任务", 40), ("本单位职责", 8), ("完成时限", 12), ("序时要求", 14), ("上期状态", 9),
           ("本期状态", 10), ("完成进度（%）", 9), ("本期进展情况", 46), ("存在问题／延期理由", 24),
           ("申请延期至", 12), ("佐证材料（文件名、文号）", 20), ("标识", 10))
STATUS, PERCENT, TEXT, PROBLEMS, EXTEND_TO, EVIDENCE, ROW_ID = 7, 8, 9, 10, 11, 12, 13  # 1-based columns
EDITABLE = (STATUS, PERCENT, TEXT, PROBLEMS, EXTEND_TO, EVIDENCE)
LAST_COLUMN = ROW_ID

INSTRUCTIONS = (
    "填写说明：1. 只需填写白色单元格（本期状态、完成进度、本期进展情况、存在问题、申请延期至、佐证材料），灰色单元格已锁定。"
    "2. 表中已填入本单位上期报送的内容：有变化的直接修改，没有变化的保持原样即可，不必重复填写。"
    "3. 本期状态从下拉列表中选择；完成进度填 0～100 的整数；需要延期的，状态选“申请延期”，并写明延期理由和申请延期至的日期。"
    "4. 佐证材料只写文件名称、文号或存放位置，不要粘贴涉密内容。"
    "5. 请勿增删行、调整行的顺序或改动隐藏的识别信息；填好后保存，将本文件原样发回。"
)


def row_id(node_id: int, unit_id: int) -> str:
    return f"{node_id}-{unit_id}"


def parse_row_id(text) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d+)-(\d+)", str(text or "").strip())
    return (int(m[1]), int(m[2])) if m else None


def checksum(plan_id: int, period_key: str, unit_id: int, row_ids: list[str]) -> str:
    """Over everything that says which plan, period, unit and rows the form is for."""
    from app.services.tracking.form_sheet import checksum as over

    return over(FORM_MARK, FORM_VERSION, plan_id, period_key, unit_id, ",".join(row_ids))


def safe_file_name(text: str) -> str:
    """A file name Windows accepts: no \\ / : * ? " < > | and no trailing dots or spaces."""
    return re.sub(r'[\\/:*?"<>|\r\n\t]', "_", text).strip(" .")[:150] or "报表"


_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # control characters openpyxl refuses


def clean(value):
    """Cell text without the control characters Excel cannot store (a vertical tab pasted from Word)."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value
