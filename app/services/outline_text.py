"""A plan as plain text with its computed labels (for quick review and the demo output)."""

from __future__ import annotations

from app.services.dto import NodeDTO, PlanDTO
from app.services.plan_tree import iter_nodes


def outline_text(plan: PlanDTO, roots: list[NodeDTO]) -> str:
    lines = [plan.title, ""]
    if plan.preamble:
        lines += [plan.preamble, ""]
    for n in iter_nodes(roots):
        head = n.heading.strip()
        body = n.text.strip()
        if head and body:
            sep = "" if head.endswith(("。", "；", "：")) else "。"
            line = f"{n.label}{head}{sep}{body}"
        else:
            line = f"{n.label}{head or body}"
        if n.is_task:
            units = []
            if n.lead_units:
                units.append("牵头单位：" + "、".join(n.lead_units))
            if n.support_units:
                units.append("配合单位：" + "、".join(n.support_units))
            if n.deadline_text:
                units.append("完成时限：" + n.deadline_text)
            if units:
                line += "（" + "；".join(units) + "）"
        lines.append(line)
    if plan.closing:
        lines += ["", plan.closing]
    return "\n".join(lines) + "\n"
