"""Chinese line breaking on the grid, and balanced titles."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.documents.fontbook import FontBook
from app.services.documents.model import Run
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.service import font_choice
from app.services.documents.typeset import HANG, NO_END, NO_START, balance_title, break_lines, shape

WIDTH = mm(P.area_w_mm)


@pytest.fixture(scope="module")
def book():
    return FontBook(font_choice())


def lines_for(book, text: str, indent: float = 2 * P.char_pitch_pt):
    return break_lines(shape(book, [Run(text)], P.body_size_pt, P.tracking_pt), WIDTH, first_indent=indent)


def test_pure_chinese_lines_hold_28_then_26_after_the_indent(book):
    lines = lines_for(book, "法" * 100)
    assert [len(ln.glyphs) for ln in lines] == [26, 28, 28, 18]
    assert lines[1].xs[-1] + lines[1].glyphs[-1].adv == pytest.approx(WIDTH, abs=1e-6)


def test_a_comma_never_starts_a_line_nor_hangs_past_the_type_area(book):
    lines = lines_for(book, "法" * 28 + "，" + "治" * 10, indent=0)
    assert lines[0].text == "法" * 27 and not lines[0].hanging and lines[0].adjusted
    assert lines[1].text.startswith("法，治")
    assert lines[0].xs[-1] + lines[0].glyphs[-1].adv == pytest.approx(WIDTH, abs=0.01)  # still 撑满版心


def test_closing_quote_pulls_the_previous_character_down_and_the_line_is_justified(book):
    lines = lines_for(book, "法" * 27 + "“治”" + "理" * 10, indent=0)
    assert lines[1].text[0] not in NO_START
    assert lines[0].text[-1] not in NO_END
    assert lines[0].adjusted
    last = lines[0].glyphs[-1]
    assert lines[0].xs[-1] + last.adv == pytest.approx(WIDTH, abs=0.01)  # 撑满版心


def test_digits_and_dashes_are_never_split(book):
    lines = lines_for(book, "法" * 26 + "2026年" + "——" + "……" + "治" * 30, indent=0)
    joined = [ln.text for ln in lines]
    assert any("2026" in t for t in joined)
    assert all(not t.startswith(("026", "26", "6年")) for t in joined)
    assert all(t.count("—") % 2 == 0 and t.count("…") % 2 == 0 for t in joined)


cjk = st.sampled_from(list("法治政府建设依法行政规范用权决策执法监督") + list("，。、；：？！）》”（《“") + ["2026", "——"])


@settings(max_examples=80, deadline=None)
@given(st.lists(cjk, min_size=1, max_size=160))
def test_no_line_starts_or_ends_with_a_forbidden_mark(book_cache, parts):
    text = "".join(parts)
    lines = lines_for(book_cache, text)
    assert "".join(ln.text for ln in lines) == text
    for i, ln in enumerate(lines):
        inside = ln.glyphs[:-1] if ln.hanging else ln.glyphs
        end = ln.xs[len(inside) - 1] + inside[-1].adv
        assert end <= WIDTH + 0.01 or len(inside) == 1
        if ln.hanging:
            assert ln.glyphs[-1].ch in HANG
        if i > 0 and any(ch not in NO_START for ch in text):
            assert ln.text[0] not in NO_START or all(g.ch in NO_START for g in lines[i - 1].glyphs)
        if i < len(lines) - 1:
            assert ln.text[-1] not in NO_END


@pytest.fixture(scope="module")
def book_cache(book):
    return book


def test_title_lines_are_balanced_and_centred(book):
    title = "关于印发《示例县2026年法治政府建设工作要点》的通知"
    lines = balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), WIDTH)
    assert len(lines) == 2 and "".join(ln.text for ln in lines) == title
    widths = [sum(g.adv for g in ln.glyphs) for ln in lines]
    assert abs(widths[0] - widths[1]) < 4 * P.title_size_pt
    for ln, w in zip(lines, widths, strict=True):
        assert ln.xs[0] == pytest.approx((WIDTH - w) / 2)
    assert not lines[1].text.startswith(("》", "的"))  # no break inside 《…》's closing or before 的通知


def test_a_lone_last_character_is_pulled_back_by_squeezing_marks(book, monkeypatch):
    import app.services.documents.typeset as typeset

    def lone(lines):
        return typeset.is_lone_character(lines[-1].glyphs)

    base = "依法行政，规范用权。" * 8
    with monkeypatch.context() as m:
        m.setattr(typeset, "_pull_back_lone_character", lambda lines, measure: None)
        text = next(base[:n] + "府。" for n in range(40, 80) if lone(lines_for(book, base[:n] + "府。")))
    lines = lines_for(book, text)
    assert not lone(lines) and "".join(ln.text for ln in lines) == text
    for ln in lines:
        assert ln.xs[-1] + ln.glyphs[-1].adv <= WIDTH + 0.01  # never past the type area
    squeezed = [g for ln in lines for g in ln.glyphs if g.squeeze]
    assert squeezed and all(g.ch in "，。" and 0 < g.squeeze <= g.size / 2 + 1e-6 for g in squeezed)


def test_without_marks_to_squeeze_a_lone_character_stays(book):
    lines = lines_for(book, "法" * 57, indent=0)  # 28 + 28 + 1, no punctuation anywhere
    assert [len(ln.glyphs) for ln in lines] == [28, 28, 1]


def test_titles_break_only_between_words_and_never_at_a_space(book):
    for title, forbidden in (("关于印发《自治区法治政府建设2022年工作要点》的通知", ("法治政府", "建设2022")),
                             ("自治州全面推进依法行政加快建设法治政府实施方案的通知", ("加", "快建设")),
                             ("关于印发《重庆市綦江区法治政府建设 实施方案（2021—2025年）》的通知", ("綦江", "区"))):
        lines = [ln.text for ln in balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), WIDTH)]
        assert len(lines) >= 2
        assert all(ln == ln.strip() for ln in lines), lines
        for a, b in itertools.pairwise(lines):
            assert not (a.endswith(forbidden[0]) and b.startswith(forbidden[1])), lines
