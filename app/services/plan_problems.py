"""Problems in a plan's outline that the clerk should fix before issuing it.

Pure function over the NodeDTO tree (labels already computed), so it runs after every edit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.services.dates import format_cn_date
from app.services.deadlines import deadline_problem
from app.services.dto import NodeDTO
from app.services.text_quality import corruption, describe, placeholders

NO_LEAD = "no_lead"
UNIT_NOT_IN_REGISTRY = "unit_not_in_registry"
DEADLINE_BEFORE_ISSUE = "deadline_before_issue"
EMPTY_HEADING = "empty_heading"
CORRUPTED = "corrupted"
PLACEHOLDER = "placeholder"
BAD_DEADLINE = "bad_deadline"

KIND_LABEL = {
    NO_LEAD: "缺牵头单位",
    UNIT_NOT_IN_REGISTRY: "单位不在名录",
    DEADLINE_BEFORE_ISSUE: "时限早于印发",
    EMPTY_HEADING: "标题为空",
    CORRUPTED: "乱码",
    PLACEHOLDER: "待填内容",
    BAD_DEADLINE: "时限日期有误",
}


@dataclass(frozen=True)
class Problem:
    node_id: int
    kind: str
    message: str


def _path(node: NodeDTO, parents: list[NodeDTO]) -> str:
    return "".join(p.label for p in parents) + node.label


def find_problems(roots: list[NodeDTO], active_unit_ids: Iterable[int], issue_date: date | None) -> list[Problem]:
    """Tasks without a lead unit; assigned units that are not (or no longer) in the active registry;
    deadlines before the issue date; impossible deadline dates; headings left empty; corrupted text
    (as an imported source had it) and placeholders left to fill in (the format checker's text checks)."""
    active = set(active_unit_ids)
    out: list[Problem] = []

    def walk(nodes: list[NodeDTO], parents: list[NodeDTO]) -> None:
        for n in nodes:
            where = _path(n, parents)
            if not n.heading.strip() and (not n.text.strip() or n.children):
                out.append(Problem(n.id, EMPTY_HEADING, f"{where} 标题为空"))
            if n.is_task and not n.lead_units:
                out.append(Problem(n.id, NO_LEAD, f"{where}{_short(n)} 未指定牵头单位"))
            for a in n.assignments:
                if a.unit_id not in active:
                    out.append(Problem(n.id, UNIT_NOT_IN_REGISTRY,
                                       f"{where}{_short(n)} 的单位“{a.unit_name}”不在现行单位名录中（已停用）"))
            text = "\n".join([n.heading, n.text, n.measures, *(a.unit_name for a in n.assignments)])
            found = corruption(text)
            if found:
                out.append(Problem(n.id, CORRUPTED, f"{where}{_short(n)} {describe(found)}，请对照原件改正"))
            for ph in dict.fromkeys(placeholders(text)):
                out.append(Problem(n.id, PLACEHOLDER, f"{where}{_short(n)} 中的“{ph}”待填写"))
            if issue_date is not None and n.deadline is not None and n.deadline < issue_date:
                out.append(Problem(n.id, DEADLINE_BEFORE_ISSUE,
                                   f"{where}{_short(n)} 的完成时限“{n.deadline_text or format_cn_date(n.deadline)}”"
                                   f"早于印发日期 {format_cn_date(issue_date)}"))
            why = deadline_problem(n.deadline_text, issue_date.year if issue_date else None) if n.deadline is None else ""
            if why:
                out.append(Problem(n.id, BAD_DEADLINE, f"{where}{_short(n)} 的完成时限“{n.deadline_text}”有误（{why}）"))
            walk(n.children, [*parents, n])

    walk(roots, [])
    return out


def _short(n: NodeDTO) -> str:
    title = n.heading or n.text
    return title[:18] + ("…" if len(title) > 18 else "")
