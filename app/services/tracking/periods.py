"""Reporting periods of a year, from a rhythm and a due-day rule (no database)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from app.services.errors import ValidationError
from app.services.numbering import to_chinese
from app.services.tracking.policy import RHYTHM_LABEL

RHYTHMS = tuple(RHYTHM_LABEL)


@dataclass(frozen=True)
class PeriodSpec:
    key: str
    label: str
    start: date
    end: date
    due: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def due_date(end: date, due_day: int, next_month: bool) -> date:
    """Day `due_day` of the period's last month, or of the month after it; clamped to the month's length."""
    year, month = end.year, end.month
    if next_month:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, min(max(1, due_day), calendar.monthrange(year, month)[1]))


def _ranges(year: int, rhythm: str) -> list[tuple[str, str, int, int]]:
    """(key, label, first month, last month) of every period of the year."""
    if rhythm == "monthly":
        return [(f"{year}-{m:02d}", f"{year}年{m}月", m, m) for m in range(1, 13)]
    if rhythm == "quarterly":
        return [(f"{year}-Q{q}", f"{year}年第{to_chinese(q)}季度", 3 * q - 2, 3 * q) for q in range(1, 5)]
    if rhythm == "half-year":
        return [(f"{year}-H1", f"{year}年上半年", 1, 6), (f"{year}-H2", f"{year}年下半年", 7, 12)]
    if rhythm == "year-end":
        return [(f"{year}-Y", f"{year}年全年", 1, 12)]
    raise ValidationError(f"未知的报送周期“{rhythm}”，可选：每月、每季度、每半年、年终一次。")


def make_periods(year: int, rhythm: str, due_day: int = 25, next_month: bool = False,
                 first_month: int = 1) -> list[PeriodSpec]:
    """The year's periods from the one holding `first_month` (reporting starts when the plan is issued)."""
    if not 1 <= due_day <= 31:
        raise ValidationError("报送日应为每月 1 日至 31 日之间的一天。")
    out = []
    for key, label, m1, m2 in _ranges(year, rhythm):
        if m2 < first_month:
            continue
        end = _month_end(year, m2)
        out.append(PeriodSpec(key, label, date(year, m1, 1), end, due_date(end, due_day, next_month)))
    return out


def rhythm_text(rhythm: str, due_day: int, next_month: bool) -> str:
    """“每月25日前报送” / “每季度次月5日前报送”."""
    when = f"次月{due_day}日前" if next_month else (f"当月{due_day}日前" if rhythm == "monthly" else
                                                    f"期末月{due_day}日前")
    return f"{RHYTHM_LABEL.get(rhythm, rhythm)}报送，{when}"
