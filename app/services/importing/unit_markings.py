"""Stage 4a, units and deadlines printed with an item, in every style of DESIGN.md §1:

  …。（牵头单位：A、B；配合单位：C；完成时限：2022年年底前）   labelled, in brackets
  责任单位：A，B  /  配合单位：C  /  责任主体：D             labelled lines after the item
  …。（A、B，C）  /  …（A、B牵头，C按职责分工负责）            unlabelled: before the first
                                                              full-width comma lead, after it support
The marking is taken out of the item's text; what it said goes into item.markings."""

from __future__ import annotations

import re

from app.services.importing.deadline_text import find_deadlines
from app.services.importing.marking_words import LABEL_RE, LINE_RE, STRONG_LEAD_WORDS, role_of
from app.services.importing.model import Item, Markings, Outline, UnitRef
from app.services.importing.unit_names import SUPPORT_QUALIFIERS, UNIT_END, looks_like_unit, split_unit_names

_OPEN = "（(【["
_CLOSE = "）)】]"
_BRACKET = re.compile("[（()）【】\\[\\]]")
_OPEN_ENDED = re.compile(r"长期坚持|长期推进|持续推进|长期|持续|常态化|每年|每季度|每月|每半年|年内|全年|适时")
_INLINE_LABEL = re.compile(r"(?:^|(?<=[。；;]))\s*(?=(?:牵头单位|责任单位|牵头部门|责任部门|责任主体|主责单位)\s*[：:])")


def parse_labelled(content: str) -> Markings:
    """"牵头单位：A、B；配合单位：C；完成时限：…" → Markings."""
    marks = Markings()
    found = list(LABEL_RE.finditer(content))
    strong = any(m.group(1) in STRONG_LEAD_WORDS for m in found)
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(content)
        value = content[m.end():end].strip().strip("；;，,。 ")
        if not value:
            continue
        role = role_of(m.group(1), strong)
        if role == "deadline":
            marks.deadline_text = "；".join(t for t in (marks.deadline_text, value) if t)
        elif role == "person":
            marks.responsible = value
        elif role == "mixed":
            marks.merge(parse_unlabelled(value) or _as_list(value, "lead"))
        else:
            marks.merge(_as_list(value, role))
    return marks


def _as_list(value: str, role: str) -> Markings:
    """A labelled list. "A（牵头）、B、C" under 责任单位: A leads, the others support."""
    marks = Markings()
    units = [u for group in split_unit_names(value) for u in group]
    some_lead = role == "lead" and any(u.note.startswith("牵头") for u in units)
    for u in units:
        r = "support" if some_lead and not u.note.startswith("牵头") else role
        marks.add_unit(UnitRef(u.name, r, u.note))
    return marks


