"""Reading a plan's outline with labels computed from the tree.

The tree functions work on DTOs alone; only load_tree reads the database, and it loads the
database layer itself, so that typesetting a converted document (convert) never does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.dto import AssignmentDTO, NodeDTO
from app.services.numbering import continuous_levels, print_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.models import Plan


def load_tree(s: Session, plan: Plan) -> list[NodeDTO]:
    """The whole outline in two queries, labels numbered per plan.numbering."""
    from sqlalchemy import select

    from app.models import Assignment, PlanNode, Unit

    rows = s.scalars(select(PlanNode).where(PlanNode.plan_id == plan.id)).all()
    assigns: dict[int, list[AssignmentDTO]] = {}
    q = (
        select(Assignment.node_id, Assignment.unit_id, Unit.name, Assignment.role, Assignment.note)
        .join(Unit, Unit.id == Assignment.unit_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id == plan.id)
        .order_by(Assignment.node_id, Assignment.position)
    )
    for node_id, unit_id, name, role, note in s.execute(q):
        assigns.setdefault(node_id, []).append(AssignmentDTO(unit_id, name, role, note))
    dtos = {
        n.id: NodeDTO(
            id=n.id, plan_id=n.plan_id, parent_id=n.parent_id, position=n.position, level=n.level,
            label="", heading=n.heading, text=n.text, is_task=n.is_task, original_label=n.original_label,
            deadline_text=n.deadline_text, deadline=n.deadline, responsible_person=n.responsible_person,
            measures=n.measures, assignments=assigns.get(n.id, []), version=n.version, changed_by=n.changed_by,
        )
        for n in rows
    }
    roots: list[NodeDTO] = []
    for d in dtos.values():
        (dtos[d.parent_id].children if d.parent_id in dtos else roots).append(d)
    for d in dtos.values():
        d.children.sort(key=lambda c: c.position)
    roots.sort(key=lambda c: c.position)
    assign_labels(roots, plan.numbering)
    return roots


def assign_labels(roots: list[NodeDTO], numbering: str = "restart") -> None:
    running_levels = continuous_levels(numbering)
    running: dict[int, int] = {}

    def walk(nodes: list[NodeDTO], level: int) -> None:
        for i, n in enumerate(nodes, start=1):
            n.level = level
            if level in running_levels:
                running[level] = running.get(level, 0) + 1
                n.label = print_label(level, running[level])
            else:
                n.label = print_label(level, i)
            walk(n.children, level + 1)

    walk(roots, 1)


def iter_nodes(roots: list[NodeDTO]):
    for n in roots:
        yield n
        yield from iter_nodes(n.children)


def find_node(roots: list[NodeDTO], node_id: int) -> NodeDTO | None:
    return next((n for n in iter_nodes(roots) if n.id == node_id), None)
