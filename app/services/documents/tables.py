"""The three summary tables built from a plan tree: 重点任务分工表, 责任清单 per unit, and the
unit × task summary. Column widths are in millimetres of the landscape type area (225 mm)."""

from __future__ import annotations

from app.services.documents.model import Column, Table, TableRow
from app.services.dto import NodeDTO
from app.services.plan_tree import iter_nodes

TABLE_KINDS = ("division", "unit-list", "matrix")
KIND_TITLE = {"division": "重点任务分工表", "unit-list": "责任清单", "matrix": "单位任务汇总表"}


def task_text(node: NodeDTO) -> str:
    head = node.heading.strip()
    body = node.text.strip()
    if head and body:
        return f"{head}{'' if head.endswith(('。', '；', '：')) else '。'}{body}"
    return head or body


def _tasks(roots: list[NodeDTO]) -> list[NodeDTO]:
    return [n for n in iter_nodes(roots) if n.is_task]


def division_table(roots: list[NodeDTO], title: str = KIND_TITLE["division"]) -> Table:
    cols = [Column("序号", 15, "center"), Column("重点任务", 115, "justify"), Column("牵头单位", 32),
            Column("参加单位", 40), Column("完成时限", 23, "center")]
    rows: list[TableRow] = []
    serial = 0
    for part in roots:
        tasks = _tasks([part])
        if not tasks:
            continue
        if not part.is_task:
            rows.append(TableRow([f"{part.label}{part.heading.strip()}"], section=True))
        for t in tasks:
            serial += 1
            rows.append(TableRow([str(serial), task_text(t), "、".join(t.lead_units), "、".join(t.support_units),
                                  t.deadline_text]))
    return Table("division", title, cols, rows)


def _unit_order(tasks: list[NodeDTO]) -> list[str]:
    seen: dict[str, None] = {}
    for t in tasks:
        for name in t.lead_units + t.support_units:
            seen.setdefault(name, None)
    return list(seen)


def unit_list_table(roots: list[NodeDTO], unit: str | None = None, title: str = KIND_TITLE["unit-list"]) -> Table:
    """Per unit, its tasks in 分工表 order; the 序号 are the 分工表's (tasks are numbered in order)."""
    cols = [Column("序号", 15, "center"), Column("重点任务", 149, "justify"), Column("责任类型", 25, "center"),
            Column("完成时限", 36, "center")]
    tasks = _tasks(roots)
    rows: list[TableRow] = []
    for name in _unit_order(tasks):
        if unit and name != unit:
            continue
        mine = [(serial, t, role) for serial, t in enumerate(tasks, start=1)
                for role, names in (("牵头", t.lead_units), ("参加", t.support_units)) if name in names]
        rows.append(TableRow([f"{name}（牵头{sum(r == '牵头' for *_, r in mine)}项，"
                              f"参加{sum(r == '参加' for *_, r in mine)}项）"], section=True))
        for serial, t, role in mine:
            rows.append(TableRow([str(serial), task_text(t), role, t.deadline_text]))
    return Table("unit-list", title if not unit else f"{unit}{title}", cols, rows)


def matrix_table(roots: list[NodeDTO], title: str = KIND_TITLE["matrix"]) -> Table:
    cols = [Column("序号", 15, "center"), Column("单位", 49), Column("牵头（项）", 22, "center"),
            Column("参加（项）", 22, "center"), Column("牵头任务序号", 58), Column("参加任务序号", 59)]
    tasks = _tasks(roots)
    rows = []
    for i, name in enumerate(_unit_order(tasks), start=1):
        lead = [serial for serial, t in enumerate(tasks, start=1) if name in t.lead_units]
        sup = [serial for serial, t in enumerate(tasks, start=1) if name in t.support_units]
        rows.append(TableRow([str(i), name, str(len(lead)), str(len(sup)), "、".join(map(str, lead)),
                              "、".join(map(str, sup))]))
    return Table("matrix", title, cols, rows, note="任务序号与重点任务分工表一致。")


def build_table(kind: str, roots: list[NodeDTO], unit: str | None = None) -> Table:
    if kind == "division":
        return division_table(roots)
    if kind == "unit-list":
        return unit_list_table(roots, unit)
    if kind == "matrix":
        return matrix_table(roots)
    raise ValueError(kind)
