"""Column widths of a 横排表格 from its content, shared by the PDF, the .docx and the .xlsx.

Each column first gets what its content cannot do without: a short entry (序号, 完成时限, a count)
on one line ("2026年11月底前" is never broken), the longest unit name of a unit column (up to a
limit), a header in at most two lines, and a working width for the text column. The rest of the
225 mm goes, a few millimetres at a time, to the column where it saves the most table lines
(a row is as tall as its tallest cell), so the table takes as few pages as its text allows."""

from __future__ import annotations

import math
from collections.abc import Callable

from app.services.documents.model import Table
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm

Measure = Callable[[str, str, float], float]  # (text, font role, size in pt) → width in pt
WHOLE_MAX_MM = 45.0  # an entry wider than this may wrap (a long 完成时限 sentence)
NAME_MAX_MM = 28.0  # a unit name longer than this (7 characters) may wrap
TEXT_MIN_MM = 60.0  # the main text column's working width
STEP_MM = 2.0
LOOK_AHEAD = 8  # steps tried at once, so that a gain a few millimetres away is still seen
SAMPLE_ROWS = 240  # long tables are sized on an even sample of their rows


def _names(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", "、").replace("；", "、").split("、") if p.strip()]


def column_widths(table: Table, measure: Measure) -> list[float]:
    """Widths in pt, summing to the landscape type-area width."""
    total = mm(P.area_h_mm)
    cols = table.columns
    n = len(cols)
    pad = 2 * mm(P.table_pad_mm) + 0.5
    size = P.table_body_size_pt
    body = [r.cells for r in table.rows if not r.section]
    if len(body) > SAMPLE_ROWS:
        body = body[:: math.ceil(len(body) / SAMPLE_ROWS)]
    main = max(range(n), key=lambda k: (cols[k].align == "justify", cols[k].width_mm))
    # text width of each cell's paragraphs, per row and column
    widths_of = [[[measure(p, "fang", size) for p in (row[k] if k < len(row) else "").split("\n") if p]
                  for k in range(n)] for row in body]
    low = []
    for k, col in enumerate(cols):
        # a header of up to four characters on one line (序号, 牵头单位), a longer one in two
        head = measure(col.title, "hei", P.table_head_size_pt) / (1 if len(col.title) <= 4 else 2) + pad
        cells = [row[k] for row in body if k < len(row) and row[k]]
        if k == main:
            need = mm(TEXT_MIN_MM)
        elif col.align == "center":
            need = min(max((w for row in widths_of for w in row[k]), default=0.0) + pad, mm(WHOLE_MAX_MM))
        else:
            longest = max((measure(name, "fang", size) for c in cells for name in _names(c)), default=0.0)
            need = min(longest + pad, mm(NAME_MAX_MM))
        low.append(max(need, head, mm(10)))
    if sum(low) > total:  # too many columns for the page: in proportion to their needs
        return [total * w / sum(low) for w in low]

    cache: dict[tuple[int, float], list[int]] = {}

    def column_lines(k: int, w: float) -> list[int]:
        key = (k, round(w, 2))
        got = cache.get(key)
        if got is None:
            room = max(1.0, w - pad)
            got = cache[key] = [sum(math.ceil(t / room) for t in row[k]) for row in widths_of]
        return got

    ws = list(low)
    budget = total - sum(ws)
    step = mm(STEP_MM)
    while budget >= step:
        per_col = [column_lines(k, ws[k]) for k in range(n)]
        current = sum(max(max(c[r] for c in per_col), 1) for r in range(len(body)))
        best = None  # (lines saved per step, column, steps)
        for k in range(n):
            others = [max([per_col[j][r] for j in range(n) if j != k] + [1]) for r in range(len(body))]
            for s in range(1, min(LOOK_AHEAD, int(budget // step)) + 1):
                mine = column_lines(k, ws[k] + s * step)
                saved = current - sum(map(max, others, mine))
                if saved > 0 and (best is None or saved / s > best[0]):
                    best = (saved / s, k, s)
        if best is None:
            break
        _rate, k, s = best
        ws[k] += s * step
        budget -= s * step
    ws[main] += total - sum(ws)  # what no column can use goes to the text column
    return ws
