"""The unit registry as an Excel workbook (.xlsx): export for review, import of a maintained list.

Import finds the header row by its words, adds units it does not know and updates those it does
(only the cells that are filled in), and reports each row it could not take in Chinese."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from app.services.errors import DomainError, InputFileError
from app.services.output_files import write_files
from app.services.unit_matching import canonical
from app.services.units import UNIT_CATEGORIES, UnitService

HEADERS = ("单位名称", "简称", "类别", "别名", "联系人", "联系电话", "排序", "状态", "承担任务数")
# Words that identify each column in a workbook made by hand.
_HEADER_WORDS = {
    "name": ("单位名称", "名称", "单位"),
    "short_name": ("简称",),
    "category": ("类别", "分类", "类型"),
    "aliases": ("别名", "其他名称", "曾用名"),
    "contact_person": ("联系人",),
    "phone": ("联系电话", "电话"),
    "sort_order": ("排序", "序号", "顺序"),
    "active": ("状态",),
}
_ALIAS_SPLIT = ("、", "，", ",", ";", "；", "\n")


@dataclass
class UnitImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def message(self) -> str:
        text = f"新增 {self.added} 个单位，更新 {self.updated} 个，{self.unchanged} 个无变化。"
        if self.problems:
            text += f"\n有 {len(self.problems)} 行未导入：\n" + "\n".join(self.problems[:12])
            if len(self.problems) > 12:
                text += f"\n……另有 {len(self.problems) - 12} 行"
        return text


def export_units(units: UnitService, path: Path) -> int:
    """Writes the registry in its sort order; returns the number of units written."""
    rows = units.list_units()
    wb = Workbook()
    ws = wb.active
    ws.title = "单位名录"
    ws.append(list(HEADERS))
    for u in rows:
        ws.append([u.name, u.short_name, u.category, "、".join(u.aliases), u.contact_person, u.phone,
                   u.sort_order, "在用" if u.active else "停用", u.usage])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for letter, width in zip("ABCDEFGHI", (28, 14, 12, 40, 10, 16, 8, 8, 10), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    write_files([(Path(path), buf.getvalue())])  # whole or not at all, never through a planted link
    return len(rows)


def _split_aliases(text: str) -> list[str]:
    for sep in _ALIAS_SPLIT[1:]:
        text = text.replace(sep, _ALIAS_SPLIT[0])
    return [a.strip() for a in text.split(_ALIAS_SPLIT[0]) if a.strip()]


def _find_columns(rows: list[tuple]) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(rows[:20]):
        cells = [str(c).strip() if c is not None else "" for c in row]
        cols: dict[str, int] = {}
        for key, words in _HEADER_WORDS.items():
            for c, text in enumerate(cells):
                if text and any(text == w or (key != "name" and w in text) for w in words) and c not in cols.values():
                    cols.setdefault(key, c)
                    break
        if "name" in cols:
            return r, cols
    raise InputFileError("表格中找不到“单位名称”列。请在第一行写上列名：单位名称、简称、类别、别名……")


def _cell(row: tuple, cols: dict[str, int], key: str) -> str:
    c = cols.get(key)
    if c is None or c >= len(row) or row[c] is None:
        return ""
    value = row[c]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass(frozen=True)
class UnitSheet:
    """A unit list as read from a workbook: its rows, the header row and the columns found in it."""

    rows: list[tuple]
    header: int
    cols: dict[str, int]

    def names(self) -> list[str]:
        return [n for row in self.rows[self.header + 1:] if (n := _cell(row, self.cols, "name"))]


def read_unit_sheet(path: Path) -> UnitSheet:
    """Reads the first sheet; a file that is no workbook or has no 单位名称 column gets a Chinese message."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputFileError(f"无法读取“{Path(path).name}”：它不是有效的 Excel 工作簿（.xlsx）。") from exc
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True)) if wb.worksheets else []
    finally:
        wb.close()
    header, cols = _find_columns(rows)
    return UnitSheet(rows, header, cols)


def import_units(units: UnitService, path: Path) -> UnitImportSummary:
    sheet = read_unit_sheet(path)
    rows, header, cols = sheet.rows, sheet.header, sheet.cols
    known = {canonical(u.name): u for u in units.list_units()}
    summary = UnitImportSummary()
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        name = _cell(row, cols, "name")
        if not name:
            continue
        values: dict = {}
        for key in ("short_name", "contact_person", "phone"):
            if v := _cell(row, cols, key):
                values[key] = v
        category = _cell(row, cols, "category")
        if category:
            if category not in UNIT_CATEGORIES:
                summary.problems.append(f"第 {number} 行“{name}”：未知类别“{category}”，已按“其他”处理。")
                category = "其他"
            values["category"] = category
        if aliases := _cell(row, cols, "aliases"):
            values["aliases"] = _split_aliases(aliases)
        order = _cell(row, cols, "sort_order")
        if order.isdigit():
            values["sort_order"] = int(order)
        state = _cell(row, cols, "active")
        if state in ("在用", "停用"):
            values["active"] = state == "在用"
        try:
            existing = known.get(canonical(name))
            if existing is None:
                created = units.add_unit(name, **values)
                known[canonical(name)] = created
                summary.added += 1
            else:
                if "aliases" in values:  # aliases from the sheet are added, never removed
                    values["aliases"] = list(dict.fromkeys([*existing.aliases, *values["aliases"]]))
                changed = {k: v for k, v in values.items()
                           if (tuple(v) if k == "aliases" else v) != getattr(existing, k)}
                if changed:
                    known[canonical(name)] = units.update_unit(existing.id, **changed)  # a later row sees it
                    summary.updated += 1
                else:
                    summary.unchanged += 1
        except DomainError as exc:
            summary.problems.append(f"第 {number} 行“{name}”：{exc.message}")
    return summary
