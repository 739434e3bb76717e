"""Reads an indicator system the clerk brings (示范创建指标体系, 考核细则) as a list of up to three
levels, from a table (.xlsx or a Word table with 一级 / 二级 / 三级 columns) or from numbered text
(一、 / （一） / 1. …). Labels and wording stay as printed; nothing is added."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.services.errors import InputFileError
from app.services.importing.cleaning import clean_document
from app.services.importing.labels import parse_label
from app.services.importing.model import Table
from app.services.importing.readers import read_file
from app.services.importing.warning_log import WarningLog

MAX_ITEMS = 3000
_LEVEL_HEAD = (re.compile(r"一级"), re.compile(r"二级"), re.compile(r"三级"))
_SCORE_HEAD = re.compile(r"分值|分数|权重|满分")


@dataclass
class RawIndicator:
    level: int
    label: str
    text: str
    score_text: str = ""
    children: list[RawIndicator] = field(default_factory=list)


@dataclass
class RawSystem:
    name: str
    roots: list[RawIndicator]
    warnings: list[str] = field(default_factory=list)

    def count(self, level: int) -> int:
        def walk(items: list[RawIndicator]) -> int:
            return sum((i.level == level) + walk(i.children) for i in items)
        return walk(self.roots)


def read_indicators(path: Path) -> RawSystem:
    name = Path(path).name
    doc = read_file(Path(path))
    log = WarningLog()
    blocks = clean_document(doc, log).blocks
    table = next((b for b in blocks if isinstance(b, Table) and _header(b) is not None), None)
    lines = [b for b in blocks if isinstance(b, str) and b.strip()]
    system = _from_table(table) if table is not None else _from_lines(lines, name)
    total = sum(system.count(k) for k in (1, 2, 3))
    if total == 0:
        raise InputFileError(f"“{name}”中找不到分级的指标：请提供带“一级指标、二级指标、三级指标”列的表格，"
                             "或用“一、”“（一）”“1.”逐级编号的文本。")
    if total > MAX_ITEMS:
        raise InputFileError(f"“{name}”有 {total} 项指标，超过 {MAX_ITEMS} 项的上限，请确认选择的文件是否正确。")
    if not system.name:
        system.name = Path(path).stem[:200]
    system.warnings = list(doc.warnings) + system.warnings
    return system


def _header(table: Table) -> tuple[int, list[int | None], int | None] | None:
    """(header row, column of each level, score column) when the table has level columns."""
    for r, row in enumerate(table.rows[:5]):
        cols: list[int | None] = [next((j for j, c in enumerate(row) if p.search(c or "")), None) for p in _LEVEL_HEAD]
        if cols[0] is not None and (cols[1] is not None or cols[2] is not None):
            score = next((j for j, c in enumerate(row) if _SCORE_HEAD.search(c or "")), None)
            return r, cols, score
    return None


def _split(cell: str) -> tuple[str, str]:
    cell = (cell or "").strip()
    found = parse_label(cell)
    return (found.printed, found.rest) if found else ("", cell)


def _from_table(table: Table) -> RawSystem:
    head = _header(table)
    assert head is not None
    start, cols, score_col = head
    roots: list[RawIndicator] = []
    current: list[RawIndicator | None] = [None, None, None]
    seen: list[str | None] = [None, None, None]
    for row in table.rows[start + 1:]:
        cells = [(row[c] if c is not None and c < len(row) else "").strip() for c in cols]
        if not any(cells):
            continue
        score = (row[score_col] if score_col is not None and score_col < len(row) else "").strip()
        for level, cell in enumerate(cells, start=1):
            if not cell or (cell == seen[level - 1] and current[level - 1] is not None):
                continue  # a merged cell repeated on each row it spans
            label, text = _split(cell)
            item = RawIndicator(level, label, text, score[:40] if level == _deepest(cells) else "")
            parent = next((current[k] for k in range(level - 2, -1, -1) if current[k] is not None), None)
            (parent.children if parent is not None else roots).append(item)
            current[level - 1], seen[level - 1] = item, cell
            for deeper in range(level, 3):
                current[deeper], seen[deeper] = None, None
    return RawSystem("", roots)


def _deepest(cells: list[str]) -> int:
    return max((k for k, c in enumerate(cells, start=1) if c), default=1)


def _from_lines(lines: list[str], name: str) -> RawSystem:
    labelled = [(parse_label(line.strip()), line.strip()) for line in lines]
    ranks = sorted({lab.rank for lab, _l in labelled if lab is not None})
    if not ranks:
        return RawSystem("", [])
    level_of = {rank: min(k, 3) for k, rank in enumerate(ranks, start=1)}
    title = []
    roots: list[RawIndicator] = []
    stack: list[RawIndicator] = []
    warnings = []
    for lab, line in labelled:
        if lab is None:
            if stack:
                stack[-1].text += line  # a wrapped line goes on with the item above
            else:
                title.append(line)
            continue
        level = level_of[lab.rank]
        if level == 3 and stack and stack[-1].level == 3 and lab.rank > ranks[2]:
            stack[-1].text += line  # a fourth level stays in its 三级 item's text
            continue
        item = RawIndicator(level, lab.printed, lab.rest)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    if len(ranks) > 3:
        warnings.append(f"“{name}”的编号超过三级，第四级及以下并入所属三级指标的文字。")
    return RawSystem("".join(title)[:200], roots, warnings)
