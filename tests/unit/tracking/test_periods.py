from datetime import date

import pytest

from app.services.errors import ValidationError
from app.services.tracking.periods import due_date, make_periods


def test_monthly_from_the_issue_month_due_on_the_25th():
    ps = make_periods(2026, "monthly", 25, False, first_month=3)
    assert [p.key for p in ps][:2] == ["2026-03", "2026-04"] and len(ps) == 10
    assert ps[0].label == "2026年3月" and ps[0].start == date(2026, 3, 1) and ps[0].due == date(2026, 3, 25)


def test_quarterly_due_in_the_next_month_and_the_year_rolls_over():
    ps = make_periods(2026, "quarterly", 5, True)
    assert [p.label for p in ps] == ["2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"]
    assert ps[0].due == date(2026, 4, 5) and ps[-1].due == date(2027, 1, 5)


def test_half_year_and_year_end():
    assert [p.key for p in make_periods(2026, "half-year", 25, False, 8)] == ["2026-H2"]
    (year,) = make_periods(2026, "year-end", 20)
    assert year.label == "2026年全年" and year.due == date(2026, 12, 20)


def test_due_day_is_clamped_to_the_month():
    assert due_date(date(2026, 2, 28), 31, False) == date(2026, 2, 28)
    assert due_date(date(2026, 1, 31), 30, True) == date(2026, 2, 28)


def test_bad_rhythm_and_day_are_chinese_errors():
    with pytest.raises(ValidationError, match="报送周期"):
        make_periods(2026, "weekly")
    with pytest.raises(ValidationError, match="报送日"):
        make_periods(2026, "monthly", 0)
