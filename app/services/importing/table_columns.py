"""The header words of a 重点任务分工表, and finding the header row by them."""

from __future__ import annotations

import re
from dataclasses import dataclass

COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "编号", "序"),
    "task": ("重点任务", "工作任务", "任务内容", "主要任务", "具体任务", "工作内容", "任务事项", "工作事项",
             "改革任务", "重点工作", "目标任务", "工作要点", "任务名称", "事项", "任务"),
    "measures": ("具体措施", "工作措施", "主要措施", "推进措施", "工作举措", "具体举措"),
    "lead": ("牵头单位", "牵头部门", "牵头", "主责单位", "主责部门", "负责单位", "责任单位", "责任部门", "责任主体",
             "牵头科室", "负责科室", "责任科室", "承办科室", "牵头处室", "负责处室", "责任处室", "责任股室"),
    "support": ("参加单位", "参加部门", "配合单位", "配合部门", "参与单位", "参与部门", "协办单位", "协助单位",
                "协同单位", "协作单位", "配合科室", "协办科室", "配合处室"),
    "deadline": ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "进度安排", "时限", "时间"),
    "person": ("责任人", "责任领导", "分管领导", "联系人"),
}
_SPACE = re.compile(r"[\s　]+")


def serial_number(cell: str) -> int | None:
    """The number in a 序号 cell: "3", "3.", "（3）" or "③"; None for anything else. Only decimal
    digits count: "²" and "①" pass str.isdigit() but not int()."""
    s = cell.strip().strip("（()）").rstrip(".．、")
    if s.isdecimal() and len(s) <= 4:
        return int(s)
    if len(s) == 1 and "\u2460" <= s <= "\u2473":
        return ord(s) - 0x2460 + 1
    return None


def classify_header(cell: str) -> str | None:
    """The column a header cell names, or None. Exact words only, so a data cell such as
    "加强重点领域立法" is never taken for a header."""
    s = _SPACE.sub("", cell).strip("：:*")
    for kind, words in COLUMN_WORDS.items():
        if s in words:
            return kind
    return None


@dataclass(frozen=True)
class Header:
    row: int
    columns: dict[str, int]  # kind → column index (first one wins)
    width: int


def find_header(rows: list[list[str]], search_rows: int = 15) -> Header | None:
    """The first row among the top ones that names a task column and a unit column."""
    for r, row in enumerate(rows[:search_rows]):
        kinds: dict[str, int] = {}
        for c, cell in enumerate(row):
            kind = classify_header(cell)
            if kind and kind not in kinds:
                kinds[kind] = c
            elif kind == "lead" and "lead" in kinds and "support" not in kinds:
                kinds["support"] = c  # 牵头单位 | 责任单位: the second unit column supports
        if "task" in kinds and ("lead" in kinds or "support" in kinds):
            if "lead" not in kinds:
                kinds["lead"] = kinds.pop("support")
            return Header(r, kinds, len(row))
    return None
