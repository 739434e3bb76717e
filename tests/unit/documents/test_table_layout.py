"""The 分工表's finer typesetting (issue 9.6): columns sized from their content, so a deadline such
as “2026年11月底前” stays on one line, and a row split over two pages keeps two lines on each side."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.documents.convert import convert_result
from app.services.documents.fontbook import FontBook
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.service import font_choice
from app.services.documents.table_layout import book_measure, split_at, table_column_widths
from app.services.importing import import_file

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))


def test_short_deadlines_stay_on_one_line(demo_doc):
    checked = 0
    tables = {s.stem: convert_result(import_file(s)).doc.issued.attachments[0].table for s in SAMPLES}
    tables["demo"] = next(a.table for a in demo_doc.issued.attachments if a.table is not None)
    for name, table in tables.items():
        book = FontBook(font_choice())
        widths = table_column_widths(book, table)
        assert sum(widths) == pytest.approx(mm(P.area_h_mm), abs=0.5)
        k = next((i for i, c in enumerate(table.columns) if "时限" in c.title), None)
        if k is None:
            continue  # a plan without deadlines has no such column
        room = widths[k] - 2 * mm(P.table_pad_mm)
        measure = book_measure(book)
        short = {r.cells[k] for r in table.rows if not r.section and k < len(r.cells)
                 and 0 < len(r.cells[k]) <= len("2026年11月底前")}
        assert all(measure(d, "fang", P.table_body_size_pt) <= room for d in short), (name, widths[k], short)
        checked += len(short)
    assert checked >= 15  # the samples and the demo have such deadlines


@pytest.mark.parametrize(("paragraphs", "done", "room", "taken"), [
    ([5], 0, 4, 3),      # 4 would leave one line alone on the next page: two go over
    ([5], 0, 1, 0),      # one line alone at the foot: the row moves on whole
    ([5], 0, 2, 2),
    ([3, 3], 0, 4, 3),   # the second paragraph would start with one line: it moves on whole
    ([3, 3], 0, 5, 3),   # two and one would split it 2 | 1: it moves on whole
    ([2, 6], 2, 3, 3),   # continuing a row already split
    ([4], 0, 9, 4),      # all of it fits
])
def test_a_split_row_keeps_two_lines_on_each_side(paragraphs, done, room, taken):
    got = split_at(paragraphs, done, room)
    assert got == taken
    # and the rule itself, whatever the numbers: no paragraph keeps a single line on either side
    cut, start = done + got, 0
    for n in paragraphs:
        if start < cut < start + n:
            assert cut - max(start, done) >= 2 and start + n - cut >= 2
        start += n
