"""Deadlines written inside an item's sentences: "2022年年底前", "到2025年年底", "6月底前",
"每年4月1日前", "长期坚持". Only phrases that set a limit (前, 底, 末, 内…) count; a bare year
("到2020年基本建成…", a target) does not."""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
_MONTH = rf"(?:\d{{1,2}}|[{_CN}]{{1,2}})月"
_DAY = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})[日号]"
_INLINE = re.compile(
    "|".join((
        r"(?:到|至|截至|截止到?|于|在)?(?<!\d)\d{4,}\s*年\s*(?:" + _MONTH + r"(?:" + _DAY + r"|底|末|中旬|上旬|下旬)?)?"
        r"(?:年底|年末|底|末)?前",
        r"(?:到|至|截至|截止到?|于)(?<!\d)\d{4,}\s*年\s*(?:年底|年末|底|末)",
        r"(?<!\d)\d{4,}\s*年\s*(?:年底|年末|底|末)",
        r"(?<!\d)\d{4,}\s*年\s*(?:上半年|下半年|第?(?:[一二三四五六七八九十]{1,2}|\d{1,2})季度)(?:前|内|末)?",
        r"(?<!\d)\d{4,}\s*年内",
        r"每年\s*" + _MONTH + r"(?:" + _DAY + r"|底|末)?前",
        r"每(?:季度|月|半年)(?:末|底)?前",
        r"(?<![年\d])" + _MONTH + r"(?:" + _DAY + r"|底|末|中旬|上旬|下旬)前",
        r"(?<![\d一二三四五六七八九十两半多每])年底前",
        r"长期坚持",
    ))
)
_MAYBE = re.compile(r"前|底|末|年内|季度|半年|长期坚持")
_BARE_YEAR_BEFORE = re.compile(r"^\d{4}\s*年\s*前$")  # "2022年前完成": by 2022? before 2022? ambiguous


def find_deadlines(text: str) -> list[str]:
    """Deadline phrases in reading order, without repeats; text in 《》 is not searched."""
    if not _MAYBE.search(text or ""):
        return []
    plain = re.sub(r"《[^《》]*》", lambda m: "□" * len(m.group()), text or "")
    found: list[str] = []
    for m in _INLINE.finditer(plain):
        phrase = text[m.start():m.end()]
        if _BARE_YEAR_BEFORE.match(phrase):
            continue
        if phrase not in found:
            found.append(phrase)
    return found


def deadline_text_of(text: str) -> str:
    return "；".join(find_deadlines(text))
