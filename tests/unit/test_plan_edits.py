"""Bulk assignment and find and replace: one transaction each, with before/after for one undo step."""

from datetime import date

import pytest

from app.services.errors import NotFoundError, ValidationError
from app.services.plan_bulk import BulkChange, NodeState, apply_bulk
from app.services.plan_replace import find_hits
from app.services.plan_tree import iter_nodes

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


def uid(services, name):
    return services.units.match(name).unit.id


def tasks(services, ctx):
    return [n for n in iter_nodes(services.plans.tree(ctx.demo_plan_id)) if n.is_task]


def test_apply_bulk_is_pure_and_keeps_leads_first():
    states = [NodeState(1, (("deadline_text", "年底前"), ("deadline", None)), ((10, "lead", ""), (11, "support", "x"))),
              NodeState(2, (("deadline_text", ""), ("deadline", None)), ((11, "lead", ""),))]
    out = apply_bulk(states, BulkChange(add=((11, "lead"), (12, "support")), remove=(10,)))
    assert out == [NodeState(1, (), ((11, "lead", "x"), (12, "support", ""))),
                   NodeState(2, (), ((11, "lead", ""), (12, "support", "")))]
    # nothing to change on a node: it is not listed
    assert apply_bulk(states[1:], BulkChange(add=((11, "lead"),))) == []
    dl = apply_bulk(states, BulkChange(deadline=("2026年6月底前", date(2026, 6, 30))))
    assert [s.fields for s in dl] == [(("deadline_text", "2026年6月底前"), ("deadline", date(2026, 6, 30)))] * 2
    with pytest.raises(ValidationError, match="至少"):
        apply_bulk(states, BulkChange())
    with pytest.raises(ValidationError, match="既添加又移除"):
        apply_bulk(states, BulkChange(add=((10, "lead"),), remove=(10,)))


def test_bulk_assignment_through_the_service_and_back(services, ctx):
    edits = services.edits
    chosen = [t.id for t in tasks(services, ctx)[:4]]
    judicial, audit = uid(services, "县司法局"), uid(services, "县审计局")
    before, after = edits.bulk(chosen, BulkChange(add=((audit, "support"),), remove=(judicial,),
                                                  deadline=("2026年10月底前", date(2026, 10, 31))))
    assert [s.node_id for s in after] == chosen
    now = {t.id: t for t in tasks(services, ctx)}
    for node_id in chosen:
        t = now[node_id]
        assert "县审计局" in t.support_units and "县司法局" not in t.lead_units + t.support_units
        assert (t.deadline_text, t.deadline) == ("2026年10月底前", date(2026, 10, 31))
    edits.apply(None, {}, before)  # undo
    again = {t.id: t for t in tasks(services, ctx)}
    first = tasks(services, ctx)[0]
    assert first.lead_units == ["县司法局"] and first.deadline_text == "2026年年底前"
    assert [a.unit_name for a in again[chosen[1]].assignments] == ["县委依法治县办", "县委组织部", "各乡镇人民政府",
                                                                  "县直各部门"]
    edits.apply(None, {}, after)  # redo
    assert "县审计局" in {t.id: t for t in tasks(services, ctx)}[chosen[0]].support_units


def test_bulk_refuses_gone_nodes_and_units(services, ctx):
    node = tasks(services, ctx)[0]
    with pytest.raises(NotFoundError):
        services.edits.bulk([node.id, 999_999], BulkChange(remove=(1,)))
    with pytest.raises(NotFoundError, match="单位已不存在"):
        services.edits.apply(None, {}, [NodeState(node.id, (), ((999_999, "lead", ""),))])


def test_find_hits_lists_every_occurrence_with_its_place(services, ctx):
    plan = services.plans.get_plan(ctx.demo_plan_id)
    tree = services.plans.tree(plan.id)
    hits = find_hits(plan, tree, "2026年")
    places = [h.where for h in hits]
    assert places[0] == "标题" and places[1] == "前言"
    assert "四、（二）内容" in places and "二、（一）完成时限" in places
    assert hits[1].match == "2026年" and hits[1].after.startswith("是“十五五”")
    only_text = find_hits(plan, tree, "2026年", fields=("text",))
    assert only_text and {h.field for h in only_text} == {"text"}
    assert find_hits(plan, tree, "") == []


def test_replace_chosen_hits_in_one_step_and_undo(services, ctx):
    plan = services.plans.get_plan(ctx.demo_plan_id)
    tree = services.plans.tree(plan.id)
    hits = [h for h in find_hits(plan, tree, "2026年") if h.field != "title"]
    change = services.edits.replace(plan.id, hits, "2026年", "2027年")
    after = services.plans.get_plan(plan.id)
    assert after.title == plan.title  # not chosen
    assert after.preamble.startswith("2027年是“十五五”")
    node = next(n for n in iter_nodes(services.plans.tree(plan.id)) if n.heading == "动态调整权责清单")
    assert (node.deadline_text, node.deadline) == ("2027年9月底前", date(2027, 9, 30))  # the date follows
    assert change.count == 1 + len({h.node_id for h in hits if h.node_id})
    services.edits.apply(plan.id, change.plan_before, change.nodes_before)
    assert services.plans.get_plan(plan.id).preamble == plan.preamble
    assert [(n.deadline_text, n.deadline, n.text) for n in iter_nodes(services.plans.tree(plan.id))] == [
        (n.deadline_text, n.deadline, n.text) for n in iter_nodes(tree)]


def test_replace_that_empties_the_title_is_refused(services, ctx):
    plan = services.plans.get_plan(ctx.demo_plan_id)
    hits = find_hits(plan, [], plan.title, fields=("title",))
    with pytest.raises(ValidationError, match="标题为空"):
        services.edits.replace(plan.id, hits, plan.title, " ")
    with pytest.raises(ValidationError):
        services.edits.replace(plan.id, hits, "", "x")