def parse_unlabelled(content: str) -> Markings | None:
    """"A、B，C" or "A、B牵头，C按职责分工负责": units or None when this is not a unit list."""
    groups = split_unit_names(content)
    if not groups:
        return None
    marks = Markings()
    units = []
    for gi, group in enumerate(groups):
        whole = group[0].name + group[0].note
        if len(group) == 1 and not looks_like_unit(group[0].name) and len(whole) <= 24 and (
                find_deadlines(whole) or _OPEN_ENDED.fullmatch(whole)):
            marks.deadline_text = whole  # "（县司法局，2022年12月底前完成）", "（…，长期坚持）"
            continue
        for u in group:
            if not looks_like_unit(u.name):
                return None
            role = "lead" if gi == 0 else "support"
            if u.note.startswith("牵头"):
                role = "lead"
            elif u.note in SUPPORT_QUALIFIERS:
                role = "support"
            units.append(UnitRef(u.name, role, u.note))
    if not units:
        return None
    for u in units:
        marks.add_unit(u)
    return marks


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Top-level (start, end) of bracket groups; an unclosed one runs to the end of the text."""
    spans, depth, start = [], 0, 0
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def take_labelled_brackets(text: str, marks: Markings, warnings: list[str]) -> str:
    for start, end in reversed(_bracket_spans(text)):
        inner = text[start + 1:end - 1] if text[end - 1] in _CLOSE else text[start + 1:end]
        if LABEL_RE.match(inner.strip()):
            if text[end - 1] not in _CLOSE:
                warnings.append(f"“{text[start:start + 20]}…”的括号没有闭合，已按到行尾读取。")
            marks.merge(parse_labelled(inner))
            text = (text[:start] + text[end:]).rstrip()
    return text


def take_trailing_units(text: str, marks: Markings) -> str:
    """An unlabelled unit list in brackets closing the item: "…。（A、B，C）" or "…（A牵头）。"."""
    body = text.rstrip()
    tail = ""
    if body.endswith(("。", "；")) and body[:-1].endswith(tuple(_CLOSE)):
        body, tail = body[:-1], body[-1]
    spans = _bracket_spans(body)
    if not spans or spans[-1][1] != len(body) or body[-1] not in _CLOSE:
        return text
    start, end = spans[-1]
    inner = body[start + 1:end - 1]
    before = body[start - 1] if start else ""
    found = parse_unlabelled(inner)
    if found is None:
        return text
    qualified = any(u.note for u in found.units)
    name_goes_on = bool(UNIT_END.search(body[:start]))  # "…政府（管委会）": part of a name
    if not (before in "。；" or not before or len(found.units) >= 2 or qualified or not name_goes_on):
        return text
    marks.merge(found)
    return (body[:start].rstrip() + tail).strip()


def extract_markings(item: Item) -> list[str]:
    """Moves every marking out of the item's text into item.markings; returns warnings."""
    warnings: list[str] = []
    marks = Markings()
    kept: list[str] = []
    marking_lines: list[str] = []
    for para in item.lines:
        if LINE_RE.match(para):
            inner = para.strip()
            if inner[0] in "（(【[":
                inner = inner[1:].rstrip("）)】]")
            marking_lines.append(inner)
        else:
            kept.append(para)
    if marking_lines:  # read together: "牵头单位：" on one line changes what "责任单位：" on the next means
        marks.merge(parse_labelled("；".join(marking_lines)))
    paras = [item.first_line, *kept]
    for k, para in enumerate(paras):
        para = take_labelled_brackets(para, marks, warnings)
        m = _INLINE_LABEL.search(para)
        if m and m.start() > 0:
            marks.merge(parse_labelled(para[m.start():]))
            para = para[:m.start()].rstrip()
        paras[k] = para
    last = len(paras) - 1
    while last > 0 and not paras[last]:
        last -= 1
    paras[last] = take_trailing_units(paras[last], marks)
    if last > 0 and not marks.units:  # "（一）深化改革（市编办，市政府各部门）" over its body paragraphs
        paras[0] = take_trailing_units(paras[0], marks)
    item.first_line = paras[0]
    item.lines = [p for p in paras[1:] if p]
    item.markings.merge(marks)
    item.marked = bool(item.markings.units)
    return warnings


_BRACKETED_LINE = re.compile(r"^[（(【\[].*[）)】\]]$")


def _marks_itself(item: Item) -> bool:
    return any(LABEL_RE.search(t) for t in (item.first_line, *item.lines))


def lift_group_markings(outline: Outline) -> None:
    """A marking on a line of its own in brackets after a group of sub-items ((1)…(4), then
    "（责任单位：…）") belongs to the item above them, when none of the sub-items names units of
    its own: the sub-items are that item's content, not tasks without units."""
    for parent in list(outline.items()):
        kids = parent.children
        if len(kids) < 2:
            continue
        last = kids[-1]
        tail: list[str] = []
        while last.lines and LINE_RE.match(last.lines[-1]) and _BRACKETED_LINE.match(last.lines[-1].strip()):
            tail.insert(0, last.lines.pop())
        if not tail:
            continue
        if _marks_itself(parent) or any(_marks_itself(k) for k in kids) or any(k.children for k in kids):
            last.lines += tail  # the sub-items carry markings (or deeper items): leave it where it is
            continue
        parent.lines += tail
