"""Stage 4b, the 重点任务分工表: rows read by their header, then merged into the outline's items
by title (the row's 重点任务 is the item's heading) and, failing that, by 序号.

When a document is nothing but the table (an .xlsx 分工表, a .docx that is one table), the rows
themselves become the outline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.services.importing.labels import parse_label
from app.services.importing.model import Item, Markings, Table, UnitRef
from app.services.importing.sentences import title_of
from app.services.importing.table_columns import Header, classify_header, find_header, serial_number
from app.services.importing.unit_names import split_unit_names

_NOT_WORD = re.compile(r"[\W_]+")


@dataclass
class DivisionRow:
    serial: int | None
    task: str
    markings: Markings
    measures: str = ""
    section: str = ""  # the part heading row above it, if the table has part rows


def _units(text: str, role: str, marks: Markings) -> None:
    for group in split_unit_names(text):
        for u in group:
            marks.add_unit(UnitRef(u.name, role, u.note))


def read_division_table(table: Table) -> list[DivisionRow] | None:
    header = find_header(table.rows)
    if header is None:
        return None
    return _rows(table.rows[header.row + 1:], header)


def table_title(table: Table) -> str:
    """The title row above a 分工表's header ("XX县2026年重点任务分工表"), if it has one."""
    header = find_header(table.rows)
    for row in table.rows[:header.row if header else 0]:
        filled = {c.strip() for c in row if c.strip()}
        if len(filled) == 1:
            return filled.pop()
    return ""


def _rows(rows: list[list[str]], header: Header) -> list[DivisionRow]:
    col = header.columns
    out: list[DivisionRow] = []
    section = ""

    def cell(row: list[str], kind: str) -> str:
        i = col.get(kind)
        return row[i].strip() if i is not None and i < len(row) else ""

    for row in rows:
        if not any(c.strip() for c in row):
            continue
        task = cell(row, "task")
        filled = [c for c in row if c.strip()]
        if len(set(filled)) == 1 and (parse_label(filled[0]) or not serial_number(filled[0])):
            section = filled[0]  # a part heading spanning the row ("一、加强党的领导")
            continue
        if all(classify_header(c) for c in filled):
            continue  # a repeated header row (printed tables repeat it on every page)
        marks = Markings()
        _units(cell(row, "lead"), "lead", marks)
        _units(cell(row, "support"), "support", marks)
        marks.deadline_text = cell(row, "deadline")
        marks.responsible = cell(row, "person")
        out.append(DivisionRow(serial_number(cell(row, "serial")), task, marks, cell(row, "measures"), section))
    return out


def norm(text: str) -> str:
    label = parse_label(text)
    return _NOT_WORD.sub("", label.rest if label else text)


def merge_rows(items: list[Item], rows: list[DivisionRow]) -> list[str]:
    """Gives each row's units and deadline to its item; returns warnings for rows left over."""
    warnings: list[str] = []
    titles = {id(it): norm(title_of(it.first_line) or it.first_line) for it in items}
    matched: dict[int, Item] = {}
    for k, row in enumerate(rows):
        key = norm(title_of(row.task) or row.task)
        exact = [it for it in items if key and titles[id(it)] == key]
        if not exact and len(key) >= 6:
            exact = [it for it in items if titles[id(it)] and (titles[id(it)].startswith(key) or key.startswith(titles[id(it)]))
                     and min(len(key), len(titles[id(it)])) >= 6]
        if len(exact) > 1 and row.serial is not None:
            exact = [it for it in exact if it.number == row.serial] or exact[:1]
        if exact:
            matched[k] = exact[0]
    levels = [it.level for it in matched.values()]
    level = max(set(levels), key=levels.count) if levels else None
    pool = [it for it in items if level is None or it.level == level]
    used = {id(it) for it in matched.values()}
    for k, row in enumerate(rows):
        if k in matched or row.serial is None or not 1 <= row.serial <= len(pool):
            continue
        cand = pool[row.serial - 1]
        similar = SequenceMatcher(None, norm(row.task), titles[id(cand)]).ratio() if row.task else 1.0
        if id(cand) not in used and similar >= 0.3:
            matched[k] = cand
            used.add(id(cand))
            warnings.append(f"分工表第 {row.serial} 行“{row.task[:20]}”与正文标题不完全一致，已按序号对应到{cand.label}。")
    for k, row in enumerate(rows):
        item = matched.get(k)
        if item is None:
            warnings.append(f"分工表中“{row.task[:24] or row.serial}”在正文中找不到对应的任务，其责任单位未导入。")
            continue
        item.markings.merge(row.markings)
        item.marked = item.marked or bool(item.markings.units)
        if row.measures and not item.measures:
            item.measures = row.measures
    return warnings


def items_from_rows(rows: list[DivisionRow]) -> list[Item]:
    """The outline of a document that is only a 分工表: part rows become parts, rows become tasks."""
    roots: list[Item] = []
    parent: Item | None = None
    section = None
    for k, row in enumerate(rows, start=1):
        if row.section and row.section != section:
            section = row.section
            label = parse_label(section)
            parent = Item(rank=label.rank if label else 1, number=label.number if label else len(roots) + 1,
                          label=label.printed if label else "", first_line=label.rest if label else section,
                          path_label=label.path_label if label else str(len(roots) + 1), level=1)
            roots.append(parent)
        label = parse_label(row.task)
        number = row.serial or k
        item = Item(rank=label.rank if label else 3, number=label.number if label else number,
                    label=label.printed if label else f"{number}.", path_label=label.path_label if label else str(number),
                    first_line=label.rest if label else row.task, level=2 if parent else 1)
        item.markings.merge(row.markings)
        item.marked = bool(item.markings.units)
        item.measures = row.measures
        if row.measures:
            item.lines.append(row.measures)
        (parent.children if parent else roots).append(item)
    return roots
