"""Edits of many nodes in one transaction (bulk assignment, find and replace), each returned as
before/after states so the front-end keeps them as one undo step."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import Assignment, Plan, PlanNode, Unit
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.plan_bulk import BulkChange, NodeState, apply_bulk, restrict
from app.services.plan_replace import Hit, Replacement, replaced
from app.services.plans import PlanService

STATE_FIELDS = ("heading", "text", "deadline_text", "deadline", "responsible_person", "measures", "is_task")
_PLAN_FIELDS = ("title", "preamble", "closing")


class PlanEditService:
    def __init__(self, session_factory: sessionmaker[Session], plans: PlanService):
        self._sf = session_factory
        self._plans = plans

    def states(self, node_ids: list[int]) -> list[NodeState]:
        """Every state field and the units of each node, in the order given."""
        with session_scope(self._sf) as s:
            nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.id.in_(node_ids))
                                                .options(selectinload(PlanNode.assignments)))}
            if len(nodes) != len(set(node_ids)):
                raise NotFoundError("所选条目已不存在，请刷新后重试。")
            return [_state(nodes[i]) for i in node_ids]

    def bulk(self, node_ids: list[int], change: BulkChange) -> tuple[list[NodeState], list[NodeState]]:
        """Applies change to the nodes; returns (before, after) of what it changed."""
        before = self.states(node_ids)
        after = apply_bulk(before, change)
        if after:
            self.apply(None, {}, after)
        return restrict(before, after), after

    def replace(self, plan_id: int, hits: list[Hit], needle: str, replacement: str) -> Replacement:
        """Replaces the chosen occurrences; returns what changed (old and new values)."""
        if not needle:
            raise ValidationError("请输入要查找的文字。")
        plan = self._plans.get_plan(plan_id)
        change = replaced(plan, self._plans.tree(plan_id), hits, needle, replacement)
        if "title" in change.plan_after and not change.plan_after["title"].strip():
            raise ValidationError("替换后工作要点的标题为空，请换一个替换内容。")
        if not change.empty:
            self.apply(plan_id, change.plan_after, change.nodes_after)
        return change

    def apply(self, plan_id: int | None, plan_fields: dict, states: list[NodeState]) -> None:
        """Writes plan fields and node states in one transaction (an edit, its undo or its redo)."""
        with session_scope(self._sf) as s:
            if plan_fields:
                plan = s.get(Plan, plan_id)
                if plan is None:
                    raise NotFoundError("找不到该工作要点，可能已被删除。")
                for k, v in plan_fields.items():
                    if k not in _PLAN_FIELDS:
                        raise ValueError(f"unknown plan field: {k}")
                    setattr(plan, k, v)
                audit.record(s, "plan", plan.id, "replace", ",".join(sorted(plan_fields)))
            if not states:
                return
            ids = [st.node_id for st in states]
            nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.id.in_(ids)))}
            if len(nodes) != len(set(ids)):
                raise NotFoundError("要修改的条目已不存在，请刷新后重试。")
            wanted = {u for st in states for u, _r, _n in (st.assignments or ())}
            if wanted and len(s.scalars(select(Unit.id).where(Unit.id.in_(wanted))).all()) != len(wanted):
                raise NotFoundError("所选单位已不存在，请刷新后重试。")
            for st in states:
                for k, v in st.fields:
                    if k not in STATE_FIELDS:
                        raise ValueError(f"unknown node field: {k}")
                    setattr(nodes[st.node_id], k, v)
            # the units of all changed nodes at once: one delete, then the new rows (not a flush per node)
            relisted = [st for st in states if st.assignments is not None]
            if relisted:
                s.execute(delete(Assignment).where(Assignment.node_id.in_([st.node_id for st in relisted])))
                s.add_all([Assignment(node_id=st.node_id, unit_id=unit_id, role=role, position=pos, note=note)
                           for st in relisted for pos, (unit_id, role, note) in enumerate(st.assignments)])
            audit.record(s, "node", None, "bulk", f"{len(states)} nodes")


def _state(n: PlanNode) -> NodeState:
    units = tuple((a.unit_id, a.role, a.note or "") for a in sorted(n.assignments, key=lambda a: a.position))
    return NodeState(n.id, tuple((f, getattr(n, f)) for f in STATE_FIELDS), units)
