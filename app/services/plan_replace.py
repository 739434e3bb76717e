"""Find and replace across a plan: title, preamble, closing, headings, texts and deadlines.

find_hits() lists every occurrence with where it is and a snippet, so the clerk can review them;
replaced() turns the hits the clerk kept into new field values (plan and nodes)."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.deadlines import deadline_date
from app.services.dto import NodeDTO, PlanDTO
from app.services.plan_bulk import NodeState
from app.services.plan_tree import iter_nodes

PLAN_FIELDS = {"title": "标题", "preamble": "前言", "closing": "结语"}
NODE_FIELDS = {"heading": "条目标题", "text": "内容", "deadline_text": "完成时限"}
ALL_FIELDS = (*PLAN_FIELDS, *NODE_FIELDS)
CONTEXT = 14  # characters shown on each side of a hit


@dataclass(frozen=True)
class Hit:
    node_id: int | None  # None: a field of the plan itself
    field: str
    start: int  # offset of the occurrence in the field's text
    where: str  # “二、（三）条目标题” / “前言”
    before: str  # snippet around the occurrence
    match: str
    after: str

    @property
    def key(self) -> tuple[int | None, str]:
        return self.node_id, self.field


def _occurrences(text: str, needle: str) -> list[int]:
    out, start = [], 0
    while needle and (i := text.find(needle, start)) >= 0:
        out.append(i)
        start = i + len(needle)
    return out


def _hits(text: str, needle: str, node_id: int | None, field: str, where: str) -> list[Hit]:
    out = []
    for i in _occurrences(text, needle):
        pre = text[max(0, i - CONTEXT):i].replace("\n", " ")
        post = text[i + len(needle):i + len(needle) + CONTEXT].replace("\n", " ")
        out.append(Hit(node_id, field, i, where, ("…" if i > CONTEXT else "") + pre, needle,
                       post + ("…" if i + len(needle) + CONTEXT < len(text) else "")))
    return out


def _path(node: NodeDTO, by_id: dict[int, NodeDTO]) -> str:
    labels = [node.label]
    parent = by_id.get(node.parent_id) if node.parent_id is not None else None
    while parent is not None:
        labels.append(parent.label)
        parent = by_id.get(parent.parent_id) if parent.parent_id is not None else None
    return "".join(reversed(labels))


def find_hits(plan: PlanDTO, roots: list[NodeDTO], needle: str, fields=ALL_FIELDS) -> list[Hit]:
    """Every occurrence of needle (exact text) in the chosen fields, in reading order."""
    if not needle:
        return []
    out: list[Hit] = []
    for f in ("title", "preamble"):
        if f in fields:
            out += _hits(getattr(plan, f) or "", needle, None, f, PLAN_FIELDS[f])
    by_id = {n.id: n for n in iter_nodes(roots)}
    for n in iter_nodes(roots):
        path = _path(n, by_id)
        for f, label in NODE_FIELDS.items():
            if f in fields:
                out += _hits(getattr(n, f) or "", needle, n.id, f, f"{path}{label}")
    if "closing" in fields:
        out += _hits(plan.closing or "", needle, None, "closing", PLAN_FIELDS["closing"])
    return out


def _replace_at(text: str, starts: list[int], needle: str, replacement: str) -> str:
    for i in sorted(starts, reverse=True):
        if text[i:i + len(needle)] == needle:  # the text may have changed since the search
            text = text[:i] + replacement + text[i + len(needle):]
    return text


@dataclass
class Replacement:
    """Old and new values of everything one replace changes (one undo step)."""

    plan_before: dict
    plan_after: dict
    nodes_before: list[NodeState]
    nodes_after: list[NodeState]

    @property
    def count(self) -> int:
        return len(self.plan_after) + len(self.nodes_after)

    @property
    def empty(self) -> bool:
        return not self.plan_after and not self.nodes_after


def replaced(plan: PlanDTO, roots: list[NodeDTO], hits: list[Hit], needle: str, replacement: str) -> Replacement:
    """New values of the fields holding the kept hits; a changed 完成时限 also gets its date again."""
    starts: dict[tuple[int | None, str], list[int]] = {}
    for h in hits:
        starts.setdefault(h.key, []).append(h.start)
    by_id = {n.id: n for n in iter_nodes(roots)}
    result = Replacement({}, {}, [], [])
    node_new: dict[int, dict] = {}
    for (node_id, field), offsets in starts.items():
        owner = plan if node_id is None else by_id.get(node_id)
        if owner is None:
            continue
        old = getattr(owner, field) or ""
        new = _replace_at(old, offsets, needle, replacement)
        if new == old:
            continue
        if node_id is None:
            result.plan_before[field], result.plan_after[field] = old, new
        else:
            node_new.setdefault(node_id, {})[field] = new
    for node_id, values in node_new.items():
        node = by_id[node_id]
        if "deadline_text" in values:
            values["deadline"] = deadline_date(values["deadline_text"], plan.year)
        result.nodes_before.append(NodeState(node_id, tuple((k, getattr(node, k)) for k in values)))
        result.nodes_after.append(NodeState(node_id, tuple(values.items())))
    return result
