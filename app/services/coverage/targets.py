"""Reading both sides of the check: the county plan's tasks and the superior plan's tasks, each
with its number in document order, its label and the chapter above it."""

from __future__ import annotations

from app.services.coverage.dto import SUPERIOR, CountyTask, Target
from app.services.dto import NodeDTO


def _walk(roots: list[NodeDTO]) -> list[tuple[NodeDTO, list[NodeDTO]]]:
    """Every node with its ancestors, in document order."""
    out: list[tuple[NodeDTO, list[NodeDTO]]] = []

    def walk(nodes: list[NodeDTO], above: list[NodeDTO]) -> None:
        for n in nodes:
            out.append((n, above))
            walk(n.children, [*above, n])

    walk(roots, [])
    return out


def _tasks_or_leaves(roots: list[NodeDTO]) -> list[tuple[NodeDTO, list[NodeDTO]]]:
    every = _walk(roots)
    tasks = [(n, above) for n, above in every if n.is_task]
    return tasks or [(n, above) for n, above in every if not n.children]


def node_title(node: NodeDTO, limit: int = 60) -> str:
    head = node.heading.strip().rstrip("。；;：:")
    if head:
        return head[:limit]
    text = node.text.strip()
    for stop in "。；":
        text = text.split(stop, 1)[0]
    return text[:limit]


def full_text(node: NodeDTO) -> str:
    head = node.heading.strip()
    body = node.text.strip()
    if head and body and not head.endswith(("。", "；", "：")):
        head += "。"
    return head + body


def county_tasks(roots: list[NodeDTO]) -> list[CountyTask]:
    out = []
    for serial, (n, above) in enumerate(_tasks_or_leaves(roots), start=1):
        part = above[0] if above else None
        out.append(CountyTask(n.id, serial, n.label, f"{part.label}{part.heading.strip()}" if part else "",
                              part.id if part else None, node_title(n), full_text(n)))
    return out


def superior_targets(roots: list[NodeDTO]) -> list[Target]:
    out = []
    for serial, (n, above) in enumerate(_tasks_or_leaves(roots), start=1):
        path = " › ".join(f"{a.label}{node_title(a, 30)}" for a in above)
        out.append(Target(SUPERIOR, n.id, serial, n.label, path, node_title(n), full_text(n)))
    return out
