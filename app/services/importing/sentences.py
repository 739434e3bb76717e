"""Sentences of official prose: a sentence ends at 。！？ outside brackets, quotes and 《》, so
"“…。”" and "（…。）" never cut a heading in two."""

from __future__ import annotations

import re

_OPEN = "（(《“‘【〔〈「『"
_CLOSE = "）)》”’】〕〉」』"
_ENDS = "。！？"
TITLE_MAX = 60


_END_RE = re.compile("[。！？]")
_OPEN_RE = re.compile("[" + re.escape(_OPEN) + "]")


def split_first_sentence(text: str) -> tuple[str, str]:
    """(first sentence with its end mark, the rest)."""
    m = _END_RE.search(text)
    if m is None:
        return text, ""
    if not _OPEN_RE.search(text, 0, m.start()):  # the common case: no bracket before the first end
        return text[:m.end()], text[m.end():].lstrip()
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _ENDS and depth == 0:
            return text[:i + 1], text[i + 1:].lstrip()
    return text, ""


def title_of(text: str) -> str:
    """DESIGN.md §5: the heading sentence without its final 。, or the first sentence, cut at 60."""
    first, _ = split_first_sentence(text.strip())
    first = first.rstrip("。；;，,：: ")
    return first[:TITLE_MAX]


def split_heading(text: str) -> tuple[str, str]:
    """(heading, body) of an item's first line. The heading is the first sentence when it is short
    enough to be a heading; a long opening sentence is body, and the heading stays empty."""
    first, rest = split_first_sentence(text.strip())
    head = first.rstrip("。")
    if len(head) > TITLE_MAX:
        return "", text.strip()
    return head, rest
