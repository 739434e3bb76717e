"""A plan as plain data, and back: used for clone, undo of delete, import and the demo plan.

Format:
{"plan": {"title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
          "numbering", "source_file"},
 "nodes": [{"heading", "text", "is_task", "original_label", "deadline_text", "deadline" (ISO or None),
            "responsible_person", "measures",
            "assignments": [{"unit_id": 3, "role": "lead", "note": ""} | {"unit": "县司法局", "role": ...}],
            "children": [...], "tracking": {...} (督办 rows, see tracking/snapshot.py)}],
 "tracking": {"schedule", "periods", "returns", "documents"} (only when the plan is tracked)}
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Assignment, Plan, PlanNode
from app.services.tracking import snapshot as tracking

PLAN_FIELDS = ("title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
               "numbering", "source_file")
NODE_FIELDS = ("heading", "text", "is_task", "original_label", "deadline_text", "responsible_person",
               "measures")


def plan_nodes(s: Session, plan_id: int) -> list[PlanNode]:
    """Every node of the plan with its assignments, in two queries."""
    return list(s.scalars(
        select(PlanNode).where(PlanNode.plan_id == plan_id).options(selectinload(PlanNode.assignments))
    ))


def dump_plan(s: Session, plan: Plan, with_tracking: bool = True) -> dict:
    """with_tracking=False leaves the 督办 rows out (a copy for next year starts its own 台账)."""
    nodes = plan_nodes(s, plan.id)
    rows = tracking.node_tracking(s, [n.id for n in nodes]) if with_tracking else {}
    data = {"plan": {f: getattr(plan, f) for f in PLAN_FIELDS}, "nodes": dump_nodes(nodes, None, rows)}
    plan_rows = tracking.plan_tracking(s, plan.id) if with_tracking else None
    if plan_rows:
        data["tracking"] = plan_rows
    return data


def dump_nodes(nodes: list[PlanNode], parent_id: int | None, rows: dict[int, dict] | None = None) -> list[dict]:
    """The children of parent_id (None: the top level) with their subtrees, in order."""
    by_parent = _by_parent(nodes)
    return [_dump(n, by_parent, rows or {}) for n in by_parent.get(parent_id, [])]


def dump_node(nodes: list[PlanNode], node: PlanNode, s: Session | None = None) -> dict:
    """One node and its subtree; `nodes` holds (at least) the subtree's nodes. With a session, the
    subtree's 督办 rows come along."""
    by_parent = _by_parent(nodes)
    rows = tracking.node_tracking(s, _subtree_ids(node, by_parent)) if s is not None else {}
    return _dump(node, by_parent, rows)


def _subtree_ids(node: PlanNode, by_parent: dict[int | None, list[PlanNode]]) -> list[int]:
    out = [node.id]
    for c in by_parent.get(node.id, []):
        out += _subtree_ids(c, by_parent)
    return out


def _by_parent(nodes: list[PlanNode]) -> dict[int | None, list[PlanNode]]:
    by_parent: dict[int | None, list[PlanNode]] = {}
    for n in nodes:
        by_parent.setdefault(n.parent_id, []).append(n)
    for children in by_parent.values():
        children.sort(key=lambda c: c.position)
    return by_parent


def _dump(n: PlanNode, by_parent: dict[int | None, list[PlanNode]], rows: dict[int, dict]) -> dict:
    d = {f: getattr(n, f) for f in NODE_FIELDS}
    d["deadline"] = n.deadline.isoformat() if n.deadline else None
    d["assignments"] = [
        {"unit_id": a.unit_id, "role": a.role, "note": a.note}
        for a in sorted(n.assignments, key=lambda a: a.position)
    ]
    d["children"] = [_dump(c, by_parent, rows) for c in by_parent.get(n.id, [])]
    if n.id in rows:
        d["tracking"] = rows[n.id]
    return d


UnitResolver = Callable[[str], int]


def load_nodes(s: Session, plan_id: int, parent: PlanNode | None, items: list[dict],
               resolve_unit: UnitResolver | None = None, start: int = 0, cache: dict | None = None) -> list[PlanNode]:
    """Creates nodes (and their subtrees) under parent, from position `start` on."""
    created = []
    cache = {} if cache is None else cache
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
        s.flush()
        tracking.load_node_tracking(s, plan_id, node.id, item.get("tracking"), cache)
        load_nodes(s, plan_id, node, item.get("children", []), resolve_unit, cache=cache)
        created.append(node)
    return created


def load_plan(s: Session, data: dict, resolve_unit: UnitResolver | None = None) -> Plan:
    fields = {f: v for f, v in data.get("plan", {}).items() if f in PLAN_FIELDS and v is not None}
    plan = Plan(**fields)
    s.add(plan)
    s.flush()
    tracking.load_plan_tracking(s, plan.id, data.get("tracking"))
    load_nodes(s, plan.id, None, data.get("nodes", []), resolve_unit)
    tracking.load_plan_links(s, plan.id, data.get("tracking"))
    return plan
