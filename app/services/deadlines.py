"""完成时限 text → a date, where one follows from the text and the plan's year.

The text is always kept as printed; the date is a convenience for the 督办台账 and may be None
("长期坚持", "每季度")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from app.services.numbering import from_chinese

_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:(\d{4})\s*年)?"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_YEAR + r"\s*" + _NUM + r"\s*月\s*(\d{1,2})\s*[日号]"), "day"),
    (re.compile(_YEAR + r"\s*" + _NUM + r"\s*月\s*(?:份)?\s*(?:底|末|中旬|上旬|下旬)?"), "month"),
    (re.compile(_YEAR + r"\s*(?:第)?([一二三四1-4])\s*季度"), "quarter"),
    (re.compile(_YEAR + r"\s*(上|下)\s*半年"), "half"),
    (re.compile(r"(?:(\d{4})\s*年)\s*(?:年\s*)?(?:底|末|年底|年末|内|前|以前|之前|完成|全面|基本)?"), "year"),
    (re.compile(r"(?:年底|年末|年内|今年底|本年度)"), "year_word"),
]


def _int(s: str) -> int:
    return int(s) if s.isdigit() else from_chinese(s)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def deadline_date(text: str, plan_year: int | None) -> date | None:
    """The last date the text names, resolved against the plan's year; None when open-ended."""
    if not text:
        return None
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = _resolve(kind, m, plan_year)
            if d is not None:
                found.append((m.start(), d))
                taken.append((m.start(), m.end()))
    if not found:
        return None
    return max(found, key=lambda f: f[0])[1]  # the final deadline is the one named last


def _resolve(kind: str, m: re.Match[str], plan_year: int | None) -> date | None:
    try:
        if kind == "year_word":
            return date(plan_year, 12, 31) if plan_year else None
        year = int(m.group(1)) if m.group(1) else plan_year
        if year is None or not 1900 < year < 2200:
            return None
        if kind == "day":
            return date(year, _int(m.group(2)), int(m.group(3)))
        if kind == "month":
            month = _int(m.group(2))
            if not 1 <= month <= 12:
                return None
            return _month_end(year, month)
        if kind == "quarter":
            q = _int(m.group(2))
            return _month_end(year, q * 3)
        if kind == "half":
            return date(year, 6, 30) if m.group(2) == "上" else date(year, 12, 31)
        if kind == "year":
            return date(year, 12, 31)
    except ValueError:
        return None
    return None
