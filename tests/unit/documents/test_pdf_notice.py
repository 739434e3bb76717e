"""Measures the demo notice's PDF with pdfplumber against GB/T 9704-2012 (DESIGN.md §6)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest

from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.typeset import NO_END, NO_START

from .conftest import mm_of, portrait_chars

TOL = mm(0.3)


def area_left(page_no: int) -> float:
    return mm(P.inside_mm) if page_no % 2 else mm(P.outside_mm)


def is_red(obj) -> bool:
    col = obj.get("non_stroking_color")
    return isinstance(col, tuple) and len(col) == 3 and col[0] > 0.5 and col[1] < 0.2


def body_chars(page):
    """Upright chars inside the type area's height (page numbers and margin notes excluded)."""
    top, bottom = mm(P.top_mm) - 1, mm(P.top_mm + P.area_h_mm) + 1
    return [c for c in page.chars if c["upright"] and top <= c["top"] and c["bottom"] <= bottom]


def lines_of(chars):
    rows = defaultdict(list)
    for c in chars:
        rows[round(c["top"], 1)].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


def portrait_pages(r):
    return [(i + 1, p) for i, p in enumerate(r.pdf.pages) if not r.layout.pages[i].landscape]


def test_every_page_is_a4(demo):
    assert len(demo.pdf.pages) >= 4
    for page, laid in zip(demo.pdf.pages, demo.layout.pages, strict=True):
        # the paper is portrait; a 横排表格 page is shown turned (/Rotate 90) so it reads upright
        w, h = (page.height, page.width) if page.rotation == 90 else (page.width, page.height)
        assert (w, h) == (pytest.approx(mm(210), abs=0.5), pytest.approx(mm(297), abs=0.5))
        assert page.rotation == (90 if laid.landscape else 0)


def test_text_stays_in_the_type_area_with_mirrored_margins(demo):
    for no, page in portrait_pages(demo):
        left = area_left(no)
        for c in body_chars(page):
            assert c["x0"] >= left - 0.01, (no, c["text"])
            # a 16 pt glyph box on the 15.79 pt grid ends 0.21 pt past its cell; a hanging full
            # stop or comma may pass the right edge by one character at most
            limit = left + mm(P.area_w_mm) + (P.body_size_pt if c["text"] in "，。、；：？！" else -P.tracking_pt)
            assert c["x1"] <= limit + 0.01, (no, c["text"], c["x1"] - left - mm(156))


def test_full_body_lines_hold_28_characters(demo):
    checked = 0
    for no, page in portrait_pages(demo):
        left = area_left(no)
        right = left + mm(P.area_w_mm)
        for line in lines_of(c for c in body_chars(page) if c["size"] == pytest.approx(16)):
            inside = [c for c in line if c["x1"] <= right - P.tracking_pt + 0.01]  # hanging marks out
            if inside[-1]["x1"] < right - 1.0:
                continue  # the last line of a paragraph, a heading or the signature
            assert inside[0]["x0"] == pytest.approx(left, abs=0.05) or \
                inside[0]["x0"] == pytest.approx(left + 2 * P.char_pitch_pt, abs=0.05), line[0]["text"]
            assert inside[-1]["x1"] == pytest.approx(right, abs=0.3)  # 撑满版心
            cells = sum(1 if ord(c["text"]) > 0x2000 else (c["x1"] - c["x0"]) / P.body_size_pt for c in inside)
            cells += (inside[0]["x0"] - left) / P.char_pitch_pt
            steps = {round(b["x0"] - a["x0"], 2) for a, b in itertools.pairwise(inside)}
            if all(ord(c["text"]) > 0x2000 for c in inside) and steps == {round(P.char_pitch_pt, 2)}:
                assert round(cells) == 28, "".join(c["text"] for c in line)
                checked += 1
            assert line[0]["text"] not in NO_START and line[-1]["text"] not in NO_END
    assert checked > 60


def test_full_pages_hold_22_lines(demo):
    """Every line of a full page sits on one of the 22 grid lines, and the last one is used."""
    pitch = P.line_pitch_pt
    area_top = mm(P.top_mm)
    full = 0
    for i, page in enumerate(demo.layout.pages):
        if not page.full or i == 0:
            continue
        grid = set()
        for c in body_chars(demo.pdf.pages[i]):
            k = ((c["top"] + c["bottom"]) / 2 - area_top - pitch / 2) / pitch
            assert k == pytest.approx(round(k), abs=0.01), (i + 1, c["text"])
            grid.add(round(k))
        assert max(grid) == P.lines_per_page - 1 and min(grid) >= 0
        blank_lines = P.lines_per_page - len(grid)
        assert blank_lines <= 2  # a blank line after the title or before 附件说明
        assert page.body_lines == P.lines_per_page
        full += 1
    assert full >= 5


def test_red_mark_top_at_72_mm(demo):
    mark = [c for c in demo.pdf.pages[0].chars if is_red(c)]
    assert "".join(c["text"] for c in mark) == "示例县人民政府办公室文件"
    assert mm_of(min(c["top"] for c in mark)) == pytest.approx(72.0, abs=1.0)
    span = max(c["x1"] for c in mark) - min(c["x0"] for c in mark)
    assert span <= mm(156) + 0.01
    left = min(c["x0"] for c in mark) - area_left(1)
    assert left == pytest.approx(mm(156) - span - left, abs=0.5)  # centred


