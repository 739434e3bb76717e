"""横排表格 (GB/T 9704-2012 §8): a table on landscape pages drawn rotated on portrait paper.

Every page repeats the header row. A row taller than the room left is split between lines and
continued on the next page under the repeated header, its borders closed on both pages; as in a
word processor with widow and orphan control, each cell keeps at least two lines of a paragraph
on each side of the break. A row is as tall as its lines, its cell padding and one rule, as Word
and LibreOffice make it, so the .docx breaks its pages where the PDF does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.services.documents.flow import text_boxes
from app.services.documents.fontbook import FontBook
from app.services.documents.head import line_items
from app.services.documents.model import Run, Table
from app.services.documents.pages import Page, RectItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.table_widths import column_widths
from app.services.documents.typeset import Line, balance_title, break_lines, shape

LAND_W = mm(P.area_h_mm)  # 225 mm across
LAND_H = mm(P.area_w_mm)  # 156 mm down
KEEP = 2  # lines of a paragraph kept together on either side of a page break (widows, orphans)


@dataclass
class _Cell:
    lines: list[Line]
    paragraphs: list[int]  # line count of each paragraph


@dataclass
class _Row:
    cells: list[_Cell]
    line_h: float
    section: bool = False

    @property
    def n_lines(self) -> int:
        return max((len(c.lines) for c in self.cells), default=1) or 1


def book_measure(book: FontBook) -> Callable[[str, str, float], float]:
    """Text width in pt, as shape() would add it up (without making glyphs)."""
    pick = book.pick_and_advance
    return lambda text, role, size: sum(pick(role, ch)[1] for ch in text) * size


def table_column_widths(book: FontBook, table: Table) -> list[float]:
    """column_widths measured with this book, worked out once per table and document: the PDF's
    layout and the .docx of one notice share them (the table is not changed in between)."""
    memo = book.memo.setdefault("column_widths", {})
    hit = memo.get(id(table))
    if hit is None or hit[0] is not table:  # the table itself is kept, so its id is not reused
        hit = memo[id(table)] = (table, tuple(column_widths(table, book_measure(book))))
    return list(hit[1])


def _cell(book: FontBook, text: str, role: str, size: float, width: float, align: str) -> _Cell:
    lines: list[Line] = []
    counts: list[int] = []
    for part in (text or "").split("\n") if text else []:
        got = break_lines(shape(book, [Run(part, role)], size), width, align=align)
        lines += got
        counts.append(len(got))
    return _Cell(lines, counts)


def _rows(book: FontBook, table: Table, widths: list[float]) -> tuple[_Row, list[_Row]]:
    pad = mm(P.table_pad_mm)
    head = _Row([_cell(book, c.title, "hei", P.table_head_size_pt, w - 2 * pad, "center")
                 for c, w in zip(table.columns, widths, strict=True)], P.table_head_line_pt)
    rows = []
    for r in table.rows:
        if r.section:
            rows.append(_Row([_cell(book, r.cells[0], "hei", P.table_body_size_pt, sum(widths) - 2 * pad, "left")],
                             P.table_line_pt, section=True))
            continue
        rows.append(_Row([_cell(book, t, "fang", P.table_body_size_pt, w - 2 * pad, c.align)
                          for t, c, w in zip(r.cells, table.columns, widths, strict=True)], P.table_line_pt))
    return head, rows


def split_at(paragraphs: list[int], done: int, room: int) -> int:
    """How many of a cell's lines after the first `done` go on this page when `room` lines are
    left: all that fit, moved back so that no paragraph leaves fewer than two lines on either
    side of the break (it then moves on whole)."""
    total = sum(paragraphs)
    if total - done <= room:
        return total - done
    cut = done + room
    start = 0
    for n in paragraphs:
        if start <= cut < start + n:
            here = cut - max(start, done)  # lines of this paragraph on this page
            if 0 < here < KEEP:
                cut = max(start, done)
            elif start + n - cut < KEEP:
                cut = start + n - KEEP
                if cut - max(start, done) < KEEP:
                    cut = max(start, done)
            break
        start += n
    return max(0, cut - done)


def row_height(row: _Row, lines: int) -> float:
    return lines * row.line_h + 2 * mm(P.table_pad_mm) + P.table_rule_pt


def _draw_row(book: FontBook, row: _Row, widths: list[float], top: float, starts: list[int], counts: list[int],
              lines: int) -> list:
    """Items for lines [starts[c], starts[c] + counts[c]) of every cell, with the row's borders."""
    pad = mm(P.table_pad_mm)
    h = row_height(row, lines)
    items: list = []
    x = 0.0
    spans = [sum(widths)] if row.section else widths
    for cell, w, first, count in zip(row.cells, spans, starts, counts, strict=True):
        for i, line in enumerate(cell.lines[first:first + count]):
            items += line_items(book, line, top + P.table_rule_pt / 2 + pad + i * row.line_h, row.line_h, x0=x + pad)
        items.append(RectItem(x, top, w, h, fill=False, stroke=P.table_rule_pt))
        x += w
    return items


def table_pages(book: FontBook, table: Table, label: str, title: str) -> list[Page]:
    widths = table_column_widths(book, table)
    head, rows = _rows(book, table, widths)
    pitch = P.line_pitch_pt
    head_h = row_height(head, head.n_lines)
    pages: list[Page] = []

    def new_page(first: bool) -> float:
        page = Page(landscape=True, kind="table")
        pages.append(page)
        y = 0.0
        if first:
            if label:
                label_line = break_lines(shape(book, [Run(label, "hei")], P.body_size_pt), LAND_W, align="left")
                page.items += text_boxes(book, label_line)[0].items
            y = (P.attachment_title_line - 1) * pitch
            for ln in balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), LAND_W):
                page.items += line_items(book, ln, y, pitch)
                y += pitch
            y += pitch
        n = head.n_lines
        page.items += _draw_row(book, head, widths, y, [0] * len(head.cells), [n] * len(head.cells), n)
        return y + head_h

    y = new_page(True)
    for row in rows:
        done = [0] * len(row.cells)
        while True:
            room = int((LAND_H - y - row_height(row, 0) + 1e-6) // row.line_h)
            left = [len(c.lines) - d for c, d in zip(row.cells, done, strict=True)]
            counts = [split_at(c.paragraphs, d, max(0, room)) for c, d in zip(row.cells, done, strict=True)]
            tallest = max(range(len(left)), key=left.__getitem__)
            if left[tallest] and not counts[tallest]:
                if y > head_h + (0 if len(pages) > 1 else 4 * pitch) + 1e-6:
                    y = new_page(False)
                    continue
                counts = [min(max(1, room), n) for n in left]  # a page too small for two lines: print anyway
            lines = max(max(counts), 1)
            pages[-1].items += _draw_row(book, row, widths, y, done, counts, lines)
            y += row_height(row, lines)
            done = [d + k for d, k in zip(done, counts, strict=True)]
            if all(d >= len(c.lines) for c, d in zip(row.cells, done, strict=True)):
                break
    return pages
