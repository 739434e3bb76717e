"""A plan as plain data, and back: used for clone, undo of delete, import and the demo plan.

Format:
{"plan": {"title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
          "numbering", "source_file"},
 "nodes": [{"heading", "text", "is_task", "original_label", "deadline_text", "deadline" (ISO or None),
            "responsible_person", "measures",
            "assignments": [{"unit_id": 3, "role": "lead", "note": ""} | {"unit": "县司法局", "role": ...}],
            "children": [...]}]}
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Assignment, Plan, PlanNode

PLAN_FIELDS = ("title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
               "numbering", "source_file")
NODE_FIELDS = ("heading", "text", "is_task", "original_label", "deadline_text", "responsible_person",
               "measures")


def plan_nodes(s: Session, plan_id: int) -> list[PlanNode]:
    """Every node of the plan with its assignments, in two queries."""
    return list(s.scalars(
        select(PlanNode).where(PlanNode.plan_id == plan_id).options(selectinload(PlanNode.assignments))
    ))


def dump_plan(s: Session, plan: Plan) -> dict:
    nodes = plan_nodes(s, plan.id)
    return {"plan": {f: getattr(plan, f) for f in PLAN_FIELDS}, "nodes": dump_nodes(nodes, None)}


def dump_nodes(nodes: list[PlanNode], parent_id: int | None) -> list[dict]:
    """The children of parent_id (None: the top level) with their subtrees, in order."""
    by_parent = _by_parent(nodes)
    return [_dump(n, by_parent) for n in by_parent.get(parent_id, [])]


def dump_node(nodes: list[PlanNode], node: PlanNode) -> dict:
    """One node and its subtree; `nodes` holds (at least) the subtree's nodes."""
    return _dump(node, _by_parent(nodes))


def _by_parent(nodes: list[PlanNode]) -> dict[int | None, list[PlanNode]]:
    by_parent: dict[int | None, list[PlanNode]] = {}
    for n in nodes:
        by_parent.setdefault(n.parent_id, []).append(n)
    for children in by_parent.values():
        children.sort(key=lambda c: c.position)
    return by_parent


def _dump(n: PlanNode, by_parent: dict[int | None, list[PlanNode]]) -> dict:
    d = {f: getattr(n, f) for f in NODE_FIELDS}
    d["deadline"] = n.deadline.isoformat() if n.deadline else None
    d["assignments"] = [
        {"unit_id": a.unit_id, "role": a.role, "note": a.note}
        for a in sorted(n.assignments, key=lambda a: a.position)
    ]
    d["children"] = [_dump(c, by_parent) for c in by_parent.get(n.id, [])]
    return d


UnitResolver = Callable[[str], int]


def load_nodes(s: Session, plan_id: int, parent: PlanNode | None, items: list[dict],
               resolve_unit: UnitResolver | None = None, start: int = 0) -> list[PlanNode]:
    """Creates nodes (and their subtrees) under parent, from position `start` on."""
    created = []
    level = (parent.level + 1) if parent is not None else 1
    for offset, item in enumerate(items):
        node = PlanNode(plan_id=plan_id, parent_id=parent.id if parent else None,
                        position=start + offset, level=level)
        for f in NODE_FIELDS:
            if f in item and item[f] is not None:
                setattr(node, f, item[f])
        dl = item.get("deadline")
        node.deadline = date.fromisoformat(dl) if isinstance(dl, str) and dl else (dl or None)
        s.add(node)
        s.flush()
        seen: set[int] = set()
        for pos, a in enumerate(item.get("assignments", [])):
            unit_id = a.get("unit_id")
            if unit_id is None:
                if resolve_unit is None:
                    raise ValueError("assignment by name needs a unit resolver")
                unit_id = resolve_unit(a["unit"])
            if unit_id in seen:
                continue
            seen.add(unit_id)
            s.add(Assignment(node_id=node.id, unit_id=unit_id, role=a.get("role", "lead"),
                             position=pos, note=a.get("note", "") or ""))
        load_nodes(s, plan_id, node, item.get("children", []), resolve_unit)
        created.append(node)
    return created


def load_plan(s: Session, data: dict, resolve_unit: UnitResolver | None = None) -> Plan:
    fields = {f: v for f, v in data.get("plan", {}).items() if f in PLAN_FIELDS and v is not None}
    plan = Plan(**fields)
    s.add(plan)
    s.flush()
    load_nodes(s, plan.id, None, data.get("nodes", []), resolve_unit)
    return plan