def test_separator_156_mm_wide_4_mm_below_doc_number(demo):
    page = demo.pdf.pages[0]
    (sep,) = [r for r in page.rects if is_red(r)]
    assert sep["width"] == pytest.approx(mm(156), abs=0.01)
    assert sep["x0"] == pytest.approx(area_left(1), abs=0.01)
    number = [c for c in page.chars if c["top"] < sep["top"] and c["top"] > mm(72 + 10) and not is_red(c)]
    assert "".join(c["text"] for c in number) == demo.doc.doc_number == "示政办发〔2026〕12号"
    assert mm_of(sep["top"] - max(c["bottom"] for c in number)) == pytest.approx(4.0, abs=0.3)


def test_font_sizes_per_element(demo):
    page = demo.pdf.pages[0]
    sizes = defaultdict(set)
    for c in page.chars:
        sizes[round(c["size"], 2)].add(c["text"])
    assert "关" in sizes[22.0] and "通" in sizes[22.0]  # title, 2号
    assert "各" in sizes[16.0] and "政" in sizes[16.0]  # 主送 and 正文, 3号
    assert {"—", "1"} <= sizes[14.0]  # page number, 4号
    assert "示" in sizes[P.mark_size_pt]
    last = demo.pdf.pages[-1]
    colophon = [c for c in last.chars if c["top"] > mm(P.top_mm + P.area_h_mm) - 3 * P.line_pitch_pt
                and c["top"] < mm(P.top_mm + P.area_h_mm)]
    assert colophon and {round(c["size"], 2) for c in colophon} == {14.0}
    fonts = {c["fontname"].split("+")[-1] for c in demo.pdf.pages[2].chars if c["size"] == 16}
    assert len(fonts) >= 3  # 仿宋 text, 黑体 and 楷体 headings


def test_page_numbers_text_size_and_side(demo):
    numbered = 0
    for i, page in enumerate(demo.pdf.pages, start=1):
        foot = [c for c in portrait_chars(page) if c["top"] > mm(P.top_mm + P.area_h_mm) + 1]
        layout_page = demo.layout.pages[i - 1]
        if not layout_page.numbered:
            assert not foot
            continue
        numbered += 1
        text = "".join(c["text"] for c in sorted(foot, key=lambda c: c["x0"]))
        assert re.fullmatch(rf"— {i} —", text), text
        assert {round(c["size"], 2) for c in foot} == {14.0}
        assert mm_of(min(c["top"] for c in foot)) == pytest.approx(P.top_mm + P.area_h_mm + 7, abs=0.3)
        left = area_left(i)
        if i % 2:
            assert max(c["x1"] for c in foot) == pytest.approx(left + mm(156) - 14, abs=0.3)
        else:
            assert min(c["x0"] for c in foot) == pytest.approx(left + 14, abs=0.3)
    assert numbered == len(demo.pdf.pages) - sum(not p.numbered for p in demo.layout.pages)


def test_colophon_on_even_last_page_with_its_lines(demo):
    n = len(demo.pdf.pages)
    assert n % 2 == 0
    last = demo.pdf.pages[-1]
    rules = sorted((r for r in last.rects if r["width"] == pytest.approx(mm(156), abs=0.01)),
                   key=lambda r: r["top"])
    assert [round(mm_of(r["height"]), 2) for r in rules] == [0.35, 0.25, 0.35]
    assert not any(is_red(r) for r in rules)
    assert mm_of(rules[-1]["bottom"]) == pytest.approx(P.top_mm + P.area_h_mm, abs=0.05)
    text = "".join(c["text"] for c in sorted(last.chars, key=lambda c: (round(c["top"]), c["x0"])))
    assert "抄送：" in text and "2026年3月20日印发" in text


def test_extracted_text_equals_the_source(demo):
    got = "".join("".join(c["text"] for c in line)
                  for _no, page in portrait_pages(demo) for line in lines_of(body_chars(page)))
    want = [p.text for p in demo.doc.paragraphs] + [p.text for p in demo.doc.issued.paragraphs]
    pos = 0
    for text in want:
        found = got.find(text, pos)
        assert found >= 0, text[:30]
        pos = found + len(text)
    assert "(cid:" not in got
    assert not any("缺少" in s for s in demo.layout.substitutions)  # every glyph found in some font
    assert not demo.layout.substitutions or all("已替代" in s for s in demo.layout.substitutions)


def test_title_recipients_and_body_on_page_one_sit_on_the_page_grid(demo):
    page = demo.pdf.pages[0]
    (sep,) = [r for r in page.rects if is_red(r)]
    below = [c for c in body_chars(page) if c["top"] > sep["bottom"]]
    pitch, area_top = P.line_pitch_pt, mm(P.top_mm)
    ks = set()
    for c in below:
        k = ((c["top"] + c["bottom"]) / 2 - area_top - pitch / 2) / pitch
        assert k == pytest.approx(round(k), abs=0.01), c["text"]
        ks.add(round(k))
    first_title_line = min(ks)
    assert first_title_line - (sep["bottom"] - area_top) / pitch >= P.title_blank_lines  # 空二行 at least
    assert first_title_line - (sep["bottom"] - area_top) / pitch < P.title_blank_lines + 1
