"""Stage 3, outline: labelled lines nest by label style; unlabelled paragraphs belong to the item
above them. The outline stops at the 附件 part (附件说明 or an attachment page), whose tables go
to the 分工表 stage."""

from __future__ import annotations

import itertools
import re

from app.services.importing.cover import parse_cn_date_line, split_organs
from app.services.importing.labels import parse_label
from app.services.importing.model import Block, Item, Outline, Table

_ATTACH = re.compile(r"^附件\s*\d{0,2}(?:\s*[：:]|\s*$|\s+\S{2,40}$)")
_EDITORIAL = re.compile(r"^[（(][^（）()]{2,20}[）)]$")  # （原文略有删节）
_CLOSING = re.compile(r"本(?:实施)?方案|本(?:工作)?要点|本意见|本计划|本办法|本规划|自印发之日起|自发布之日起|"
                      r"^(?:各地|各部门|各单位|各级|各乡镇|各街镇|各街道|各县|全区|全县|全市|全州|全旗|全盟)")


def build_outline(blocks: list[Block], preamble: list[str]) -> tuple[Outline, list[str]]:
    warnings: list[str] = []
    roots: list[Item] = []
    stack: list[Item] = []
    tables: list[Table] = []
    pre = list(preamble)
    attachment_note = ""
    after: list[str] = []
    in_attachment = False
    for block in blocks:
        if isinstance(block, Table):
            tables.append(block)
            continue
        if in_attachment:
            after.append(block)
            continue
        if _ATTACH.match(block) and (stack or roots):
            in_attachment = True
            attachment_note = block
            continue
        label = parse_label(block)
        if label is None:
            (stack[-1].lines if stack else pre).append(block)
            continue
        item = Item(rank=label.rank, number=label.number, label=label.printed, path_label=label.path_label,
                    first_line=label.rest)
        while stack and stack[-1].rank >= label.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        item.level = len(stack) + 1
        stack.append(item)
    if after and not tables:
        warnings.append(f"附件部分的 {len(after)} 段文字未导入（其中没有可识别的分工表）。")
    outline = Outline(preamble=pre, roots=roots, closing=[], tables=tables, attachment_note=attachment_note)
    warnings += _split_closing(outline)
    warnings += _check_numbering(roots)
    outline.continuous_levels = _continuous(roots)
    return outline, warnings


def _split_closing(outline: Outline) -> list[str]:
    """Paragraphs after the last item that close the whole document ("各地要…", "本方案自…施行")
    are the plan's closing, not the last item's text; a bracketed editor's remark is dropped."""
    warnings: list[str] = []
    if not outline.roots:
        return warnings
    last = outline.roots[-1]
    while last.children:
        last = last.children[-1]
    if last.level < 2 and not last.first_line:
        return warnings
    if last.lines and parse_cn_date_line(last.lines[-1]):  # a plan signed at its end, without a notice
        tail = [last.lines.pop()]
        while last.lines and split_organs(last.lines[-1]) is not None:
            tail.insert(0, last.lines.pop())
        warnings.append(f"文末的署名和日期“{' '.join(tail)}”未作为正文导入。")
    while last.lines:
        para = last.lines[-1]
        if _EDITORIAL.match(para) and "此件" not in para:
            warnings.append(f"文末的编者说明“{para}”未导入。")
            last.lines.pop()
        elif _CLOSING.search(para) and last.level >= 2:
            outline.closing.insert(0, last.lines.pop())
        else:
            break
    if outline.closing:
        warnings.append("文末 " + str(len(outline.closing)) + " 段作为结束语（工作要求）导入，不算作任务。")
    return warnings


def _check_numbering(items: list[Item], parent: str = "") -> list[str]:
    warnings = []
    for prev, cur in itertools.pairwise(items):
        if prev.rank == cur.rank and cur.number != prev.number + 1:
            where = f"“{parent}”下" if parent else ""
            warnings.append(f"编号不连续：{where}{prev.label}之后是{cur.label}，已按原编号导入，请核对是否缺漏。")
    for it in items:
        warnings += _check_numbering(it.children, it.label + (it.first_line[:12] if it.first_line else ""))
    return warnings


def _continuous(roots: list[Item]) -> tuple[int, ...]:
    """Depths whose numbers run on across their parents rather than restarting: （一）（二）… across
    the parts (alashan, xinjiang), or 1.–85. across the （一） items (qijiang)."""
    levels = []
    parents, depth = roots, 2
    while parents:
        firsts = [p.children[0] for p in parents if p.children]
        if len(firsts) >= 2 and any(c.number != 1 for c in firsts[1:]):
            levels.append(depth)
        parents = [c for p in parents for c in p.children]
        depth += 1
    return tuple(levels)
