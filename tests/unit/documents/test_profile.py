"""The profile: every number carries its clause, and the derived ones add up."""

from __future__ import annotations

from dataclasses import fields

import pytest

from app.services.documents.profile import GBT9704, mm
from app.services.documents.profile import PROFILE as P


def test_every_number_names_its_clause():
    for f in fields(GBT9704):
        clause = P.clause(f.name)
        assert clause.startswith(("[T]", "[P]")), f.name
        if clause.startswith("[T]"):
            assert "§" in clause, f.name  # the standard's own numbers cite their clause


def test_derived_margins_and_grid():
    assert P.bottom_mm == 35 and P.outside_mm == 26
    assert P.line_pitch_pt == pytest.approx(28.95)
    assert P.lines_per_page * P.line_pitch_twips <= round(mm(P.area_h_mm) * 20)  # 22 lines fit in 225 mm
    assert P.chars_per_line * P.char_pitch_pt == pytest.approx(mm(P.area_w_mm))
    assert P.tracking_pt == pytest.approx(-0.207, abs=0.001)
    # Word's −0.25 pt per character must still fit 28 glyphs of 16 pt in 156 mm
    assert P.chars_per_line * (P.body_size_pt + P.docx_tracking_twips / 20) <= mm(P.area_w_mm)
    assert P.top_mm + P.mark_top_mm == 72
