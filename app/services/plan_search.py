"""Finding tasks in a plan: a search over heading, text, units and 责任人, and filters by unit and
role, deadline range or quarter, tasks without a lead unit, and overdue tasks; sort keys for the
outline's columns.

Pure functions over the NodeDTO tree, so the editor can filter on every reload without a query."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from app.services.dto import NodeDTO
from app.services.plan_tree import iter_nodes

ROLES = ("", "lead", "support")  # "" = either role


@dataclass(frozen=True)
class TaskFilter:
    text: str = ""  # words separated by blanks; every word must be found
    unit_id: int | None = None
    role: str = ""  # "" | lead | support (with unit_id)
    date_from: date | None = None
    date_to: date | None = None
    quarter: int | None = None  # 1–4: deadlines in that quarter (of `year` when given)
    year: int | None = None
    no_lead: bool = False  # tasks without a lead unit
    overdue: bool = False  # deadline passed (before `today`)
    today: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.words or self.unit_id is not None or self.date_from or self.date_to or self.quarter
                     or self.no_lead or self.overdue)

    @property
    def words(self) -> list[str]:
        return [fold(w) for w in self.text.split() if w.strip()]

    def describe(self) -> str:
        """The criteria as a short Chinese phrase, for the count label."""
        parts = []
        if self.words:
            parts.append(f"含“{' '.join(self.text.split())}”")
        if self.unit_id is not None:
            parts.append({"lead": "该单位牵头", "support": "该单位配合"}.get(self.role, "该单位承担"))
        if self.quarter:
            parts.append(f"第{'一二三四'[self.quarter - 1]}季度到期")
        if self.date_from or self.date_to:
            parts.append("时限在所选日期内")
        if self.no_lead:
            parts.append("无牵头单位")
        if self.overdue:
            parts.append("已逾期")
        return "，".join(parts)


def fold(text: str) -> str:
    """For matching: full-width letters and digits as ASCII, case and blanks ignored."""
    return "".join(unicodedata.normalize("NFKC", text or "").lower().split())


def searchable(node: NodeDTO) -> str:
    units = "\n".join(a.unit_name for a in node.assignments)
    return fold("\n".join((node.heading, node.text, units, node.responsible_person)))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def matches(node: NodeDTO, f: TaskFilter) -> bool:
    if f.words:
        hay = searchable(node)
        if not all(w in hay for w in f.words):
            return False
    if f.unit_id is not None:
        roles = {a.role for a in node.assignments if a.unit_id == f.unit_id}
        if not roles or (f.role and f.role not in roles):
            return False
    if f.no_lead and not (node.is_task and not node.lead_units):
        return False
    if f.date_from or f.date_to or f.quarter or f.overdue:
        d = node.deadline
        if d is None:
            return False
        if (f.date_from and d < f.date_from) or (f.date_to and d > f.date_to):
            return False
        if f.quarter and (quarter_of(d) != f.quarter or (f.year and d.year != f.year)):
            return False
        if f.overdue and not (node.is_task and d < (f.today or date.today())):
            return False
    return True


def matching_ids(roots: list[NodeDTO], f: TaskFilter) -> set[int]:
    """Ids of the nodes the filter keeps (their ancestors are shown by the view, not listed here)."""
    return {n.id for n in iter_nodes(roots) if matches(n, f)}


# ---- sorting -------------------------------------------------------------------------------
SORT_COLUMNS = ("outline", "text", "lead", "support", "deadline")


def outline_keys(roots: list[NodeDTO]) -> dict[int, tuple[int, ...]]:
    """Each node's place in the outline (positions from the top), the key of the original order."""
    out: dict[int, tuple[int, ...]] = {}

    def walk(nodes: list[NodeDTO], prefix: tuple[int, ...]) -> None:
        for i, n in enumerate(nodes):
            out[n.id] = (*prefix, i)
            walk(n.children, out[n.id])

    walk(roots, ())
    return out


def sort_key(node: NodeDTO, column: str, outline: dict[int, tuple[int, ...]]) -> tuple:
    """Key for one column; ties fall back to the outline order. Empty values sort last."""
    place = outline.get(node.id, ())
    if column == "text":
        value = fold(node.text)
    elif column == "lead":
        value = "、".join(node.lead_units)
    elif column == "support":
        value = "、".join(node.support_units)
    elif column == "deadline":
        return (node.deadline is None, node.deadline or date.max, node.deadline_text == "", node.deadline_text,
                place)
    else:
        return (False, place)
    return (value == "", value, place)
