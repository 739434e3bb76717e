"""横排表格 (GB/T 9704-2012 §8): a table on landscape pages drawn rotated on portrait paper.

Every page repeats the header row; a row taller than the room left is split at a line boundary
and continued on the next page under the repeated header, its borders closed on both pages."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.documents.flow import text_boxes
from app.services.documents.fontbook import FontBook
from app.services.documents.head import line_items
from app.services.documents.model import Run, Table
from app.services.documents.pages import Page, RectItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.typeset import Line, balance_title, break_lines, shape

LAND_W = mm(P.area_h_mm)  # 225 mm across
LAND_H = mm(P.area_w_mm)  # 156 mm down


@dataclass
class _Row:
    cells: list[list[Line]]  # lines per cell (one cell for a section row)
    line_h: float
    section: bool = False
    header: bool = False

    @property
    def n_lines(self) -> int:
        return max((len(c) for c in self.cells), default=1) or 1


def column_widths(table: Table) -> list[float]:
    total = sum(c.width_mm for c in table.columns)
    return [mm(c.width_mm * P.area_h_mm / total) for c in table.columns]


def _cell_lines(book: FontBook, text: str, role: str, size: float, width: float, align: str) -> list[Line]:
    if not text:
        return []
    out: list[Line] = []
    for part in text.split("\n"):
        out += break_lines(shape(book, [Run(part, role)], size), width, align=align)
    return out


def _rows(book: FontBook, table: Table, widths: list[float]) -> tuple[_Row, list[_Row]]:
    pad = mm(P.table_pad_mm)
    head = _Row([_cell_lines(book, c.title, "hei", P.table_head_size_pt, w - 2 * pad, "center")
                 for c, w in zip(table.columns, widths, strict=True)], P.table_head_line_pt, header=True)
    rows = []
    for r in table.rows:
        if r.section:
            rows.append(_Row([_cell_lines(book, r.cells[0], "hei", P.table_body_size_pt, sum(widths) - 2 * pad,
                                          "left")], P.table_line_pt, section=True))
            continue
        cells = [_cell_lines(book, t, "fang", P.table_body_size_pt, w - 2 * pad,
                             c.align)
                 for t, c, w in zip(r.cells, table.columns, widths, strict=True)]
        rows.append(_Row(cells, P.table_line_pt))
    return head, rows


def _draw_row(book: FontBook, row: _Row, widths: list[float], top: float, first: int, count: int) -> list:
    """Items for lines [first, first+count) of every cell, with the row's cell borders."""
    pad = mm(P.table_pad_mm)
    h = count * row.line_h + 2 * pad
    items: list = []
    x = 0.0
    spans = [sum(widths)] if row.section else widths
    for cell, w in zip(row.cells, spans, strict=True):
        for i, line in enumerate(cell[first:first + count]):
            items += line_items(book, line, top + pad + i * row.line_h, row.line_h, x0=x + pad)
        items.append(RectItem(x, top, w, h, fill=False, stroke=P.table_rule_pt))
        x += w
    return items


def table_pages(book: FontBook, table: Table, label: str, title: str) -> list[Page]:
    widths = column_widths(table)
    head, rows = _rows(book, table, widths)
    pad = mm(P.table_pad_mm)
    pitch = P.line_pitch_pt
    head_h = head.n_lines * head.line_h + 2 * pad
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
        page.items += _draw_row(book, head, widths, y, 0, head.n_lines)
        return y + head_h

    y = new_page(True)
    for row in rows:
        done = 0
        total = row.n_lines
        while done < total:
            room = LAND_H - y
            fit = int((room - 2 * pad + 1e-6) // row.line_h)
            fresh = len(pages[-1].items) and y <= head_h + (0 if len(pages) > 1 else 4 * pitch) + 1e-6
            if fit <= 0 and fresh:
                fit = 1  # a page that cannot hold one line of this row: print it anyway
            elif fit <= 0 or (done == 0 and fit < total and fit < 2 and total > 1):
                y = new_page(False)
                continue
            count = min(fit, total - done)
            pages[-1].items += _draw_row(book, row, widths, y, done, count)
            y += count * row.line_h + 2 * pad
            done += count
    return pages
