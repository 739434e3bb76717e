"""Joining lines that were hard-wrapped inside a paragraph (PDF copies, web pages, e-mail).

A line is continued by the next one when it stops mid-sentence: it ends in 、 or ，, or it
already holds sentence punctuation but no sentence end. Headings, titles, dates, signatures and
marking lines never end that way, so they are left alone. Blank lines inside the break do not
matter (the alashan sample breaks "二中、" / "三中全会" across a blank line; page breaks leave more)."""

from __future__ import annotations

import re

from app.services.importing.labels import parse_label
from app.services.importing.marking_words import is_marking_line

# ASCII forms count too, so a decision does not change once punctuation is widened.
_ENDS = set("。！？；：…!?;:")
_CLOSERS = set("”’）)》】」』")
_CONTINUES = set("、，,（(《“—")
_INNER = set("，、；。,;")
_HAN_DOT = re.compile(r"[\u4e00-\u9fff]\.")  # a half-width full stop after Chinese, widened later


def ends_sentence(line: str) -> bool:
    last = line[-1]
    if last in _ENDS:
        return True
    if last in _CLOSERS:
        if len(line) >= 2 and line[-2] in _ENDS:
            return True
        if line[0] in "（(【[" and last in "）)】]":
            return True  # a line in brackets: （此件公开发布） or （牵头单位：…）
    return False


def _heading_only(line: str) -> bool:
    label = parse_label(line)
    if label is None:
        return False
    return not any(c in label.rest for c in "。！？；!?;") and len(label.rest) <= 40


def continues(a: str, b: str) -> bool:
    """True when b is the rest of the sentence a stops in."""
    if not a or not b:
        return False
    if parse_label(b) or is_marking_line(b) or b.startswith("附件") or "|" in a or "|" in b:
        return False
    if ends_sentence(a):
        return False
    if a[-1] in _CONTINUES:
        return True
    if _heading_only(a) or is_marking_line(a):
        return False
    return any(c in _INNER for c in a) or _HAN_DOT.search(a) is not None


def join_wrapped(lines: list[str]) -> tuple[list[str], int]:
    """Paragraphs out (blank lines dropped), and how many breaks were joined."""
    out: list[str] = []
    joins = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and continues(out[-1], line):
            prev = out[-1]
            glue = " " if prev[-1].isascii() and prev[-1].isalnum() and line[0].isascii() and line[0].isalnum() else ""
            out[-1] = prev + glue + line
            joins += 1
        else:
            out.append(line)
    return out, joins
