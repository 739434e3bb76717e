from datetime import date

from app.services.dto import AssignmentDTO, NodeDTO
from app.services.plan_problems import (
    DEADLINE_BEFORE_ISSUE,
    EMPTY_HEADING,
    NO_LEAD,
    UNIT_NOT_IN_REGISTRY,
    find_problems,
)
from app.services.plan_tree import assign_labels


def node(i, heading="", text="", is_task=False, children=(), assignments=(), deadline=None, parent=None):
    n = NodeDTO(id=i, plan_id=1, parent_id=parent, position=0, level=1, label="", heading=heading, text=text,
                is_task=is_task, deadline=deadline, deadline_text="", assignments=list(assignments),
                children=list(children))
    return n


def tree():
    t1 = node(11, "甲任务", is_task=True, parent=1,
              assignments=[AssignmentDTO(5, "县司法局", "lead"), AssignmentDTO(9, "县旧局", "support")],
              deadline=date(2026, 3, 1))
    t2 = node(12, "", "只有正文的任务", is_task=True, parent=1, deadline=date(2026, 12, 31))
    part = node(1, "第一部分", children=[t1, t2])
    empty_part = node(2, "", children=[node(21, "乙任务", is_task=True, parent=2,
                                            assignments=[AssignmentDTO(5, "县司法局", "lead")])])
    roots = [part, empty_part]
    assign_labels(roots)
    return roots


def kinds(problems):
    return sorted((p.node_id, p.kind) for p in problems)


def test_each_kind_is_found_on_its_node():
    problems = find_problems(tree(), active_unit_ids={5}, issue_date=date(2026, 3, 20))
    assert kinds(problems) == [(2, EMPTY_HEADING), (11, DEADLINE_BEFORE_ISSUE), (11, UNIT_NOT_IN_REGISTRY),
                               (12, NO_LEAD)]
    by_kind = {p.kind: p.message for p in problems}
    assert "一、（一）" in by_kind[DEADLINE_BEFORE_ISSUE] and "2026年3月20日" in by_kind[DEADLINE_BEFORE_ISSUE]
    assert "县旧局" in by_kind[UNIT_NOT_IN_REGISTRY]
    assert by_kind[EMPTY_HEADING].startswith("二、")


def test_without_issue_date_deadlines_are_not_checked():
    problems = find_problems(tree(), active_unit_ids={5, 9}, issue_date=None)
    assert kinds(problems) == [(2, EMPTY_HEADING), (12, NO_LEAD)]


def test_demo_plan_is_clean_except_for_known_gaps(services, ctx):
    roots = services.plans.tree(ctx.demo_plan_id)
    active = [u.id for u in services.units.list_units() if u.active]
    problems = find_problems(roots, active, issue_date=date(2026, 3, 20))
    assert all(p.kind != UNIT_NOT_IN_REGISTRY for p in problems)
    assert all(p.kind != EMPTY_HEADING for p in problems)


def test_corrupted_text_and_placeholders_are_problems_of_their_node():
    from app.services.plan_problems import CORRUPTED, KIND_LABEL, PLACEHOLDER

    bad = node(31, "开展执法检查", "对??????领域开展检查", is_task=True, parent=3,
               assignments=[AssignmentDTO(5, "【牵头单位】", "lead")])
    roots = [node(3, "第三部分", children=[bad])]
    assign_labels(roots)
    problems = find_problems(roots, active_unit_ids={5}, issue_date=None)
    assert kinds(problems) == [(31, CORRUPTED), (31, PLACEHOLDER)]
    assert "？" in problems[0].message or "?" in problems[0].message
    assert KIND_LABEL[CORRUPTED] == "乱码" and "【牵头单位】" in problems[1].message


def test_an_impossible_deadline_from_an_import_is_told_and_kept_as_text(services):
    """Issue 16.4 end to end: the importer warns, the stored task keeps its words and no date, and
    the plan's problems panel names it."""
    from app.services.importing import import_text
    from app.services.plan_problems import BAD_DEADLINE

    source = ("示例县2026年法治政府建设工作要点\n一、加强党的领导\n"
              "1．深入学习贯彻习近平法治思想。（牵头单位：县司法局）2月30日前完成。\n"
              "2．落实第一责任人职责。（牵头单位：县司法局）2026年12月底前完成。\n")
    result = import_text(source)
    assert any("2月30日前" in w and "2月没有30日" in w and "未换算成日期" in w for w in result.warnings)
    report = services.imports.store(result)
    tasks = [n for root in services.plans.tree(report.plan_id) for n in root.children if n.is_task]
    bad, good = tasks
    assert "2月30日前" in bad.deadline_text and bad.deadline is None and good.deadline == date(2026, 12, 31)
    units = {u.id for u in services.units.list_units()}
    problems = find_problems(services.plans.tree(report.plan_id), units, issue_date=date(2026, 3, 1))
    assert [(p.node_id, p.kind) for p in problems if p.kind == BAD_DEADLINE] == [(bad.id, BAD_DEADLINE)]
    assert "2月没有30日" in next(p.message for p in problems if p.kind == BAD_DEADLINE)
