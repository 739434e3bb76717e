"""Outline labels as printed: 第一部分, 一、, （一）, 1. / 1． / 1、, （1）, ①.

Ranks order the styles the way GB/T 9704 nests them; the outline parser nests by rank, so a
document that skips a style (一、 then 1.) still nests correctly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.services import numbering

_CN = "一二三四五六七八九十百零〇两"
_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^第([{_CN}]{{1,4}})(?:部分|章|篇)[\s、：:．.]*")),
    (1, re.compile(rf"^([{_CN}]{{1,4}})\s*[、．.]\s*")),
    (2, re.compile(rf"^[（(]\s*([{_CN}]{{1,4}})\s*[）)]\s*[、．.]?\s*")),
    (3, re.compile(r"^(\d{1,3})\s*(?:[.．](?![\d.．])|、)\s*")),
    (4, re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*[、．.]?\s*|^(\d{1,2})[）)](?=[\u4e00-\u9fff])")),
    (5, re.compile(r"^([\u2460-\u2473])\s*")),
)


@dataclass(frozen=True)
class Label:
    rank: int
    number: int
    printed: str  # the label as it stood, e.g. "（一）" or "1."
    rest: str  # the line after the label

    @property
    def path_label(self) -> str:
        """DESIGN.md §5: "一", "(一)", "1", "(1)" — ASCII brackets, no 、 or . Ranks 1–5 are the
        levels numbering.path_label knows; a 第…部分/章/篇 reads "第一部分"."""
        if self.rank == 0:
            return f"第{numbering.to_chinese(self.number)}部分"
        return numbering.path_label(self.rank, self.number)


@lru_cache(maxsize=8192)
def parse_label(line: str) -> Label | None:
    """The label that starts the line, or None. "一是…", "2022年", "3.5%" and "(2021—2025年)" are
    not labels."""
    if not line:
        return None
    first = line[0]
    if not (first in _CN or first in "第（(" or first.isdigit() or "\u2460" <= first <= "\u2473"):
        return None
    for rank, pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        raw = m.group(1) or m.group(2) if rank == 4 else m.group(1)
        if rank == 5:
            number = ord(raw) - 0x2460 + 1
        elif raw.isdigit():
            number = int(raw)
        else:
            try:
                number = numbering.from_chinese(raw.replace("两", "二"))
            except ValueError:
                continue
        if number < 1:
            continue
        rest = line[m.end():]
        if not rest.strip() and rank in (3, 4):
            continue  # a bare "1." is a table cell or a page artefact, not an item
        return Label(rank, number, m.group(0).strip(), rest.strip())
    return None
