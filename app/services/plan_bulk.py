"""Bulk edits of many tasks at once: add a unit with a role, remove a unit, set the deadline.

Pure: from the tasks' current states to their new states, so the editor can keep both for one
undo step. A node's units keep their order: leads first, then supports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.services.errors import ValidationError

Assigned = tuple[int, str, str]  # unit id, role (lead | support), note


@dataclass(frozen=True)
class NodeState:
    """What a bulk edit or a replace may change on one node; None = left as it is."""

    node_id: int
    fields: tuple[tuple[str, object], ...] = ()  # (field, value) pairs, e.g. ("deadline_text", "…")
    assignments: tuple[Assigned, ...] | None = None

    def value(self, field: str, default=None):
        return dict(self.fields).get(field, default)


@dataclass(frozen=True)
class BulkChange:
    add: tuple[tuple[int, str], ...] = ()  # (unit id, role)
    remove: tuple[int, ...] = ()
    deadline: tuple[str, date | None] | None = None  # (text, date) or None to leave deadlines alone

    @property
    def empty(self) -> bool:
        return not (self.add or self.remove or self.deadline is not None)

    def check(self) -> None:
        if self.empty:
            raise ValidationError("请至少选择一项要批量修改的内容：添加单位、移除单位或完成时限。")
        both = {u for u, _r in self.add} & set(self.remove)
        if both:
            raise ValidationError("同一个单位不能既添加又移除。")
        for _u, role in self.add:
            if role not in ("lead", "support"):
                raise ValidationError(f"未知的责任类型“{role}”。")


def _ordered(items: list[Assigned]) -> list[Assigned]:
    return [a for a in items if a[1] == "lead"] + [a for a in items if a[1] == "support"]


def apply_bulk(states: list[NodeState], change: BulkChange) -> list[NodeState]:
    """New states for the nodes the change alters (nodes it leaves as they were are not listed).
    `states` must hold each node's assignments and, when the deadline changes, its deadline fields."""
    change.check()
    out = []
    for st in states:
        units = list(st.assignments or ())
        for unit_id, role in change.add:
            found = next((i for i, a in enumerate(units) if a[0] == unit_id), None)
            if found is None:
                units.append((unit_id, role, ""))
            elif units[found][1] != role:  # listed with the other role: it moves to the wanted one
                note = units.pop(found)[2]
                units.append((unit_id, role, note))
        units = _ordered([a for a in units if a[0] not in change.remove])
        new = replace(st, assignments=tuple(units) if tuple(units) != tuple(st.assignments or ()) else None,
                      fields=())
        if change.deadline is not None:
            text, when = change.deadline
            if (st.value("deadline_text"), st.value("deadline")) != (text, when):
                new = replace(new, fields=(("deadline_text", text), ("deadline", when)))
        if new.assignments is not None or new.fields:
            out.append(new)
    return out


def restrict(before: list[NodeState], after: list[NodeState]) -> list[NodeState]:
    """The before-states of just what `after` changes (for undo: put back exactly that)."""
    by_id = {s.node_id: s for s in before}
    out = []
    for a in after:
        b = by_id[a.node_id]
        fields = tuple((k, b.value(k)) for k, _v in a.fields)
        out.append(NodeState(a.node_id, fields, b.assignments if a.assignments is not None else None))
    return out
