"""The report drafted from the demo year: every statutory part, with the year's facts (tasks, units,
progress, 销号 evidence, overdue and extended tasks) and the units' figures."""

import pytest

from app.services.reports import template as T
from app.services.reports.figure_fields import place_fields
from app.services.reports.report_outline import report_outline

pytestmark = pytest.mark.both_databases  # the report service on SQLite and on the PostgreSQL server


def text_of(r, key):
    report = r.reports.report(r.plan_id)
    return report.section(key).text


def printed(r) -> str:
    """The whole report as printed: headings and texts, figures placed."""
    report = r.reports.report(r.plan_id)
    totals = r.reports.figures.totals(report.id)
    out = []
    for e in report_outline(report):
        out.append(e.title)
        if e.section is not None:
            out.append(place_fields(e.section.text, totals)[0])
    return "\n".join(out)


def test_every_part_in_statutory_order_with_the_plans_parts_inside_measures(drafted):
    titles = [e.title for e in report_outline(drafted.reports.report(drafted.plan_id))]
    chapters = [t for t in titles if t[1:2] == "、"]
    assert chapters == ["一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                        "四、2027年主要安排", "五、其他需要报告的情况"]
    sections = [t for t in titles if t.startswith("（") and t != "（开头）"]
    assert sections[0] == "（一）深入学习贯彻习近平法治思想" and sections[-1] == "（九）强化法治政府建设保障"
    assert len(sections) == 9


def test_opening_counts_the_tasks_and_quotes_the_figures(drafted):
    opening = text_of(drafted, T.OPENING)
    assert "《示例县2026年法治政府建设工作要点》" in opening and "30项重点任务中，8项已完成、14项长期推进" in opening
    assert "{会前学法次数}" in opening and "{出庭应诉率}" in opening  # fields, placed when printed
    text = printed(drafted)
    assert "县政府常务会议会前学法12次" in text and "办理行政复议案件47件" in text
    assert "行政机关负责人出庭应诉率94.3%" in text and "政务服务事项网上可办率96.4%" in text


def test_measures_name_units_progress_and_the_closed_tasks_document(drafted):
    text = printed(drafted)
    assert "一是深化习近平法治思想学习宣传。县司法局牵头，县委宣传部、县委组织部配合" in text
    # task 13 was closed (销号) with its 目录 notice as evidence: cited as a report cites a document
    assert "印发《关于公布2026年度重大行政决策事项目录的通知》（示政办发〔2026〕8号）" in text
    assert "二是深化“放管服”改革。县政务服务中心牵头" in text and "相关文件：示司发〔2026〕15号" in text


def test_shortcomings_from_overdue_and_extended_tasks_with_their_reasons(drafted):
    text = text_of(drafted, T.SHORTCOMINGS)
    assert text.startswith("一是部分任务未按期完成。第10项“开展行政规范性文件专项清理”（县司法局牵头）完成时限为2026年9月底前")
    assert "主要原因是专业力量不足" in text
    assert "二是个别任务延期完成。第11项“推进乡镇合法性审核全覆盖”因部分乡镇合法性审核人员尚未配齐" in text
    assert "经批准延期至2026年12月31日" in text


def test_duty_part_quotes_the_duty_task_and_the_study_figures(drafted):
    text = text_of(drafted, T.DUTY)
    assert text.startswith("示例县党政主要负责人认真履行推进法治建设第一责任人职责")
    assert "{会前学法次数}" in text and "压实法治建设第一责任人职责。县委依法治县办牵头" in text


def test_next_year_from_next_years_draft_plan_when_there_is_one(reported):
    plans = reported.ctx.services.plans
    without = reported.reports.preview_draft(reported.plan_id)
    nxt = next(s for s in without.sections if s.key == T.NEXT_YEAR)
    assert "一是抓好2026年未完成任务的落实" in nxt.text and "【待补充】" in nxt.text
    plans.clone_plan(reported.plan_id, 2027)
    nxt = next(s for s in reported.reports.preview_draft(reported.plan_id).sections if s.key == T.NEXT_YEAR)
    assert nxt.text.startswith("2027年，我县将以《示例县2027年法治政府建设工作要点》为抓手")
    assert "一是深入学习贯彻习近平法治思想。重点抓好深化习近平法治思想学习宣传" in nxt.text
    assert "【待补充】" not in nxt.text


def test_other_part_tells_how_the_year_was_supervised(drafted):
    text = text_of(drafted, T.OTHER)
    assert "县委依法治县办按月调度重点任务推进情况" in text and "收回各单位进展情况报表" in text
    assert "2027年4月1日前通过政府网站向社会公开" in text


def test_duty_as_a_section_and_another_order(drafted):
    rs = drafted.reports
    rs.update(drafted.plan_id, duty_placement="section", part_order=["duty", "measures", "other", "next_year"])
    titles = [e.title for e in report_outline(rs.report(drafted.plan_id))]
    chapters = [t for t in titles if t[1:2] == "、"]
    # the duty part went inside 一; the missing key (shortcomings) is appended, never lost
    assert chapters == ["一、主要举措和成效", "二、其他需要报告的情况", "三、2027年主要安排", "四、存在的不足和原因"]
    assert titles[titles.index("一、主要举措和成效") + 1] == "（一）党政主要负责人履行推进法治建设第一责任人职责情况"


def test_part_order_setting_tolerates_damage():
    assert T.part_order(["other", "bogus", "other"]) == ["other", "measures", "shortcomings", "duty", "next_year"]
    assert T.part_order("duty, measures") == ["duty", "measures", "shortcomings", "next_year", "other"]
    assert T.part_order(None) == list(T.PARTS)
