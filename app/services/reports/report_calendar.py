"""The year's report dates as a checklist (数据表回收 → 初稿 → 签发 → 报送 → 公开), each ticked
from the report's own state, and the same dates on the 督办 calendar in place of the bare
statutory ones. 报送 and 公开 follow the annual dates in 设置 when they name them."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date

from app.services.reports.dto import ReportDTO
from app.services.tracking.calendar import DEFAULT_ANNUAL_DATES, CalendarEvent

KIND = "年度报告"


@dataclass(frozen=True)
class ChecklistItem:
    day: date
    text: str
    done: bool

    def line(self) -> str:
        return f"{self.text}（{'已完成' if self.done else '未完成'}）"


def _configured_day(configured: list[dict] | None, words: tuple[str, ...], year: int, default: tuple[int, int]) -> date:
    """The first-quarter date in 设置 whose text holds the most specific of `words` (they are tried in
    order: a broad word such as 报送 also names other offices' dates)."""
    dates = []
    for d in configured or DEFAULT_ANNUAL_DATES:
        try:
            text, month, day = str(d.get("text", "")), int(d["month"]), int(d["day"])
        except (KeyError, TypeError, ValueError):
            continue
        if 1 <= month <= 3:
            dates.append((text, date(year, month, min(max(day, 1), _cal.monthrange(year, month)[1]))))
    for word in words:
        for text, day in dates:
            if word in text:
                return day
    return date(year, *default)


def report_checklist(report: ReportDTO, asked: int, returned: int, configured: list[dict] | None) -> list[ChecklistItem]:
    y = report.year + 1
    signed = report.sign_date is not None and bool(report.gov_doc_number or report.joint_doc_number)
    return [
        ChecklistItem(date(y, 1, 15), f"收齐各单位{report.year}年度数据表（已收 {returned}/{asked} 个单位）",
                      asked > 0 and returned >= asked),
        ChecklistItem(date(y, 1, 31), f"起草{report.year}年度法治政府建设情况报告", report.drafted_at is not None),
        ChecklistItem(date(y, 2, 28), "报告定稿，编发文字号，主要负责人签发", signed),
        ChecklistItem(_configured_day(configured, ("县政府向县委", "第一季度", "报送"), y, (3, 31)),
                      "报送县委、县人大常委会和上一级党委、政府", report.submitted_on is not None),
        ChecklistItem(_configured_day(configured, ("公开",), y, (3, 31)), "通过政府网站向社会公开（4月1日前）",
                      report.published_on is not None),
    ]


def calendar_with_report(events: list[CalendarEvent], checklist: list[ChecklistItem], year: int) -> list[CalendarEvent]:
    """The 督办 calendar's events with the report's checklist in place of next year's bare
    first-quarter report dates."""
    kept = [e for e in events if not (e.kind == KIND and e.day.year == year + 1 and e.day.month <= 3)]
    kept += [CalendarEvent(c.day, KIND, c.line()) for c in checklist]
    order = ("报送截止", "完成时限", "序时目标", KIND)
    return sorted(kept, key=lambda e: (e.day, order.index(e.kind) if e.kind in order else 9))
