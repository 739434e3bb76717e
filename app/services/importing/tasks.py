"""Stage 5, tasks: which items are 重点任务.

The task level is the level that carries unit markings. A document without markings has its
tasks at the lowest numbered level (a level used by only a few items is sub-points of a task,
not tasks). Guiding parts — 指导思想, 总体目标, 基本原则, 工作要求, 保障措施… — are not tasks
unless the document itself gives them units."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from app.services.deadlines import deadline_date
from app.services.importing.deadline_text import deadline_text_of
from app.services.importing.model import Item, Outline, Task
from app.services.importing.sentences import split_heading, title_of

GUIDING_WORDS = ("指导思想", "总体要求", "总体目标", "基本原则", "主要原则", "工作原则", "指导原则", "工作目标", "主要目标",
                 "目标原则", "目标任务", "基本要求", "工作要求", "保障措施", "组织保障", "组织领导", "组织实施", "实施步骤",
                 "工作步骤", "进度安排", "时间安排", "步骤安排", "编制依据", "适用范围", "总体思路", "工作思路", "基本思路",
                 "主要依据", "工作机制", "有关要求", "其他事项", "目标要求")
_GUIDING = re.compile("^(?:" + "|".join(GUIDING_WORDS) + r")(?:(?:[和与及、，]|以及)(?:" + "|".join(GUIDING_WORDS) + "))*$")


def is_guiding(heading: str) -> bool:
    return bool(_GUIDING.match(re.sub(r"[\s。：:]", "", heading)))


def _walk(items: list[Item], ancestors: list[Item] | None = None):
    ancestors = ancestors or []
    for it in items:
        yield it, ancestors
        yield from _walk(it.children, [*ancestors, it])


def _guiding_items(roots: list[Item]) -> set[int]:
    """ids of items that are guiding parts or lie inside one."""
    out: set[int] = set()

    def visit(items: list[Item], inside: bool) -> None:
        for it in items:
            guiding = inside or is_guiding(title_of(it.first_line))
            if guiding:
                out.add(id(it))
            visit(it.children, guiding)

    visit(roots, False)
    return out


def task_level(outline: Outline) -> tuple[int | None, bool]:
    """(level of the tasks, whether the document marks units)."""
    items = list(outline.items())
    marked = [it.level for it in items if it.marked]
    if marked:
        counts = Counter(marked)
        return max(counts, key=lambda lv: (counts[lv], lv)), True
    guiding = _guiding_items(outline.roots)
    counts = Counter(it.level for it in items if id(it) not in guiding)
    if not counts:
        return None, False
    peak = max(counts.values())
    return max(lv for lv, c in counts.items() if c >= peak / 2), False


def _has_body(item: Item) -> bool:
    return bool(item.lines) or any(c in item.first_line for c in "。；")


def mark_tasks(outline: Outline) -> list[str]:
    level, by_marks = task_level(outline)
    warnings: list[str] = []
    if level is None:
        return warnings
    unmarked: list[str] = []
    guiding_ids = _guiding_items(outline.roots)
    for it, anc in _walk(outline.roots):
        descendants_marked = any(d.marked for c in it.children for d in c.walk())
        guiding = id(it) in guiding_ids
        if by_marks:
            it.is_task = (it.marked or (it.level == level and not guiding)) and not descendants_marked
        elif it.level == level:
            it.is_task = not guiding
        else:  # a numbered item above the task level with nothing below it is a task of its own
            it.is_task = it.level < level and not it.children and not guiding and _has_body(it)
        if it.is_task and any(a.is_task for a in anc):
            it.is_task = False  # sub-points of a task stay inside it
        if by_marks and it.is_task and not it.marked:
            unmarked.append(_path_text(anc, it))
    if unmarked:
        shown = "、".join(unmarked[:6]) + ("等" if len(unmarked) > 6 else "")
        warnings.append(f"{len(unmarked)} 项任务未标明责任单位：{shown}。")
    return warnings


def _path_text(anc: list[Item], it: Item) -> str:
    return "".join(a.label.rstrip("、.．") for a in [*anc, it])


def full_text(item: Item) -> str:
    """The item's words without its label: first line, its paragraphs, then its sub-points."""
    parts = [item.first_line, *item.lines]
    for c in item.children:
        parts.append(c.label + full_text(c))
    return "\n".join(p for p in parts if p)


def fill_texts(outline: Outline) -> None:
    for it in outline.items():
        it.heading, body = split_heading(it.first_line)
        it.text = "\n".join(p for p in (body, *it.lines) if p)


def build_tasks(outline: Outline, plan_year: int | None, annual: bool) -> list[Task]:
    tasks: list[Task] = []
    for it, anc in _walk(outline.roots):
        if not it.is_task:
            continue
        text = full_text(it)
        deadline_text = it.markings.deadline_text or deadline_text_of(text)
        due: date | None = deadline_date(deadline_text, plan_year if annual else None) if deadline_text else None
        it.deadline = due
        if not it.markings.deadline_text:
            it.markings.deadline_text = deadline_text
        lead = [u for u in it.markings.units if u.role == "lead"]
        support = [u for u in it.markings.units if u.role == "support"]
        tasks.append(Task(path=[a.path_label for a in [*anc, it]], title=title_of(it.first_line) or title_of(text),
                          text=text, lead=lead, support=support, deadline_text=deadline_text, deadline=due,
                          responsible=it.markings.responsible))
    return tasks
