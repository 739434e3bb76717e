"""Tables that arrive as text with "|" marks: one row per line ("序号 | 重点任务 | …"), or — as
when a web page's table is copied — one cell per line, each ending in "|" (the xinjiang sample).

The one-cell-per-line form has no row breaks, so rows are rebuilt from the header: the number of
header cells is the row width, and the 序号 column is used to stay in step if a cell is missing."""

from __future__ import annotations

from app.services.importing.model import Block, Table
from app.services.importing.table_columns import classify_header, serial_number

_PIPES = "|｜"
MIN_PIPE_LINES = 4


def _has_pipe(line: str) -> bool:
    return any(p in line for p in _PIPES)


def _cells(line: str) -> list[str]:
    parts = line.replace("｜", "|").split("|")
    return [p.strip() for p in parts]


def split_text_tables(lines: list[str]) -> tuple[list[Block], list[str]]:
    """Blocks with every "|" region turned into a Table, and warnings."""
    blocks: list[Block] = []
    warnings: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if not _has_pipe(lines[i]):
            blocks.append(lines[i])
            i += 1
            continue
        j = i
        region: list[str] = []
        while j < n:
            s = lines[j].strip()
            if _has_pipe(s) or not s or (j + 1 < n and _has_pipe(lines[j + 1])):
                region.append(s)
                j += 1
            else:
                break
        pipe_lines = [s for s in region if _has_pipe(s)]
        if len(pipe_lines) < MIN_PIPE_LINES:
            blocks.extend(region)
        else:
            table, lead_lines, warn = _parse_region([s for s in region if s])
            blocks.extend(lead_lines)
            if table is not None:
                blocks.append(table)
            warnings.extend(warn)
        i = j
    return blocks, warnings


def _parse_region(region: list[str]) -> tuple[Table | None, list[str], list[str]]:
    pipe_lines = [s for s in region if _has_pipe(s)]
    multi = sum(1 for s in pipe_lines if len(_cells(s.strip("|｜ "))) >= 3)
    if multi >= len(pipe_lines) / 2:
        rows = [_cells(s.strip().strip("|｜").strip()) for s in region if _has_pipe(s)]
        return Table(rows), [], []
    return _cell_per_line(region)


def _cell_per_line(region: list[str]) -> tuple[Table | None, list[str], list[str]]:
    cells: list[str] = []
    pending = ""
    for s in region:
        if not _has_pipe(s):
            pending += s
            continue
        parts = _cells(s)
        if len(parts) > 1 and parts[-1] == "":
            parts = parts[:-1]  # the mark closes the cell; nothing follows it
        elif len(parts) > 1 and parts[0] == "":
            parts = parts[1:]  # "| 1": the mark opens the cell
        parts[0] = pending + parts[0]
        pending = ""
        cells.extend(parts)
    start = next((k for k, c in enumerate(cells) if classify_header(c)), None)
    if start is None:
        return None, [c for c in cells if c], ["一处用“|”分隔的表格找不到表头（序号、重点任务、牵头单位…），已按普通文字读取。"]
    width = 0
    while start + width < len(cells) and classify_header(cells[start + width]):
        width += 1
    title_lines = [c for c in cells[:start] if c]
    if width < 2:
        return None, title_lines + [c for c in cells[start:] if c], ["表格表头不完整，已按普通文字读取。"]
    header = cells[start:start + width]
    serial_col = next((k for k, h in enumerate(header) if classify_header(h) == "serial"), None)
    rows = [header]
    warnings: list[str] = []
    k = start + width
    expected = 1
    while k < len(cells):
        if serial_col == 0 and serial_number(cells[k]) is None:
            # out of step: skip to the next cell holding the serial number we expect
            nxt = next((m for m in range(k + 1, min(len(cells), k + 2 * width))
                        if serial_number(cells[m]) == expected), None)
            if nxt is None:
                warnings.append(f"表格第 {expected} 行附近的单元格无法对齐，其后的内容已忽略。")
                break
            warnings.append(f"表格第 {expected} 行前有多余的单元格，已跳过。")
            k = nxt
        row = cells[k:k + width]
        row += [""] * (width - len(row))
        rows.append(row)
        serial = serial_number(row[0]) if serial_col == 0 else None
        if serial is not None:
            expected = serial + 1
        k += width
    return Table(rows), title_lines, warnings
