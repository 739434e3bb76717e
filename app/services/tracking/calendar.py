"""The year's dates on one calendar: reporting due dates, task deadlines (and extended ones), 序时目标,
and the statutory annual-report dates (defaults from provincial practice; configurable in 设置)."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date

from app.services.tracking.ledger import Ledger

# (month, day, text) — the report on year Y−1 falls due in year Y; “4月1日前” is the 31 March
DEFAULT_ANNUAL_DATES = (
    {"month": 1, "day": 31, "text": "示范地区报送上一年度法治政府建设年度报告（省级指引：1月底前）"},
    {"month": 3, "day": 1, "text": "县直部门报送上一年度法治政府建设年度报告（省级指引：3月1日前）"},
    {"month": 3, "day": 31, "text": "县政府向县委、县人大常委会和上一级党委政府报告上一年度法治政府建设情况（每年第一季度）"},
    {"month": 3, "day": 31, "text": "年度报告通过政府网站向社会公开（每年4月1日之前）"},
    {"month": 12, "day": 31, "text": "年终考核、督察；向县政府报告本年度法治政府建设情况（12月）"},
)
KINDS = ("报送截止", "完成时限", "序时目标", "年度报告")


@dataclass(frozen=True)
class CalendarEvent:
    day: date
    kind: str
    text: str


def annual_events(year: int, configured: list[dict] | None) -> list[CalendarEvent]:
    out = []
    for d in configured or DEFAULT_ANNUAL_DATES:
        try:
            month, day = int(d["month"]), int(d["day"])
            day = min(day, _cal.monthrange(year, month)[1])
            out.append(CalendarEvent(date(year, month, day), "年度报告", str(d.get("text", ""))[:120]))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged entry in 设置 is left out, the others still show
    return out


def calendar_events(ledger: Ledger, configured: list[dict] | None = None) -> list[CalendarEvent]:
    """Everything dated in the plan's year and the first quarter after it, in date order."""
    events = [CalendarEvent(p.due, "报送截止", f"{p.label}进展情况报送截止") for p in ledger.schedule.periods]
    for t in ledger.tasks:
        if t.closure is not None:
            continue
        if t.deadline is not None:
            moved = f"（已批准延期至{t.effective_deadline.month}月{t.effective_deadline.day}日）" \
                if t.effective_deadline != t.deadline else ""
            events.append(CalendarEvent(t.deadline, "完成时限", f"第{t.serial}项“{t.title}”完成时限{moved}"))
            if moved:
                events.append(CalendarEvent(t.effective_deadline, "完成时限",
                                            f"第{t.serial}项“{t.title}”延期后的完成时限"))
        for due, pct in t.milestones:
            events.append(CalendarEvent(due, "序时目标", f"第{t.serial}项“{t.title}”应达到{pct}%"))
    year = ledger.plan_year or ledger.period.due.year
    events += annual_events(year, configured) + [e for e in annual_events(year + 1, configured) if e.day.month <= 3]
    return sorted(events, key=lambda e: (e.day, KINDS.index(e.kind)))
