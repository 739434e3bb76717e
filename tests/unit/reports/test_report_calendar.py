"""The report's dates as a checklist ticked from its state, and on the 督办 calendar."""

from datetime import date

from app.services.reports.report_calendar import calendar_with_report, report_checklist
from app.services.tracking.calendar import calendar_events


def test_checklist_ticks_follow_the_report(reported):
    rs, pid = reported.reports, reported.plan_id
    assert [c.done for c in rs.checklist(pid)] == [False] * 5
    other = reported.ctx.services.plans.clone_plan(pid, 2027).id
    assert [c.day.year for c in rs.checklist(other)] == [2028] * 5
    assert rs.report(other, create=False) is None  # reading the dates creates no report
    rs.apply_draft(pid, rs.preview_draft(pid))
    rs.update(pid, gov_doc_number="示政发〔2027〕3号", submitted_on=date(2027, 3, 10))
    items = rs.checklist(pid)
    assert [c.done for c in items] == [False, True, True, True, False]
    assert "已收 " in items[0].text and "/" in items[0].text  # two demo units have not returned theirs
    assert items[-1].day == date(2027, 3, 31) and "4月1日前" in items[-1].text
    assert items[3].day == date(2027, 3, 31)  # the county's own report date, not 示范地区's 1月底
    assert [c.day for c in items] == sorted(c.day for c in items)  # the steps follow one another


def test_checklist_dates_follow_the_settings(reported):
    report = reported.reports.report(reported.plan_id)
    configured = [{"month": 1, "day": 31, "text": "县直部门报送年度报告"},
                  {"month": 3, "day": 1, "text": "县政府向县委报告上一年度法治政府建设情况"},
                  {"month": 2, "day": 30, "text": "政府网站公开年度报告"},  # a day the month lacks
                  {"month": "三", "day": 1, "text": "损坏的一条"}]
    items = report_checklist(report, 0, 0, configured)
    assert items[3].day == date(2027, 3, 1)  # 县政府向县委 wins over the broader 报送
    assert items[4].day == date(2027, 2, 28)
    assert report_checklist(report, 0, 0, [])[3].day == date(2027, 3, 31)  # nothing set: the built-in dates


def test_the_calendar_shows_the_checklist_in_place_of_the_bare_dates(reported):
    t = reported.ctx.services.tracking
    ledger = t.ledger(reported.plan_id)
    events = calendar_events(ledger)
    merged = calendar_with_report(events, reported.reports.checklist(reported.plan_id), 2026)
    q1 = [e for e in merged if e.kind == "年度报告" and e.day.year == 2027]
    assert len(q1) == 5 and all(e.text.endswith(("（已完成）", "（未完成）")) for e in q1)
    assert [e for e in merged if e.kind == "年度报告" and e.day.year == 2026]  # this year's December date stays
    assert [e.day for e in merged] == sorted(e.day for e in merged)
