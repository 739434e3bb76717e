"""Page furniture of a printed document that survived copying: page numbers ("— 3 —", "- 3 -",
"第3页"), and running headers (the 文号 or the title repeated on every page), whether they
stand on their own line or were spliced into the middle of a sentence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from app.services.importing.cover import DOC_NUMBER
from app.services.importing.labels import parse_label
from app.services.importing.marking_words import is_marking_line

_DASH = "-—–－―~～_·•"
_PAGE_LINE = re.compile(
    rf"^(?:[{_DASH}\s]*[{_DASH}][{_DASH}\s]*\d{{1,3}}[{_DASH}\s]*[{_DASH}][{_DASH}\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*[/／]\s*\d{1,3})$"
)
_HAN_OR_PUNCT = r"[\u4e00-\u9fff，。、；：“”（）《》]"
_PAGE_SPLICED = re.compile(rf"(?<={_HAN_OR_PUNCT})\s*[{_DASH}]{{1,2}}\s*\d{{1,3}}\s*[{_DASH}]{{1,2}}\s*(?={_HAN_OR_PUNCT})")
_PAGE_AT_EDGE = re.compile(rf"(?:^\s*[{_DASH}]{{1,2}}\s*\d{{1,3}}\s*[{_DASH}]{{1,2}}\s*(?={_HAN_OR_PUNCT})"
                           rf"|(?<={_HAN_OR_PUNCT})\s*[{_DASH}]{{1,2}}\s*\d{{1,3}}\s*[{_DASH}]{{1,2}}\s*$)")
_HAS_DASH = re.compile(rf"[{_DASH}]\s*\d")


@dataclass
class PageReport:
    page_numbers: int = 0
    headers: int = 0
    removed: list[str] = field(default_factory=list)


def _header_candidates(lines: list[str]) -> list[str]:
    """Short lines that recur on page after page: a 文号 seen twice, any other short line three
    times. Item lines, marking lines and table cells recur for good reasons and are never headers."""
    counts = Counter(s for s in (line.strip() for line in lines) if s)
    out = []
    for text, n in counts.items():
        if len(text) > 40 or any(c in text for c in "。，、；,;|") or parse_label(text) or is_marking_line(text):
            continue
        if (DOC_NUMBER.match(text) and n >= 2) or n >= 3:
            out.append(text)
    return out


def remove_page_furniture(lines: list[str]) -> tuple[list[str], PageReport]:
    report = PageReport()
    headers = _header_candidates(lines)
    seen: set[str] = set()
    out: list[str] = []
    for line in lines:
        s = line.strip()
        if s and _PAGE_LINE.match(s):
            report.page_numbers += 1
            report.removed.append(s)
            continue
        if s in headers:
            if s in seen:
                report.headers += 1
                report.removed.append(s)
                continue
            seen.add(s)  # the first occurrence is the real title or 文号
        new = line
        if _HAS_DASH.search(line):
            new = _PAGE_AT_EDGE.sub("", _PAGE_SPLICED.sub("", line))
        if new != line:
            report.page_numbers += 1
            report.removed.append("页码")
        for h in headers:
            if len(h) >= 6 and h in new and new.strip() != h:
                new, n = _remove_spliced(new, h)
                report.headers += n
                report.removed.extend([h] * n)
        out.append(new)
    return out, report


def _remove_spliced(line: str, header: str) -> tuple[str, int]:
    """A header inside a sentence is cut out, unless it is quoted or cited (《…》, （…）)."""
    n = 0
    start = 0
    while True:
        i = line.find(header, start)
        if i < 0:
            return line, n
        before = line[i - 1] if i > 0 else ""
        after = line[i + len(header)] if i + len(header) < len(line) else ""
        if before in "《（(〔“" or after in "》）)”":
            start = i + len(header)
            continue
        line = line[:i] + line[i + len(header):]
        n += 1
