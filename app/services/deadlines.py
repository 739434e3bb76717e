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
    if s.isdigit():
        return int(s) if len(s) < 7 else 10**6
    try:
        return from_chinese(s)
    except (ValueError, KeyError):
        return 0


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


SANE_YEARS = (2000, 2100)  # a 完成时限 outside these years is a typing error, not a plan
_CN_DIGITS = "一二三四五六七八九十"
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4,})\s*年")
_ANY_MONTH = re.compile(r"(?<![\d" + _CN_DIGITS + r"])(\d+|[" + _CN_DIGITS + r"]{1,3})\s*月(?:\s*(\d+|[" + _CN_DIGITS
                        + r"]{1,3})\s*[日号])?")
_ANY_QUARTER = re.compile(r"第?\s*(\d+|[" + _CN_DIGITS + r"]{1,3})\s*季度")
_ANY_DAY = re.compile(r"(?<![\d月" + _CN_DIGITS + r"])(\d+)\s*[日号]")


def deadline_problem(text: str, plan_year: int | None = None) -> str:
    """Why a date in the text cannot be right ("2099年13月40日", "2月30日", "第五季度", a 20-digit
    year, a year outside 2000–2100); "" when there is none. Such a text keeps no date at all: a
    guessed one (13月 → 12月31日) would put a wrong deadline in the 督办台账 without anyone noticing."""
    if not text:
        return ""
    for m in _ANY_YEAR.finditer(text):
        if len(m[1]) != 4 or not SANE_YEARS[0] <= int(m[1]) <= SANE_YEARS[1]:
            return f"年份“{m[1][:12]}{'…' if len(m[1]) > 12 else ''}”不在 {SANE_YEARS[0]}–{SANE_YEARS[1]} 年之间"
    leap_year = next((int(m[1]) for m in _ANY_YEAR.finditer(text)), plan_year) or 2000  # is 2月29日 real?
    for m in _ANY_MONTH.finditer(text):
        month = _int(m[1])
        if not 1 <= month <= 12:
            return f"没有{m[1]}月"
        if m[2] is not None:
            day = _int(m[2])
            if not 1 <= day <= calendar.monthrange(leap_year, month)[1]:
                return f"{month}月没有{m[2]}日"
    for m in _ANY_DAY.finditer(text):
        if not 1 <= int(m[1]) <= 31:
            return f"没有{m[1]}日"
    for m in _ANY_QUARTER.finditer(text):
        if not 1 <= _int(m[1]) <= 4:
            return f"一年只有四个季度，没有第{m[1]}季度"
    return ""


def deadline_date(text: str, plan_year: int | None) -> date | None:
    """The last date the text names, resolved against the plan's year; None when open-ended, and
    None when the text names an impossible date (see deadline_problem)."""
    if not text or deadline_problem(text, plan_year):
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
