"""Plans and their outlines: create, clone into next year, edit the tree, assign units."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models import Assignment, Notice, Plan, PlanNode, Unit
from app.models.database import session_scope
from app.models.plan import PLAN_KINDS, PLAN_STATUSES
from app.services import audit, versions
from app.services.dto import NodeDTO, PlanDTO, PlanSummary
from app.services.errors import NotFoundError, ValidationError
from app.services.plan_snapshot import dump_node, dump_plan, load_nodes, load_plan, plan_nodes
from app.services.plan_tree import find_node, load_tree

_PLAN_EDITABLE = ("title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
                  "numbering", "superior_plan_id")
_NODE_EDITABLE = ("heading", "text", "is_task", "deadline_text", "deadline", "responsible_person", "measures")


def plan_dto(p: Plan) -> PlanDTO:
    return PlanDTO(p.id, p.title, p.kind, p.year, p.period, p.issuer_text, p.preamble, p.closing,
                   p.status, p.numbering, p.source_file, p.superior_plan_id)


class PlanService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    # ---- plans ---------------------------------------------------------------------------
    def list_plans(self) -> list[PlanSummary]:
        with session_scope(self._sf) as s:
            counts = dict(s.execute(
                select(PlanNode.plan_id, func.count()).where(PlanNode.is_task).group_by(PlanNode.plan_id)
            ).all())
            plans = s.scalars(select(Plan).order_by(Plan.year.desc(), Plan.id.desc())).all()
            return [PlanSummary(p.id, p.title, p.kind, p.year, p.status, counts.get(p.id, 0)) for p in plans]

    def get_plan(self, plan_id: int) -> PlanDTO:
        with session_scope(self._sf) as s:
            return plan_dto(self._plan(s, plan_id))

    def create_plan(self, title: str, kind: str = "年度工作要点", year: int | None = None, **fields) -> PlanDTO:
        title = self._check_title(title)
        self._check_kind(kind)
        with session_scope(self._sf) as s:
            plan = Plan(title=title, kind=kind, year=year,
                        **{k: v for k, v in fields.items() if k in _PLAN_EDITABLE})
            s.add(plan)
            s.flush()
            audit.record(s, "plan", plan.id, "create", title)
            return plan_dto(plan)

    def update_plan(self, plan_id: int, **fields) -> PlanDTO:
        unknown = set(fields) - set(_PLAN_EDITABLE)
        if unknown:
            raise ValueError(f"unknown plan fields: {sorted(unknown)}")
        if "title" in fields:
            fields["title"] = self._check_title(fields["title"])
        if "kind" in fields:
            self._check_kind(fields["kind"])
        if "status" in fields and fields["status"] not in PLAN_STATUSES:
            raise ValidationError(f"未知的状态“{fields['status']}”。")
        with session_scope(self._sf) as s:
            plan = self._plan(s, plan_id)
            for k, v in fields.items():
                setattr(plan, k, v)
            audit.record(s, "plan", plan.id, "update", ",".join(sorted(fields)))
            s.flush()
            return plan_dto(plan)

    def restore_plan(self, snapshot: dict) -> PlanDTO:
        """Creates a plan from a snapshot (undo of a delete, or a saved import).

        A snapshot from delete_plan() also puts back the links the delete cut: its notices,
        the plans under it, and its own superior plan (where they are still unlinked)."""
        with session_scope(self._sf) as s:
            plan = load_plan(s, snapshot)
            links = snapshot.get("links") or {}
            if links.get("superior_plan_id") and s.get(Plan, links["superior_plan_id"]) is not None:
                plan.superior_plan_id = links["superior_plan_id"]
            if links.get("notices"):
                s.execute(update(Notice).where(Notice.id.in_(links["notices"]), Notice.plan_id.is_(None))
                          .values(plan_id=plan.id))
            if links.get("subplans"):
                s.execute(update(Plan).where(Plan.id.in_(links["subplans"]), Plan.superior_plan_id.is_(None))
                          .values(superior_plan_id=plan.id))
            audit.record(s, "plan", plan.id, "restore", plan.title)
            return plan_dto(plan)

    def delete_plan(self, plan_id: int) -> dict:
        """Deletes the plan and returns its snapshot, so the caller can offer undo."""
        with session_scope(self._sf) as s:
            plan = self._plan(s, plan_id)
            snap = dump_plan(s, plan)
            snap["links"] = {  # cut by the delete (ON DELETE SET NULL); restore_plan() mends them
                "superior_plan_id": plan.superior_plan_id,
                "notices": list(s.scalars(select(Notice.id).where(Notice.plan_id == plan_id))),
                "subplans": list(s.scalars(select(Plan.id).where(Plan.superior_plan_id == plan_id))),
            }
            audit.record(s, "plan", plan.id, "delete", plan.title)
            s.delete(plan)
            return snap

    def clone_plan(self, plan_id: int, new_year: int | None = None, title: str | None = None) -> PlanDTO:
        """Next year's plan from this one: every node, task and assignment.

        The title and the deadlines move on to the new year; body text is left for the clerk,
        since it also cites fixed periods such as 《纲要（2021—2025年）》."""
        with session_scope(self._sf) as s:
            src = self._plan(s, plan_id)
            snap = dump_plan(s, src, with_tracking=False)
            old_year = src.year
            year = new_year if new_year is not None else ((old_year + 1) if old_year else None)
            p = snap["plan"]
            p.update(year=year, status="草稿", source_file="")
            p["title"] = title or _shift_years(src.title, old_year, year)
            _shift_nodes(snap["nodes"], old_year, year)
            plan = load_plan(s, snap)
            plan.superior_plan_id = src.superior_plan_id
            audit.record(s, "plan", plan.id, "clone", f"{src.title} → {plan.title}")
            return plan_dto(plan)

    # ---- outline -------------------------------------------------------------------------
    def tree(self, plan_id: int) -> list[NodeDTO]:
        with session_scope(self._sf) as s:
            return load_tree(s, self._plan(s, plan_id))

    def get_node(self, node_id: int) -> NodeDTO:
        with session_scope(self._sf) as s:
            node = self._node(s, node_id)
            found = find_node(load_tree(s, node.plan), node_id)
            assert found is not None
            return found

    def add_node(self, plan_id: int, parent_id: int | None = None, index: int | None = None,
                 heading: str = "", text: str = "", is_task: bool = False, **fields) -> int:
        with session_scope(self._sf) as s:
            self._plan(s, plan_id)
            parent = self._node(s, parent_id) if parent_id is not None else None
            if parent is not None and parent.plan_id != plan_id:
                raise ValidationError("上级条目不属于该工作要点。")
            siblings = self._siblings(s, plan_id, parent_id)
            index = len(siblings) if index is None else max(0, min(index, len(siblings)))
            for sib in siblings[index:]:
                sib.position += 1
            item = {"heading": heading, "text": text, "is_task": is_task,
                    **{k: v for k, v in fields.items() if k in _NODE_EDITABLE}}
            if "assignments" in fields:
                item["assignments"] = fields["assignments"]
            (node,) = load_nodes(s, plan_id, parent, [item], start=index)
            audit.record(s, "node", node.id, "create", heading[:50])
            return node.id

    def update_node(self, node_id: int, *, expected_version: int | None = None, **fields) -> int:
        """Changes fields of one node; returns its new version. expected_version: the version the
        clerk's screen showed (a newer one raises versions.ConflictError); None skips the check."""
        unknown = set(fields) - set(_NODE_EDITABLE)
        if unknown:
            raise ValueError(f"unknown node fields: {sorted(unknown)}")
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            node = self._versioned_node(s, node_id, expected_version)
            for k, v in fields.items():
                setattr(node, k, v)
            version = versions.bump(s, node)
            audit.record(s, "node", node.id, "update", ",".join(sorted(fields)), version=version)
            return version

    def move_node(self, node_id: int, new_parent_id: int | None, index: int) -> None:
        """Moves a node (with its subtree) to position `index` under new_parent_id."""
        with session_scope(self._sf) as s:
            node = self._node(s, node_id)
            new_parent = self._node(s, new_parent_id) if new_parent_id is not None else None
            if new_parent is not None:
                if new_parent.plan_id != node.plan_id:
                    raise ValidationError("不能移动到其他工作要点。")
                walker: PlanNode | None = new_parent
                while walker is not None:
                    if walker.id == node.id:
                        raise ValidationError("不能把条目移动到它自己的下级。")
                    walker = s.get(PlanNode, walker.parent_id) if walker.parent_id else None
            old = [n for n in self._siblings(s, node.plan_id, node.parent_id) if n.id != node.id]
            for i, n in enumerate(old):
                n.position = i
            target = old if new_parent_id == node.parent_id else [
                n for n in self._siblings(s, node.plan_id, new_parent_id) if n.id != node.id
            ]
            index = max(0, min(index, len(target)))
            target.insert(index, node)
            node.parent_id = new_parent_id
            for i, n in enumerate(target):
                n.position = i
            self._relevel(s, node, (new_parent.level + 1) if new_parent else 1)
            audit.record(s, "node", node.id, "move", f"parent={new_parent_id} index={index}")

    def move_up(self, node_id: int) -> None:
        node = self._peek(node_id)
        if node.position > 0:
            self.move_node(node_id, node.parent_id, node.position - 1)

    def move_down(self, node_id: int) -> None:
        node = self._peek(node_id)
        self.move_node(node_id, node.parent_id, node.position + 1)

    def indent(self, node_id: int) -> bool:
        """Makes the node the last child of its previous sibling. False when there is none."""
        with session_scope(self._sf) as s:
            node = self._node(s, node_id)
            prev = s.scalar(select(PlanNode).where(
                PlanNode.plan_id == node.plan_id, _parent_is(node.parent_id),
                PlanNode.position == node.position - 1))
            if prev is None:
                return False
            count = s.scalar(select(func.count()).where(PlanNode.parent_id == prev.id)) or 0
            prev_id = prev.id
        self.move_node(node_id, prev_id, count)
        return True

    def outdent(self, node_id: int) -> bool:
        """Places the node right after its parent. False at the top level."""
        node = self._peek(node_id)
        if node.parent_id is None:
            return False
        parent = self._peek(node.parent_id)
        self.move_node(node_id, parent.parent_id, parent.position + 1)
        return True

    def delete_node(self, node_id: int) -> dict:
        """Deletes a node and its subtree; returns a snapshot that restore_node() puts back."""
        with session_scope(self._sf) as s:
            node = self._node(s, node_id)
            parent_id, plan_id = node.parent_id, node.plan_id
            snap = {"plan_id": plan_id, "parent_id": parent_id, "index": node.position,
                    "node": dump_node(plan_nodes(s, plan_id), node, s)}
            s.delete(node)
            s.flush()
            for i, n in enumerate(self._siblings(s, plan_id, parent_id)):
                n.position = i
            audit.record(s, "node", node_id, "delete", snap["node"]["heading"][:50])
        return snap

    def restore_node(self, snapshot: dict) -> int:
        with session_scope(self._sf) as s:
            parent = self._node(s, snapshot["parent_id"]) if snapshot["parent_id"] else None
            siblings = self._siblings(s, snapshot["plan_id"], snapshot["parent_id"])
            index = min(snapshot["index"], len(siblings))
            for sib in siblings[index:]:
                sib.position += 1
            (node,) = load_nodes(s, snapshot["plan_id"], parent, [snapshot["node"]], start=index)
            return node.id

    def set_assignments(self, node_id: int, lead: list[int], support: list[int],
                        notes: dict[int, str] | None = None, expected_version: int | None = None) -> int:
        """Replaces the node's units: lead first, then support; a unit listed twice stays lead.
        Returns the node's new version (its units are part of the task, see update_node)."""
        notes = notes or {}
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            node = self._versioned_node(s, node_id, expected_version)
            wanted: list[tuple[int, str]] = []
            for uid in lead:
                if uid not in (w[0] for w in wanted):
                    wanted.append((uid, "lead"))
            for uid in support:
                if uid not in (w[0] for w in wanted):
                    wanted.append((uid, "support"))
            missing = [uid for uid, _ in wanted if s.get(Unit, uid) is None]
            if missing:
                raise NotFoundError("所选单位已不存在，请刷新后重试。")
            node.assignments.clear()
            s.flush()
            for pos, (uid, role) in enumerate(wanted):
                node.assignments.append(Assignment(unit_id=uid, role=role, position=pos,
                                                   note=notes.get(uid, "")))
            version = versions.bump(s, node)
            audit.record(s, "node", node.id, "assign", f"{len(wanted)} units", version=version)
            return version

    # ---- helpers -------------------------------------------------------------------------
    def _peek(self, node_id: int) -> PlanNode:
        with session_scope(self._sf) as s:
            return self._node(s, node_id)

    @staticmethod
    def _plan(s: Session, plan_id: int) -> Plan:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFoundError("找不到该工作要点，可能已被删除。")
        return plan

    @staticmethod
    def _node(s: Session, node_id: int) -> PlanNode:
        node = s.get(PlanNode, node_id)
        if node is None:
            raise NotFoundError("找不到该条目，可能已被删除。")
        return node

    @staticmethod
    def _versioned_node(s: Session, node_id: int, expected_version: int | None) -> PlanNode:
        node = versions.lock(s, PlanNode, node_id)
        if node is None:
            if expected_version is not None:  # deleted by someone else after the clerk's screen showed it
                versions.check(s, "node", node_id, None, expected_version, "该条目")
            raise NotFoundError("找不到该条目，可能已被删除。")
        versions.check(s, "node", node.id, node.version, expected_version, f"条目“{_short(node.heading)}”")
        return node

    @staticmethod
    def _siblings(s: Session, plan_id: int, parent_id: int | None) -> list[PlanNode]:
        return list(s.scalars(
            select(PlanNode).where(PlanNode.plan_id == plan_id, _parent_is(parent_id))
            .order_by(PlanNode.position, PlanNode.id)
        ))

    def _relevel(self, s: Session, node: PlanNode, level: int) -> None:
        node.level = level
        for child in s.scalars(select(PlanNode).where(PlanNode.parent_id == node.id)):
            self._relevel(s, child, level + 1)

    @staticmethod
    def _check_title(title: str) -> str:
        title = (title or "").strip()
        if not title:
            raise ValidationError("标题不能为空。")
        return title

    @staticmethod
    def _check_kind(kind: str) -> None:
        if kind not in PLAN_KINDS:
            raise ValidationError(f"未知的文件类型“{kind}”。可选：{'、'.join(PLAN_KINDS)}。")


def _short(text: str) -> str:
    text = (text or "").strip() or "（无标题）"
    return text if len(text) <= 20 else text[:19] + "…"


def _parent_is(parent_id: int | None):
    return PlanNode.parent_id.is_(None) if parent_id is None else PlanNode.parent_id == parent_id


def _shift_years(text: str, old: int | None, new: int | None) -> str:
    if not text or not old or not new or old == new:
        return text
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _shift_nodes(nodes: list[dict], old: int | None, new: int | None) -> None:
    for n in nodes:
        n["deadline_text"] = _shift_years(n.get("deadline_text", ""), old, new)
        dl = n.get("deadline")
        if dl and old and new:
            d = date.fromisoformat(dl)
            try:
                n["deadline"] = d.replace(year=d.year + (new - old)).isoformat()
            except ValueError:  # 29 February
                n["deadline"] = d.replace(year=d.year + (new - old), day=28).isoformat()
        _shift_nodes(n.get("children", []), old, new)
