"""Finding tasks: search words, unit and role, deadline range and quarter, no lead, overdue, sorting."""

from datetime import date

import pytest

from app.services.plan_search import TaskFilter, matching_ids, outline_keys, sort_key
from app.services.plan_tree import iter_nodes


@pytest.fixture
def tree(services, ctx):
    return services.plans.tree(ctx.demo_plan_id)


def headings(tree, flt):
    ids = matching_ids(tree, flt)
    return [n.heading for n in iter_nodes(tree) if n.id in ids]


def unit_id(services, name):
    return services.units.match(name).unit.id


def test_an_empty_filter_is_inactive_and_keeps_everything(tree):
    assert not TaskFilter().active
    assert matching_ids(tree, TaskFilter()) == {n.id for n in iter_nodes(tree)}


def test_search_reads_heading_text_units_and_person(tree):
    assert headings(tree, TaskFilter(text="普法")) == ["启动实施“九五”普法规划"]
    assert "全面推进政务公开" in headings(tree, TaskFilter(text="以公开为常态"))  # the text
    assert headings(tree, TaskFilter(text="县审计局")) == ["强化审计监督和整改落实"]  # a unit
    assert headings(tree, TaskFilter(text="刘芳")) == ["加强行政规范性文件制定管理", "全面落实合法性审查制度",
                                                        "发挥行政复议化解行政争议主渠道作用"]
    # every word must be found, anywhere in the item; full-width and blanks do not matter
    assert headings(tree, TaskFilter(text="刘芳　复议")) == ["发挥行政复议化解行政争议主渠道作用"]
    assert headings(tree, TaskFilter(text="没有这样的词")) == []


def test_unit_and_role(services, tree):
    judicial = unit_id(services, "县司法局")
    lead = headings(tree, TaskFilter(unit_id=judicial, role="lead"))
    support = headings(tree, TaskFilter(unit_id=judicial, role="support"))
    both = headings(tree, TaskFilter(unit_id=judicial))
    assert "全面落实合法性审查制度" in lead and "全面落实合法性审查制度" not in support
    assert "深化行政执法体制改革" in support and "深化行政执法体制改革" not in lead
    assert set(both) == set(lead) | set(support) and not set(lead) & set(support)


def test_deadline_range_and_quarter(tree):
    q3 = headings(tree, TaskFilter(quarter=3, year=2026))
    assert set(q3) == {"动态调整权责清单", "开展行政规范性文件专项清理", "深化行政执法体制改革"}
    assert headings(tree, TaskFilter(quarter=3, year=2027)) == []
    spring = headings(tree, TaskFilter(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30)))
    assert set(spring) == {"实行重大行政决策事项目录管理", "开展法治督察和年度报告工作", "推进乡镇合法性审核全覆盖",
                           "完善突发事件应对制度"}
    # open-ended deadlines (长期坚持) have no date and never fall in a range
    assert "压实法治建设第一责任人职责" not in headings(tree, TaskFilter(date_from=date(2000, 1, 1)))


def test_no_lead_and_overdue(services, ctx, tree):
    task = tree[0].children[2]
    services.plans.set_assignments(task.id, lead=[], support=[unit_id(services, "县司法局")])
    tree = services.plans.tree(ctx.demo_plan_id)
    assert headings(tree, TaskFilter(no_lead=True)) == [task.heading]  # parts (no task) are not listed
    late = headings(tree, TaskFilter(overdue=True, today=date(2026, 7, 1)))
    assert set(late) == {"实行重大行政决策事项目录管理", "开展法治督察和年度报告工作", "推进乡镇合法性审核全覆盖",
                         "完善突发事件应对制度"}
    assert headings(tree, TaskFilter(overdue=True, today=date(2026, 1, 1))) == []
    combined = TaskFilter(text="司法", overdue=True, today=date(2026, 7, 1))
    assert headings(tree, combined) == ["推进乡镇合法性审核全覆盖", "实行重大行政决策事项目录管理"]  # 县司法局 配合
    assert combined.describe() == "含“司法”，已逾期"


def test_sort_keys(tree):
    places = outline_keys(tree)
    tasks = [n for n in iter_nodes(tree) if n.is_task]
    by_deadline = sorted(tasks, key=lambda n: sort_key(n, "deadline", places))
    assert [n.deadline for n in by_deadline[:2]] == [date(2026, 3, 31)] * 2
    assert by_deadline[0].heading == "实行重大行政决策事项目录管理"  # ties keep the outline order
    assert by_deadline[-1].deadline is None
    by_lead = sorted(tasks, key=lambda n: sort_key(n, "lead", places))
    assert by_lead[0].lead_units <= by_lead[-1].lead_units
    outline = sorted(iter_nodes(tree), key=lambda n: sort_key(n, "outline", places))
    assert [n.id for n in outline] == [n.id for n in iter_nodes(tree)]
    empty_support = [n for n in sorted(tasks, key=lambda n: sort_key(n, "support", places)) if not n.support_units]
    assert empty_support and sorted(tasks, key=lambda n: sort_key(n, "support", places))[-1] in empty_support
